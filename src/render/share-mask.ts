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
 * The same sessions with every participant's number replaced by its mask
 * ({@link maskPhoneNumber}), for display only: a masked number is no longer E.164.
 */
export const maskSessionNumbers = (sessions: readonly SmsSession[]): SmsSession[] =>
  sessions.map((session) => ({
    ...session,
    participants: session.participants.map((participant) =>
      participant.phoneNumber === undefined
        ? participant
        : { ...participant, phoneNumber: maskPhoneNumber(participant.phoneNumber) },
    ),
  }));
