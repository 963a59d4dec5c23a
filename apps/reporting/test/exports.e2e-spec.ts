import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import { aRegisteredEvent, bearer, TestService, waitFor } from '@mrm/testing';
import { DataSource } from 'typeorm';
import schema from '../src/exports/dhis2/data-value-set.schema.json';
import { pdfText } from './support/pdf-text';
import { readWorkbook, rowsOf } from './support/read-workbook';
import { startReporting } from './support/start-reporting';

// Reporting fed twelve registrations of programme FORAS: 9 women and 3 men, 6 in each of two
// regions. By sex, the 3 men are under the threshold (5) and the 9 women would reveal them from
// the total, so an export suppresses both; by region nothing is small.
describe('exports (e2e)', () => {
  let sut: TestService;
  const coordinator = bearer('MINISTRY', ['coordinator'], 'coord-1');
  const analyst = bearer('MINISTRY', ['analyst'], 'analyst-1');
  const auditor = bearer('MINISTRY', ['auditor'], 'auditor-1');
  const year = new Date().getUTCFullYear();
  const period = `from=${year}-01-01&to=${year + 1}-01-01`;

  const get = (path: string, token = coordinator) =>
    sut.http
      .get(path)
      .set('authorization', token)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const auditRows = () =>
    sut.app
      .get(DataSource)
      .query<Array<{ actor_sub: string; export_kind: string; subject: string; query: object }>>(
        'SELECT actor_sub, export_kind, subject, query FROM export_audit ORDER BY at, id',
      );

  beforeAll(async () => {
    sut = await startReporting();
    for (let i = 0; i < 12; i += 1) {
      await sut.publish(
        aRegisteredEvent({
          sex: i < 9 ? 'female' : 'male',
          regionCode: i % 2 === 0 ? '05' : '06',
          programmeCode: 'FORAS',
        }),
      );
    }
    await waitFor(
      async () => {
        const response = await sut.http
          .get('/api/v1/indicators/beneficiaries-registered')
          .set('authorization', coordinator);
        return response.body?.total?.value === 12;
      },
      { what: 'twelve registrations projected' },
    );
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('exports an indicator as RFC 4180 CSV with small cells suppressed even for a coordinator', async () => {
    const live = await sut.http
      .get('/api/v1/indicators/beneficiaries-registered?groupBy=sex')
      .set('authorization', coordinator)
      .expect(200);
    expect(live.body.groups.map((g: { value: number }) => g.value)).toEqual([9, 3]);

    const response = await get(
      '/api/v1/exports/indicators/beneficiaries-registered.csv?groupBy=sex&programme=FORAS',
    ).expect(200);

    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="beneficiaries-registered-\d{8}\.csv"$/,
    );
    const text = (response.body as Buffer).toString('utf8');
    expect(text).toContain('\r\n');
    expect(parse(text)).toEqual([
      ['indicator', 'sex', 'sex_label', 'value', 'numerator', 'denominator', 'suppressed'],
      ['beneficiaries-registered', 'female', 'Femmes', '', '', '', 'true'],
      ['beneficiaries-registered', 'male', 'Hommes', '', '', '', 'true'],
      ['beneficiaries-registered', 'total', 'Total', '12', '', '', 'false'],
    ]);
  });

  it('exports an indicator as XLSX that reads back with its figures and suppressed cells', async () => {
    const byRegion = await readWorkbook(
      (
        await get(
          '/api/v1/exports/indicators/beneficiaries-registered.xlsx?groupBy=region',
          analyst,
        ).expect(200)
      ).body as Buffer,
    );
    expect(rowsOf(byRegion.getWorksheet('Indicateur - Indicator')!).slice(-3)).toEqual([
      ['05', 'Béni Mellal-Khénifra', 6],
      ['06', 'Casablanca-Settat', 6],
      ['total', 'Total', 12],
    ]);

    const response = await get(
      '/api/v1/exports/indicators/beneficiaries-registered.xlsx?groupBy=sex',
      analyst,
    ).expect(200);

    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bySex = await readWorkbook(response.body as Buffer);
    expect(rowsOf(bySex.getWorksheet('Indicateur - Indicator')!).slice(-3)).toEqual([
      ['female', 'Femmes', 'supprimé / suppressed'],
      ['male', 'Hommes', 'supprimé / suppressed'],
      ['total', 'Total', 12],
    ]);
  });

  it('builds the donor report as a workbook of five sections and as a PDF, both read back', async () => {
    const query = `programme=FORAS&${period}`;
    const xlsx = await get(`/api/v1/exports/donor-report.xlsx?${query}`).expect(200);
    const pdf = await get(`/api/v1/exports/donor-report.pdf?${query}`).expect(200);

    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="donor-report-FORAS-${year}-01-01-${year + 1}-01-01.xlsx"`,
    );
    const workbook = await readWorkbook(xlsx.body as Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 5)).toEqual([
      'Personnes - People',
      'Formation - Training',
      'Projets - Projects',
      'Référencement - Referrals',
      'Durabilité - Sustainability',
    ]);
    const people = rowsOf(workbook.getWorksheet('Personnes - People')!);
    const registered = people.filter((row) => row[6] === 'beneficiaries-registered');
    expect(registered.map((row) => [row[2], row[3], row[4]])).toEqual([
      ['Total', 'Total', 12],
      ['Femmes', 'Women', 'supprimé / suppressed'],
      ['Hommes', 'Men', 'supprimé / suppressed'],
    ]);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { lines } = await pdfText(pdf.body as Buffer);
    const at = lines.indexOf('Bénéficiaires enregistrés / Beneficiaries registered');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      'Total : 12',
      'Femmes / Women : supprimé / suppressed',
      'Hommes / Men : supprimé / suppressed',
    ]);
    expect(lines).toContain('Durabilité / Sustainability');
  });

  it('exports DHIS2 data values that validate against the dataValueSets schema', async () => {
    const response = await sut.http
      .get(`/api/v1/exports/dhis2/data-value-sets.json?period=${year}&programme=FORAS`)
      .set('authorization', analyst)
      .expect(200);

    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(response.body)).toBe(true);
    expect(response.body).toMatchObject({
      dataSet: 'MRM_AGGREGATES',
      period: String(year),
      orgUnit: 'MA',
    });
    const values = response.body.dataValues as Array<Record<string, string>>;
    expect(values).toContainEqual({
      dataElement: 'MRM_BEN_ACTIVE',
      period: String(year),
      orgUnit: 'MA',
      categoryOptionCombo: 'CAT_RETURNEE',
      value: '12',
    });
    expect(values.some((v) => v.dataElement === 'MRM_BEN_REGISTERED')).toBe(false);
    expect(Number(response.headers['x-suppressed-cells'])).toBeGreaterThanOrEqual(2);
  });

  it('audits every export: who, what, with which query', async () => {
    const rows = await auditRows();

    expect(rows.map((row) => row.export_kind)).toEqual([
      'indicator-csv',
      'indicator-xlsx',
      'indicator-xlsx',
      'donor-report-xlsx',
      'donor-report-pdf',
      'dhis2-data-value-sets',
    ]);
    expect(rows[0]).toMatchObject({
      actor_sub: 'coord-1',
      subject: 'beneficiaries-registered',
      query: { groupBy: ['sex'], programme: 'FORAS', publishable: true },
    });
    expect(rows[5]).toMatchObject({ actor_sub: 'analyst-1', query: { period: String(year) } });
    const listed = await sut.http
      .get('/api/v1/exports/audit-entries?limit=2')
      .set('authorization', auditor)
      .expect(200);
    expect(listed.body.items.map((entry: { kind: string }) => entry.kind)).toEqual([
      'dhis2-data-value-sets',
      'donor-report-pdf',
    ]);
    expect(listed.body.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    [
      'an unknown groupBy',
      '/api/v1/exports/indicators/beneficiaries-registered.csv?groupBy=name',
      400,
    ],
    ['an unknown indicator', '/api/v1/exports/indicators/no-such-thing.xlsx', 404],
    ['a donor report without programme', `/api/v1/exports/donor-report.pdf?${period}`, 400],
    ['an impossible DHIS2 period', '/api/v1/exports/dhis2/data-value-sets.json?period=2026Q5', 400],
  ])('answers problem+json for %s, exporting and auditing nothing', async (_what, path, status) => {
    const before = (await auditRows()).length;

    const response = await sut.http.get(path).set('authorization', analyst).expect(status);

    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((await auditRows()).length).toBe(before);
  });

  it('refuses exports to a case worker and the audit trail to an analyst', async () => {
    await sut.http
      .get('/api/v1/exports/indicators/beneficiaries-registered.csv')
      .set('authorization', bearer('IOM', ['case-worker']))
      .expect(403);
    await sut.http.get('/api/v1/exports/audit-entries').set('authorization', analyst).expect(403);
  });
});
