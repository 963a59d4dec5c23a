import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses, WithETag, OptionalIfMatchVersion } from '@mrm/http';
import { AccessReason } from '../audit/access-reason.decorator';
import { BeneficiaryLifecycleService } from './beneficiary-lifecycle.service';
import {
  BeneficiaryStatusResponseDto,
  toBeneficiaryStatusResponse,
} from './dto/beneficiary-status.response.dto';
import {
  CloseBeneficiaryRequestDto,
  EraseBeneficiaryRequestDto,
} from './dto/status-change.request.dto';
import { UuidParamDto } from './dto/uuid-param.dto';

/** Case status transitions and erasure: verb sub-resources (STYLE.md §4.3). */
@ApiTags('beneficiaries')
@Controller({ path: 'beneficiaries/:id', version: '1' })
export class BeneficiaryLifecycleController {
  constructor(private readonly lifecycle: BeneficiaryLifecycleService) {}

  @Post('activate')
  @HttpCode(200)
  @Roles('case-worker', 'coordinator')
  @WithETag()
  @ApiOkResponse({ type: BeneficiaryStatusResponseDto })
  @ApiProblemResponses(404, 409, 412)
  async activate(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryStatusResponseDto> {
    return toBeneficiaryStatusResponse(
      await this.lifecycle.transition({
        principal,
        beneficiaryId: id,
        expectedVersion,
        reason,
        transition: 'activate',
      }),
    );
  }

  @Post('close')
  @HttpCode(200)
  @Roles('case-worker', 'coordinator')
  @WithETag()
  @ApiOkResponse({ type: BeneficiaryStatusResponseDto })
  @ApiProblemResponses(404, 409, 412)
  async close(
    @Param() { id }: UuidParamDto,
    @Body() body: CloseBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryStatusResponseDto> {
    return toBeneficiaryStatusResponse(
      await this.lifecycle.transition({
        principal,
        beneficiaryId: id,
        expectedVersion,
        reason,
        transition: 'close',
        closureReason: body.reason,
      }),
    );
  }

  @Post('reopen')
  @HttpCode(200)
  @Roles('case-worker', 'coordinator')
  @WithETag()
  @ApiOkResponse({ type: BeneficiaryStatusResponseDto })
  @ApiProblemResponses(404, 409, 412)
  async reopen(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @AccessReason() reason: string | null,
  ): Promise<BeneficiaryStatusResponseDto> {
    return toBeneficiaryStatusResponse(
      await this.lifecycle.transition({
        principal,
        beneficiaryId: id,
        expectedVersion,
        reason,
        transition: 'reopen',
      }),
    );
  }

  @Post('erasure')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @WithETag()
  @ApiOkResponse({ type: BeneficiaryStatusResponseDto })
  @ApiProblemResponses(404, 409, 412)
  async erase(
    @Param() { id }: UuidParamDto,
    @Body() body: EraseBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<BeneficiaryStatusResponseDto> {
    const input = { principal, beneficiaryId: id, expectedVersion, erasureReason: body.reason };
    return toBeneficiaryStatusResponse(await this.lifecycle.erase(input));
  }
}
