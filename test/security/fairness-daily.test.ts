import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { expectValidMessage, type Surface, visibleText } from '../helpers/block-kit.js';
import type { FakeSlackUser } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/** A small day: 40 Zoom requests for the account, a quarter each for members, half for admins. */
const DAILY_LIMIT = 40;
const MEMBER_CAP = 10;
const ADMIN_CAP = 20;

const A = 'U0SPENDER1';
const B = 'U0LATECOMR';
const ADMIN = 'U0BIGADMIN';
const people: FakeSlackUser[] = [A, B, ADMIN].map((id) => ({
  id,
  email: `${id.toLowerCase()}@example.com`,
  tz: 'UTC',
}));
const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
const dataset = buildDataset({
  users: zoomUsers,
  sessions: zoomUsers.flatMap((user) => demoSessions(user, 2, { newest: new Date() })),
});

const isPage = (post: Surface) => /SMS conversations? for/.test(post.text ?? '');
const isShareSpent = (post: Surface) =>
  /used your share of today's Zoom requests/.test(post.text ?? '');

describe("one person's share of a small daily budget", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: people,
      dataset,
      admins: [ADMIN],
      env: {
        ZOOM_DAILY_LIMIT: String(DAILY_LIMIT),
        ZOOM_USER_DAILY_SHARE: '25',
        ZOOM_ADMIN_DAILY_SHARE: '50',
        ZOOM_USER_BURST: '100',
        ZOOM_RATE_LIMIT_PER_SECOND: '20',
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Runs `count` distinct listings as `user` one after the other; returns each final answer. */
  const listings = async (user: string, count: number): Promise<Surface[]> => {
    const answers: Surface[] = [];
    for (let i = 1; i <= count; i += 1) {
      const { id } = await h.command(user, `size:${i}`);
      answers.push((await h.slack.nextResponse(id, 10_000)) as unknown as Surface);
    }
    return answers;
  };

  it("stops A at A's cap, tells A when they can go on, and still serves B", async () => {
    const listsBefore = h.zoom.countCalls('list');
    const answers = await listings(A, MEMBER_CAP + 5);
    expect(answers.filter(isPage)).toHaveLength(MEMBER_CAP);
    const refused = answers.filter(isShareSpent);
    expect(refused).toHaveLength(5);
    expect(h.zoom.countCalls('list') - listsBefore).toBe(MEMBER_CAP);
    const refusal = refused[0] as Surface;
    expectValidMessage(refusal);
    expect(visibleText(refusal)).toContain(
      `each person may make ${MEMBER_CAP} Zoom requests a day`,
    );
    expect(visibleText(refusal)).toContain('everyone else can still use the app');
    expect(visibleText(refusal)).toMatch(/You can go on in about \d+ (hours?|minutes?) \(/);
    expect(visibleText(refusal)).not.toContain("Today's Zoom requests are used up");

    const [mine] = await listings(B, 1);
    expect(isPage(mine as Surface)).toBe(true);
  }, 60_000);

  it('gives an admin the larger share, and stops them at it too', async () => {
    const answers = await listings(ADMIN, ADMIN_CAP + 2);
    expect(answers.filter(isPage)).toHaveLength(ADMIN_CAP);
    expect(answers.filter(isShareSpent)).toHaveLength(2);
    expect(visibleText(answers.at(-1) as Surface)).toContain(
      `each person may make ${ADMIN_CAP} Zoom requests a day`,
    );
  }, 60_000);
});
