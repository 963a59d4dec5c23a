import {
  Controller,
  Headers,
  HttpCode,
  Post,
  Query,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses } from '@mrm/http';
import { AccessReason } from '../audit/access-reason.decorator';
import { ImportQueryDto } from './dto/import-query.dto';
import { ImportReportDto } from './dto/import-report.response.dto';
import { MAX_IMPORT_BYTES } from './import-file';
import { ImportUploadErrorsFilter, uploadedImportFile } from './import-upload';
import type { ImportReport } from './import-report';
import { ImportService } from './import.service';

@ApiTags('beneficiary-imports')
@ApiHeader({
  name: 'X-Access-Reason',
  required: false,
  description: 'Why the data is loaded (audit log)',
})
@Controller({ path: 'beneficiary-imports', version: '1' })
@UseFilters(ImportUploadErrorsFilter)
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('case-worker', 'coordinator')
  // In memory: at most 10 MB, read once, never stored. The form holds the file alone: a few
  // small parts at most, so a flood of fields or headers is refused before it is buffered.
  @UseInterceptors(
    FileInterceptor('file', {
      limits: {
        fileSize: MAX_IMPORT_BYTES,
        files: 1,
        fields: 4,
        fieldNameSize: 100,
        fieldSize: 1024,
        parts: 5,
        headerPairs: 20,
      },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'A CSV (UTF-8, `,` or `;`) or XLSX (first worksheet) following the template',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({
    type: ImportReportDto,
    description: 'The per-row report (200 even if rows fail)',
  })
  @ApiProblemResponses(413, 415)
  run(
    @Query() query: ImportQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<ImportReport> {
    return this.imports.run({
      ...uploadedImportFile({ file, contentType }),
      principal,
      dryRun: query.dryRun === 'true',
      reason,
    });
  }
}
