import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { toYaml } from './yaml';

const ERROR: number = DiagnosticSeverity.Error;

// Strings a naive emitter gets wrong; the AsyncAPI parser (js-yaml inside) reads them back.
const TRICKY = [
  'plain text',
  '',
  ' leading space',
  'trailing space ',
  'yes',
  'No',
  'null',
  '~',
  '1.0',
  '01',
  '-1',
  '.5',
  'key: value',
  'a #comment',
  'ends with colon:',
  '# heading',
  '- item',
  '*alias',
  '&anchor',
  '!tag',
  '"quoted"',
  "'single'",
  '{flow}',
  '[flow]',
  '@at',
  '`code`',
  '|pipe',
  '>fold',
  '%percent',
  'tab\there',
  'two\nlines',
  'ends with newline\n',
  '\nstarts with newline',
  'line one\n  indented line two',
  'café — ←',
  'del\u007f nel\u0085 separator\u2028 bom\ufeff',
  'multi\nline with nel\u0085',
  'localhost:14222',
];

describe('toYaml', () => {
  it('round-trips tricky scalars, nesting and empty collections', async () => {
    const extension = {
      strings: TRICKY,
      numbers: [0, -3, 1.5, 1e21],
      booleans: [true, false],
      nothing: null,
      empty: { list: [], map: {} },
      nested: [{ a: [{ b: 'c' }], d: [[1, 2], []] }],
    };
    const document = {
      asyncapi: '3.0.0',
      info: { title: 'yaml', version: '1.0.0', 'x-samples': extension },
    };

    const { document: parsed, diagnostics } = await new Parser().parse(toYaml(document));

    expect(diagnostics.filter((d) => (d.severity as number) === ERROR)).toEqual([]);
    expect(parsed?.info().extensions().get('x-samples')?.value()).toEqual(extension);
  });

  it('writes plain scalars where they are unambiguous', () => {
    expect(toYaml({ address: 'registration.beneficiary.registered.v1', version: '1.0' })).toBe(
      'address: registration.beneficiary.registered.v1\nversion: "1.0"\n',
    );
  });
});
