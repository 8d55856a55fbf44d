import { createAuditTrail } from '../../src/core/audit-trail.js';
import { createSessionFeatures } from '../../src/core/session-features.js';
import { createSessionsCore } from '../../src/core/sessions.js';
import type { AppError } from '../../src/errors.js';
import type { SessionQuery } from '../../src/query/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createAccessPolicy } from '../../src/users/access.js';
import { createIdentityResolver } from '../../src/users/resolve-identity.js';
import type { ZoomSmsHistory, ZoomSmsSession } from '../../src/zoom/schemas.js';
import { messageFromZoom, sessionFromZoom } from '../../src/zoom/to-domain.js';
import type { ZoomApi } from '../../src/zoom/types.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';
import { createFakeDirectory, person } from './fakes.js';

/** One session of {@link createFeatureZoom}: whose it is, as listed, and its messages. */
export interface FeatureSession {
  /** Lower-cased Zoom email of the owner. */
  readonly owner: string;
  readonly listed: ZoomSmsSession & { readonly session_id: string };
  /** Newest first, as Zoom sends them with `sort=2`. */
  readonly messages: readonly ZoomSmsHistory[];
}

type Kind = 'list' | 'details';

const within = (iso: string | undefined, query: Pick<SessionQuery, 'from' | 'to'>) =>
  iso !== undefined && iso >= query.from && iso <= query.to;

/**
 * A {@link ZoomApi} over `sessions` that pages by offset tokens and records every call, so tests
 * can say what Zoom was asked (and whether at all). A listing filters by owner, by phone number
 * and, for `sent_received_message_time`, by message time; details by window and order.
 */
export const createFeatureZoom = (sessions: readonly FeatureSession[]) => {
  const calls: { kind: Kind; arg: string; query?: unknown }[] = [];
  const failures: { kind: Kind; error: AppError }[] = [];
  const fail = (kind: Kind) => {
    const index = failures.findIndex((f) => f.kind === kind);
    if (index === -1) return;
    const [failure] = failures.splice(index, 1);
    if (failure !== undefined) throw failure.error;
  };
  const page = <T>(items: readonly T[], size: number, token: string | undefined) => {
    const offset = token ? Number(token) : 0;
    const next = offset + size;
    return { items: items.slice(offset, next), next: next < items.length ? String(next) : '' };
  };
  const zoom: ZoomApi = {
    listUserSmsSessions: async (zoomUser, query, token) => {
      calls.push({ kind: 'list', arg: zoomUser, query });
      fail('list');
      const mine = sessions.filter(
        (s) =>
          s.owner === zoomUser.toLowerCase() &&
          (query.phoneNumber === undefined ||
            (s.listed.participants ?? []).some((p) => p.phone_number === query.phoneNumber)) &&
          (query.filterType !== 'sent_received_message_time' ||
            s.messages.some((m) => within(m.date_time, query))),
      );
      const { items, next } = page(mine, query.pageSize, token);
      return { sessions: items.map((s) => sessionFromZoom(s.listed)), nextPageToken: next };
    },
    getUser: async () => {
      throw new Error('not used');
    },
    getPhoneUser: async () => {
      throw new Error('not used');
    },
    getSmsSessionDetails: async (sessionId, request) => {
      calls.push({ kind: 'details', arg: sessionId, query: request });
      fail('details');
      const found = sessions.find((s) => s.listed.session_id === sessionId);
      const inWindow = (found?.messages ?? []).filter((m) => within(m.date_time, request));
      const ordered = request.order === 'newest-first' ? inWindow : [...inWindow].reverse();
      const { items, next } = page(ordered, request.pageSize, request.pageToken);
      return {
        messages: items.map((m) => messageFromZoom(m, sessionId)),
        nextPageToken: next,
      };
    },
    listSharedLines: async () => {
      throw new Error('not used');
    },
    sendSms: async () => {
      throw new Error('not used');
    },
  };
  return {
    zoom,
    calls,
    count: (kind: Kind) => calls.filter((c) => c.kind === kind).length,
    failNext: (kind: Kind, error: AppError) => failures.push({ kind, error }),
  };
};

/** Slack people of the feature tests: Alice and Bob (members), Ada (admin). */
export const ALICE = 'U0ALICE01';
export const BOB = 'U0BOB0001';
export const ADA = 'U0ADA0001';

/** The three features over a memory store, the real access policy and audit trail, fake Zoom. */
export const createFeatures = (
  sessions: readonly FeatureSession[],
  options: { share?: { enabled: boolean; maskNumbers: boolean }; exportMaxSessions?: number } = {},
) => {
  const clock = createFakeClock('2026-11-26T12:00:00Z');
  const store = createMemoryStore({ clock });
  const slack = createFakeDirectory([person(ALICE), person(BOB), person(ADA)]);
  const zoom = createFeatureZoom(sessions);
  const { logger, lines } = createCapturingLogger();
  const identities = createIdentityResolver({ store, directory: slack.directory });
  const access = createAccessPolicy({ adminSlackUserIds: [ADA] });
  const audit = createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY });
  const core = createSessionsCore({
    zoom: zoom.zoom,
    directory: slack.directory,
    identities,
    access,
    audit,
    clock,
    maxRangeMonths: 12,
  });
  const features = createSessionFeatures({
    zoom: zoom.zoom,
    store,
    logger,
    sessions: core,
    access,
    identities,
    audit,
    share: options.share ?? { enabled: true, maskNumbers: true },
    exportMaxSessions: options.exportMaxSessions ?? 2000,
  });
  return {
    ...features,
    clock,
    store,
    zoom,
    lines,
    audit: () => store.listAudit({ limit: 100 }),
  };
};

const NOW_SECONDS = Date.parse('2026-11-26T12:00:00Z') / 1000;

const instant = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The `index`-th conversation of `ownerSlackId` (whose Zoom user is their profile email): one
 * contact, `messageCount` messages a minute apart, alternating in and out, the newest `index`
 * hours ago.
 */
export const chatOf = (ownerSlackId: string, index: number, messageCount = 3): FeatureSession => {
  const contact = {
    display_name: `Contact ${index}`,
    phone_number: `1415555${String(1000 + index).slice(-4)}`,
  };
  const me = {
    display_name: `Owner ${ownerSlackId}`,
    phone_number: '14155550100',
    owner: { id: `zoom-${ownerSlackId}`, type: 'user' },
  };
  const messages: ZoomSmsHistory[] = Array.from({ length: messageCount }, (_, i) => ({
    message_id: `m-${index}-${i}`,
    date_time: instant(NOW_SECONDS - index * 3600 - i * 60),
    direction: i % 2 === 0 ? 'In' : 'Out',
    message: `Message ${i} of ${index}`,
    delivery_status: i % 2 === 0 ? 'received' : 'delivered',
    sender: i % 2 === 0 ? contact : me,
    to_members: [i % 2 === 0 ? me : contact],
  }));
  return {
    owner: `${ownerSlackId.toLowerCase()}@example.com`,
    listed: {
      session_id: `s${index}x${ownerSlackId}`,
      session_type: 'user',
      last_access_time: messages[0]?.date_time ?? instant(NOW_SECONDS),
      participants: [
        { ...me, is_session_owner: true },
        { ...contact, is_session_owner: false },
      ],
    },
    messages,
  };
};
