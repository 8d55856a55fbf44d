import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type DemoFault, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/surface/ids.js';
import { MAX_RATE_LIMIT_WAIT_MS } from '../../src/zoom/resilient-zoom.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const alice = demoUser({ email: 'alice@example.com' });

interface Answer {
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

/** A per-second 429 as Zoom sends it, asking to wait `seconds`. https://developers.zoom.us/docs/api/rest/rate-limits/ */
const busyFor = (seconds: number): DemoFault => ({
  status: 429,
  body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API.' },
  headers: { 'Retry-After': String(seconds), 'X-RateLimit-Type': 'QPS' },
});

// The page cache is on, as it is by default: the page a person reads was fetched moments ago.
describe('a Next that meets Zoom’s 429, over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [{ id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' }],
      dataset: buildDataset({
        users: [alice],
        sessions: demoSessions(alice, 25, { newest: new Date(Date.now() - 60_000) }),
      }),
      env: { ZOOM_CACHE_TTL_SECONDS: '30' },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const answerTo = async (id: string) =>
    (await h.slack.nextResponse(id, 15_000)) as unknown as Answer;

  const nextValue = (answer: Answer, label = /^Next$/): string => {
    const button = findButtons(answer).find(
      (b) => b.blockId === BLOCK_IDS.pager && label.test(b.text),
    );
    if (button?.value === undefined) throw new Error(`no ${label} in ${visibleText(answer)}`);
    return button.value;
  };

  it('waits out a Retry-After of a second by itself: the next page arrives, no error shown', async () => {
    const first = await answerTo((await h.command(ALICE, '')).id);
    const calls = h.zoom.countCalls('list');
    h.zoom.failNext(busyFor(1), { kind: 'list' });
    const { id } = await h.click(ALICE, ACTION_IDS.pageNext, nextValue(first));
    const next = await answerTo(id);
    expectValidMessage(next);
    expect(next.replace_original).toBe(true);
    expect(visibleText(next)).toContain('11–20, newest first');
    expect(visibleText(next)).not.toMatch(/Zoom is busy|Couldn't load/);
    expect(h.zoom.countCalls('list') - calls).toBe(2);
    expect(h.slack.responses.filter((r) => r.id === id)).toHaveLength(1);
  });

  // Last in this file: Zoom's Retry-After pauses every request of the app for that long.
  it('keeps the page at once under a warning when Zoom asks for a longer wait', async () => {
    const first = await answerTo((await h.command(ALICE, '')).id);
    const calls = h.zoom.countCalls('list');
    const seconds = MAX_RATE_LIMIT_WAIT_MS / 1000 + 25;
    h.zoom.failNext(busyFor(seconds), { kind: 'list' });
    const { id } = await h.click(ALICE, ACTION_IDS.pageNext, nextValue(first));
    const kept = await answerTo(id);
    expectValidMessage(kept);
    expect(kept.replace_original).toBe(true);
    const text = visibleText(kept);
    expect(text).toContain(
      `Couldn't load the next page: Zoom is busy. Your Zoom account has made too many requests for now. Try again in about ${seconds} seconds.`,
    );
    expect(text).toContain('1–10, newest first');
    expect(
      findButtons(kept)
        .filter((b) => b.blockId === BLOCK_IDS.pager)
        .map((b) => b.text),
    ).toEqual(['Try again']);
    // Zoom was asked once for the next page and not again; page 1 came from the cache.
    expect(h.zoom.countCalls('list') - calls).toBe(1);
    expect(h.slack.responses.filter((r) => r.id === id)).toHaveLength(1);
  });
});
