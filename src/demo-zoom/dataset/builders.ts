import { createHash } from 'node:crypto';
import type {
  DemoAttachment,
  DemoContact,
  DemoDeliveryStatus,
  DemoLine,
  DemoLineKind,
  DemoMessage,
  DemoSession,
  DemoUser,
} from '../types.js';
import { fromZoomTime, toZoomTime } from '../zoom-time.js';

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

const zoomId = (text: string): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** A fictional NANP number (555-01xx) that is the same for the same `seed`. */
const fictionalNumber = (seed: string): string => {
  const n = Number.parseInt(digest(seed).slice(0, 8), 16);
  return `1${200 + (n % 800)}5550${100 + (Math.floor(n / 800) % 100)}`;
};

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** What {@link demoUser} needs: an email; everything else has a stable default. */
export interface DemoUserInput {
  readonly email: string;
  readonly id?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly displayName?: string;
  readonly hasPhone?: boolean;
  readonly phoneNumber?: string;
}

/**
 * A user for a test's own dataset. Defaults derive from the email, so the same input always
 * gives the same id and number: `demoUser({ email: 'alice@example.com' })` is "Alice Example"
 * with Zoom Phone.
 */
export const demoUser = (input: DemoUserInput): DemoUser => {
  const firstName = input.firstName ?? capitalise(input.email.split('@')[0] ?? input.email);
  const lastName = input.lastName ?? 'Example';
  const hasPhone = input.hasPhone ?? true;
  const phoneNumber = input.phoneNumber ?? (hasPhone ? fictionalNumber(input.email) : undefined);
  return {
    id: input.id ?? zoomId(`user:${input.email.toLowerCase()}`),
    email: input.email,
    firstName,
    lastName,
    displayName: input.displayName ?? `${firstName} ${lastName}`,
    hasPhone,
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
  };
};

/** What {@link demoLine} needs. */
export interface DemoLineInput {
  readonly kind: DemoLineKind;
  readonly name: string;
  readonly members: readonly DemoUser[];
  readonly id?: string;
  readonly phoneNumber?: string;
}

/** A call queue or auto receptionist whose members are `members`. */
export const demoLine = (input: DemoLineInput): DemoLine => ({
  id: input.id ?? zoomId(`${input.kind}:${input.name}`),
  kind: input.kind,
  name: input.name,
  phoneNumber: input.phoneNumber ?? fictionalNumber(`${input.kind}:${input.name}`),
  memberIds: input.members.map((member) => member.id),
});

/** One message of {@link DemoSessionInput}; the sender defaults to the side that speaks. */
export interface DemoMessageInput {
  readonly direction: 'in' | 'out';
  readonly at: Date | string;
  readonly text?: string;
  readonly status?: DemoDeliveryStatus;
  readonly senderNumber?: string;
  readonly attachments?: readonly DemoAttachment[];
}

/** What {@link demoSession} needs: an owner and when its last message was. */
export interface DemoSessionInput {
  readonly owner: DemoUser | DemoLine;
  /** Time of the single inbound message written when `messages` is not given; part of the id. */
  readonly at: Date | string;
  /** One contact with a derived number when not given. */
  readonly contacts?: readonly DemoContact[];
  readonly messages?: readonly DemoMessageInput[];
  readonly id?: string;
}

const isLine = (owner: DemoUser | DemoLine): owner is DemoLine => 'kind' in owner;

const toIso = (at: Date | string): string =>
  toZoomTime(
    Math.floor(fromZoomTime(typeof at === 'string' ? at : at.toISOString()) / 1000) * 1000,
  );

/**
 * A session for a test's own dataset. Without `messages` it holds one inbound message at `at`;
 * messages are sorted oldest first. The id derives from owner, contacts and `at` unless given.
 */
export const demoSession = (input: DemoSessionInput): DemoSession => {
  const at = toIso(input.at);
  const contacts = input.contacts ?? [
    { name: 'Contact', phoneNumber: fictionalNumber(`${input.owner.id}:${at}`) },
  ];
  const ownerNumber = input.owner.phoneNumber ?? '';
  const firstContact = contacts[0]?.phoneNumber ?? '';
  const id =
    input.id ??
    digest(`${input.owner.id}|${contacts.map((contact) => contact.phoneNumber).join(',')}|${at}`);
  const wanted = input.messages ?? [{ direction: 'in', at, text: `Hello at ${at}` }];
  const messages = wanted
    .map(
      (message, index): DemoMessage => ({
        id: zoomId(`${id}:${index}`),
        direction: message.direction,
        at: toIso(message.at),
        text: message.text ?? `Message ${index + 1}`,
        senderNumber:
          message.senderNumber ?? (message.direction === 'out' ? ownerNumber : firstContact),
        status: message.status ?? (message.direction === 'in' ? 'received' : 'delivered'),
        ...(message.attachments === undefined ? {} : { attachments: message.attachments }),
      }),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
  return {
    id,
    type: isLine(input.owner) ? input.owner.kind : 'user',
    ownerId: input.owner.id,
    contacts,
    messages,
  };
};

/**
 * `count` one-message sessions of `owner`, the newest at `newest` and each next one
 * `spacingMs` (one hour by default) older, each with its own contact: what a paging test needs.
 */
export const demoSessions = (
  owner: DemoUser | DemoLine,
  count: number,
  options: { readonly newest: Date | string; readonly spacingMs?: number },
): DemoSession[] => {
  const newestMs = fromZoomTime(toIso(options.newest));
  const spacingMs = options.spacingMs ?? 3_600_000;
  return Array.from({ length: count }, (_, index) =>
    demoSession({
      owner,
      at: toZoomTime(newestMs - index * spacingMs),
      contacts: [
        {
          name: `Contact ${index + 1}`,
          phoneNumber: `1${200 + Math.floor(index / 100)}5550${100 + (index % 100)}`,
        },
      ],
    }),
  );
};
