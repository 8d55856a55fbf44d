/**
 * A CSV writer, written by hand rather than taken from a package: it is small and specific to
 * this app — RFC 4180 quoting plus spreadsheet formula neutralisation — and needs nothing else.
 * https://www.rfc-editor.org/rfc/rfc4180 · https://owasp.org/www-community/attacks/CSV_Injection
 */

/** Between records, as RFC 4180 asks. */
export const CSV_LINE_BREAK = '\r\n';

/**
 * Marks a file as UTF-8 for spreadsheet programs (Excel reads it as the local code page
 * otherwise, garbling accented names); CSV parsers skip it.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * An international phone number as people write it, "+1 415 555 0100": a `+`, digits and single
 * spaces only. No spreadsheet reads that as a formula (there is nothing in it to compute or
 * call), so it is written as it is, without the leading `'` that would show in the cell.
 */
const SPACED_PHONE_NUMBER = /^\+\d{1,3}(?: \d{1,6})+$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * A cell a spreadsheet will show as text, never run: one starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return (what spreadsheets read as a formula) gets a leading `'`, except a phone
 * number written "+1 415 555 0100" (see {@link SPACED_PHONE_NUMBER}).
 */
export const neutraliseFormula = (value: string): string =>
  FORMULA_START.test(value) && !SPACED_PHONE_NUMBER.test(value) ? `'${value}` : value;

/**
 * One field, neutralised, then quoted when it holds a quote, comma, line break or edge spaces
 * (quotes doubled), so any text reads back exactly.
 */
export const csvField = (value: string): string => {
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Records as CSV text: fields joined by commas, each record ended by CRLF. */
export const toCsv = (records: readonly (readonly string[])[]): string =>
  records.map((record) => `${record.map(csvField).join(',')}${CSV_LINE_BREAK}`).join('');
