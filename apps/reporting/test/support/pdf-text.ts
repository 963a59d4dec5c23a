import { execFile } from 'node:child_process';
import { join } from 'node:path';

// pdfjs-dist is an ES module, which Jest's CommonJS runtime cannot load: it reads the PDF in a
// node process of its own, fed on stdin, and answers the text lines as JSON.
const SCRIPT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const lines = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const content = await (await doc.getPage(n)).getTextContent();
  let line = '';
  for (const item of content.items) {
    line += item.str;
    if (item.hasEOL) { lines.push(line); line = ''; }
  }
  if (line) lines.push(line);
}
process.stdout.write(JSON.stringify({ pages: doc.numPages, lines }));
`;

/** The text lines of a PDF as pdf.js (Firefox's reader) extracts them, and its page count. */
export function pdfText(pdf: Buffer): Promise<{ pages: number; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: join(__dirname, '..', '..', '..', '..'), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) =>
        error ? reject(new Error(error.message)) : resolve(JSON.parse(stdout) as never),
    );
    child.stdin?.end(pdf);
  });
}
