import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { BeneficiaryIdParamDto } from './dto/beneficiary-id-param.dto';
import {
  RosterBeneficiaryResponseDto,
  toRosterBeneficiaryResponse,
} from './dto/roster-beneficiary.response.dto';
import { RosterService } from './roster.service';

@ApiTags('roster')
@Controller({ path: 'roster', version: '1' })
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get(':beneficiaryId')
  @Roles('project-officer', 'coordinator')
  @ApiOkResponse({ type: RosterBeneficiaryResponseDto })
  async get(
    @Param() { beneficiaryId }: BeneficiaryIdParamDto,
  ): Promise<RosterBeneficiaryResponseDto> {
    return toRosterBeneficiaryResponse(await this.roster.get(beneficiaryId));
  }
}
