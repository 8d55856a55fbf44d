import type { ModalView } from '@slack/types';
import { expect } from 'vitest';
import { systemClock } from '../../src/clock.js';
import {
  buildDataset,
  type DemoSession,
  demoLine,
  demoSession,
  demoUser,
} from '../../src/demo-zoom/index.js';
import type { InboxRoute } from '../../src/domain/inbox.js';
import { createLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { encodeInboxReplyValue, type InboxReplyValue, REPLY_IDS } from '../../src/surface/ids.js';
import { expectValidModal } from '../helpers/block-kit.js';
import type { RecordedModal } from '../helpers/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { postSigned, viewSubmissionBody } from '../helpers/slack-requests.js';

/** Slack people of the reply tests. */
export const ALICE = 'U0ALICE01';
export const BOB = 'U0BOB0001';
export const CAROL = 'U0CAROL01';
export const DAVE = 'U0DAVE001';
export const ADMIN = 'U0ADMIN01';

export const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const carol = demoUser({ email: 'carol@example.com' });
const dave = demoUser({ email: 'dave@example.com' });
const ada = demoUser({ email: 'ada@example.com' });
export const queue = demoLine({ kind: 'call_queue', name: 'Support', members: [alice, bob] });
export const desk = demoLine({ kind: 'auto_receptionist', name: 'Front desk', members: [carol] });
export const quiet = demoLine({ kind: 'call_queue', name: 'Quiet', members: [bob] });
export const unrouted = demoLine({ kind: 'call_queue', name: 'Unrouted', members: [bob] });

const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60_000);

export const pat = { name: 'Pat <Q> & Co', phoneNumber: '12125550101' };
const chatWith = (owner: Parameters<typeof demoSession>[0]['owner'], m: number): DemoSession =>
  demoSession({
    owner,
    at: minutesAgo(m),
    contacts: [pat],
    messages: [
      { direction: 'in', at: minutesAgo(m + 3), text: 'Hi, are you open today?' },
      { direction: 'out', at: minutesAgo(m + 2), text: 'Yes, until 6.' },
      { direction: 'in', at: minutesAgo(m), text: 'Can I come at 5?' },
    ],
  });

export const aliceChat = chatWith(alice, 1);
export const queueChat = chatWith(queue, 2);
export const deskChat = chatWith(desk, 3);
export const quietChat = chatWith(quiet, 4);
export const unroutedChat = chatWith(unrouted, 5);

export const THREADS = {
  alice: { sessionId: aliceChat.id, channelId: 'DALICE001', ownerZoomUserId: alice.id },
  queue: { sessionId: queueChat.id, channelId: 'CSUPPORT1', lineId: queue.id },
  desk: { sessionId: deskChat.id, channelId: 'CFRONT001', lineId: desk.id },
  quiet: { sessionId: quietChat.id, channelId: 'CQUIET001', lineId: quiet.id },
  unrouted: { sessionId: unroutedChat.id, channelId: 'CNOWHERE1', lineId: unrouted.id },
} as const;

const route = (
  line: { id: string; name: string; kind: 'call_queue' | 'auto_receptionist' },
  channelId: string,
  reply: InboxRoute['reply'],
): InboxRoute => ({
  lineId: line.id,
  lineKind: line.kind,
  lineName: line.name,
  channelId,
  reply,
  createdBy: ADMIN,
  createdAt: new Date(now).toISOString(),
});

const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', tz: 'America/Los_Angeles', name: 'Bob' },
  { id: CAROL, email: 'carol@example.com', tz: 'UTC', name: 'Carol' },
  { id: DAVE, email: 'dave@example.com', tz: 'UTC', name: 'Dave' },
  { id: ADMIN, email: 'ada@example.com', tz: 'UTC', name: 'Ada' },
];

/**
 * The real app with threads and routes in its store as the inbox would have written them: Alice's
 * own conversation in her DM; Support routed to #support with `reply:@bob`; Front desk routed with
 * `reply:channel-members` (Carol is a member); Quiet routed with nobody allowed; Unrouted
 * delivered once but no longer routed.
 */
export const startReplyHarness = async (env: Record<string, string> = {}) => {
  const h = await startHarness({
    users,
    admins: [ADMIN],
    env,
    dataset: buildDataset({
      users: [alice, bob, carol, dave, ada],
      callQueues: [queue, quiet, unrouted],
      autoReceptionists: [desk],
      sessions: [aliceChat, queueChat, deskChat, quietChat, unroutedChat],
    }),
  });
  const store: Store = await createStore(
    { databasePath: h.databasePath, redisUrl: undefined, redisKeyPrefix: undefined },
    { clock: systemClock, logger: createLogger('silent') },
  );
  for (const [index, thread] of Object.values(THREADS).entries()) {
    await store.putThread({ ...thread, threadTs: `1700000000.00010${index}` });
  }
  await store.putRoute(
    route(queue, THREADS.queue.channelId, { kind: 'people', slackUserIds: [BOB] }),
  );
  await store.putRoute(route(desk, THREADS.desk.channelId, { kind: 'channel-members' }));
  await store.putRoute(route(quiet, THREADS.quiet.channelId, { kind: 'nobody' }));
  h.slack.setMembers(THREADS.desk.channelId, [ALICE, CAROL]);
  return {
    ...h,
    store,
    close: async () => {
      await store.close();
      await h.close();
    },
  };
};

export type ReplyHarness = Awaited<ReturnType<typeof startReplyHarness>>;

/** The modal state after the `n`-th modal call. */
export const modalAt = (h: Harness, index: number): RecordedModal => {
  const modal = h.slack.modals[index];
  if (modal === undefined) throw new Error(`no modal state ${index}`);
  return modal;
};

/** Clicks Reply on the thread `target` as `user`; resolves with the filled modal. */
export const clickReply = async (
  h: Harness,
  user: string,
  target: InboxReplyValue,
): Promise<RecordedModal> => {
  const before = h.slack.modals.length;
  const { ack } = await h.act(
    user,
    { type: 'button', action_id: REPLY_IDS.button, value: h.seal(encodeInboxReplyValue(target)) },
    target.channelId,
  );
  expect(ack.status).toBe(200);
  await h.slack.waitFor(
    () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
    'the reply modal to be filled',
  );
  const opened = modalAt(h, before);
  expect(opened.via).toBe('views.open');
  const filled = h.slack.modals.slice(before).find((m) => m.via === 'views.update');
  if (filled === undefined) throw new Error('unreachable');
  for (const state of [opened, filled]) expectValidModal(state.view as unknown as ModalView);
  return filled;
};

/** Submits the reply modal `modal` with `text`, exactly as Slack posts a `view_submission`. */
export const submitReply = async (
  h: Harness,
  user: string,
  modal: { viewId: string; hash: string; view: Record<string, unknown> },
  text: string,
) => {
  const response = await postSigned(
    h.eventsUrl,
    viewSubmissionBody({
      user_id: user,
      view: {
        id: modal.viewId,
        hash: modal.hash,
        callback_id: REPLY_IDS.callbackId,
        private_metadata: String(modal.view.private_metadata),
        state: {
          values: {
            [REPLY_IDS.textBlock]: {
              [REPLY_IDS.textAction]: { type: 'plain_text_input', value: text },
            },
          },
        },
      },
    }),
    { secret: SIGNING_SECRET },
  );
  const raw = await response.text();
  return {
    status: response.status,
    body: raw === '' ? undefined : (JSON.parse(raw) as Record<string, unknown>),
  };
};
