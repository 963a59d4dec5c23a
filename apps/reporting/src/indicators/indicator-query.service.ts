import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { SERVICE_CONFIG } from '@mrm/runtime';
import type { ReportingConfig } from '../reporting.config';
import type {
  IndicatorAnswer,
  IndicatorGroup,
  IndicatorParams,
  StreamFreshness,
} from './indicator-answer';
import { findIndicator, type Dimension } from './indicator-catalogue';
import { IndicatorError } from './indicator.errors';
import { IndicatorRepository, type FigureRow } from './indicator.repository';
import { IndicatorRollupRepository } from './indicator-rollup.repository';
import { INDICATOR_SOURCES } from './indicator-sources';
import { labelOf } from './dimension-labels';
import { suppressSmallCounts } from './suppression/small-count-suppression';

// Roles that see exact small counts (national oversight); everyone else gets published figures.
const UNSUPPRESSED_ROLES = new Set(['coordinator', 'admin']);

/** The source streams whose freshness every answer reports. */
export const SOURCE_STREAMS = ['REGISTRATION', 'TRAINING', 'REINTEGRATION', 'REFERRALS'];

/**
 * Answers any indicator of the catalogue for a caller: figures from the roll-ups or the fact
 * tables, labels,
 * small-count protection (for callers below coordinator and for `publishable` figures) and the
 * freshness of every source stream. The HTTP endpoints and the exports both go through here.
 */
@Injectable()
export class IndicatorQueryService {
  constructor(
    private readonly repository: IndicatorRepository,
    private readonly rollups: IndicatorRollupRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
  ) {}

  async query(
    principal: Principal,
    indicatorId: string,
    params: IndicatorParams,
  ): Promise<IndicatorAnswer> {
    const indicator = findIndicator(indicatorId);
    const source = INDICATOR_SOURCES[indicatorId];
    if (!indicator || !source) {
      throw new IndicatorError('INDICATOR_NOT_FOUND', { detail: `No indicator ${indicatorId}` });
    }
    const groupBy = params.groupBy ?? [];
    const refused = groupBy.filter((dimension) => !indicator.disaggregations.includes(dimension));
    if (refused.length > 0 || groupBy.length > 2 || new Set(groupBy).size !== groupBy.length) {
      throw new IndicatorError('INDICATOR_GROUP_BY_INVALID', {
        detail: `${indicatorId} is disaggregated by at most two of: ${indicator.disaggregations.join(', ')}`,
      });
    }
    if (
      params.from !== undefined &&
      params.to !== undefined &&
      Date.parse(params.from) >= Date.parse(params.to)
    ) {
      throw new IndicatorError('INDICATOR_PERIOD_INVALID');
    }
    const filters = {
      from: params.from,
      to: params.to,
      period: params.period,
      programme: params.programme,
      institution: params.institution,
      region: params.region,
    };
    const [rows, freshness] = await Promise.all([
      this.figures(source, groupBy, filters, params.period ?? 'month'),
      this.repository.freshness(),
    ]);
    const threshold =
      params.publishable || !principal.roles.some((role) => UNSUPPRESSED_ROLES.has(role))
        ? this.config.REPORTING_SUPPRESSION_THRESHOLD
        : 0;
    return {
      indicator: indicator.id,
      unit: indicator.unit,
      labels: indicator.labels,
      filters: Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== undefined),
      ),
      groupBy,
      ...this.protect(rows, groupBy, threshold),
      freshness: Object.fromEntries(
        SOURCE_STREAMS.map((stream): [string, StreamFreshness] => [
          stream,
          freshness[stream] ?? { appliedUpTo: null, lastSequence: null },
        ]),
      ),
    };
  }

  // The roll-ups when they can answer (the same figures, far fewer rows read), else the facts.
  private async figures(
    ...question: Parameters<IndicatorRepository['figures']>
  ): Promise<FigureRow[]> {
    return (
      (await this.rollups.figures(...question)) ?? (await this.repository.figures(...question))
    );
  }

  private protect(
    rows: readonly FigureRow[],
    groupBy: readonly Dimension[],
    threshold: number,
  ): Pick<IndicatorAnswer, 'total' | 'groups' | 'suppression'> {
    const totalRow = rows.find((row) => row.keys.every((key) => key === undefined));
    const cells = rows.filter(
      (row) => row.keys.length > 0 && row.keys.every((key) => key !== undefined),
    );
    const code = (key: string | null | undefined) => key ?? 'none';
    const total = totalRow ?? { keys: [], n: 0, value: null };
    const result =
      threshold > 0
        ? suppressSmallCounts(
            cells.map((cell) => ({
              row: code(cell.keys[0]),
              column: cell.keys.length > 1 ? code(cell.keys[1]) : undefined,
              n: cell.n,
            })),
            threshold,
            total.n,
          )
        : undefined;
    const hidden = (index: number) =>
      result !== undefined && (result.primary.has(index) || result.complementary.has(index));
    const groups = cells
      .map((cell, index): IndicatorGroup => {
        const suppressed = hidden(index);
        const keys = Object.fromEntries(
          groupBy.map((dimension, i) => [dimension, code(cell.keys[i])]),
        );
        return {
          keys,
          labels: Object.fromEntries(
            groupBy.map((dimension, i) => [dimension, labelOf(dimension, code(cell.keys[i]))]),
          ),
          value: suppressed ? null : cell.value,
          ...(cell.denominator !== undefined
            ? {
                numerator: suppressed ? null : cell.numerator,
                denominator: suppressed ? null : cell.denominator,
              }
            : {}),
          suppressed,
        };
      })
      .sort((a, b) => compareKeys(a.keys, b.keys, groupBy));
    // Without groups the total is the only cell: small, it is hidden like any other.
    const totalSuppressed =
      threshold > 0 && (result?.totalSuppressed ?? (total.n > 0 && total.n < threshold));
    return {
      total: {
        value: totalSuppressed ? null : total.value,
        suppressed: totalSuppressed,
      },
      groups,
      suppression: {
        threshold,
        cells: result?.primary.size ?? (totalSuppressed && groupBy.length === 0 ? 1 : 0),
        complementary: result?.complementary.size ?? 0,
      },
    };
  }
}

function compareKeys(
  a: Partial<Record<Dimension, string>>,
  b: Partial<Record<Dimension, string>>,
  groupBy: readonly Dimension[],
): number {
  for (const dimension of groupBy) {
    const order = (a[dimension] ?? '').localeCompare(b[dimension] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}
