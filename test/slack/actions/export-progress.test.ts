import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  createProgressPoster,
  EXPORT_PROGRESS_INTERVAL_MS,
  EXPORT_PROGRESS_MAX_UPDATES,
} from '../../../src/slack/actions/export-progress.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createCapturingLogger } from '../../store/logger.js';

const setup = (refuse = false) => {
  const clock = createFakeClock();
  const posts: RespondArguments[] = [];
  const { logger, lines } = createCapturingLogger();
  const post = createProgressPoster(
    async (message) => {
      if (refuse) throw new Error('expired_url');
      posts.push(message as RespondArguments);
      return new Response('ok');
    },
    clock,
    logger,
    2000,
  );
  return { clock, posts, lines, post };
};

describe('createProgressPoster', () => {
  it('always shows the start, replacing the listing', async () => {
    const { posts, post } = setup();
    await post({ sessions: 0, pages: 0 });
    expect(posts).toEqual([
      expect.objectContaining({ replace_original: true, response_type: 'ephemeral' }),
    ]);
  });

  it('skips updates that come too soon and stops after the allowed number', async () => {
    const { clock, posts, post } = setup();
    await post({ sessions: 0, pages: 0 });
    for (let page = 1; page <= 20; page += 1) {
      clock.advance(EXPORT_PROGRESS_INTERVAL_MS / 2);
      await post({ sessions: page * 100, pages: page });
    }
    expect(posts).toHaveLength(1 + EXPORT_PROGRESS_MAX_UPDATES);
    expect(posts.map((p) => p.text)).toEqual([
      expect.stringContaining('Exporting your SMS conversations'),
      expect.stringContaining('200 conversations so far'),
      expect.stringContaining('400 conversations so far'),
    ]);
  });

  it('logs a refused post and carries on', async () => {
    const { lines, post } = setup(true);
    await expect(post({ sessions: 0, pages: 0 })).resolves.toBeUndefined();
    expect(lines.some((line) => line.msg === 'response_url refused the export progress')).toBe(
      true,
    );
  });
});
