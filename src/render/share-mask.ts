import type { SmsSession } from '../domain/sms.js';
import { formatPhoneNumber } from '../query/phone.js';

/** What stands for the hidden digits, whatever their number (so their count is hidden too). */
export const MASK = '••••';

/** Trailing digits a masked number keeps, so people can still tell numbers apart. */
export const VISIBLE_TRAILING_DIGITS = 4;

/**
 * A phone number as a shared message shows it: country code, first group and last group kept,
 * everything between hidden behind {@link MASK} — `14155550100` → `+1 415 •••• 0100`. A number
 * in fewer groups keeps only its last {@link VISIBLE_TRAILING_DIGITS} digits after the country
 * code; anything that is not a number keeps only those digits. Pure; the input is E.164 (or
 * Zoom's digits with country code).
 */
export const maskPhoneNumber = (phoneNumber: string): string => {
  const formatted = formatPhoneNumber(phoneNumber.trim());
  const groups = formatted.startsWith('+') ? formatted.split(' ') : [];
  const [country, first, ...rest] = groups;
  const last = rest.at(-1);
  if (country !== undefined && first !== undefined && last !== undefined && rest.length >= 2) {
    return `${country} ${first} ${MASK} ${last}`;
  }
  const digits = phoneNumber.replace(/\D/g, '');
  const tail =
    digits.length > VISIBLE_TRAILING_DIGITS ? digits.slice(-VISIBLE_TRAILING_DIGITS) : '';
  if (country !== undefined && first !== undefined) {
    return tail === '' ? `${country} ${MASK}` : `${country} ${MASK} ${tail}`;
  }
  return tail === '' ? MASK : `${MASK} ${tail}`;
};

/**
 * A run that looks like a number: digits, perhaps after a `+` or inside `(…)`, joined by spaces,
 * dots, dashes or slashes — `14155559876`, `+1 (415) 555-9876`, `555.9876`, `0100`.
 */
const NUMBER_RUN = /\+?\(?\d(?:[\d\s()./-]*\d)?\)?/g;

/** Digits a run needs before it is masked: a lone `7` or `42` in a name says nothing. */
const MASKED_RUN_MIN_DIGITS = 3;

/**
 * Third-party text (a display name, a word Zoom added) with every number-shaped run of at least
 * {@link MASKED_RUN_MIN_DIGITS} digits masked as a phone number is ({@link maskPhoneNumber}), so
 * a contact saved under their number (`+1 (415) 555-9876`) does not show it in full.
 */
export const maskNumberRuns = (text: string): string =>
  text.replace(NUMBER_RUN, (run) =>
    run.replace(/\D/g, '').length < MASKED_RUN_MIN_DIGITS
      ? run
      : maskPhoneNumber(run.replace(/[^\d+]/g, '')),
  );

const maskedText = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : maskNumberRuns(text);

/**
 * The same sessions with every participant's number replaced by its mask
 * ({@link maskPhoneNumber}), and every number-shaped run in the texts that came from Zoom (names,
 * kinds it named) masked too ({@link maskNumberRuns}), for display only: a masked number is no
 * longer E.164.
 */
export const maskSessionNumbers = (sessions: readonly SmsSession[]): SmsSession[] =>
  sessions.map((session) => ({
    ...session,
    ...(session.rawKind === undefined ? {} : { rawKind: maskNumberRuns(session.rawKind) }),
    participants: session.participants.map((participant) => {
      const name = maskedText(participant.name);
      const rawKind = maskedText(participant.owner?.rawKind);
      return {
        ...participant,
        ...(name === undefined ? {} : { name }),
        ...(participant.phoneNumber === undefined
          ? {}
          : { phoneNumber: maskPhoneNumber(participant.phoneNumber) }),
        ...(participant.owner === undefined || rawKind === undefined
          ? {}
          : { owner: { ...participant.owner, rawKind } }),
      };
    }),
  }));
