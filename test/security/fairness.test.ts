import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { expectValidMessage, type Surface, visibleText } from '../helpers/block-kit.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';

/** Zoom's per-second limit for the account, enforced by the demo Zoom and set in the app. */
const ZOOM_PER_SECOND = 5;
/** `ZOOM_USER_BURST` for this test: requests one person may start at once. */
const BURST = 10;
const FLOOD = 100;
/** What the issue asks: another person's command is answered within this, whatever A does. */
const OTHERS_ANSWERED_WITHIN_MS = 2_000;

const A = 'U0FLOODER1';
const B = 'U0BYSTANDR';
const ADMIN = 'U0AUDITOR1';
const people: FakeSlackUser[] = [A, B, ADMIN].map((id) => ({
  id,
  email: `${id.toLowerCase()}@example.com`,
  tz: 'UTC',
}));

const isPage = (post: Surface) => /SMS conversations? for/.test(post.text ?? '');
const isSlowDown = (post: Surface) => /^Slow down/.test(post.text ?? '');

describe('one person cannot starve everyone (Zoom at 5 a second)', () => {
  let slack: FakeSlack;
  let zoom: DemoZoom;
  let h: Harness;

  beforeAll(async () => {
    const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
    zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({
        users: zoomUsers,
        sessions: zoomUsers.flatMap((user) =>
          demoSessions(user, 3, { newest: new Date(Date.now() - 60_000) }),
        ),
      }),
      credentials: ZOOM_CREDENTIALS,
      rateLimit: { perSecond: ZOOM_PER_SECOND },
    });
    const address = await zoom.listen();
    slack = await startFakeSlack({ users: people });
    h = await startHarness({
      users: people,
      dataset: buildDataset({ users: [], sessions: [] }),
      slack,
      zoom: { zoom, address },
      admins: [ADMIN],
      env: {
        ZOOM_RATE_LIMIT_PER_SECOND: String(ZOOM_PER_SECOND),
        ZOOM_USER_BURST: String(BURST),
        ZOOM_USER_PER_MINUTE: '20',
      },
    });
  });

  afterAll(async () => {
    await h?.close();
    await zoom?.close();
    await slack?.close();
  });

  const postsOn = (id: string): Surface[] =>
    slack.responses.filter((post) => post.id === id).map((post) => post.body as unknown as Surface);

  it(`answers B within 2 s while A floods ${FLOOD} commands, and tells A to slow down`, async () => {
    const flood = await Promise.all(
      Array.from({ length: FLOOD }, (_, i) => h.command(A, `size:${i + 1}`)),
    );
    for (const { ack } of flood) expect(ack.status).toBe(200);

    const sentAt = Date.now();
    const mine = await h.command(B, '');
    expect(mine.ack.status).toBe(200);
    await slack.waitFor(
      () => postsOn(mine.id).some(isPage),
      "B's page",
      OTHERS_ANSWERED_WITHIN_MS + 10_000,
    );
    expect(Date.now() - sentAt).toBeLessThan(OTHERS_ANSWERED_WITHIN_MS);

    await slack.waitFor(
      () => flood.every(({ id }) => postsOn(id).some((post) => isPage(post) || isSlowDown(post))),
      "an answer to each of A's commands",
      30_000,
    );
    const finals = flood.map(({ id }) => postsOn(id).at(-1) as Surface);
    const pages = finals.filter(isPage);
    const refused = finals.filter(isSlowDown);
    expect(pages).toHaveLength(BURST);
    expect(refused).toHaveLength(FLOOD - BURST);
    const refusal = refused[0] as Surface;
    expectValidMessage(refusal);
    expect(visibleText(refusal)).toMatch(
      new RegExp(
        `each person may start ${BURST} Zoom requests at once\\. You can go on in about \\d+ seconds \\(`,
      ),
    );
    expect(JSON.stringify(refusal)).toMatch(/<!date\^\d+\^/);
    const lists = zoom.requests.filter((request) => request.kind === 'list');
    expect(lists).toHaveLength(BURST + 1);
    expect(h.logLines.filter((line) => line.includes('Zoom request failed'))).toEqual([]);
  }, 60_000);

  it("keeps A's refusals as one audit entry with a count", async () => {
    const { id } = await h.command(ADMIN, `audit <@${A}> 20`);
    const text = visibleText((await slack.nextResponse(id)) as unknown as Surface);
    const refusals = text
      .split('\n')
      .filter((line) => line.includes('Refused') || line.includes('Failed'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain(`(${FLOOD - BURST} times within a minute)`);
    expect(text.split('\n').filter((line) => / · \d+ shown$/.test(line))).toHaveLength(BURST);
  });
});
