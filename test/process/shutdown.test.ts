import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { buildDataset, createDemoZoom, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type FakeSlackUser, startFakeSlack } from '../helpers/fake-slack.js';
import { startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';

const people: FakeSlackUser[] = Array.from({ length: 4 }, (_, i) => ({
  id: `U0STOP000${i}`,
  email: `stop${i}@example.com`,
  tz: 'UTC',
}));
const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
const dataset = buildDataset({
  users: zoomUsers,
  sessions: zoomUsers.flatMap((user) => demoSessions(user, 1, { newest: new Date() })),
});

interface Post {
  text: string;
  blocks: unknown[];
}

describe('stopping the app (SIGTERM)', () => {
  it('finishes the request at Zoom, tells the queued ones to try again, then stops taking work', async () => {
    const zoom = createDemoZoom({
      clock: systemClock,
      dataset,
      credentials: ZOOM_CREDENTIALS,
      latencyMs: 800,
    });
    const address = await zoom.listen();
    const slack = await startFakeSlack({ users: people });
    const h = await startHarness({
      users: people,
      dataset,
      slack,
      zoom: { zoom, address },
      env: { ZOOM_RATE_LIMIT_PER_SECOND: '1' },
    });
    try {
      const asked = await Promise.all(people.map((person) => h.command(person.id, '')));
      await slack.waitFor(() => zoom.countCalls('list') === 1, 'the first request at Zoom');
      await h.close();

      const answers = asked.map(({ id }) => {
        const posts = slack.responses.filter((post) => post.id === id);
        if (posts.length === 2) {
          expect(String(posts[0]?.body.text)).toMatch(/in line for Zoom/);
          expect(posts[1]?.body.replace_original).toBe(true);
        } else {
          expect(posts).toHaveLength(1);
        }
        return posts.at(-1)?.body as unknown as Post;
      });
      const pages = answers.filter((answer) => /SMS conversations? for/.test(answer.text));
      const restarting = answers.filter((answer) => /restarting/.test(answer.text));
      expect(pages).toHaveLength(1);
      expect(restarting).toHaveLength(3);
      for (const answer of restarting) {
        expectValidMessage(answer);
        expect(visibleText(answer)).toContain('Try again');
        expect(findButtons(answer).map((button) => button.actionId)).toContain(
          ACTION_IDS.pageRetry,
        );
      }
      expect(zoom.countCalls('list')).toBe(1);
      await expect(h.command(people[0]?.id ?? '', '')).rejects.toThrow();
    } finally {
      await zoom.close();
      await slack.close();
    }
  });
});
