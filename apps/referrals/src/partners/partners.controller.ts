import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { CreatedResource, Idempotent, IfMatchVersion, WithETag } from '@mrm/http';
import { CreatePartnerRequestDto } from './dto/create-partner.request.dto';
import { ListPartnersQueryDto } from './dto/list-partners.query.dto';
import {
  PartnerPageResponseDto,
  PartnerResponseDto,
  toPartnerPageResponse,
  toPartnerResponse,
} from './dto/partner.response.dto';
import { UpdatePartnerRequestDto } from './dto/update-partner.request.dto';
import { UuidParamDto } from './dto/uuid-param.dto';
import { DirectoryImportService } from './directory-import.service';
import { ImportReportResponseDto } from './dto/import-report.response.dto';
import { PartnersService } from './partners.service';

/** Partner institutions of the directory (HSDS organizations); coordinators maintain it. */
@ApiTags('partners')
@Controller({ path: 'partners', version: '1' })
@Roles('referral-officer', 'case-worker', 'coordinator')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly directoryImport: DirectoryImportService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator')
  @ApiCreatedResponse({ type: PartnerResponseDto })
  @CreatedResource()
  @Idempotent()
  async register(@Body() body: CreatePartnerRequestDto): Promise<PartnerResponseDto> {
    return toPartnerResponse(await this.partners.register({ request: body }));
  }

  @Get()
  @ApiOkResponse({ type: PartnerPageResponseDto })
  async list(@Query() query: ListPartnersQueryDto): Promise<PartnerPageResponseDto> {
    return toPartnerPageResponse(await this.partners.list(query));
  }

  @Get('hsds')
  @ApiOkResponse({ description: 'The directory as an Open Referral HSDS 3 JSON document' })
  exportHsds(): Promise<{ organizations: object[] }> {
    return this.partners.exportHsds();
  }

  @Post('hsds')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiBody({ description: 'An Open Referral HSDS 3 document: { organizations: [...] }' })
  @ApiOkResponse({ type: ImportReportResponseDto })
  importHsds(@Body() document: object): Promise<ImportReportResponseDto> {
    return this.directoryImport.importHsds(document);
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: PartnerResponseDto })
  async get(@Param() { id }: UuidParamDto): Promise<PartnerResponseDto> {
    return toPartnerResponse(await this.partners.get({ partnerId: id }));
  }

  @Patch(':id')
  @Roles('coordinator')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag being edited',
    example: '"3"',
  })
  @ApiOkResponse({ type: PartnerResponseDto })
  async update(
    @Param() { id }: UuidParamDto,
    @Body() patch: UpdatePartnerRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<PartnerResponseDto> {
    return toPartnerResponse(await this.partners.update({ partnerId: id, patch, expectedVersion }));
  }
}
