import type {
  DemoAttachment,
  DemoContact,
  DemoDataset,
  DemoDeliveryStatus,
  DemoLine,
  DemoMessage,
  DemoSession,
} from '../types.js';
import { DAY_MS, toZoomTime } from '../zoom-time.js';
import { buildDataset } from './build-dataset.js';
import { createDemoContacts } from './demo-contacts.js';
import { DEMO_CONVERSATIONS, DEMO_FOLLOW_UPS, type ScriptLine } from './demo-conversations.js';
import { DEMO_AUTO_RECEPTIONISTS, DEMO_CALL_QUEUES, DEMO_USERS } from './demo-people.js';
import { createPrng, type Prng } from './prng.js';

/** How far back the generated conversations start. */
export const DEMO_HISTORY_DAYS = 90;

const DEFAULT_SEED = 20_261_126;
const DEFAULT_SESSION_COUNT = 300;
const HEX = '0123456789abcdef';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ADMIN_WEIGHT = 6;

/** Options of {@link createDemoDataset}. */
export interface DemoDatasetOptions {
  /** The newest message is at or before this instant; the oldest 90 days earlier. */
  readonly now: Date;
  /** Same seed and `now`, same dataset, byte for byte. */
  readonly seed?: number;
  /** Conversations to generate (300 by default; benchmarks may ask for more). */
  readonly sessionCount?: number;
}

interface Owner {
  readonly type: DemoSession['type'];
  readonly id: string;
  readonly phoneNumber: string;
}

const pickOwner = (prng: Prng): Owner => {
  const roll = prng.next();
  const line = (lines: readonly DemoLine[]): Owner => {
    const picked = prng.pick(lines);
    return { type: picked.kind, id: picked.id, phoneNumber: picked.phoneNumber };
  };
  if (roll < 0.08) return line(DEMO_AUTO_RECEPTIONISTS);
  if (roll < 0.23) return line(DEMO_CALL_QUEUES);
  const [admin, ...others] = DEMO_USERS.filter((user) => user.hasPhone);
  const user =
    admin !== undefined && prng.chance(ADMIN_WEIGHT / (ADMIN_WEIGHT + others.length))
      ? admin
      : prng.pick(others);
  return { type: 'user', id: user.id, phoneNumber: user.phoneNumber ?? '' };
};

const pickContacts = (prng: Prng, pool: readonly DemoContact[]): DemoContact[] => {
  const wanted = prng.chance(0.06) ? prng.int(2, 3) : 1;
  const picked: DemoContact[] = [];
  while (picked.length < wanted) {
    const contact = prng.pick(pool);
    if (!picked.includes(contact)) picked.push(contact);
  }
  return picked;
};

const pickStatus = (prng: Prng, direction: ScriptLine['direction']): DemoDeliveryStatus => {
  if (direction === 'in') return 'received';
  const roll = prng.next();
  if (roll < 0.85) return 'delivered';
  if (roll < 0.91) return 'sent';
  if (roll < 0.95) return 'failed_to_deliver';
  if (roll < 0.98) return 'failed_to_send';
  return 'unknown';
};

const pickAttachment = (prng: Prng, at: number): DemoAttachment => {
  const stamp = toZoomTime(at).replace(/[-:]/g, '').replace('T', '_').replace('Z', '');
  const roll = prng.next();
  const [type, name, size]: [DemoAttachment['type'], string, number] =
    roll < 0.7
      ? ['JPG', `IMG_${stamp}.jpg`, prng.int(80_000, 3_500_000)]
      : roll < 0.9
        ? ['PNG', `Screenshot ${stamp}.png`, prng.int(40_000, 900_000)]
        : roll < 0.95
          ? ['AUDIO', 'voice-memo.m4a', prng.int(20_000, 400_000)]
          : ['VIDEO', 'clip.mp4', prng.int(1_000_000, 9_000_000)];
  return { id: prng.chars(22, ID_ALPHABET), name, size, type };
};

const scriptFor = (prng: Prng): ScriptLine[] => {
  const script = [...prng.pick(DEMO_CONVERSATIONS)];
  const length = prng.chance(0.1) ? 1 : prng.int(2, script.length + DEMO_FOLLOW_UPS.length);
  return [...script, ...DEMO_FOLLOW_UPS].slice(0, length);
};

const createMessages = (
  prng: Prng,
  owner: Owner,
  contacts: readonly DemoContact[],
  startMs: number,
  nowMs: number,
): DemoMessage[] => {
  const messages: DemoMessage[] = [];
  let at = startMs;
  for (const line of scriptFor(prng)) {
    if (at > nowMs) break;
    const sender = line.direction === 'out' ? owner.phoneNumber : prng.pick(contacts).phoneNumber;
    const attachments = prng.chance(0.06) ? [pickAttachment(prng, at)] : undefined;
    messages.push({
      id: prng.chars(22, ID_ALPHABET),
      direction: line.direction,
      at: toZoomTime(at),
      text: line.text,
      senderNumber: sender,
      status: pickStatus(prng, line.direction),
      ...(attachments === undefined ? {} : { attachments }),
    });
    const gapSeconds = prng.chance(0.15) ? prng.int(3_600, 3 * 86_400) : prng.int(15, 3_600);
    at += gapSeconds * 1000;
  }
  return messages;
};

/**
 * The demo account: the people of `demo-people.ts`, their two call queues and auto receptionist,
 * and `sessionCount` conversations with fictional contacts spread over the last
 * {@link DEMO_HISTORY_DAYS} days before `now`. Deterministic: a seeded PRNG, no `Math.random`,
 * no wall clock. Each owner has at most one session with a given set of contacts, as in Zoom.
 */
export const createDemoDataset = (options: DemoDatasetOptions): DemoDataset => {
  const prng = createPrng(options.seed ?? DEFAULT_SEED);
  const nowMs = Math.floor(options.now.getTime() / 1000) * 1000;
  const pool = createDemoContacts(prng);
  const wanted = options.sessionCount ?? DEFAULT_SESSION_COUNT;
  const seen = new Set<string>();
  const sessions: DemoSession[] = [];
  while (sessions.length < wanted) {
    const owner = pickOwner(prng);
    const contacts = pickContacts(prng, pool);
    const key = [owner.id, ...contacts.map((contact) => contact.phoneNumber).sort()].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const startMs = nowMs - prng.int(0, (DEMO_HISTORY_DAYS * DAY_MS) / 1000) * 1000;
    sessions.push({
      id: prng.chars(32, HEX),
      type: owner.type,
      ownerId: owner.id,
      contacts,
      messages: createMessages(prng, owner, contacts, startMs, nowMs),
    });
  }
  return buildDataset({
    users: DEMO_USERS,
    callQueues: DEMO_CALL_QUEUES,
    autoReceptionists: DEMO_AUTO_RECEPTIONISTS,
    sessions,
  });
};
