import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type DemoFault, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', tz: 'UTC', name: 'Bob' },
];
const dataset = () =>
  buildDataset({
    users: [alice, bob],
    sessions: [
      ...demoSessions(alice, 12, { newest: new Date(Date.now() - 60_000) }),
      ...demoSessions(bob, 2, { newest: new Date(Date.now() - 60_000) }),
    ],
  });

interface Answer {
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

const PAGE = /Contact 1\b/;
const UNAVAILABLE = /Zoom isn't answering/;
const UNEXPECTED = /Zoom returned something unexpected/;
const USED_UP = /Today's Zoom requests are used up/;

const html503: DemoFault = {
  status: 503,
  body: '<html><body><h1>503 Service Unavailable</h1></body></html>',
  headers: { 'content-type': 'text/html' },
};

/** Asks as Alice and waits for the one answer; a fault must never leave her in silence. */
const ask = async (h: Harness, user = ALICE, text = ''): Promise<Answer> => {
  const { ack, id } = await h.command(user, text);
  expect(ack.status).toBe(200);
  const answer = (await h.slack.nextResponse(id, 15_000)) as unknown as Answer;
  expectValidMessage(answer);
  return answer;
};

const expectHealthy = async (h: Harness) => {
  expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
};

// Zoom's failure modes: https://developers.zoom.us/docs/api/rest/rate-limits/ (429, Retry-After,
// X-RateLimit-Type) and https://developers.zoom.us/docs/api/rest/error-definitions/ (5xx).
describe('faults from Zoom end in the page or a clear answer, never silence', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset: dataset(), env: { ZOOM_TIMEOUT_MS: '500' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each<[string, DemoFault, number, RegExp]>([
    [
      'a per-second 429 with Retry-After',
      {
        status: 429,
        body: { code: 429, message: 'Too many requests' },
        headers: { 'Retry-After': '1', 'X-RateLimit-Type': 'QPS' },
      },
      1,
      PAGE,
    ],
    [
      'a 429 without Retry-After',
      { status: 429, body: { code: 429, message: 'Too many' } },
      1,
      PAGE,
    ],
    ['one 500', { status: 500, body: { code: 500, message: 'Internal' } }, 1, PAGE],
    ['one 503 with HTML', html503, 1, PAGE],
    ['503 with HTML on every try', html503, 3, UNAVAILABLE],
    ['one connection reset', { kind: 'reset' }, 1, PAGE],
    ['a reset on every try', { kind: 'reset' }, 3, UNAVAILABLE],
    ['one timeout (ZOOM_TIMEOUT_MS)', { kind: 'hang' }, 1, PAGE],
    ['a timeout on every try', { kind: 'hang' }, 3, UNAVAILABLE],
    ['a 200 with HTML', { status: 200, body: '<html>maintenance</html>' }, 1, UNEXPECTED],
    [
      'a 200 with truncated JSON',
      { status: 200, body: '{"sms_sessions": [', headers: { 'content-type': 'application/json' } },
      1,
      UNEXPECTED,
    ],
    ['a 200 of the wrong shape', { status: 200, body: { sms_sessions: 'none' } }, 1, UNEXPECTED],
  ])('%s', async (_name, fault, times, expected) => {
    h.zoom.failNext(fault, { kind: 'list', times });
    const answer = await ask(h);
    expect(visibleText(answer)).toMatch(expected);
    await expectHealthy(h);
  });

  it('offers Try again after Zoom stayed down, and Try again shows the page', async () => {
    h.zoom.failNext(html503, { kind: 'list', times: 3 });
    const failed = await ask(h);
    const retry = findButtons(failed).find((button) => button.actionId === ACTION_IDS.pageRetry);
    if (retry?.value === undefined) throw new Error(`no Try again in ${visibleText(failed)}`);
    const { id } = await h.click(ALICE, ACTION_IDS.pageRetry, retry.value);
    const page = (await h.slack.nextResponse(id, 15_000)) as unknown as Answer;
    expect(visibleText(page)).toMatch(PAGE);
  });

  it('logs every failed attempt without the person’s email', () => {
    const failures = h.logLines.filter((line) => line.includes('Zoom request failed'));
    expect(failures.length).toBeGreaterThan(10);
    for (const line of failures) expect(line).not.toContain('alice@example.com');
  });
});

describe('the daily budget', () => {
  it('says it is used up and when it resets once ZOOM_DAILY_LIMIT is spent, without calling Zoom', async () => {
    const h = await startHarness({ users, dataset: dataset(), env: { ZOOM_DAILY_LIMIT: '2' } });
    try {
      expect(visibleText(await ask(h, ALICE))).toMatch(PAGE);
      expect(visibleText(await ask(h, BOB))).toMatch(/Contact 1\b/);
      const spent = await ask(h, ALICE, 'size:5');
      expect(visibleText(spent)).toMatch(USED_UP);
      expect(visibleText(spent)).toMatch(/midnight UTC/);
      expect(h.zoom.countCalls('list')).toBe(2);
      await expectHealthy(h);
    } finally {
      await h.close();
    }
  });

  it('honours Zoom’s daily 429 for everyone until the reset it names', async () => {
    const h = await startHarness({ users, dataset: dataset() });
    try {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      h.zoom.failNext(
        {
          status: 429,
          body: {
            code: 429,
            message: 'You have reached the maximum daily rate limit for this API.',
          },
          headers: {
            'Retry-After': `${tomorrow}T00:00:00Z`,
            'X-RateLimit-Type': 'Daily-limit',
          },
        },
        { kind: 'list' },
      );
      expect(visibleText(await ask(h, ALICE))).toMatch(USED_UP);
      expect(visibleText(await ask(h, BOB))).toMatch(USED_UP);
      expect(h.zoom.countCalls('list')).toBe(1);
      await expectHealthy(h);
    } finally {
      await h.close();
    }
  });
});

describe('real 429s from a Zoom stricter than ZOOM_RATE_LIMIT_PER_SECOND', () => {
  it('backs off and still answers everyone with their page', async () => {
    const { createDemoZoom } = await import('../../src/demo-zoom/index.js');
    const { systemClock } = await import('../../src/clock.js');
    const { ZOOM_CREDENTIALS } = await import('../helpers/harness.js');
    const zoom = createDemoZoom({
      clock: systemClock,
      dataset: dataset(),
      credentials: ZOOM_CREDENTIALS,
      rateLimit: { perSecond: 1 },
    });
    const address = await zoom.listen();
    const h = await startHarness({
      users,
      dataset: dataset(),
      zoom: { zoom, address },
      env: { ZOOM_RATE_LIMIT_PER_SECOND: '10' },
    });
    try {
      const asked = await Promise.all(
        ['', 'size:2', 'size:3', 'size:4'].flatMap((text) => [
          h.command(ALICE, text),
          h.command(BOB, text),
        ]),
      );
      for (const { ack } of asked) expect(ack.status).toBe(200);
      for (const { id } of asked) {
        const answer = (await h.slack.nextResponse(id, 30_000)) as unknown as Answer;
        expect(visibleText(answer)).toMatch(PAGE);
      }
      expect(h.zoom.countCalls('list')).toBeGreaterThan(8);
      await expectHealthy(h);
    } finally {
      await h.close();
      await zoom.close();
    }
  });
});
