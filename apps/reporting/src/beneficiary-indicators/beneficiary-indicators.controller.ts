import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { BeneficiaryIndicatorsService } from './beneficiary-indicators.service';
import { BeneficiaryIndicatorsQueryDto } from './dto/beneficiary-indicators.query.dto';
import { IndicatorResponseDto } from './dto/indicator.response.dto';

@ApiTags('indicators')
@Controller({ path: 'indicators', version: '1' })
export class BeneficiaryIndicatorsController {
  constructor(private readonly indicators: BeneficiaryIndicatorsService) {}

  @Get('beneficiaries')
  @Roles('analyst', 'coordinator', 'auditor')
  @ApiOkResponse({ type: IndicatorResponseDto })
  beneficiaries(@Query() query: BeneficiaryIndicatorsQueryDto): Promise<IndicatorResponseDto> {
    return this.indicators.count(query);
  }
}
