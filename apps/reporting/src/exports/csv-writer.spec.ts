import { parse } from 'csv-parse/sync';
import { spreadsheetSafe, toCsv } from './csv-writer';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF, quoted fields with commas, quotes and line breaks', () => {
    const sut = toCsv([
      ['region', 'label', 'value'],
      ['05', 'Béni Mellal-Khénifra, "BMK"', 12],
      ['06', 'two\nlines', null],
    ]);

    expect(sut).toBe(
      'region,label,value\r\n05,"Béni Mellal-Khénifra, ""BMK""",12\r\n06,"two\nlines",\r\n',
    );
    expect(parse(sut)).toEqual([
      ['region', 'label', 'value'],
      ['05', 'Béni Mellal-Khénifra, "BMK"', '12'],
      ['06', 'two\nlines', ''],
    ]);
  });

  it.each(['=1+1', '+33 6', '-2+3', '@SUM(A1)', '\t=cmd', '=HYPERLINK("http://x")'])(
    'neutralises the formula %j with an apostrophe',
    (text) => {
      const [[cell]] = parse(toCsv([[text]])) as string[][];

      expect(cell).toBe(`'${text}`);
    },
  );

  it('keeps numbers, flags and harmless text as they are', () => {
    expect(toCsv([[-3, true, 'a-b', 'x=y']])).toBe('-3,true,a-b,x=y\r\n');
    expect(spreadsheetSafe('Casablanca-Settat')).toBe('Casablanca-Settat');
  });
});
