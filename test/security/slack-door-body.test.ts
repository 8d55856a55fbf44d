import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { SLACK_BODY_MAX_BYTES } from '../../src/door/slack-door.js';
import { OPEN_ACTION_ID_PATTERN } from '../../src/surface/ids.js';
import { findButtons } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const alice = demoUser({ email: 'alice@example.com' });
const now = Date.now();

/** Three-byte UTF-8 characters, the costliest once form-encoded (`%E4%B8%AD`, nine bytes each). */
const wide = (length: number) => '中'.repeat(length);

const worst = demoSession({
  owner: alice,
  at: new Date(now - 60_000),
  contacts: Array.from({ length: 9 }, (_, i) => ({
    name: wide(300),
    phoneNumber: `1810800${String(1000 + i)}`,
  })),
  messages: Array.from({ length: 60 }, (_, i) => ({
    direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
    at: new Date(now - 60_000 - i * 60_000),
    text: wide(4_000),
    attachments: Array.from({ length: 10 }, (__, k) => ({
      id: `PhOtO${String(i * 10 + k).padStart(17, '0')}`,
      name: `${wide(200)}.jpg`,
      size: 1_000_000,
      type: 'JPG' as const,
    })),
  })),
});

/**
 * The body cap must fit the largest payload Slack can send the app: an interaction from its
 * largest modal, which carries the whole view. The app's only modal is a conversation page; here
 * it is rendered for the worst conversation (every text past its cut, in three-byte characters)
 * through the real app, then wrapped as Slack wraps a `block_actions` from it.
 */
describe('the body cap against the largest real payload (issue 18, part 2)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [{ id: ALICE, email: 'alice@example.com', name: 'Alice' }],
      dataset: buildDataset({ users: [alice], sessions: [worst] }),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('holds an interaction from the fullest conversation modal at most half the cap', async () => {
    const answer = await h.slack.nextResponse((await h.command(ALICE, '')).id);
    const open = findButtons(answer as never).find((b) =>
      OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''),
    );
    const before = h.slack.modals.length;
    await h.act(ALICE, { type: 'button', action_id: open?.actionId, value: open?.value });
    await h.slack.waitFor(
      () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
      'the conversation modal',
    );
    const modal = h.slack.modals.slice(before).find((m) => m.via === 'views.update');
    const view = {
      id: modal?.viewId,
      team_id: 'T0001',
      type: 'modal',
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: modal?.hash,
      root_view_id: modal?.viewId,
      app_id: 'A0001',
      bot_id: 'BBOT',
      ...(modal?.view ?? {}),
    };
    const payload = {
      type: 'block_actions',
      team: { id: 'T0001', domain: 'example' },
      user: { id: ALICE, username: 'alice', name: 'alice', team_id: 'T0001' },
      api_app_id: 'A0001',
      token: 'legacy-verification-token',
      container: { type: 'view', view_id: modal?.viewId },
      trigger_id: '1.2.3',
      view,
      actions: [{ type: 'button', action_id: 'x', block_id: 'b', action_ts: '1.2' }],
    };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    expect(JSON.stringify(modal?.view)).toContain(wide(20));
    const bytes = Buffer.byteLength(body);
    console.info(`largest modal interaction: ${(bytes / 1024).toFixed(0)} KiB form-encoded`);
    expect(bytes).toBeLessThanOrEqual(SLACK_BODY_MAX_BYTES / 2);
  });
});
