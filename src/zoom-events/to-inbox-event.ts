import type { InboxEvent, InboxEventKind, InboxOwner } from '../domain/inbox.js';
import type { Attachment, LineKind, Participant, PhoneNumber } from '../domain/sms.js';
import { parseZoomNumber } from '../query/phone.js';
import type { ZoomSmsEvent, ZoomSmsEventAttachment, ZoomSmsEventParty } from './schemas.js';

const LINE_KINDS: Readonly<Record<string, LineKind>> = {
  user: 'user',
  callQueue: 'call_queue',
  autoReceptionist: 'auto_receptionist',
  sharedLineGroup: 'shared_line_group',
};

const lineKind = (type: string | undefined): LineKind =>
  type === undefined ? 'user' : (LINE_KINDS[type] ?? 'other');

/**
 * Zoom's digits with a country code (`12132822256`) as E.164 (`+12132822256`); `undefined` for
 * anything that is not a possible number. Zoom's webhooks carry digits, its send API wants E.164.
 */
export const toE164 = (zoomNumber: string): PhoneNumber | undefined =>
  parseZoomNumber(zoomNumber)?.number;

const participant = (party: ZoomSmsEventParty, isOwner: boolean): Participant => {
  const phoneNumber = toE164(party.phone_number);
  const name = party.display_name?.trim();
  const kind = lineKind(party.type);
  return {
    ...(name ? { name } : {}),
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    isOwner,
    ...(party.id === undefined && party.type === undefined
      ? {}
      : {
          owner: {
            ...(party.id === undefined ? {} : { id: party.id }),
            kind,
            ...(kind === 'other' && party.type !== undefined ? { rawKind: party.type } : {}),
          },
        }),
  };
};

const KIND_BY_TYPE: ReadonlyArray<[RegExp, Attachment['kind']]> = [
  [/^(jpe?g|png|gif|bmp|heic|webp|image.*)$/i, 'image'],
  [/^(audio.*|mp3|amr|wav|m4a|ogg)$/i, 'audio'],
  [/^(video.*|mp4|3gp|mov)$/i, 'video'],
];

const attachment = (file: ZoomSmsEventAttachment): Attachment => ({
  id: file.id,
  name: file.name,
  sizeBytes: file.size,
  kind: KIND_BY_TYPE.find(([pattern]) => pattern.test(file.type))?.[1] ?? 'file',
  rawType: file.type,
  ...(/^https:\/\//.test(file.download_url) ? { openUrl: file.download_url } : {}),
});

const ownerOf = (event: ZoomSmsEvent): InboxOwner => {
  const { owner } = event.payload.object;
  const kind = lineKind(owner.type);
  if (kind === 'user') return { kind, ...(owner.id === undefined ? {} : { zoomUserId: owner.id }) };
  const lineId = owner.team_id ?? owner.id;
  return {
    kind,
    ...(lineId === undefined ? {} : { lineId }),
    ...(owner.team_id !== undefined && owner.id !== undefined ? { zoomUserId: owner.id } : {}),
    ...(owner.sms_sender_user_id === undefined
      ? {}
      : { senderZoomUserId: owner.sms_sender_user_id }),
  };
};

const KINDS: Readonly<Record<ZoomSmsEvent['event'], InboxEventKind>> = {
  'phone.sms_received': 'received',
  'phone.sms_sent': 'sent',
  'phone.sms_sent_failed': 'failed',
};

/**
 * A verified `phone.sms_received` / `phone.sms_sent` / `phone.sms_sent_failed` as the app's
 * {@link InboxEvent}: numbers in E.164, Zoom's line types as the domain's, attachments described
 * (never fetched), a failure's reason kept (trimmed; absent when Zoom gave none). Which party is
 * the account's own: the recipient flagged `is_message_owner` (or every recipient) of a received
 * text, the sender of a sent or failed one (Zoom's own example of a failure flags its recipient,
 * which says nothing about whose number it is).
 */
export const toInboxEvent = (event: ZoomSmsEvent): InboxEvent => {
  const object = event.payload.object;
  const kind = KINDS[event.event];
  const received = kind === 'received';
  const flagged = object.to_members.some((member) => member.is_message_owner === true);
  const reason = object.failure_reason?.trim() ?? '';
  const failed = kind === 'failed' || (!received && reason !== '');
  return {
    kind,
    ...(kind === 'failed' && reason !== '' ? { failureReason: reason } : {}),
    accountId: event.payload.account_id,
    owner: ownerOf(event),
    message: {
      id: object.message_id,
      sessionId: object.session_id,
      sentAt: object.date_time,
      direction: received ? 'in' : 'out',
      text: object.message,
      status: received ? 'received' : failed ? 'failed' : 'sent',
      ...(kind === 'failed' ? { failure: 'send' as const } : {}),
      isGroup: object.to_members.length > 1,
      sender: participant(object.sender, !received),
      recipients: object.to_members.map((member) =>
        participant(member, received && (!flagged || member.is_message_owner === true)),
      ),
      attachments: object.attachments.map(attachment),
    },
  };
};
