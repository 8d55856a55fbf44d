import type { Button, SectionBlock } from '@slack/types';
import type { LineOwner, Participant, SmsSession } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { openButton } from './conversation-open.js';
import { truncate, zoomText } from './escape.js';
import { ownerKindLabel, phoneLabel } from './labels.js';
import {
  ACCESSIBILITY_LABEL_MAX_CHARS,
  OWNER_NAME_MAX_CHARS,
  ROW_NAME_MAX_CHARS,
} from './limits.js';
import { type SlackDateFormat, slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** Between the parts of one line of a row ("*Dana* · +1 810 800 1001 · +2 others"). */
export const ROW_SEPARATOR = ' · ';

const NO_BREAK_SPACE = '\u00a0';
const UNKNOWN_CONTACT = 'Unknown contact';

/** The session's contacts: everyone but the owner's line, or everyone when that leaves nobody. */
export const contactsOf = (session: SmsSession): readonly Participant[] => {
  const all = session.participants;
  const others = all.filter((p) => !p.isOwner);
  return others.length > 0 ? others : all;
};

/** An owner of no stated kind is taken as a person, as Zoom's own owner is a user by default. */
const isPersonLine = (line: LineOwner): boolean =>
  line.kind === 'user' || (line.kind === 'other' && line.rawKind === undefined);

/**
 * A formatted number that never wraps in the middle: its spaces are no-break spaces
 * ("+1 810 800 1001" stays on one line).
 */
export const unbrokenPhone = (phoneNumber: string): string =>
  phoneLabel(phoneNumber).replaceAll(' ', NO_BREAK_SPACE);

/** Third-party text in bold that its own `*` cannot end early. */
const bold = (text: string): string => `*${text.replaceAll('*', '∗')}*`;

/**
 * "via Support Queue" for a session that reached the person through a call queue or an auto
 * receptionist (the line that owns it is not a person), with its kind when it has no name;
 * `undefined` for a person's own number.
 */
export const viaLine = (session: SmsSession): string | undefined => {
  const owner = session.participants.find((p) => p.isOwner);
  const line = owner?.owner;
  const kindLine = session.kind === 'call_queue' || session.kind === 'auto_receptionist';
  if ((line === undefined || isPersonLine(line)) && !kindLine) return undefined;
  const name = owner?.name?.trim();
  if (name) return `via ${truncate(zoomText(name), OWNER_NAME_MAX_CHARS)}`;
  if (line !== undefined && !isPersonLine(line))
    return `via a ${ownerKindLabel(line).toLowerCase()}`;
  return session.kind === 'call_queue' ? 'via a call queue' : 'via an auto receptionist';
};

/** The first contact's name as plain text (for a label), or their number, or "Unknown contact". */
export const contactName = (session: SmsSession): string => {
  const first = contactsOf(session)[0];
  return first?.name?.trim() || first?.phoneNumber?.trim() || UNKNOWN_CONTACT;
};

/**
 * Who a conversation is with, as safe mrkdwn: the first contact's name in bold (cut to
 * `nameMax`), their number (no-break spaces), and how many others: "*Dana Whitfield* ·
 * +1 810 800 1001 · +2 others". The number is left out when `withNumber` is false and there are
 * others (a packed row keeps the name first).
 */
export const rowTitle = (session: SmsSession, nameMax: number, withNumber = true): string => {
  const contacts = contactsOf(session);
  const first = contacts[0];
  const name = first?.name?.trim();
  const phone = first?.phoneNumber?.trim();
  const others = contacts.length - 1;
  const parts: string[] = [];
  if (name) parts.push(bold(truncate(zoomText(name), nameMax)));
  if (phone && (withNumber || others === 0 || !name)) {
    parts.push(name ? unbrokenPhone(phone) : bold(unbrokenPhone(phone)));
  }
  if (parts.length === 0) parts.push(bold(UNKNOWN_CONTACT));
  if (others > 0) parts.push(`+${others} other${others === 1 ? '' : 's'}`);
  return parts.join(ROW_SEPARATOR);
};

/** A session's last activity as a Slack date token, or "no date" when Zoom gave none. */
export const lastActivity = (
  session: SmsSession,
  format: SlackDateFormat,
  ctx: RenderContext,
): string =>
  (session.lastActivityAt === undefined
    ? undefined
    : slackDate(session.lastActivityAt, format, ctx.timeZone, ctx.now)) ?? 'no date';

/** A kind Zoom added that the app does not know, as it came; `undefined` for known kinds. */
const oddKind = (session: SmsSession): string | undefined =>
  session.kind === 'other'
    ? truncate(zoomText(session.rawKind?.trim() || 'Unknown type'), 20)
    : undefined;

/** The grey second line of a row: when it was last active, and through which line. */
export const rowDetail = (session: SmsSession, ctx: RenderContext): string =>
  [lastActivity(session, 'ago', ctx), viaLine(session), oddKind(session)]
    .filter((part) => part !== undefined)
    .join(ROW_SEPARATOR);

/**
 * "Open" beside a row, labelled for screen readers with its target ("Open conversation with Dana
 * Whitfield", at most 75 characters); `undefined` when Zoom gave the session no id.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const openRowButton = (
  session: SmsSession,
  index: number,
  subject: Subject,
  now: Date,
): Button | undefined => {
  const button = openButton(session, index, subject, now);
  if (button === undefined) return undefined;
  const label = truncate(
    `Open conversation with ${contactName(session)}`,
    ACCESSIBILITY_LABEL_MAX_CHARS,
  );
  return { ...button, accessibility_label: label };
};

/**
 * One conversation as one section: who it is with (bold name, number, how many others), then a
 * grey-toned line with the last activity as a relative Slack date ("3 hours ago") and, for a
 * queue or receptionist, "via Support Queue"; with `openFor`, an Open button beside it. At most
 * about 280 characters whatever the names. Reused by every list of conversations (the listing,
 * the Home tab, the inbox).
 * https://docs.slack.dev/reference/block-kit/blocks/section-block
 */
export const sessionRow = (
  session: SmsSession,
  index: number,
  ctx: RenderContext,
  openFor?: Subject,
): SectionBlock => {
  const open = openFor === undefined ? undefined : openRowButton(session, index, openFor, ctx.now);
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `${rowTitle(session, ROW_NAME_MAX_CHARS)}\n${rowDetail(session, ctx)}`,
      verbatim: true,
    },
    ...(open === undefined ? {} : { accessory: open }),
  };
};
