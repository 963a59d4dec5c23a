import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import type { IndicatorParams } from '../indicators/indicator-answer';
import { findIndicator } from '../indicators/indicator-catalogue';
import { IndicatorQueryService } from '../indicators/indicator-query.service';
import { ExportAuditService, type ExportKind } from './audit/export-audit.service';
import { toCsv } from './csv-writer';
import { breakdownOf, indicatorsBySection, type DonorReport } from './donor-report';
import { donorReportPdf } from './donor-report-pdf';
import { donorReportWorkbook } from './donor-report-workbook';
import { toDataValueSet, type Dhis2Export } from './dhis2/data-value-set';
import { DHIS2_MAPPING, type Dhis2Mapping } from './dhis2/dhis2-mapping';
import { dhis2PeriodRange } from './dhis2/dhis2-period';
import { indicatorTable } from './indicator-table';
import { indicatorWorkbook } from './indicator-workbook';

/** A file to send: its bytes, media type and the name offered to the browser. */
export interface ExportFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every export goes through the indicator query service with `publishable` set, so small counts
 * are suppressed whoever asks, and is written to the export audit once it is built.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly indicators: IndicatorQueryService,
    private readonly audit: ExportAuditService,
    @Inject(DHIS2_MAPPING) private readonly mapping: Dhis2Mapping,
  ) {}

  async indicator(input: {
    principal: Principal;
    indicatorId: string;
    format: 'csv' | 'xlsx';
    params: IndicatorParams;
  }): Promise<ExportFile> {
    const params = { ...input.params, publishable: true };
    const answer = await this.indicators.query(input.principal, input.indicatorId, params);
    const generatedAt = new Date();
    const name = `${answer.indicator}-${day(generatedAt)}.${input.format}`;
    let file: ExportFile;
    if (input.format === 'csv') {
      const { header, rows } = indicatorTable(answer);
      const body = Buffer.from(toCsv([header, ...rows]), 'utf8');
      file = { body, contentType: 'text/csv; charset=utf-8', filename: name };
    } else {
      const definition = findIndicator(answer.indicator)!;
      const body = await indicatorWorkbook(definition, answer, { generatedAt, query: params });
      file = { body, contentType: XLSX, filename: name };
    }
    await this.record(input.principal, `indicator-${input.format}`, answer.indicator, params);
    return file;
  }

  async donorReport(input: {
    principal: Principal;
    format: 'xlsx' | 'pdf';
    programme: string;
    from: string;
    to: string;
  }): Promise<ExportFile> {
    const { principal, format, ...query } = input;
    const report = await this.buildDonorReport(principal, query);
    const filename = `donor-report-${query.programme}-${query.from}-${query.to}.${format}`;
    const file =
      format === 'xlsx'
        ? { body: await donorReportWorkbook(report), contentType: XLSX, filename }
        : { body: await donorReportPdf(report), contentType: 'application/pdf', filename };
    await this.record(principal, `donor-report-${format}`, query.programme, query);
    return file;
  }

  async dhis2(input: {
    principal: Principal;
    period: string;
    programme?: string;
    institution?: string;
    region?: string;
  }): Promise<Dhis2Export> {
    const { principal, period, ...filters } = input;
    const params = { ...filters, ...dhis2PeriodRange(period), publishable: true };
    const answers = [];
    for (const element of this.mapping.dataElements) {
      const groupBy = element.disaggregation;
      const answer = await this.indicators.query(principal, element.indicator, {
        ...params,
        groupBy,
      });
      answers.push({ element, answer });
    }
    const orgUnit = input.region
      ? this.mapping.orgUnits.regions[input.region]
      : this.mapping.orgUnits.national;
    const result = toDataValueSet({
      mapping: this.mapping,
      period,
      orgUnit,
      generatedAt: new Date(),
      answers,
    });
    await this.record(principal, 'dhis2-data-value-sets', this.mapping.dataSet, {
      period,
      ...filters,
    });
    return result;
  }

  private async buildDonorReport(
    principal: Principal,
    query: { programme: string; from: string; to: string },
  ): Promise<DonorReport> {
    const sections = [];
    for (const { section, definitions } of indicatorsBySection()) {
      const items = [];
      for (const definition of definitions) {
        const breakdown = breakdownOf(definition);
        const answer = await this.indicators.query(principal, definition.id, {
          ...query,
          groupBy: breakdown ? [breakdown] : [],
          publishable: true,
        });
        items.push({ definition, answer });
      }
      sections.push({ section, items });
    }
    return { ...query, generatedAt: new Date(), sections };
  }

  private record(actor: Principal, kind: ExportKind, subject: string, query: object) {
    return this.audit.record({ actor, kind, subject, query });
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
