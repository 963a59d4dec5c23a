import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { EnrolmentParamsDto } from '../enrolments/dto/enrolment-params.dto';
import { CertificateQueryDto } from './dto/certificate.query.dto';
import { CertificatesService } from './certificates.service';

@ApiTags('certificates')
@Controller({ path: 'courses/:id/enrolments/:enrolmentId/certificate', version: '1' })
@Roles('coordinator', 'case-worker', 'trainer')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  async get(
    @Param() { id, enrolmentId }: EnrolmentParamsDto,
    @Query() { lang }: CertificateQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return new StreamableFile(
      await this.certificates.render({
        principal,
        courseId: id,
        enrolmentId,
        language: lang ?? 'fr',
      }),
    );
  }
}
