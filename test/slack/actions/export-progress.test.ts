import type { RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SessionsPageResult } from '../../../src/core/listing-page.js';
import { AppError } from '../../../src/errors.js';
import type { ExportStatus } from '../../../src/render/export-messages.js';
import {
  createExportProgress,
  EXPORT_RUNNING_UPDATES_MAX,
  EXPORT_UPDATE_INTERVAL_MS,
} from '../../../src/slack/actions/export-progress.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createCapturingLogger } from '../../store/logger.js';

const shownPage = { model: {}, ctx: {} } as unknown as SessionsPageResult;

/** Renders a status as a one-line listing, so the answers can be read in order. */
const listing = (_shown: SessionsPageResult, status: ExportStatus) => {
  const text =
    status.kind === 'running' ? `listing · running ${status.sessions}` : `listing · ${status.kind}`;
  return { text, blocks: [] };
};

const setup = (options: { show?: () => Promise<SessionsPageResult>; refuse?: boolean } = {}) => {
  const answers: RespondArguments[] = [];
  const clock = createFakeClock();
  const { logger, lines } = createCapturingLogger();
  const progress = createExportProgress({
    respond: async (message) => {
      if (options.refuse === true) throw new Error('expired_url');
      answers.push(message as RespondArguments);
      return new Response('ok');
    },
    logger,
    nowMs: () => clock.now().getTime(),
    show: options.show ?? (async () => shownPage),
    render: listing,
  });
  return { answers, clock, lines, progress };
};

const texts = (answers: readonly RespondArguments[]) =>
  answers.map((answer) => [answer.text, answer.replace_original]);

describe('createExportProgress', () => {
  it('shows the export in its listing: started, a few running counts apart in time, then the result', async () => {
    const { answers, clock, progress } = setup();
    await progress.report({ sessions: 0, pages: 0 });
    for (let page = 1; page <= 20; page += 1) {
      if (page % 3 === 0) clock.advance(EXPORT_UPDATE_INTERVAL_MS);
      await progress.report({ sessions: page * 100, pages: page });
    }
    expect(progress.inListing).toBe(true);
    const last = progress.end(
      { kind: 'failed', error: new AppError('ZOOM_UNAVAILABLE', 'x') },
      () => {
        throw new Error('not alone');
      },
    );
    expect(last.text).toBe('listing · failed');
    expect(texts(answers)).toEqual([
      ['listing · running 0', true],
      ['listing · running 300', true],
      ['listing · running 600', true],
    ]);
    // With the last word, the click's response_url is used at most four times of its five.
    expect(answers.length + 1).toBeLessThanOrEqual(5);
    expect(EXPORT_RUNNING_UPDATES_MAX).toBe(answers.length - 1);
  });

  it('goes from started straight to the result when the export is quick', async () => {
    const { answers, progress } = setup();
    await progress.report({ sessions: 0, pages: 0 });
    await progress.report({ sessions: 100, pages: 1 });
    await progress.report({ sessions: 150, pages: 2 });
    expect(texts(answers)).toEqual([['listing · running 0', true]]);
  });

  it('speaks in small ephemerals of its own when the listing cannot be shown again', async () => {
    const { answers, clock, lines, progress } = setup({
      show: async () => {
        throw new AppError('ZOOM_RATE_LIMITED', 'busy');
      },
    });
    await progress.report({ sessions: 0, pages: 0 });
    clock.advance(EXPORT_UPDATE_INTERVAL_MS);
    await progress.report({ sessions: 100, pages: 1 });
    expect(progress.inListing).toBe(false);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(answers[0]?.text).toContain('Exporting these SMS conversations to a CSV file');
    const alone = { text: 'alone', blocks: [] };
    expect(progress.end({ kind: 'running', sessions: 0 }, () => alone)).toBe(alone);
    expect(lines.some((line) => line.code === 'ZOOM_RATE_LIMITED')).toBe(true);
  });

  it('logs a refused answer and carries on, in messages of its own', async () => {
    const { lines, progress } = setup({ refuse: true });
    await expect(progress.report({ sessions: 0, pages: 0 })).resolves.toBeUndefined();
    expect(progress.inListing).toBe(false);
    expect(lines.some((line) => line.msg === 'response_url refused the export progress')).toBe(
      true,
    );
  });
});
