import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses } from '@mrm/http';
import { IndicatorAnswerDto, StreamFreshnessDto } from './dto/indicator-answer.response.dto';
import { IndicatorCatalogueDto } from './dto/indicator-catalogue.response.dto';
import { IndicatorQueryDto } from './dto/indicator.query.dto';
import type { IndicatorAnswer } from './indicator-answer';
import { INDICATOR_CATALOGUE } from './indicator-catalogue';
import { IndicatorQueryService } from './indicator-query.service';

@ApiTags('indicators')
@ApiExtraModels(StreamFreshnessDto)
@Controller({ path: 'indicators', version: '1' })
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorQueryService) {}

  @Get()
  @Roles('analyst', 'coordinator', 'auditor')
  @ApiOkResponse({ type: IndicatorCatalogueDto })
  catalogue(): IndicatorCatalogueDto {
    return { indicators: INDICATOR_CATALOGUE.map((indicator) => ({ ...indicator })) } as never;
  }

  @Get(':id')
  @Roles('analyst', 'coordinator', 'auditor')
  @ApiOkResponse({ type: IndicatorAnswerDto })
  @ApiProblemResponses(400, 404)
  query(
    @Param('id') id: string,
    @Query() query: IndicatorQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IndicatorAnswer> {
    return this.indicators.query(principal, id, query);
  }
}
