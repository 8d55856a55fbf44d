import {
  type CountryCode,
  type PhoneNumber as ParsedPhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
import { createBoundedMemo } from '../bounded-memo.js';
import { invalidArgs } from '../errors.js';

/** Country assumed for numbers typed without a country code (Zoom Phone's home market). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'US';

const parse = (input: string, country: CountryCode) => {
  const trimmed = input.trim();
  const national = parsePhoneNumberFromString(trimmed, country);
  if (national?.isPossible()) return national;
  // Digits that already carry a country code (`442079460958`), as Zoom itself writes them.
  if (/^\d+$/.test(trimmed)) {
    const international = parsePhoneNumberFromString(`+${trimmed}`);
    if (international?.isPossible()) return international;
  }
  return undefined;
};

/**
 * Turns what a person types (`+1 (415) 555-0100`, `14155550100`, `415-555-0100`) into the digits
 * Zoom's `phone_number` filter expects: country code and number, no `+`.
 * @throws AppError `INVALID_ARGS` / `bad-phone` when the text is not a possible phone number.
 */
export const normalizePhoneNumber = (
  input: string,
  country: CountryCode = DEFAULT_PHONE_COUNTRY,
): string => {
  const parsed = parse(input, country);
  if (parsed === undefined) throw invalidArgs('bad-phone', { option: 'phone', value: input });
  return parsed.number.slice(1);
};

/**
 * A number as Zoom writes it — digits with a country code (`14155550100`), or E.164
 * (`+14155550100`) — parsed, when it is a possible number; `undefined` for anything else. The
 * one reading of Zoom's numbers: for display, for E.164 (what Zoom's send API wants) and for
 * exports.
 * https://www.itu.int/rec/T-REC-E.164
 */
export const parseZoomNumber = (zoomNumber: string): ParsedPhoneNumber | undefined => {
  const trimmed = zoomNumber.trim();
  if (!/^\+?\d{6,15}$/.test(trimmed)) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed.startsWith('+') ? trimmed : `+${trimmed}`);
  return parsed?.isPossible() ? parsed : undefined;
};

/** How many formatted numbers are remembered (oldest forgotten first: bounded memory). */
export const FORMATTED_NUMBERS_MAX = 10_000;

/** The remembered answers of {@link formatPhoneNumber}; exported so a test can see the bound. */
export const formattedNumbers = createBoundedMemo<string, string>(FORMATTED_NUMBERS_MAX);

const format = (zoomNumber: string): string =>
  parseZoomNumber(zoomNumber)?.formatInternational() ?? zoomNumber;

/**
 * A readable form of a number Zoom returned (`18108001001` → `+1 810 800 1001`). Zoom's numbers
 * are digits with a country code; anything that does not parse is shown as it came. Parsing is
 * the costliest part of rendering a page and the same numbers come back page after page, so
 * answers are remembered (up to {@link FORMATTED_NUMBERS_MAX}).
 */
export const formatPhoneNumber = (zoomNumber: string): string =>
  formattedNumbers.get(zoomNumber, format);
