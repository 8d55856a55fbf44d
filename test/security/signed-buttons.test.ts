import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { deriveAppKeys } from '../../src/keys/app-keys.js';
import { createValueSeal } from '../../src/keys/value-seal.js';
import { startCursor } from '../../src/query/cursor.js';
import { encodeCursor } from '../../src/query/cursor-wire.js';
import { ACTION_IDS, SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const OLD_SECRET = 'signed-buttons-old-secret-7d1e4c0a9b3f2e6d5c8a';
const NEW_SECRET = 'signed-buttons-new-secret-2a9c6e1f0d4b8c3e7f5a';
const alice = demoUser({ email: 'alice@example.com' });
const users = [{ id: ALICE, email: 'alice@example.com', name: 'Alice' }];
const dataset = buildDataset({
  users: [alice],
  sessions: demoSessions(alice, 25, { newest: new Date(Date.now() - 60_000) }),
});

interface Answer {
  text: string;
  blocks: unknown[];
}

const sealWith = (secret: string) => createValueSeal(deriveAppKeys({ current: secret }).buttons);

/** Issue 18 part 4: buttons that cannot be edited into something else. */
describe('signed button values (issue 18, part 4)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users,
      dataset,
      env: { APP_SECRET: NEW_SECRET, APP_SECRET_PREVIOUS: OLD_SECRET, MAX_RANGE_MONTHS: '12' },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const nextValue = async (): Promise<string> => {
    const listing = (await h.slack.nextResponse(
      (
        await h.command(ALICE, '')
      ).id,
    )) as unknown as Answer;
    const next = findButtons(listing).find((button) => button.actionId === ACTION_IDS.pageNext);
    if (next?.value === undefined) throw new Error('no Next button');
    return next.value;
  };

  const click = async (actionId: string, value: string) => {
    const before = h.zoom.countCalls('list');
    const answer = (await h.slack.nextResponse(
      (
        await h.click(ALICE, actionId, value)
      ).id,
    )) as unknown as Answer;
    return { text: visibleText(answer), zoomCalls: h.zoom.countCalls('list') - before };
  };

  it('seals every button value it sends, within Slack’s 2,000 characters', async () => {
    const listing = (await h.slack.nextResponse(
      (
        await h.command(ALICE, '')
      ).id,
    )) as unknown as Answer;
    const values = findButtons(listing).flatMap((button) => button.value ?? []);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(() => h.unseal(value)).not.toThrow();
      expect(value.length).toBeLessThanOrEqual(2000);
    }
  });

  it('follows a sealed Next button', async () => {
    const { text, zoomCalls } = await click(ACTION_IDS.pageNext, await nextValue());
    expect(text).not.toMatch(/doesn.t work any more/);
    expect(zoomCalls).toBe(1);
  });

  it.each([
    [
      'edited in place (its page number)',
      (value: string) => value.replace('"n":2', '"n":1000000000000000'),
    ],
    ['stripped of its seal', (value: string) => value.slice(0, value.lastIndexOf('.'))],
    [
      'sealed with a key the app never had',
      (value: string) => sealWith('x'.repeat(40)).seal(value.slice(0, value.lastIndexOf('.'))),
    ],
  ])('refuses a button value %s, with a fresh start and no Zoom call', async (_, edit) => {
    const { text, zoomCalls } = await click(ACTION_IDS.pageNext, edit(await nextValue()));
    expect(text).toMatch(/This button doesn.t work any more/);
    expect(text).toMatch(/Run `?\/sms-sessions`? again/);
    expect(zoomCalls).toBe(0);
  });

  it('accepts a value sealed with the previous secret while it is configured (rotation)', async () => {
    const value = sealWith(OLD_SECRET).seal(h.unseal(await nextValue()));
    const { text, zoomCalls } = await click(ACTION_IDS.pageNext, value);
    expect(text).not.toMatch(/doesn.t work any more/);
    expect(zoomCalls).toBe(1);
  });

  it.each([
    [
      'its instants replaced by text',
      (json: string) => json.replace(/"f":"[^"]+"/, '"f":"yesterday"'),
    ],
    [
      'a page number no listing has',
      (json: string) => json.replace('"n":2', '"n":1000000000000000'),
    ],
    ['a window reversed', (json: string) => json.replace(/"f":"(\d{4})/, '"f":"2999')],
  ])(
    'checks every field even of a sealed value: refuses %s without calling Zoom',
    async (_, edit) => {
      const forged = h.seal(edit(h.unseal(await nextValue())));
      const { text, zoomCalls } = await click(ACTION_IDS.pageNext, forged);
      expect(text).toMatch(/This button doesn.t work any more/);
      expect(zoomCalls).toBe(0);
    },
  );

  it('refuses an export of a range over MAX_RANGE_MONTHS, even sealed, without calling Zoom', async () => {
    const cursor = startCursor(
      { kind: 'slack-user', slackUserId: ALICE },
      {
        sessionType: 'all',
        filterType: 'last_message_time',
        from: '2021-01-01T00:00:00Z',
        to: '2025-12-31T23:59:59Z',
        pageSize: 10,
      },
      'UTC',
    );
    const { text, zoomCalls } = await click(
      SESSION_ACTION_IDS.exportCsv,
      h.seal(encodeCursor(cursor)),
    );
    expect(text).toMatch(/doesn.t work any more/);
    expect(zoomCalls).toBe(0);
  });
});
