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

  // Unprotected counts: coordinators only. Published figures come from the catalogue's
  // `beneficiaries-registered`, which suppresses small cells for everyone below coordinator.
  @Get('beneficiaries')
  @Roles('coordinator')
  @ApiOkResponse({ type: IndicatorResponseDto })
  beneficiaries(@Query() query: BeneficiaryIndicatorsQueryDto): Promise<IndicatorResponseDto> {
    return this.indicators.count(query);
  }
}
