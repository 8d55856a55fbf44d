import type { Participant } from '../domain/sms.js';
import { truncate, zoomText } from './escape.js';
import { phoneLabel } from './labels.js';
import { PARTICIPANT_MIN_CHARS } from './limits.js';

interface ParticipantText {
  readonly name?: string;
  readonly phone?: string;
}

const UNKNOWN_PARTICIPANT = 'Unknown participant';
const LIST_SEPARATOR = ', ';

const toText = (participant: Pick<Participant, 'name' | 'phoneNumber'>): ParticipantText => {
  const name = participant.name?.trim();
  const phone = participant.phoneNumber?.trim();
  return {
    ...(name ? { name: zoomText(name) } : {}),
    ...(phone ? { phone: phoneLabel(phone) } : {}),
  };
};

const fullLabel = ({ name, phone }: ParticipantText): string =>
  name !== undefined && phone !== undefined
    ? `${name} (${phone})`
    : (name ?? phone ?? UNKNOWN_PARTICIPANT);

const labelWithin = (participant: ParticipantText, cap: number): string => {
  const full = fullLabel(participant);
  if (full.length <= cap) return full;
  const { name, phone } = participant;
  if (name !== undefined && phone !== undefined) {
    const suffix = ` (${phone})`;
    if (cap - suffix.length >= PARTICIPANT_MIN_CHARS) {
      return `${truncate(name, cap - suffix.length)}${suffix}`;
    }
  }
  return truncate(name ?? phone ?? UNKNOWN_PARTICIPANT, cap);
};

const fairShare = (lengths: readonly number[], room: number): number => {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = room;
  for (const [index, length] of sorted.entries()) {
    const share = Math.floor(left / (sorted.length - index));
    if (length > share) return share;
    left -= length;
  }
  return Number.POSITIVE_INFINITY;
};

/**
 * The people in a session as one line of safe mrkdwn of at most `maxChars` characters:
 * "Name (+1 810 800 1001), …" in the source's order, names escaped. When they do not all fit, the room
 * is shared fairly (short labels whole, long ones cut to an equal share, never inside an escape
 * or an emoji, a long name losing its number before its name), and when a share would drop below
 * {@link PARTICIPANT_MIN_CHARS} the last ones become "+N more". A participant with neither name
 * nor number (Zoom marks no field as required) is "Unknown participant".
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const participantsLabel = (
  people: readonly Pick<Participant, 'name' | 'phoneNumber'>[],
  maxChars: number,
): string => {
  const participants = people.map(toText);
  for (let shown = participants.length; shown >= 1; shown -= 1) {
    const hidden = participants.length - shown;
    const more = hidden > 0 ? ` +${hidden} more` : '';
    const visible = participants.slice(0, shown);
    const room = maxChars - more.length - LIST_SEPARATOR.length * (shown - 1);
    const cap = fairShare(
      visible.map((p) => fullLabel(p).length),
      room,
    );
    if (cap >= PARTICIPANT_MIN_CHARS || shown === 1) {
      const labels = visible.map((p) => labelWithin(p, cap)).join(LIST_SEPARATOR);
      return truncate(`${labels}${more}`, maxChars);
    }
  }
  return truncate('No participants listed', maxChars);
};
