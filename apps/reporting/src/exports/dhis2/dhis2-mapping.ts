import { readFileSync } from 'node:fs';
import { REGION_CODES } from '@mrm/contracts';
import { DIMENSIONS, findIndicator, type Dimension } from '../../indicators/indicator-catalogue';

/** One indicator sent to DHIS2: its data element and how its groups map to category combos. */
export interface Dhis2DataElementMapping {
  readonly indicator: string;
  readonly dataElement: string;
  /** Zero, one or two dimensions; their codes joined by `|` key `categoryOptionCombos`. */
  readonly disaggregation: readonly Dimension[];
  readonly categoryOptionCombos?: Readonly<Record<string, string>>;
  /** 100 for shares sent as percentages; 1 when absent. */
  readonly multiplier?: number;
}

/**
 * How reporting's indicators become DHIS2 data values: data set, organisation units (the nation
 * and each region), data elements and category option combos, all as codes. Data, not code:
 * a ministry edits `apps/reporting/config/dhis2-mapping.json` (REPORTING_DHIS2_MAPPING_FILE).
 */
export interface Dhis2Mapping {
  readonly version: string;
  readonly dataSet: string;
  readonly orgUnits: {
    readonly national: string;
    readonly regions: Readonly<Record<string, string>>;
  };
  readonly defaultCategoryOptionCombo: string;
  readonly dataElements: readonly Dhis2DataElementMapping[];
}

/** Reads and checks the mapping at start-up: a typo stops the service instead of a bad import. */
export function loadDhis2Mapping(file: string): Dhis2Mapping {
  const mapping = JSON.parse(readFileSync(file, 'utf8')) as Dhis2Mapping;
  const problems = dhis2MappingProblems(mapping);
  if (problems.length > 0) {
    throw new Error(`REPORTING_DHIS2_MAPPING_FILE ${file}: ${problems.join('; ')}`);
  }
  return mapping;
}

/** What is wrong with a mapping, if anything. */
export function dhis2MappingProblems(mapping: Dhis2Mapping): string[] {
  const problems: string[] = [];
  const code = (value: unknown) =>
    typeof value === 'string' && /^[A-Za-z0-9_.-]{1,50}$/.test(value);
  if (!code(mapping.dataSet)) problems.push('dataSet must be a code');
  if (!code(mapping.orgUnits?.national)) problems.push('orgUnits.national must be a code');
  for (const region of REGION_CODES) {
    if (!code(mapping.orgUnits?.regions?.[region])) {
      problems.push(`orgUnits.regions.${region} is missing`);
    }
  }
  if (!code(mapping.defaultCategoryOptionCombo)) {
    problems.push('defaultCategoryOptionCombo must be a code');
  }
  for (const [index, element] of (mapping.dataElements ?? []).entries()) {
    const where = `dataElements[${index}]`;
    const definition = findIndicator(element.indicator);
    if (!definition) {
      problems.push(`${where}.indicator ${element.indicator} is not in the catalogue`);
    }
    if (!code(element.dataElement)) problems.push(`${where}.dataElement must be a code`);
    const dims = element.disaggregation ?? [];
    if (dims.length > 2 || !dims.every((d) => (DIMENSIONS as readonly string[]).includes(d))) {
      problems.push(`${where}.disaggregation must be up to two dimensions`);
    } else if (definition && !dims.every((d) => definition.disaggregations.includes(d))) {
      problems.push(`${where}.disaggregation is not allowed for ${element.indicator}`);
    }
    const combos = Object.values(element.categoryOptionCombos ?? {});
    if (dims.length > 0 && (combos.length === 0 || !combos.every(code))) {
      problems.push(`${where}.categoryOptionCombos must map each group to a code`);
    }
  }
  if (!Array.isArray(mapping.dataElements) || mapping.dataElements.length === 0) {
    problems.push('dataElements must list at least one indicator');
  }
  return problems;
}

/** Injection token of the loaded {@link Dhis2Mapping}. */
export const DHIS2_MAPPING = Symbol('DHIS2_MAPPING');
