import { Module } from '@nestjs/common';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorRepository } from './indicator.repository';
import { IndicatorRollupRepository } from './indicator-rollup.repository';
import { IndicatorsController } from './indicators.controller';

/** The indicator catalogue and queries; exports the query service to the exports. */
@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorQueryService, IndicatorRepository, IndicatorRollupRepository],
  exports: [IndicatorQueryService],
})
export class IndicatorsModule {}
