import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  BeneficiaryGroupBy,
  BeneficiaryIndicatorsQueryDto,
} from './dto/beneficiary-indicators.query.dto';
import type { IndicatorResponseDto } from './dto/indicator.response.dto';

// Whitelisted mapping from the API's names to columns: nothing from the request reaches SQL text.
const GROUP_COLUMNS: Record<BeneficiaryGroupBy, string> = {
  programme: 'programme_code',
  region: 'region_code',
  sex: 'sex',
  category: 'category',
  nationality: 'nationality',
};

const FILTER_COLUMNS = {
  region: 'region_code',
  programme: 'programme_code',
  category: 'category',
  sex: 'sex',
  nationality: 'nationality',
} as const;

/** Counts distinct persons: registered, not merged into another record. */
@Injectable()
export class BeneficiaryIndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  async count(query: BeneficiaryIndicatorsQueryDto): Promise<IndicatorResponseDto> {
    const conditions = ['registered_at IS NOT NULL', 'merged_into IS NULL'];
    const params: unknown[] = [];
    for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
      const value = query[field as keyof typeof FILTER_COLUMNS];
      if (value !== undefined) {
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
    }
    if (query.registeredFrom) {
      params.push(query.registeredFrom);
      conditions.push(`registered_at >= $${params.length}`);
    }
    if (query.registeredTo) {
      params.push(query.registeredTo);
      conditions.push(`registered_at < $${params.length}`);
    }
    const column = GROUP_COLUMNS[query.groupBy];
    const rows: Array<{ key: string | null; count: number }> = await this.dataSource.query(
      `SELECT ${column} AS key, count(*)::int AS count FROM beneficiary_fact
        WHERE ${conditions.join(' AND ')} GROUP BY ${column} ORDER BY count DESC, key`,
      params,
    );
    return {
      groupBy: query.groupBy,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      groups: rows.map((row) => ({ key: row.key ?? 'none', count: row.count })),
    };
  }
}
