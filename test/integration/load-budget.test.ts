import { describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { expectValidMessage, visibleText } from '../helpers/block-kit.js';
import type { FakeSlackUser } from '../helpers/fake-slack.js';
import { startHarness } from '../helpers/harness.js';

const people: FakeSlackUser[] = Array.from({ length: 10 }, (_, i) => ({
  id: `U0BUDGET${i}`,
  email: `budget${i}@example.com`,
  tz: 'UTC',
}));
const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
const dataset = buildDataset({
  users: zoomUsers,
  sessions: zoomUsers.flatMap((user) => demoSessions(user, 1, { newest: new Date() })),
});

const isPage = (post: Post) => /SMS conversations? for/.test(post.text);
const isInterim = (post: Post) => /in line for Zoom/.test(post.text);

interface Post {
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

const BUDGET_SECONDS = 5;

describe('a queue longer than ZOOM_TIME_BUDGET_SECONDS', () => {
  it('answers everyone within the budget: a page when the turn fits, else "busy", never silence', async () => {
    const h = await startHarness({
      users: people,
      dataset,
      env: { ZOOM_RATE_LIMIT_PER_SECOND: '1', ZOOM_TIME_BUDGET_SECONDS: String(BUDGET_SECONDS) },
    });
    try {
      const started = Date.now();
      const asked = await Promise.all(people.map((person) => h.command(person.id, '')));
      const isFinal = (post: Post) => !isInterim(post);
      const finals = await Promise.all(
        asked.map(async ({ id }) => {
          await h.slack.waitFor(
            () => h.slack.responses.some((r) => r.id === id && isFinal(r.body as unknown as Post)),
            `a final answer on ${id}`,
            (BUDGET_SECONDS + 5) * 1_000,
          );
          const posts = h.slack.responses
            .filter((r) => r.id === id)
            .map((r) => r.body as unknown as Post);
          return { posts, at: Date.now() - started };
        }),
      );
      const busyAtOnce = finals.filter(
        ({ posts }) => posts.length === 1 && /Zoom is busy/.test(posts[0]?.text ?? ''),
      );
      const pages = finals.filter(({ posts }) => isPage(posts.at(-1) as Post));
      expect(busyAtOnce.length).toBeGreaterThan(0);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const { posts } of busyAtOnce) {
        expectValidMessage(posts[0] as Post);
        expect(visibleText(posts[0] as Post)).toMatch(/Try again in about \d+ seconds/);
      }
      for (const { posts, at } of finals) {
        expect(at).toBeLessThan((BUDGET_SECONDS + 5) * 1_000);
        expect(posts.length).toBeLessThanOrEqual(2);
        if (posts.length === 2) {
          expect(isInterim(posts[0] as Post)).toBe(true);
          expect(posts[1]?.replace_original).toBe(true);
        }
      }
      const lists = h.zoom.countCalls('list');
      expect(lists).toBeGreaterThanOrEqual(pages.length);
      expect(lists).toBeLessThanOrEqual(people.length - busyAtOnce.length);
    } finally {
      await h.close();
    }
  }, 30_000);
});
