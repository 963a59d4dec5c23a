import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses, Idempotent } from '@mrm/http';
import { ConsentsService } from './consents.service';
import { BeneficiaryIdParamDto, ConsentParamsDto } from './dto/consent-params.dto';
import {
  ConsentPageResponseDto,
  ConsentResponseDto,
  toConsentPageResponse,
  toConsentResponse,
} from './dto/consent.response.dto';
import { GrantConsentRequestDto } from './dto/grant-consent.request.dto';
import { ListConsentsQueryDto } from './dto/list-consents.query.dto';
import { WithdrawConsentRequestDto } from './dto/withdraw-consent.request.dto';

@ApiTags('consents')
@Controller({ path: 'beneficiaries/:id/consents', version: '1' })
@Roles('case-worker', 'coordinator')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConsentResponseDto })
  @ApiProblemResponses(404)
  async grant(
    @Param() { id }: BeneficiaryIdParamDto,
    @Body() body: GrantConsentRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConsentResponseDto> {
    return toConsentResponse(
      await this.consents.grant({ principal, beneficiaryId: id, request: body }),
    );
  }

  @Get()
  @ApiOkResponse({ type: ConsentPageResponseDto })
  @ApiProblemResponses(404)
  async list(
    @Param() { id }: BeneficiaryIdParamDto,
    @Query() query: ListConsentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConsentPageResponseDto> {
    return toConsentPageResponse(
      await this.consents.list({ principal, beneficiaryId: id, ...query }),
    );
  }

  @Post(':consentId/withdrawal')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentResponseDto })
  @ApiProblemResponses(404, 409)
  async withdraw(
    @Param() { id, consentId }: ConsentParamsDto,
    @Body() body: WithdrawConsentRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConsentResponseDto> {
    return toConsentResponse(
      await this.consents.withdraw({
        principal,
        beneficiaryId: id,
        consentId,
        reason: body.reason,
      }),
    );
  }
}
