import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testNatsUrl, waitFor } from '@mrm/testing';
import { Workbook } from 'exceljs';
import { runImportCli } from '../src/cli/import-beneficiaries';
import { aBeneficiary } from './factories/beneficiary.factory';
import { auth, RegistrationTestApp } from './support/registration-test-app';

type Row = Record<string, string>;

let serial = 0;
const digits = (length: number) => {
  serial += 1;
  return `${serial % 10}${randomInt(10 ** (length - 1))}`.padStart(length, '0');
};
// Names of letters only, different for every person: the duplicate detector must not match them.
const surname = () =>
  `Ben${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

/** A valid row with French headers; every call is another person. */
const aRow = (overrides: Row = {}): Row => ({
  prenom: 'Amina',
  nom: surname(),
  sexe: 'F',
  date_naissance: '17/04/1991',
  nationalite: 'MA',
  categorie: 'returning-moroccan',
  telephone: `06 1${digits(7)}`,
  region: 'Béni Mellal-Khénifra',
  cin: `BK${digits(6)}`,
  ...overrides,
});

const HEADERS = [
  'prenom',
  'nom',
  'sexe',
  'date_naissance',
  'annee_naissance',
  'nationalite',
  'categorie',
  'telephone',
  'region',
  'cin',
  'passeport',
  'langues',
  'competences',
  'programme',
  'motif_doublon',
];

function toCsv(rows: Array<Row | null>, delimiter = ',', headers = HEADERS): string {
  const quote = (cell = '') => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = rows.map((row) => (row ? headers.map((h) => quote(row[h])).join(delimiter) : ''));
  return [headers.join(delimiter), ...lines].join('\r\n');
}

/** Good rows 1, 7 and 9 (8 is blank); rows 2 to 6 each break one rule. */
function mixedRows(): Array<Row | null> {
  return [
    aRow(),
    aRow({ prenom: '' }),
    aRow({ telephone: '998877' }),
    aRow({ region: 'Atlantis' }),
    aRow({ date_naissance: '31/02/1990' }),
    aRow({ categorie: 'tourist' }),
    aRow({
      prenom: 'Moussa',
      sexe: 'homme',
      date_naissance: '',
      annee_naissance: '1988',
      nationalite: 'SN',
      categorie: 'foreign-avrr',
      cin: '',
      passeport: `A${digits(8)}`,
      langues: 'wo, fr',
      competences: 'couture; vente',
      programme: 'foras',
    }),
    null,
    aRow({ telephone: `+212 70${digits(7)}`, region: '6' }),
  ];
}

interface ReportRow {
  readonly row: number;
  readonly status: string;
  readonly errors?: Array<{ field: string; column?: string }>;
}

const fieldsOf = (row: ReportRow | undefined) => [
  ...new Set((row?.errors ?? []).map((error) => error.field)),
];

describe('beneficiary imports', () => {
  let sut: RegistrationTestApp;
  let dir: string;
  const caseWorker = auth('IOM', ['case-worker']);

  const upload = (
    content: string | Buffer,
    options: { name?: string; dryRun?: boolean; authorization?: string; type?: string } = {},
  ) =>
    sut.http
      .post(`/api/v1/beneficiary-imports?dryRun=${options.dryRun ?? false}`)
      .set('authorization', options.authorization ?? caseWorker)
      .attach('file', Buffer.from(content), {
        filename: options.name ?? 'liste.csv',
        contentType: options.type ?? 'text/csv',
      });
  const importRows = () => sut.count('import_row');

  beforeAll(async () => {
    sut = await RegistrationTestApp.start('imports');
    dir = mkdtempSync(join(tmpdir(), 'mrm-imports-'));
  });

  afterAll(async () => {
    await sut?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every row in a dry run, names fields and rules only, and writes only its audit entry', async () => {
    const rows = mixedRows();
    const before: Record<string, number> = {
      ...(await sut.footprint()),
      import_row: await importRows(),
    };

    const response = await upload(toCsv(rows), { dryRun: true });

    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(true);
    expect(response.body.totals).toEqual({
      rows: 8,
      created: 0,
      wouldCreate: 3,
      alreadyImported: 0,
      invalid: 5,
      probableDuplicates: 0,
    });
    const byRow = new Map<number, ReportRow>(
      response.body.rows.map((row: ReportRow) => [row.row, row]),
    );
    expect([...byRow.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(byRow.get(1)).toEqual({ row: 1, status: 'would-create' });
    expect(fieldsOf(byRow.get(2))).toEqual(['firstName']);
    expect(byRow.get(3)).toMatchObject({ status: 'invalid', errors: [{ column: 'telephone' }] });
    expect(fieldsOf(byRow.get(3))).toEqual(['phone']);
    expect(fieldsOf(byRow.get(4))).toEqual(['regionCode']);
    expect(fieldsOf(byRow.get(5))).toEqual(['birthDate']);
    expect(fieldsOf(byRow.get(6))).toEqual(['category']);
    const text = JSON.stringify(response.body);
    for (const value of ['998877', 'Atlantis', 'tourist', '31/02', rows[0]?.nom, rows[2]?.cin]) {
      expect(text).not.toContain(value);
    }
    expect({ ...(await sut.footprint()), import_row: await importRows() }).toEqual({
      ...before,
      audit_entry: before.audit_entry + 1,
    });
    const [entry] = await sut.query(
      'SELECT action, resource_type, details FROM audit_entry WHERE $1 = ANY(resource_ids)',
      [response.body.importId],
    );
    expect(entry).toEqual({
      action: 'import',
      resource_type: 'beneficiary-import',
      details: {
        format: 'csv',
        dryRun: true,
        totals: response.body.totals,
        candidateIds: [],
        matchReviewIds: [],
      },
    });
  });

  it('creates exactly the good rows with events, and a re-import of the same file creates nothing', async () => {
    const rows = mixedRows();
    const csv = toCsv(rows);
    const before = await sut.count('beneficiary');

    const first = await upload(csv);

    expect(first.status).toBe(200);
    expect(first.body.totals).toMatchObject({ rows: 8, created: 3, invalid: 5 });
    const created = first.body.rows.filter((row: { status: string }) => row.status === 'created');
    expect(created.map((row: { row: number }) => row.row)).toEqual([1, 7, 9]);
    expect(created[0]).toEqual({
      row: 1,
      status: 'created',
      beneficiaryId: expect.any(String),
      reference: expect.stringMatching(/^MA-\d{4}-\d{6}$/),
    });
    expect(await sut.count('beneficiary')).toBe(before + 3);
    const ids: string[] = created.map((row: { beneficiaryId: string }) => row.beneficiaryId);
    await waitFor(
      async () => {
        const registered = (await sut.streamMessages()).filter((message) =>
          message.subject.endsWith('beneficiary.registered.v1'),
        );
        return ids.every((id) => registered.some((message) => message.data.includes(id)));
      },
      { what: 'beneficiary.registered.v1 for every created row' },
    );
    const moussa = await sut.http
      .get(`/api/v1/beneficiaries/${ids[1]}`)
      .set('authorization', caseWorker)
      .expect(200);
    expect(moussa.body).toMatchObject({
      ownerOrg: 'IOM',
      sex: 'male',
      birthDate: null,
      birthYear: 1988,
      nationality: 'SN',
      category: 'foreign-avrr',
      regionCode: '05',
      languages: ['wo', 'fr'],
      skills: ['couture', 'vente'],
      programmeCode: 'FORAS',
      phone: `+2126${rows[6]?.telephone.replace(/\D/g, '').slice(2)}`,
      documents: [{ type: 'PASSPORT', number: rows[6]?.passeport, issuingCountry: 'SN' }],
    });
    const hashes = await sut.query<{ row_hash: string }>('SELECT row_hash FROM import_row');
    expect(hashes.every(({ row_hash }) => /^[0-9a-f]{64}$/.test(row_hash))).toBe(true);

    const again = await upload(csv);

    expect(again.body.totals).toMatchObject({ created: 0, alreadyImported: 3, invalid: 5 });
    expect(
      again.body.rows
        .filter((row: { status: string }) => row.status === 'already-imported')
        .map((row: { beneficiaryId: string }) => row.beneficiaryId),
    ).toEqual(ids);
    expect(await sut.count('beneficiary')).toBe(before + 3);
  });

  it('creates each row once when the same file is imported twice at the same time', async () => {
    const csv = toCsv([aRow(), aRow(), aRow()]);
    const before = await sut.count('beneficiary');

    const [first, second] = await Promise.all([upload(csv), upload(csv)]);

    expect(first.body.totals.created + second.body.totals.created).toBe(3);
    expect(first.body.totals.alreadyImported + second.body.totals.alreadyImported).toBe(3);
    expect(await sut.count('beneficiary')).toBe(before + 3);
  });

  it('reads an XLSX (first worksheet, date and number cells, English headers)', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('beneficiaires');
    workbook.addWorksheet('notes').addRow(['ignored']);
    const good = () => [
      'Khadija',
      surname(),
      'female',
      new Date(Date.UTC(1985, 10, 3)),
      'MA',
      'regularised-immigrant',
      Number(`70${digits(7)}`),
      'Casablanca-Settat',
    ];
    sheet.addRow([
      'First name',
      'Last name',
      'Sex',
      'Birth date',
      'Nationality',
      'Category',
      'Phone',
      'Region',
    ]);
    sheet.addRow(good());
    sheet.addRow(['Nadia', '', 'female', '1990-01-01', 'MA', 'moroccan-abroad', '', '04']);
    sheet.addRow([]);
    sheet.addRow(['Omar', surname(), 'X', '1990-01-01', 'XX', 'moroccan-abroad', '', '04']);
    sheet.addRow(good());
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await upload(file, {
      name: 'liste.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

    expect(response.status).toBe(200);
    expect(response.body.totals).toMatchObject({ rows: 4, created: 2, invalid: 2 });
    expect(response.body.rows.map((row: { status: string }) => row.status)).toEqual([
      'created',
      'invalid',
      'invalid',
      'created',
    ]);
    expect(response.body.rows.map((row: { row: number }) => row.row)).toEqual([1, 2, 4, 5]);
    expect(fieldsOf(response.body.rows[1])).toEqual(['lastName']);
    expect(fieldsOf(response.body.rows[2])).toEqual(['sex', 'nationality']);
    expect(response.body.rows[2].errors[0].column).toBe('Sex');
    const khadija = await sut.http
      .get(`/api/v1/beneficiaries/${response.body.rows[0].beneficiaryId}`)
      .set('authorization', caseWorker)
      .expect(200);
    expect(khadija.body).toMatchObject({ birthDate: '1985-11-03', regionCode: '06' });
    expect(khadija.body.phone).toMatch(/^\+21270\d{7}$/);
  });

  it('reports a probable duplicate with its candidates, unless the override column has a reason', async () => {
    const existing = (
      await sut.http
        .post('/api/v1/beneficiaries')
        .set('authorization', auth('ANAPEC', ['case-worker']))
        .send(aBeneficiary())
        .expect(201)
    ).body;
    const cin = existing.documents[0].number;
    const csv = toCsv([
      aRow({ cin }),
      aRow({ prenom: 'Salma', cin, motif_doublon: 'Vérifié: carte réémise, autre personne' }),
    ]);

    const preview = await upload(csv, { dryRun: true });
    const response = await upload(csv);

    // Another institution's record: neither its id, its reference nor which identifier matched.
    const elsewhere = {
      reason: 'registered-by-another-institution',
      reviewId: expect.any(String),
    };
    expect(preview.body.rows).toEqual([
      { row: 1, status: 'probable-duplicate', candidates: [], elsewhere },
      { row: 2, status: 'would-create' },
    ]);
    expect(response.body.rows).toEqual([
      { row: 1, status: 'probable-duplicate', candidates: [], elsewhere },
      expect.objectContaining({ row: 2, status: 'created' }),
    ]);
    expect(JSON.stringify([preview.body, response.body])).not.toContain(existing.id);
    expect(JSON.stringify([preview.body, response.body])).not.toContain(existing.reference);
    const reviews = await sut.query<{ context: string; matched_ids: string[] }>(
      'SELECT context, matched_ids FROM match_review ORDER BY created_at',
    );
    expect(reviews).toEqual([
      { context: 'import-dry-run', matched_ids: [existing.id] },
      { context: 'import', matched_ids: [existing.id] },
    ]);
    const [run] = await sut.query<{
      details: { candidateIds: string[]; matchReviewIds: string[] };
    }>(`SELECT details FROM audit_entry WHERE action = 'import' AND $1 = ANY(resource_ids)`, [
      preview.body.importId,
    ]);
    expect(run.details.matchReviewIds).toEqual([preview.body.rows[0].elsewhere.reviewId]);
  });

  it('accepts a CSV with a BOM and semicolons', async () => {
    const response = await upload(`\uFEFF${toCsv([aRow(), aRow()], ';')}`, { dryRun: true });

    expect(response.status).toBe(200);
    expect(response.body.totals).toMatchObject({ rows: 2, wouldCreate: 2 });
  });

  it('refuses what is not a file of the template with a problem', async () => {
    const csv = toCsv([aRow()]);
    const problem = (response: { status: number; body: { code: string } }) => [
      response.status,
      response.body.code,
    ];

    const pdf = await upload(csv, { name: 'liste.pdf', type: 'application/pdf' });
    const json = await sut.http
      .post('/api/v1/beneficiary-imports')
      .set('authorization', caseWorker)
      .send({ file: csv });
    const missing = await sut.http
      .post('/api/v1/beneficiary-imports')
      .set('authorization', caseWorker)
      .field('note', 'no file');
    const analyst = await upload(csv, { authorization: auth('MINISTRY', ['analyst']) });
    const anonymous = await sut.http
      .post('/api/v1/beneficiary-imports')
      .attach('file', Buffer.from(csv), 'x.csv');
    const latin1 = await upload(Buffer.from(`Prénom,nom\nAmina,Ben`, 'latin1'));
    const noHeaders = await upload(toCsv([aRow()], ',', ['prenom', 'nom', 'telephone']));
    const tooMany = await upload(`prenom\n${'Amina\n'.repeat(20_001)}`);
    const tooLarge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));

    expect(pdf.headers['content-type']).toContain('application/problem+json');
    expect(problem(pdf)).toEqual([415, 'IMPORT_UNSUPPORTED_FILE_TYPE']);
    expect(problem(json)).toEqual([415, 'IMPORT_UNSUPPORTED_FILE_TYPE']);
    expect(problem(missing)).toEqual([400, 'IMPORT_FILE_MISSING']);
    expect(problem(analyst)).toEqual([403, 'AUTH_FORBIDDEN']);
    expect(problem(anonymous)).toEqual([401, 'AUTH_TOKEN_MISSING']);
    expect(problem(latin1)).toEqual([400, 'IMPORT_FILE_UNREADABLE']);
    expect(problem(noHeaders)).toEqual([400, 'IMPORT_COLUMNS_INVALID']);
    expect(noHeaders.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'sex',
      'category',
      'nationality',
      'region',
      'birth_date',
    ]);
    expect(problem(tooMany)).toEqual([413, 'IMPORT_TOO_MANY_ROWS']);
    expect(problem(tooLarge)).toEqual([413, 'IMPORT_FILE_TOO_LARGE']);
  });

  it('names unknown columns by position only, so a file without headers echoes no data', async () => {
    const person = aRow();
    const csv = toCsv([person], ',', HEADERS).split('\r\n')[1];

    const response = await upload(csv);

    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toEqual({
      field: 'column 1',
      message: 'header is not a column of the import template',
    });
    expect(JSON.stringify(response.body)).not.toContain(person.nom);
  });

  it('imports from the command line, audited as cli:<sub>, exit 1 when rows are invalid', async () => {
    const file = join(dir, 'liste-cli.csv');
    writeFileSync(file, toCsv([aRow(), aRow({ sexe: '?' })]));
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (text: string) => out.push(text),
      err: (text: string) => err.push(text),
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: sut.database.url,
        NATS_URL: testNatsUrl(),
        NATS_NAMESPACE: sut.namespace,
        LOG_LEVEL: 'silent',
      },
    };
    const before = await sut.count('beneficiary');

    const code = await runImportCli(
      ['--file', file, '--org', 'COOPI', '--sub', 'ops@coopi.org'],
      io,
    );
    const usage = await runImportCli(['--file', file, '--org', 'not an org', '--sub', 'x'], io);

    expect(code).toBe(1);
    expect(out[0]).toMatch(/: 2 rows, 1 created, 0 already imported, 1 invalid/);
    expect(out[0]).toContain('row 2: invalid: sexe: sex must be one of the following values');
    expect(await sut.count('beneficiary')).toBe(before + 1);
    const entries = await sut.query<{ action: string; actor_org: string }>(
      `SELECT action, actor_org FROM audit_entry WHERE actor_sub = 'cli:ops@coopi.org' ORDER BY at`,
    );
    expect(entries).toEqual([
      { action: 'create', actor_org: 'COOPI' },
      { action: 'import', actor_org: 'COOPI' },
    ]);
    expect(usage).toBe(2);
    expect(err.join('\n')).toContain('--org must be an institution code');
  });
});
