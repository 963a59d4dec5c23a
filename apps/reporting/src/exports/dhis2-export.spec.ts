import Ajv from 'ajv';
import { join } from 'node:path';
import { anAnswer } from '../../test/support/answers';
import { toDataValueSet } from './dhis2/data-value-set';
import schema from './dhis2/data-value-set.schema.json';
import { dhis2MappingProblems, loadDhis2Mapping, type Dhis2Mapping } from './dhis2/dhis2-mapping';
import { dhis2PeriodRange } from './dhis2/dhis2-period';

const mapping = loadDhis2Mapping(join(__dirname, '..', '..', 'config', 'dhis2-mapping.json'));
const element = (indicator: string) => mapping.dataElements.find((e) => e.indicator === indicator)!;

describe('DHIS2 dataValueSets', () => {
  it('maps groups to category option combos, shares to percentages, and leaves suppressed cells out', () => {
    const sut = toDataValueSet({
      mapping,
      period: '2026Q3',
      orgUnit: 'MA05',
      generatedAt: new Date('2026-12-06T06:00:00Z'),
      answers: [
        {
          element: element('beneficiaries-registered'),
          answer: anAnswer({
            indicator: 'beneficiaries-registered',
            groupBy: ['sex'],
            groups: [
              { keys: { sex: 'female' }, value: 17 },
              { keys: { sex: 'male' }, value: 3, suppressed: true },
            ],
            total: 20,
          }),
        },
        {
          element: element('training-completion-rate'),
          answer: anAnswer({ indicator: 'training-completion-rate', total: 0.8125 }),
        },
      ],
    });

    expect(sut.dataValueSet).toEqual({
      dataSet: 'MRM_AGGREGATES',
      period: '2026Q3',
      orgUnit: 'MA05',
      completeDate: '2026-12-06',
      dataValues: [
        {
          dataElement: 'MRM_BEN_REGISTERED',
          period: '2026Q3',
          orgUnit: 'MA05',
          categoryOptionCombo: 'SEX_F',
          value: '17',
        },
        {
          dataElement: 'MRM_TRAINING_COMPLETION_PCT',
          period: '2026Q3',
          orgUnit: 'MA05',
          categoryOptionCombo: 'default',
          value: '81.25',
        },
      ],
    });
    expect(sut.suppressed).toBe(1);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(sut.dataValueSet)).toBe(true);
  });

  it('refuses a mapping with an unknown indicator or a disaggregation it does not have', () => {
    const broken: Dhis2Mapping = {
      ...mapping,
      dataElements: [
        { indicator: 'no-such-indicator', dataElement: 'X', disaggregation: [] },
        {
          indicator: 'projects',
          dataElement: 'Y',
          disaggregation: ['sex'],
          categoryOptionCombos: { female: 'F' },
        },
      ],
    };

    expect(dhis2MappingProblems(broken)).toEqual([
      'dataElements[0].indicator no-such-indicator is not in the catalogue',
      'dataElements[1].disaggregation is not allowed for projects',
    ]);
    expect(dhis2MappingProblems(mapping)).toEqual([]);
  });

  it.each([
    ['2026', '2026-01-01', '2027-01-01'],
    ['2026Q4', '2026-10-01', '2027-01-01'],
    ['202602', '2026-02-01', '2026-03-01'],
  ])('reads the DHIS2 period %s as [%s, %s)', (period, from, to) => {
    expect(dhis2PeriodRange(period)).toEqual({ from, to });
  });
});
