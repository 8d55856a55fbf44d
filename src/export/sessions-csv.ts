import type { Participant, SmsSession } from '../domain/sms.js';
import { parseZoomNumber } from '../query/phone.js';
import { dayjs, safeTimeZone } from '../query/time-zone.js';
import { toCsv, UTF8_BOM } from './csv.js';

/** Zoom caps a session at 10 participants; the owner has columns of its own. */
const MAX_OTHER_PARTICIPANTS = 10;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A number (E.164 already, or digits with country code) in E.164 written with spaces,
 * `+1 415 555 0100`, which spreadsheets show as text and never read as a formula; anything that
 * does not parse as it came, trimmed (and neutralised like any other field).
 * https://www.itu.int/rec/T-REC-E.164
 */
export const toE164 = (phoneNumber: string | undefined): string => {
  const trimmed = phoneNumber?.trim() ?? '';
  return parseZoomNumber(trimmed)?.formatInternational() ?? trimmed;
};

const utc = (iso: string | undefined): string => {
  if (iso === undefined || !ISO_INSTANT.test(iso)) return iso ?? '';
  return dayjs.utc(iso).format('YYYY-MM-DDTHH:mm:ss[Z]');
};

const local = (iso: string | undefined, timeZone: string): string =>
  iso === undefined || !ISO_INSTANT.test(iso)
    ? ''
    : dayjs.utc(iso).tz(timeZone).format('YYYY-MM-DDTHH:mm:ssZ');

const isOwner = (participant: Participant) => participant.isOwner;

const kindName = (session: SmsSession): string =>
  session.kind === 'other' ? (session.rawKind ?? '') : session.kind;

/**
 * The sessions of an export as a CSV file's text (UTF-8 with a byte-order mark, CRLF, every
 * field neutralised against formulas and quoted as needed): session id, its kind as Zoom names it,
 * last activity in UTC (ISO 8601) and in `timeZone` (ISO 8601 with its offset), the owner's name
 * and number, then each other participant's name and number (E.164), as many column pairs as the
 * busiest session needs. Pure; the sessions' order.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const sessionsCsv = (sessions: readonly SmsSession[], timeZone: string): string => {
  const zone = safeTimeZone(timeZone);
  const others = sessions.map((session) =>
    session.participants.filter((p) => !isOwner(p)).slice(0, MAX_OTHER_PARTICIPANTS),
  );
  const width = Math.max(1, ...others.map((list) => list.length));
  const header = [
    'Session ID',
    'Type',
    'Last activity (UTC)',
    `Last activity, local (${zone})`,
    'Owner',
    'Owner number',
    ...Array.from({ length: width }, (_, i) => [
      `Participant ${i + 1} name`,
      `Participant ${i + 1} number`,
    ]).flat(),
  ];
  const records = sessions.map((session, index) => {
    const owner = session.participants.find(isOwner);
    const people = others[index] ?? [];
    return [
      session.id,
      kindName(session),
      utc(session.lastActivityAt),
      local(session.lastActivityAt, zone),
      owner?.name ?? '',
      toE164(owner?.phoneNumber),
      ...Array.from({ length: width }, (_, i) => {
        const person = people[i];
        return [person?.name ?? '', toE164(person?.phoneNumber)];
      }).flat(),
    ];
  });
  return `${UTF8_BOM}${toCsv([header, ...records])}`;
};
