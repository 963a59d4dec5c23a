import { Controller, Get, Param } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { AccessReason } from '../audit/access-reason.decorator';
import { UuidParamDto } from '../beneficiaries/dto/uuid-param.dto';
import {
  ReferredBeneficiaryResponseDto,
  toReferredBeneficiaryResponse,
} from './dto/referred-beneficiary.response.dto';
import { ReferralAccessService } from './referral-access.service';

/** A person as the institution that received them by referral may read them, while it is open. */
@ApiTags('referred-beneficiaries')
@ApiHeader({ name: 'X-Access-Reason', required: false, description: 'Why (audit log)' })
@Controller({ path: 'referred-beneficiaries', version: '1' })
@Roles('referral-officer', 'case-worker', 'partner')
export class ReferredBeneficiariesController {
  constructor(private readonly access: ReferralAccessService) {}

  @Get(':id')
  @ApiOkResponse({ type: ReferredBeneficiaryResponseDto })
  async get(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
    @AccessReason() reason: string | null,
  ): Promise<ReferredBeneficiaryResponseDto> {
    return toReferredBeneficiaryResponse(
      await this.access.read({ principal, beneficiaryId: id, reason }),
    );
  }
}
