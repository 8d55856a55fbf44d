import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_LINE_BREAK, csvField, neutraliseFormula, toCsv } from '../../src/export/csv.js';

const NASTY = [
  'plain',
  'comma, inside',
  'quote " inside',
  '"quoted"',
  'line\nbreak',
  'carriage\r\nreturn',
  '=HYPERLINK("http://evil.test","x")',
  '+1 415 555 0100',
  '-2+3',
  '@SUM(A1:A2)',
  '\tleading tab',
  '\rleading CR',
  '  edge spaces  ',
  '',
  'Ünïcødé 🌷 名前',
];

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@x', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['a=1', '1+1', 'x@y.z', "'already", ''])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('csvField', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('leaves a simple field unquoted', () => {
    expect(csvField('Dana Whitfield')).toBe('Dana Whitfield');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe(`a,b${CSV_LINE_BREAK}c,d${CSV_LINE_BREAK}`);
  });

  it('reads back exactly through a CSV parser, formulas neutralised, for any text', () => {
    const records = [NASTY, [...NASTY].reverse()];
    const parsed = parse(toCsv(records), { relax_column_count: false }) as string[][];
    expect(parsed).toEqual(records.map((record) => record.map(neutraliseFormula)));
    for (const field of parsed.flat()) {
      if (!/^\+\d{1,3}(?: \d{1,6})+$/.test(field)) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it.each(['+1 415 555 0100', '+44 20 7946 0958', '+33 6 12 34 56 78'])(
    'writes the phone number %j as it is: digits and spaces after a + are no formula',
    (number) => {
      expect(neutraliseFormula(number)).toBe(number);
    },
  );

  it.each(['+1 415 555 0100+cmd', '+1 415 SUM(A1)', '+14155550100', '+1  415', '+1 415 '])(
    'still neutralises %j, which is not a number written with spaces',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );
});
