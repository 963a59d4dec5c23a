import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  rawWorksheetPart,
  sharedStringsPart,
  variedSharedStringsPart,
  workbookParts,
  worksheetPart,
  zipOf,
} from '@mrm/testing';
import { SERVICE_NODE_FLAGS } from '@mrm/runtime';
import { auth, RegistrationTestApp } from './support/registration-test-app';

const CASE_WORKER = auth('IOM', ['case-worker']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READ_TABLE = join(__dirname, '../../../dist/apps/registration/src/imports/import-file.js');
const MEMORY_CEILING_MB = 256;

// What the import's reader does with a file, in a process of its own with the services' Node flags
// (their young generation: Node 24's default one alone would take 300 MB) capped at 256 MB of
// heap, and the peak resident memory that process reached (heap, buffers and native zlib included).
const CHILD = `
const { readFileSync } = require('node:fs');
const { readTable } = require(process.argv[1]);
readTable(readFileSync(process.argv[2]), 'xlsx')
  .then((table) => ({ outcome: 'read', rows: table.rows.length }), (error) => ({ outcome: error.code ?? String(error) }))
  .then((result) => process.stdout.write(JSON.stringify({ ...result, peakMb: process.resourceUsage().maxRSS / 1024 })));
`;

interface ChildResult {
  readonly outcome: string;
  readonly rows?: number;
  readonly peakMb: number;
}

// A workbook as the fuzzer sent it: a 7 MB file whose shared strings inflate to 300 MB, with a
// worksheet of 200,000 rows (75 MB of XML).
async function bombWorkbook(): Promise<Buffer> {
  return zipOf([
    ...workbookParts(),
    await sharedStringsPart(300_000, 1000),
    worksheetPart(200_000, 10, 1000),
  ]);
}

describe('bounded imports (e2e)', () => {
  let directory: string;
  let files: Record<'bomb' | 'liar' | 'rows' | 'largest', string>;
  let bomb: Buffer;
  let sut: RegistrationTestApp;

  const readInChild = async (path: string): Promise<ChildResult> => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        `--max-old-space-size=${MEMORY_CEILING_MB}`,
        '-e',
        CHILD,
        READ_TABLE,
        path,
      ],
      { timeout: 120_000, maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout) as ChildResult;
  };

  beforeAll(async () => {
    if (!existsSync(READ_TABLE)) {
      throw new Error(`${READ_TABLE} is missing: run "npm run build" first (npm test does)`);
    }
    directory = await mkdtemp(join(tmpdir(), 'import-bounds-'));
    bomb = await bombWorkbook();
    const shared = await sharedStringsPart(300_000, 1000);
    // The same shared strings, declaring 8 MB: only counting while inflating finds the lie.
    const liar = zipOf([
      ...workbookParts(),
      { ...shared, declaredSize: 8 * 1024 * 1024 },
      worksheetPart(10, 10, 1),
    ]);
    // Within every size limit, but 60,000 rows: reading stops at the cap.
    const rows = zipOf([
      ...workbookParts(),
      variedSharedStringsPart(1000, 20),
      worksheetPart(60_000, 10, 1000),
    ]);
    // The largest workbook accepted: 20,000 data rows of 12 cells, 200,000 different strings.
    const largest = zipOf([
      ...workbookParts(),
      variedSharedStringsPart(200_000, 100),
      worksheetPart(20_001, 12, 200_000),
    ]);
    files = { bomb: '', liar: '', rows: '', largest: '' };
    for (const [name, content] of Object.entries({ bomb, liar, rows, largest })) {
      files[name as keyof typeof files] = join(directory, `${name}.xlsx`);
      await writeFile(files[name as keyof typeof files], content);
    }
    sut = await RegistrationTestApp.start('importbounds');
  }, 180_000);

  afterAll(async () => {
    await sut?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it.each([
    ['bomb', 'IMPORT_FILE_TOO_LARGE'],
    ['liar', 'IMPORT_FILE_TOO_LARGE'],
    ['rows', 'IMPORT_TOO_MANY_ROWS'],
    ['largest', 'read'],
  ] as const)(
    'reads or refuses the %s workbook within 256 MB (%s)',
    async (name, outcome) => {
      const result = await readInChild(files[name]);

      // The figure for the notes.
      process.stdout.write(`import-bounds ${name}: ${JSON.stringify(result)}\n`);
      expect(result.outcome).toBe(outcome);
      if (outcome === 'read') expect(result.rows).toBe(20_000);
      expect(result.peakMb).toBeLessThan(MEMORY_CEILING_MB);
    },
    150_000,
  );

  it.each([false, true])(
    'refuses the bomb with a 413 problem, dry run %s, and writes nothing but the audit',
    async (dryRun) => {
      const before = await sut.footprint();

      const response = await sut.http
        .post(`/api/v1/beneficiary-imports${dryRun ? '?dryRun=true' : ''}`)
        .set('Authorization', CASE_WORKER)
        .attach('file', bomb, { filename: 'liste.xlsx', contentType: XLSX });

      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('IMPORT_FILE_TOO_LARGE');
      expect(await sut.footprint()).toEqual(before);
    },
    60_000,
  );

  it('refuses a form flooded with fields before buffering it, with a 400 problem', async () => {
    let request = sut.http
      .post('/api/v1/beneficiary-imports?dryRun=true')
      .set('Authorization', CASE_WORKER);
    for (let index = 0; index < 50; index++) request = request.field(`f${index}`, 'x');

    const response = await request.attach('file', Buffer.from('prenom;nom\nA;B\n'), 'x.csv');

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('reports a date-formatted cell holding text as a row error, not a 500', async () => {
    const header = ['prenom', 'nom', 'sexe', 'date_naissance', 'nationalite', 'categorie', 'region']
      .map(
        (text, column) =>
          `<c r="${String.fromCharCode(65 + column)}1" t="inlineStr"><is><t>${text}</t></is></c>`,
      )
      .join('');
    const cells = ['Amina', 'Tazi', 'female', null, 'MA', 'moroccan-abroad', '04']
      .map((text, column) => {
        const ref = `${String.fromCharCode(65 + column)}2`;
        // Style 1 is a date format; the cell holds text, as when someone types into it.
        return text === null
          ? `<c r="${ref}" s="1"><v>pas de date</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
      })
      .join('');
    const file = zipOf([
      ...workbookParts(),
      variedSharedStringsPart(1, 1),
      rawWorksheetPart([header, cells]),
    ]);

    const response = await sut.http
      .post('/api/v1/beneficiary-imports?dryRun=true')
      .set('Authorization', CASE_WORKER)
      .attach('file', file, { filename: 'liste.xlsx', contentType: XLSX });

    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      expect.objectContaining({
        row: 1,
        status: 'invalid',
        errors: [expect.objectContaining({ field: 'birthDate', column: 'date_naissance' })],
      }),
    ]);
  });
});
