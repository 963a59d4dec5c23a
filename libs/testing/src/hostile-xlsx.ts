import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** A part of a hand-made zip: its name, compressed bytes, real size and CRC. */
interface ZipPart {
  readonly name: string;
  readonly data: Buffer;
  readonly size: number;
  readonly crc: number;
  /** The size the archive claims (a lie when it differs from `size`). */
  readonly declaredSize?: number;
}

export function part(name: string, text: string): ZipPart {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** A part made of `count` repeats of `chunk`, deflated as a stream (never whole in memory). */
export async function repeatedPart(input: {
  name: string;
  head: string;
  chunk: string;
  count: number;
  tail: string;
}): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(input.head);
  // Written a megabyte at a time.
  const perBatch = Math.max(1, Math.floor((1 << 20) / input.chunk.length));
  const batch = input.chunk.repeat(perBatch);
  let left = input.count;
  while (left >= perBatch) {
    await write(batch);
    left -= perBatch;
  }
  if (left > 0) await write(input.chunk.repeat(left));
  await write(input.tail);
  deflate.end();
  await done;
  return { name: input.name, data: Buffer.concat(out), size, crc };
}

/** A zip archive of the parts, deflated, each declaring `declaredSize` when it is given. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of parts) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs around its shared strings and first worksheet. */
export function workbookParts(): ZipPart[] {
  return [
    // Style 1 is a date format (14: d/m/yyyy).
    part(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    part(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`,
    ),
  ];
}

/** Shared strings: `count` strings of `length` letters each. */
export function sharedStringsPart(count: number, length: number): Promise<ZipPart> {
  return repeatedPart({
    name: 'xl/sharedStrings.xml',
    head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`,
    chunk: `<si><t>${'A'.repeat(length)}</t></si>`,
    count,
    tail: '</sst>',
  });
}

/** `count` different strings of `length` letters from a four-letter alphabet (compresses ~4:1). */
export function variedSharedStringsPart(count: number, length: number): ZipPart {
  let seed = 7;
  const strings: string[] = [];
  for (let index = 0; index < count; index++) {
    let text = '';
    for (let char = 0; char < length; char++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += 'ACGT'[seed >> 29];
    }
    strings.push(`<si><t>${text}</t></si>`);
  }
  return part(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${strings.join('')}</sst>`,
  );
}

/** A worksheet of the given rows of inline XML cells (`<c …>…</c>`), one string per row. */
export function rawWorksheetPart(rows: readonly string[]): ZipPart {
  return part(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows
      .map((cells, index) => `<row r="${index + 1}">${cells}</row>`)
      .join('')}</sheetData></worksheet>`,
  );
}

/** A worksheet of `rows` rows of `columns` cells, as Excel writes them, pointing at shared strings. */
export function worksheetPart(rows: number, columns: number, strings: number): ZipPart {
  const body: string[] = [];
  for (let row = 1; row <= rows; row++) {
    const cells = Array.from(
      { length: columns },
      (_, column) =>
        `<c r="${String.fromCharCode(65 + column)}${row}" t="s"><v>${(row * columns + column) % strings}</v></c>`,
    );
    body.push(`<row r="${row}" spans="1:${columns}">${cells.join('')}</row>`);
  }
  return part(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body.join('')}</sheetData></worksheet>`,
  );
}
