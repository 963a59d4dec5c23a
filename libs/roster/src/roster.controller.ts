import { Controller, Get, Param, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { BeneficiaryIdParamDto } from './dto/beneficiary-id-param.dto';
import {
  RosterBeneficiaryResponseDto,
  toRosterBeneficiaryResponse,
} from './dto/roster-beneficiary.response.dto';
import type { RosterOptions } from './roster.options';
import { RosterService } from './roster.service';

/**
 * Builds the roster controller of one service, with that service's read roles in its `@Roles`,
 * enforced by the global `RolesGuard` like any other route. A factory rather than one shared
 * class, so there is no roster route without roles and two services' roles never mix.
 */
export function createRosterController(readRoles: RosterOptions['readRoles']): Type {
  @ApiTags('roster')
  @Controller({ path: 'roster', version: '1' })
  class RosterController {
    constructor(private readonly roster: RosterService) {}

    @Get(':beneficiaryId')
    @Roles(...readRoles)
    @ApiOkResponse({ type: RosterBeneficiaryResponseDto })
    async get(
      @Param() { beneficiaryId }: BeneficiaryIdParamDto,
      @CurrentPrincipal() principal: Principal,
    ): Promise<RosterBeneficiaryResponseDto> {
      return toRosterBeneficiaryResponse(await this.roster.get(principal, beneficiaryId));
    }
  }
  return RosterController;
}
