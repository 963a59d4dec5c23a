import { inflateSync } from 'node:zlib';

// Just enough of PDF to read back what pdfkit wrote with an embedded font: inflate the streams,
// read the ToUnicode ranges, decode the hex glyph strings of each text object. One font assumed.

function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      streams.push(inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1'));
    } catch {
      streams.push(match[1]);
    }
  }
  return streams;
}

function toUnicodeOf(streams: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const stream of streams) {
    for (const range of stream.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      const first = parseInt(range[1], 16);
      [...range[2].matchAll(/<([0-9a-f ]+)>/gi)].forEach((code, index) => {
        // UTF-16BE: a ligature such as "fi" maps to more than one unit.
        const units = code[1].replace(/ /g, '').match(/.{4}/g) ?? [];
        map.set(first + index, String.fromCharCode(...units.map((unit) => parseInt(unit, 16))));
      });
    }
  }
  return map;
}

/** The text lines of a pdfkit document, in the order drawn (Arabic comes out in visual order). */
export function pdfTextLines(pdf: Buffer): string[] {
  const streams = streamsOf(pdf);
  const unicode = toUnicodeOf(streams);
  const lines: string[] = [];
  for (const stream of streams) {
    for (const block of stream.matchAll(/BT([\s\S]*?)ET/g)) {
      const hex = [...block[1].matchAll(/<([0-9a-f]+)>/gi)].map((m) => m[1]).join('');
      let line = '';
      for (let i = 0; i < hex.length; i += 4) {
        line += unicode.get(parseInt(hex.slice(i, i + 4), 16)) ?? '?';
      }
      lines.push(line);
    }
  }
  return lines;
}

/** How an Arabic string reads back from the PDF: its characters in visual (reversed) order. */
export function visual(arabic: string): string {
  return [...arabic].reverse().join('');
}
