import { createHash } from 'node:crypto';
import type { DatasetIndex } from './dataset-index.js';
import type { DemoAttachment, DemoContact, DemoLine, DemoSession, DemoUser } from './types.js';
import type { DemoSmsEventInput } from './webhooks.js';

/** A customer's text for {@link receiveText}. */
export interface DemoInboundText {
  /** The user or shared line the customer writes to. */
  readonly owner: DemoUser | DemoLine;
  /** For a shared line: the member Zoom names as receiving it. */
  readonly member?: DemoUser;
  readonly contact: DemoContact;
  readonly text: string;
  /** UTC instant `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly at: string;
  readonly attachments?: readonly DemoAttachment[];
}

const isLine = (owner: DemoUser | DemoLine): owner is DemoLine => 'kind' in owner;

const digest = (text: string, length: number): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * A customer texts the account: the demo Zoom records the message in the conversation of that
 * owner and contact (a new session when there is none), so reading the session shows it as Zoom
 * would, and returns the `phone.sms_received` it would send ({@link emitSmsEvent} posts it).
 */
export const receiveText = (index: DatasetIndex, text: DemoInboundText): DemoSmsEventInput => {
  const { owner, contact } = text;
  const found = index.findConversation(owner.id, [contact.phoneNumber])?.session;
  const sessionId = found?.id ?? digest(`${owner.id}|${contact.phoneNumber}|${text.at}`, 32);
  const messageId = digest(
    `${sessionId}|${text.at}|${found?.messages.length ?? 0}|${text.text}`,
    22,
  );
  const session: DemoSession = found ?? {
    id: sessionId,
    type: isLine(owner) ? owner.kind : 'user',
    ownerId: owner.id,
    contacts: [contact],
    messages: [],
  };
  index.record({
    ...session,
    messages: [
      ...session.messages,
      {
        id: messageId,
        direction: 'in',
        at: text.at,
        text: text.text,
        senderNumber: contact.phoneNumber,
        status: 'received',
        ...(text.attachments === undefined ? {} : { attachments: text.attachments }),
      },
    ],
  });
  return {
    kind: 'received',
    owner,
    ...(text.member === undefined ? {} : { member: text.member }),
    contact,
    sessionId,
    messageId,
    at: text.at,
    text: text.text,
    ...(text.attachments === undefined ? {} : { attachments: text.attachments }),
  };
};
