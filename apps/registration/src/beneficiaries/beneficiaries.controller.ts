import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import {
  ApiProblemResponses,
  CreatedResource,
  Idempotent,
  IfMatchVersion,
  WithETag,
  type Page,
} from '@mrm/http';
import { AccessReason } from '../audit/access-reason.decorator';
import { BeneficiariesService } from './beneficiaries.service';
import { BeneficiarySearchService } from './beneficiary-search.service';
import {
  BeneficiaryPageDto,
  type BeneficiarySummaryDto,
} from './dto/beneficiary-summary.response.dto';
import { BeneficiaryResponseDto, toBeneficiaryResponse } from './dto/beneficiary.response.dto';
import { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';
import {
  IDENTITY_FILTERS,
  LegacyListBeneficiariesQueryDto,
  SearchBeneficiariesRequestDto,
} from './dto/search-beneficiaries.dto';
import { UpdateBeneficiaryRequestDto } from './dto/update-beneficiary.request.dto';
import { UuidParamDto } from './dto/uuid-param.dto';
import { BeneficiaryError } from './beneficiary.errors';

// The search body's own rule, stated in the contract: a document is its type and number together.
const SEARCH_BODY_SCHEMA = {
  allOf: [
    { $ref: getSchemaPath(SearchBeneficiariesRequestDto) },
    {
      anyOf: [
        { required: ['documentType', 'documentNumber'] },
        { not: { anyOf: [{ required: ['documentType'] }, { required: ['documentNumber'] }] } },
      ],
    },
  ],
};

@ApiTags('beneficiaries')
@ApiHeader({
  name: 'X-Access-Reason',
  required: false,
  description: 'Why the data is accessed (audit log)',
})
@Controller({ path: 'beneficiaries', version: '1' })
export class BeneficiariesController {
  constructor(
    private readonly beneficiaries: BeneficiariesService,
    private readonly search: BeneficiarySearchService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('case-worker', 'coordinator')
  @ApiCreatedResponse({ type: BeneficiaryResponseDto })
  @ApiProblemResponses(409, 429)
  @CreatedResource()
  @Idempotent()
  async register(
    @Body() body: RegisterBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryResponseDto> {
    return toBeneficiaryResponse(
      await this.beneficiaries.create({ request: body, principal, reason }),
    );
  }

  /** The list on clear dimensions; identity filters moved to `POST /search` (410 here). */
  @Get()
  @Roles('case-worker', 'coordinator')
  @ApiOkResponse({ type: BeneficiaryPageDto })
  @ApiProblemResponses(410)
  list(
    @Query() query: LegacyListBeneficiariesQueryDto,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<Page<BeneficiarySummaryDto>> {
    const { documentType, documentNumber, phone, name, ...filters } = query;
    if ([documentType, documentNumber, phone, name].some((value) => value !== undefined)) {
      throw new BeneficiaryError('IDENTITY_SEARCH_MOVED', {
        detail: `${IDENTITY_FILTERS.join(', ')} are searched with POST /api/v1/beneficiaries/search`,
      });
    }
    return this.search.search({ query: filters, principal, reason });
  }

  /**
   * Identity search: names, phone and document travel in the body, never in a URL that proxies
   * and access logs keep. Another institution's exact match answers only `elsewhere`.
   */
  @Post('search')
  @HttpCode(200)
  @Roles('case-worker', 'coordinator')
  @ApiExtraModels(SearchBeneficiariesRequestDto)
  @ApiBody({ schema: SEARCH_BODY_SCHEMA })
  @ApiOkResponse({ type: BeneficiaryPageDto })
  @ApiProblemResponses(429)
  searchByIdentity(
    @Body() body: SearchBeneficiariesRequestDto,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<Page<BeneficiarySummaryDto>> {
    return this.search.search({ query: body, principal, reason });
  }

  @Get(':id')
  @Roles('case-worker', 'coordinator')
  @WithETag()
  @ApiOkResponse({ type: BeneficiaryResponseDto })
  @ApiProblemResponses(404)
  async get(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryResponseDto> {
    return toBeneficiaryResponse(
      await this.beneficiaries.read({ principal, beneficiaryId: id, reason }),
    );
  }

  @Patch(':id')
  @Roles('case-worker', 'coordinator')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the version being edited',
    example: '"3"',
  })
  @ApiOkResponse({ type: BeneficiaryResponseDto })
  @ApiProblemResponses(404, 409, 412, 428)
  async update(
    @Param() { id }: UuidParamDto,
    @Body() patch: UpdateBeneficiaryRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryResponseDto> {
    const view = await this.beneficiaries.update({
      principal,
      beneficiaryId: id,
      patch,
      expectedVersion,
      reason,
    });
    return toBeneficiaryResponse(view);
  }
}
