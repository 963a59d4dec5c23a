import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { BeneficiariesService } from './beneficiaries.service';
import { BeneficiaryResponseDto, toBeneficiaryResponse } from './dto/beneficiary.response.dto';
import { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';
import { UuidParamDto } from './dto/uuid-param.dto';

@ApiTags('beneficiaries')
@Controller({ path: 'beneficiaries', version: '1' })
export class BeneficiariesController {
  constructor(private readonly beneficiaries: BeneficiariesService) {}

  @Post()
  @HttpCode(201)
  @Roles('case-worker', 'coordinator')
  @ApiCreatedResponse({ type: BeneficiaryResponseDto })
  async register(
    @Body() body: RegisterBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BeneficiaryResponseDto> {
    return toBeneficiaryResponse(await this.beneficiaries.register({ request: body, ownerOrg: principal.org }));
  }

  @Get(':id')
  @Roles('case-worker', 'coordinator')
  @ApiOkResponse({ type: BeneficiaryResponseDto })
  async get(@Param() { id }: UuidParamDto): Promise<BeneficiaryResponseDto> {
    return toBeneficiaryResponse(await this.beneficiaries.get(id));
  }
}
