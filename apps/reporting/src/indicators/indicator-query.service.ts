import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import type { IndicatorAnswer, IndicatorParams } from './indicator-answer';

/**
 * Answers any indicator of the catalogue for a caller: figures from the fact tables, labels,
 * small-count protection (for callers below coordinator and for `publishable` figures) and the
 * freshness of every source stream. The HTTP endpoints and the exports both go through here.
 */
@Injectable()
export abstract class IndicatorQueryService {
  abstract query(
    principal: Principal,
    indicatorId: string,
    params: IndicatorParams,
  ): Promise<IndicatorAnswer>;
}
