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
}

const OWNER_TYPES = {
  user: 'user',
  call_queue: 'callQueue',
  auto_receptionist: 'autoReceptionist',
} as const;

const newestFirst = (a: IndexedSession, b: IndexedSession): number =>
  b.lastAccessMs - a.lastAccessMs || a.session.id.localeCompare(b.session.id);

/** Indexes a dataset checked by `buildDataset` (owners exist, messages are never empty). */
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
  const indexed = dataset.sessions
    .map((session): IndexedSession => {
      const messageMs = session.messages.map((message) => fromZoomTime(message.at));
      return { session, owner: ownerOf(session), lastAccessMs: Math.max(...messageMs), messageMs };
    })
    .sort(newestFirst);
  const byId = new Map(indexed.map((entry) => [entry.session.id, entry]));
  const byOwner = new Map<string, IndexedSession[]>();
  for (const entry of indexed) {
    const list = byOwner.get(entry.session.ownerId) ?? [];
    list.push(entry);
    byOwner.set(entry.session.ownerId, list);
  }
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
  };
};
