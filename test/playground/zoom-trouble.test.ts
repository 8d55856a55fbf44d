import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEvent } from '../../src/playground/page-protocol.js';
import type { TimelineMessage } from '../../src/playground/timeline.js';
import {
  ACTION_IDS,
  BLOCK_IDS,
  SESSION_ACTION_IDS,
  SESSION_BLOCK_IDS,
} from '../../src/surface/ids.js';
import {
  openEventStream,
  postForAnswer,
  postJson,
  startTestPlayground,
} from './playground-harness.js';

type Started = Awaited<ReturnType<typeof startTestPlayground>>;
type MessageEvent = { type: 'message'; message: TimelineMessage };

const BOB = 'U0BOB';

/** Bob's listing message (the one at `ts` when given) once its blocks contain `text`. */
const listingWith =
  (text: string, ts?: string) =>
  (event: PageEvent): event is MessageEvent =>
    event.type === 'message' &&
    event.message.visibleTo === BOB &&
    (ts === undefined || event.message.ts === ts) &&
    JSON.stringify(event.message.blocks).includes(text);

/**
 * The playground's "Zoom trouble" control makes the demo Zoom misbehave, so a visitor sees the
 * listing keep its place: an export tells its progress in the listing, and a Next that meets a
 * long 429 keeps the page under a warning.
 */
describe('playground: Zoom trouble', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startTestPlayground();
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  const post = (path: string, body: unknown) => postForAnswer(started.origin, path, body);

  it('shows an export and a failed Next in the listing the visitor is reading', async () => {
    const stream = await openEventStream(started.origin);
    try {
      expect(
        await post('/playground/command', { user: BOB, text: '/sms-sessions size:3' }),
      ).toEqual({
        ok: true,
      });
      const { message: listing } = await stream.waitFor(listingWith(BLOCK_IDS.pager), 15_000);
      const click = (blockId: string, actionId: string) =>
        post('/playground/action', {
          user: BOB,
          surface: { kind: 'message', ts: listing.ts },
          blockId,
          actionId,
        });

      expect(await post('/playground/zoom-trouble', { trouble: 'slow' })).toEqual({ ok: true });
      expect(await click(SESSION_BLOCK_IDS.listActions, SESSION_ACTION_IDS.exportCsv)).toEqual({
        ok: true,
      });
      await stream.waitFor(listingWith('Exporting these SMS conversations', listing.ts), 15_000);
      await stream.waitFor(listingWith('CSV sent to your direct messages', listing.ts), 20_000);
      expect(await post('/playground/zoom-trouble', { trouble: 'normal' })).toEqual({ ok: true });

      expect(await post('/playground/zoom-trouble', { trouble: 'busy' })).toEqual({ ok: true });
      expect(await click(BLOCK_IDS.pager, ACTION_IDS.pageNext)).toEqual({ ok: true });
      const { message: kept } = await stream.waitFor(
        listingWith("Couldn't load the next page: Zoom is busy.", listing.ts),
        15_000,
      );
      expect(JSON.stringify(kept.blocks)).toContain('Try again in about 30 seconds');
    } finally {
      stream.close();
    }
  });

  it('refuses a trouble it does not know', async () => {
    const response = await postJson(started.origin, '/playground/zoom-trouble', {
      trouble: 'fire',
    });
    expect(response.status).toBe(400);
  });
});
