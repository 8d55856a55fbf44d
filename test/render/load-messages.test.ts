import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { renderError } from '../../src/render/error-message.js';
import { renderQueuedNote } from '../../src/render/queued-note.js';
import { ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'Europe/Paris' };
const retry: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: 'U0ALICE01' },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-11-01T00:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token: '',
  trail: [],
  page: 1,
};

describe('renderQueuedNote', () => {
  it.each([
    [1, 1_200, 'behind 1 request: about 1 second'],
    [42, 10_800, 'behind 42 requests: about 11 seconds'],
    [250, 60_000, 'behind 250 requests: about 60 seconds'],
    [900, 216_000, 'behind 900 requests: about 4 minutes'],
  ])('tells someone %i ahead (%i ms) where they stand', (ahead, estimatedWaitMs, sentence) => {
    const note = renderQueuedNote({ ahead, estimatedWaitMs });
    expectValidMessage(note);
    expect(visibleText(note)).toContain(sentence);
    expect(note.text).toContain('replace this note');
  });
});

describe('renderError for load and shutdown', () => {
  it('says the day’s Zoom requests are used up and when they reset', () => {
    const message = renderError(
      new AppError('ZOOM_RATE_LIMITED', 'daily', {
        detail: { rateLimit: 'daily', retryAfterMs: 12 * 3_600_000 },
      }),
      ctx,
      { retry },
    );
    expectValidMessage(message);
    const text = visibleText(message);
    expect(text).toContain("Today's Zoom requests are used up");
    expect(text).toContain('midnight UTC');
    expect(text).toContain('in about 12 hours');
  });

  it('keeps "Zoom is busy" for the per-second limit', () => {
    const message = renderError(
      new AppError('ZOOM_RATE_LIMITED', 'queue', {
        detail: { rateLimit: 'per-second', retryAfterMs: 45_000 },
      }),
      ctx,
    );
    expect(visibleText(message)).toContain('Zoom is busy');
    expect(visibleText(message)).toContain('Try again in about 45 seconds');
  });

  it('asks to try again when the app restarted before reaching Zoom, with a button', () => {
    const message = renderError(new AppError('APP_RESTARTING', 'shutting down'), ctx, { retry });
    expectValidMessage(message);
    expect(visibleText(message)).toContain('The app is restarting');
    expect(findButtons(message).map((button) => button.actionId)).toEqual([ACTION_IDS.pageRetry]);
  });
});
