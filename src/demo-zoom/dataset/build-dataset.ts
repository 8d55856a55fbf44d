import type { DemoDataset, DemoLine, DemoSession, DemoUser } from '../types.js';

const ZOOM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MAX_CONTACTS = 9;

/** What {@link buildDataset} assembles; lines and sessions may be left out. */
export interface DemoDatasetInput {
  readonly users: readonly DemoUser[];
  readonly callQueues?: readonly DemoLine[];
  readonly autoReceptionists?: readonly DemoLine[];
  readonly sessions?: readonly DemoSession[];
}

const requireUnique = (what: string, keys: readonly string[]): void => {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`Demo dataset: duplicate ${what} ${JSON.stringify(key)}`);
    seen.add(key);
  }
};

const checkLines = (lines: readonly DemoLine[], kind: DemoLine['kind'], users: Set<string>) => {
  for (const line of lines) {
    if (line.kind !== kind) {
      throw new Error(`Demo dataset: line ${line.id} is a ${line.kind}, listed as ${kind}`);
    }
    const stranger = line.memberIds.find((id) => !users.has(id));
    if (stranger !== undefined) {
      throw new Error(`Demo dataset: line ${line.id} has unknown member ${stranger}`);
    }
  }
};

const ownerNumber = (
  session: DemoSession,
  users: ReadonlyMap<string, DemoUser>,
  lines: ReadonlyMap<string, DemoLine>,
): string | undefined => {
  if (session.type === 'user') {
    const user = users.get(session.ownerId);
    return user?.hasPhone === true ? user.phoneNumber : undefined;
  }
  const line = lines.get(session.ownerId);
  return line?.kind === session.type ? line.phoneNumber : undefined;
};

const checkSession = (
  session: DemoSession,
  users: ReadonlyMap<string, DemoUser>,
  lines: ReadonlyMap<string, DemoLine>,
): void => {
  const fail = (why: string): never => {
    throw new Error(`Demo dataset: session ${session.id} ${why}`);
  };
  const owner = ownerNumber(session, users, lines);
  if (owner === undefined) fail(`has no ${session.type} owner with a number (${session.ownerId})`);
  if (session.contacts.length < 1 || session.contacts.length > MAX_CONTACTS) {
    fail(`needs 1 to ${MAX_CONTACTS} contacts`);
  }
  if (session.messages.length === 0) fail('has no messages');
  const contacts = new Set(session.contacts.map((contact) => contact.phoneNumber));
  let previous = '';
  for (const message of session.messages) {
    if (!ZOOM_TIME.test(message.at)) fail(`message ${message.id} has time ${message.at}`);
    if (message.at < previous) fail('has messages out of order');
    previous = message.at;
    const fromOwner = message.senderNumber === owner;
    if (message.direction === 'out' ? !fromOwner : !contacts.has(message.senderNumber)) {
      fail(`message ${message.id} (${message.direction}) has sender ${message.senderNumber}`);
    }
  }
};

/**
 * Checks that a dataset holds together (unique ids and emails, every owner and member exists,
 * user owners have Zoom Phone and a number, messages are in order and sent by the right side)
 * and returns it, so a mistake in a test's setup fails loudly instead of as a puzzling 404.
 * @throws Error naming the first inconsistency.
 */
export const buildDataset = (input: DemoDatasetInput): DemoDataset => {
  const callQueues = input.callQueues ?? [];
  const autoReceptionists = input.autoReceptionists ?? [];
  const sessions = input.sessions ?? [];
  const lineList = [...callQueues, ...autoReceptionists];
  requireUnique(
    'user id',
    input.users.map((user) => user.id),
  );
  requireUnique(
    'email',
    input.users.map((user) => user.email.toLowerCase()),
  );
  requireUnique(
    'line id',
    lineList.map((line) => line.id),
  );
  requireUnique(
    'session id',
    sessions.map((session) => session.id),
  );
  const userIds = new Set(input.users.map((user) => user.id));
  checkLines(callQueues, 'call_queue', userIds);
  checkLines(autoReceptionists, 'auto_receptionist', userIds);
  const users = new Map(input.users.map((user) => [user.id, user]));
  const lines = new Map(lineList.map((line) => [line.id, line]));
  for (const session of sessions) checkSession(session, users, lines);
  return { users: input.users, callQueues, autoReceptionists, sessions };
};
