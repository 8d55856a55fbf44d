import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createProgressPoster } from '../../../src/slack/actions/export-progress.js';
import { createCapturingLogger } from '../../store/logger.js';

const setup = (refuse = false) => {
  const posts: RespondArguments[] = [];
  const { logger, lines } = createCapturingLogger();
  const post = createProgressPoster(async (message) => {
    if (refuse) throw new Error('expired_url');
    posts.push(message as RespondArguments);
    return new Response('ok');
  }, logger);
  return { posts, lines, post };
};

describe('createProgressPoster', () => {
  it('says the export started once, as its own ephemeral beside the listing', async () => {
    const { posts, post } = setup();
    await post({ sessions: 0, pages: 0 });
    for (let page = 1; page <= 5; page += 1) await post({ sessions: page * 100, pages: page });
    expect(posts).toEqual([
      expect.objectContaining({ replace_original: false, response_type: 'ephemeral' }),
    ]);
    expect(posts[0]?.text).toContain('Exporting these SMS conversations to a CSV file');
  });

  it('logs a refused post and carries on', async () => {
    const { lines, post } = setup(true);
    await expect(post({ sessions: 0, pages: 0 })).resolves.toBeUndefined();
    expect(lines.some((line) => line.msg === 'response_url refused the export progress')).toBe(
      true,
    );
  });
});
