import type { DemoDataset, DemoLine, DemoSession, DemoSessionType, DemoUser } from './types.js';
import type { ZoomOwnerBody } from './wire-types.js';
import { fromZoomTime } from './zoom-time.js';

/** Who owns a session, as Zoom describes the owning side. */
export interface SessionOwner {
  readonly name: string;
  readonly phoneNumber: string;
  readonly owner: ZoomOwnerBody;
}

/** A session with what every query needs precomputed. */
export interface IndexedSession {
  readonly session: DemoSession;
  readonly owner: SessionOwner;
  readonly lastAccessMs: number;
  /** `at` of each message, in milliseconds, in the session's order. */
  readonly messageMs: readonly number[];
}

/** Lookups over one dataset. */
export interface DatasetIndex {
  /** By Zoom user id (exactly) or email (any case). */
  findUser(idOrEmail: string): DemoUser | undefined;
  findSession(sessionId: string): IndexedSession | undefined;
  /** The sessions `user` may read under Zoom's `session_type`, newest first. */
  sessionsOf(user: DemoUser, sessionType: DemoSessionType | 'all'): readonly IndexedSession[];
  /** 1-based position of a user in the dataset (extension numbers derive from it). */
  positionOf(user: DemoUser): number;
  /** The user (with Zoom Phone) or shared line a number of the account belongs to. */
  lineOfNumber(phoneNumber: string): NumberOwner | undefined;
  /** The session of `ownerId` with exactly these contacts, newest first when several. */
  findConversation(ownerId: string, contactNumbers: readonly string[]): IndexedSession | undefined;
  /** Adds a session or replaces the one with its id (a text sent or received since). */
  record(session: DemoSession): IndexedSession;
}

/** Who a number of the account belongs to. */
export interface NumberOwner {
  readonly type: DemoSessionType;
  readonly id: string;
}

const OWNER_TYPES = {
  user: 'user',
  call_queue: 'callQueue',
  auto_receptionist: 'autoReceptionist',
} as const;

const newestFirst = (a: IndexedSession, b: IndexedSession): number =>
  b.lastAccessMs - a.lastAccessMs || a.session.id.localeCompare(b.session.id);

/**
 * Indexes a dataset checked by `buildDataset` (owners exist, messages are never empty). Texts
 * sent through the demo's send operation (or arriving from a simulated customer) are recorded,
 * so later reads show them as Zoom would.
 */
export const createDatasetIndex = (dataset: DemoDataset): DatasetIndex => {
  const usersById = new Map(dataset.users.map((user) => [user.id, user]));
  const usersByEmail = new Map(dataset.users.map((user) => [user.email.toLowerCase(), user]));
  const lines = new Map<string, DemoLine>(
    [...dataset.callQueues, ...dataset.autoReceptionists].map((line) => [line.id, line]),
  );
  const ownerOf = (session: DemoSession): SessionOwner => {
    const owner = { id: session.ownerId, type: OWNER_TYPES[session.type] };
    const line = lines.get(session.ownerId);
    if (session.type !== 'user' && line !== undefined) {
      return { name: line.name, phoneNumber: line.phoneNumber, owner };
    }
    const user = usersById.get(session.ownerId);
    return { name: user?.displayName ?? '', phoneNumber: user?.phoneNumber ?? '', owner };
  };
  const indexOf = (session: DemoSession): IndexedSession => {
    const messageMs = session.messages.map((message) => fromZoomTime(message.at));
    return { session, owner: ownerOf(session), lastAccessMs: Math.max(...messageMs), messageMs };
  };
  const byId = new Map<string, IndexedSession>();
  const byOwner = new Map<string, IndexedSession[]>();
  const record = (session: DemoSession): IndexedSession => {
    const entry = indexOf(session);
    byId.set(session.id, entry);
    const list = (byOwner.get(session.ownerId) ?? []).filter((e) => e.session.id !== session.id);
    list.push(entry);
    byOwner.set(session.ownerId, list.sort(newestFirst));
    return entry;
  };
  for (const session of dataset.sessions) record(session);
  const numberOwners = new Map<string, NumberOwner>();
  for (const user of dataset.users) {
    if (user.hasPhone && user.phoneNumber !== undefined) {
      numberOwners.set(user.phoneNumber, { type: 'user', id: user.id });
    }
  }
  for (const line of lines.values()) {
    numberOwners.set(line.phoneNumber, { type: line.kind, id: line.id });
  }
  const sameContacts = (session: DemoSession, numbers: readonly string[]): boolean =>
    session.contacts.length === new Set(numbers).size &&
    session.contacts.every((contact) => numbers.includes(contact.phoneNumber));
  const positions = new Map(dataset.users.map((user, index) => [user.id, index + 1]));
  return {
    findUser: (idOrEmail) => usersById.get(idOrEmail) ?? usersByEmail.get(idOrEmail.toLowerCase()),
    findSession: (sessionId) => byId.get(sessionId),
    sessionsOf: (user, sessionType) => {
      const owners: string[] = [];
      if (sessionType === 'user' || sessionType === 'all') owners.push(user.id);
      for (const line of lines.values()) {
        const wanted = sessionType === 'all' || sessionType === line.kind;
        if (wanted && line.memberIds.includes(user.id)) owners.push(line.id);
      }
      return owners.flatMap((id) => byOwner.get(id) ?? []).sort(newestFirst);
    },
    positionOf: (user) => positions.get(user.id) ?? 0,
    lineOfNumber: (phoneNumber) => numberOwners.get(phoneNumber),
    findConversation: (ownerId, contactNumbers) =>
      byOwner.get(ownerId)?.find((entry) => sameContacts(entry.session, contactNumbers)),
    record,
  };
};
