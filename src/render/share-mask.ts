import { formatPhoneNumber } from '../query/phone.js';
import type { ZoomSmsSession } from '../zoom/schemas.js';

/** What stands for the hidden digits, whatever their number (so their count is hidden too). */
export const MASK = '••••';

/** Trailing digits a masked number keeps, so people can still tell numbers apart. */
export const VISIBLE_TRAILING_DIGITS = 4;

/**
 * A phone number as a shared message shows it: country code, first group and last group kept,
 * everything between hidden behind {@link MASK} — `14155550100` → `+1 415 •••• 0100`. A number
 * in fewer groups keeps only its last {@link VISIBLE_TRAILING_DIGITS} digits after the country
 * code; anything that is not a number keeps only those digits. Pure; the input is Zoom's digits.
 */
export const maskPhoneNumber = (zoomNumber: string): string => {
  const formatted = formatPhoneNumber(zoomNumber.trim());
  const groups = formatted.startsWith('+') ? formatted.split(' ') : [];
  const [country, first, ...rest] = groups;
  const last = rest.at(-1);
  if (country !== undefined && first !== undefined && last !== undefined && rest.length >= 2) {
    return `${country} ${first} ${MASK} ${last}`;
  }
  const digits = zoomNumber.replace(/\D/g, '');
  const tail =
    digits.length > VISIBLE_TRAILING_DIGITS ? digits.slice(-VISIBLE_TRAILING_DIGITS) : '';
  if (country !== undefined && first !== undefined) {
    return tail === '' ? `${country} ${MASK}` : `${country} ${MASK} ${tail}`;
  }
  return tail === '' ? MASK : `${MASK} ${tail}`;
};

/** The same sessions with every participant's number masked by {@link maskPhoneNumber}. */
export const maskSessionNumbers = (sessions: readonly ZoomSmsSession[]): ZoomSmsSession[] =>
  sessions.map((session) => ({
    ...session,
    ...(session.participants === undefined
      ? {}
      : {
          participants: session.participants.map((participant) =>
            participant.phone_number === undefined
              ? participant
              : { ...participant, phone_number: maskPhoneNumber(participant.phone_number) },
          ),
        }),
  }));
