import { randomUUID } from 'node:crypto';
import type { HomeView, ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { createLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS, HOME_SHARE_IDS } from '../../src/surface/ids.js';
import {
  expectValidMessage,
  expectValidModal,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';
import type { RecordedModal } from '../helpers/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import {
  appHomeOpenedBody,
  postSigned,
  viewActionBody,
  viewSubmissionBody,
} from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';
const CHANNEL = 'C0SUPPORT';
const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const ada = demoUser({ email: 'ada@example.com' });

/** The audit trail is written in batches (about every 100 ms). */
const AUDIT_WAIT = { timeout: 3_000, interval: 50 };

const isLoading = (view: unknown): boolean => JSON.stringify(view).includes(HOME_BLOCK_IDS.loading);
const textOf = (view: Record<string, unknown> | undefined) =>
  visibleText((view ?? { blocks: [] }) as unknown as ModalView);

describe('Export CSV and Share to channel from the Home tab, over the real Bolt receiver', () => {
  let h: Harness;
  let store: Store;
  let aliceHome: HomeView;

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', tz: 'UTC', name: 'Bob' },
        { id: ADMIN, email: 'ada@example.com', tz: 'UTC', name: 'Ada' },
      ],
      admins: [ADMIN],
      dataset: buildDataset({
        users: [alice, bob, ada],
        sessions: demoSessions(alice, 12, { newest: new Date(Date.now() - 60_000) }),
      }),
    });
    store = await createStore(
      { databasePath: h.databasePath, redisUrl: undefined, redisKeyPrefix: undefined },
      { clock: systemClock, logger: createLogger('silent') },
    );
    const before = h.slack.publishes.length;
    await postSigned(h.eventsUrl, appHomeOpenedBody({ user_id: ALICE }), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    await h.slack.waitFor(
      () => h.slack.publishes.slice(before).some((p) => p.userId === ALICE && !isLoading(p.view)),
      'Alice’s Home tab',
    );
    aliceHome = h.slack.homeView(ALICE)?.view as unknown as HomeView;
  });

  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  const button = (view: HomeView, actionId: string) => {
    const found = findButtons(view).find((b) => b.actionId === actionId);
    if (found === undefined) throw new Error(`no ${actionId} in ${visibleText(view)}`);
    return { type: 'button', action_id: actionId, value: found.value ?? '' };
  };

  /** Clicks a Home button as `user`; resolves with the modal states that follow, once `done`. */
  const click = async (
    user: string,
    action: Record<string, unknown>,
    done: (states: RecordedModal[]) => boolean,
  ): Promise<RecordedModal[]> => {
    const before = h.slack.modals.length;
    const ack = await postSigned(
      h.eventsUrl,
      viewActionBody({ user_id: user, action, view: { hash: `home-${randomUUID()}` } }),
      { secret: SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    await h.slack.waitFor(() => done(h.slack.modals.slice(before)), 'the modal');
    const states = h.slack.modals.slice(before);
    for (const state of states) expectValidModal(state.view as unknown as ModalView);
    return states;
  };

  const submit = async (user: string, modal: RecordedModal, values: Record<string, unknown>) => {
    const response = await postSigned(
      h.eventsUrl,
      viewSubmissionBody({
        user_id: user,
        view: {
          id: modal.viewId,
          hash: modal.hash,
          callback_id: String(modal.view.callback_id),
          private_metadata: String(modal.view.private_metadata ?? ''),
          state: { values: values as Record<string, Record<string, unknown>> },
        },
      }),
      { secret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    const raw = await response.text();
    return raw === '' ? undefined : (JSON.parse(raw) as Record<string, unknown>);
  };

  const channelPicked = (channel: string | null) => ({
    [HOME_SHARE_IDS.channelBlock]: {
      [HOME_SHARE_IDS.channelAction]: {
        type: 'conversations_select',
        selected_conversation: channel,
      },
    },
  });

  it('exports the Home listing’s query to Alice’s direct messages, says so in a modal, and audits it', async () => {
    const states = await click(ALICE, button(aliceHome, HOME_ACTION_IDS.exportCsv), (s) =>
      s.some((m) => m.via === 'views.update'),
    );
    expect(states[0]?.via).toBe('views.open');
    expect(textOf(states[0]?.view)).toContain('Exporting these SMS conversations');
    expect(textOf(states.at(-1)?.view)).toMatch(
      /CSV sent to your direct messages: all 12 conversations/,
    );
    expect(h.slack.files).toHaveLength(1);
    expect(h.slack.files[0]?.channel).toBe(`D${ALICE}`);
    expect(h.slack.files[0]?.content.split('\n').filter(Boolean)).toHaveLength(13);
    await expect
      .poll(
        async () => (await store.listAudit({ actorSlackUserId: ALICE, limit: 10 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({ action: 'export', allowed: true, resultCount: 12 });
  });

  it('refuses Bob an export of Alice’s conversations (a replayed button), and audits the refusal', async () => {
    const states = await click(BOB, button(aliceHome, HOME_ACTION_IDS.exportCsv), (s) =>
      s.some((m) => m.via === 'views.update'),
    );
    expect(textOf(states.at(-1)?.view)).toMatch(/Only admins/);
    expect(h.slack.files).toHaveLength(1);
    await expect
      .poll(
        async () => (await store.listAudit({ actorSlackUserId: BOB, limit: 10 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({ action: 'export', allowed: false, reason: 'FORBIDDEN' });
  });

  it('shares the Home page to a picked channel after the confirmation, and audits it', async () => {
    const [pick] = await click(
      ALICE,
      button(aliceHome, HOME_ACTION_IDS.share),
      (s) => s.length > 0,
    );
    if (pick === undefined) throw new Error('unreachable');
    expect(pick.view.callback_id).toBe(HOME_SHARE_IDS.pickCallbackId);
    expect(JSON.stringify(pick.view)).toContain('"conversations_select"');

    const missing = await submit(ALICE, pick, channelPicked(null));
    expect(missing).toMatchObject({
      response_action: 'errors',
      errors: { [HOME_SHARE_IDS.channelBlock]: expect.stringMatching(/Pick a channel/) },
    });
    const posts = h.slack.messages.length;
    const confirm = await submit(ALICE, pick, channelPicked(CHANNEL));
    expect(confirm?.response_action).toBe('update');
    const confirmView = confirm?.view as ModalView;
    expectValidModal(confirmView);
    expect(confirmView.title.text).toBe('Share to this channel?');
    expect(JSON.stringify(confirmView)).toContain(`<#${CHANNEL}>`);
    // Nothing is posted before Share is pressed.
    expect(h.slack.messages.length).toBe(posts);

    const confirmState = { ...pick, view: confirmView as unknown as Record<string, unknown> };
    const sharing = await submit(ALICE, confirmState, {});
    expect(sharing?.response_action).toBe('update');
    await h.slack.waitFor(() => h.slack.messages.length > posts, 'the shared copy');
    const copy = h.slack.messages.at(-1);
    expect(copy?.channel).toBe(CHANNEL);
    const message = { text: String(copy?.args.text), blocks: copy?.args.blocks as unknown[] };
    expectValidMessage(message);
    expect(visibleText(message)).toContain(`@${ALICE}`);
    expect(findButtons(message)).toEqual([]);
    await h.slack.waitFor(
      () => textOf(h.slack.modal(pick.viewId)?.view).includes('Shared to'),
      'the receipt in the modal',
    );
    await expect
      .poll(
        async () => (await store.listAudit({ actorSlackUserId: ALICE, limit: 10 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({ action: 'share', allowed: true, filters: { channel: CHANNEL } });
  });

  it('refuses Bob’s confirmation of a share of Alice’s page, posts nothing, and audits it', async () => {
    const [pick] = await click(BOB, button(aliceHome, HOME_ACTION_IDS.share), (s) => s.length > 0);
    if (pick === undefined) throw new Error('unreachable');
    const confirm = await submit(BOB, pick, channelPicked(CHANNEL));
    const posts = h.slack.messages.length;
    await submit(BOB, { ...pick, view: confirm?.view as Record<string, unknown> }, {});
    await h.slack.waitFor(
      () => textOf(h.slack.modal(pick.viewId)?.view).includes('Only admins'),
      'the refusal in the modal',
    );
    expect(h.slack.messages.length).toBe(posts);
    await expect
      .poll(
        async () => (await store.listAudit({ actorSlackUserId: BOB, limit: 10 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({ action: 'share', allowed: false, reason: 'FORBIDDEN' });
  });

  it('refuses a confirmation whose channel or page was altered, without asking Zoom', async () => {
    const [pick] = await click(
      ALICE,
      button(aliceHome, HOME_ACTION_IDS.share),
      (s) => s.length > 0,
    );
    if (pick === undefined) throw new Error('unreachable');
    const confirm = await submit(ALICE, pick, channelPicked(CHANNEL));
    const view = confirm?.view as Record<string, unknown>;
    const zoomCalls = h.zoom.countCalls('list');
    await submit(
      ALICE,
      { ...pick, view: { ...view, private_metadata: h.seal('{"cursor":"x","channel":"C0X"}') } },
      {},
    );
    await h.slack.waitFor(
      () => /doesn't work any more|old or altered/.test(textOf(h.slack.modal(pick.viewId)?.view)),
      'the refusal in the modal',
    );
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
  });
});
