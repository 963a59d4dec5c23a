import type { IndicatorAnswer } from '../indicators/indicator-answer';
import {
  INDICATOR_CATALOGUE,
  REPORT_SECTIONS,
  type Dimension,
  type IndicatorDefinition,
  type ReportSection,
} from '../indicators/indicator-catalogue';

/** One indicator of the donor report with its publishable answer. */
export interface DonorReportItem {
  readonly definition: IndicatorDefinition;
  readonly answer: IndicatorAnswer;
}

/** The donor report of one programme and period, section by section in catalogue order. */
export interface DonorReport {
  readonly programme: string;
  readonly from?: string;
  readonly to?: string;
  readonly generatedAt: Date;
  readonly sections: ReadonlyArray<{
    readonly section: ReportSection;
    readonly items: readonly DonorReportItem[];
  }>;
}

// The breakdown a donor reads first in each family: the score's dimensions, the course or project
// kind, the service, otherwise women and men.
const BREAKDOWN_PREFERENCE: readonly Dimension[] = [
  'scoreDimension',
  'courseKind',
  'projectKind',
  'serviceType',
  'sex',
];

/** The one dimension each indicator is broken down by in the donor report. */
export function breakdownOf(definition: IndicatorDefinition): Dimension | undefined {
  return BREAKDOWN_PREFERENCE.find((dimension) => definition.disaggregations.includes(dimension));
}

/** The catalogue's indicators grouped by donor-report section. */
export function indicatorsBySection(): Array<{
  section: ReportSection;
  definitions: IndicatorDefinition[];
}> {
  const catalogue = INDICATOR_CATALOGUE as readonly IndicatorDefinition[];
  return REPORT_SECTIONS.map((section) => ({
    section,
    definitions: catalogue.filter((definition) => definition.section === section),
  }));
}
