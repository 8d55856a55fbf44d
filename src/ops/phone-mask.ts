/**
 * Runs of digits that may be a phone number: an optional `+` or `(`, then digits mixed with
 * spaces, dots, dashes and brackets, not glued to a word (so ids such as `U0ALICE01` or the
 * digits inside a UUID are left alone).
 */
const PHONE_CANDIDATE = /(?<![\w+.-])[+(]?\d[\d ().-]{5,}\d(?![\w-])/g;

/** E.164 allows at most 15 digits; fewer than 7 is an extension, a port or a count. */
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

/** Digits of the number left visible, so an admin can still tell two numbers apart. */
export const VISIBLE_PHONE_DIGITS = 2;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const digitsOf = (text: string) => text.replace(/\D/g, '');

const looksLikePhone = (text: string): boolean => {
  const digits = digitsOf(text).length;
  return (
    digits >= MIN_PHONE_DIGITS &&
    digits <= MAX_PHONE_DIGITS &&
    /\d$/.test(text) &&
    !ISO_DATE.test(text) &&
    !IPV4.test(text)
  );
};

const mask = (phone: string) => `***${digitsOf(phone).slice(-VISIBLE_PHONE_DIGITS)}`;

/**
 * Masks the longest space-separated stretches of a candidate that look like a phone number, so
 * `2026-10-01 18108001001` keeps its date and loses the number.
 */
const maskCandidate = (candidate: string): string => {
  const words = candidate.split(' ');
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = words.length;
    while (end > start && !looksLikePhone(words.slice(start, end).join(' '))) end -= 1;
    if (end > start) {
      out.push(mask(words.slice(start, end).join(' ')));
      start = end;
    } else {
      out.push(words[start] ?? '');
      start += 1;
    }
  }
  return out.join(' ');
};

/**
 * Replaces every phone number in `text` with `***` and its last {@link VISIBLE_PHONE_DIGITS}
 * digits (`+1 (415) 555-0134` → `***34`), in whatever format it was written: Zoom sends
 * `18108001001`, people type `+1 810 800 1001`. Dates, IPv4 addresses and long numeric ids are
 * kept. Phone numbers are personal data: the logs keep them only when an admin opts in.
 * https://developers.zoom.us/docs/api/phone/#tag/sms
 */
export const maskPhoneNumbers = (text: string): string =>
  text.replace(PHONE_CANDIDATE, maskCandidate);
