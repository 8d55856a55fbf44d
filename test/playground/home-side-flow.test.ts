import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEvent } from '../../src/playground/page-protocol.js';
import type { TimelineMessage } from '../../src/playground/timeline.js';
import { PLAYGROUND_WORKSPACE } from '../../src/playground/workspace.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS, HOME_SHARE_IDS } from '../../src/surface/ids.js';
import { openEventStream, postForAnswer, startTestPlayground } from './playground-harness.js';

type Started = Awaited<ReturnType<typeof startTestPlayground>>;
type ModalsEvent = Extract<PageEvent, { type: 'modals' }>;
type HomeEvent = Extract<PageEvent, { type: 'home' }>;
type MessageEvent = { type: 'message'; message: TimelineMessage };

const ALICE = 'U0ALICE';
const CHANNEL = PLAYGROUND_WORKSPACE.channel.id;

const modalOf =
  (predicate: (view: string) => boolean) =>
  (event: PageEvent): event is ModalsEvent =>
    event.type === 'modals' &&
    event.userId === ALICE &&
    event.stack.length > 0 &&
    predicate(JSON.stringify(event.stack.at(-1)));

const settledHome = (event: PageEvent): event is HomeEvent =>
  event.type === 'home' &&
  event.home.userId === ALICE &&
  JSON.stringify(event.home.view).includes(HOME_BLOCK_IDS.listActions);

/**
 * The Home tab's Export CSV and Share to channel in the playground, as a visitor does them: the
 * modals open, the channel is picked in a `conversations_select` and confirmed, and the answers
 * land where Slack would put them (the channel, the direct message with its file).
 */
describe('playground: Export and Share from the Home tab', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startTestPlayground();
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  const post = (path: string, body: unknown) => postForAnswer(started.origin, path, body);

  const press = (actionId: string) =>
    post('/playground/action', {
      user: ALICE,
      surface: { kind: 'home' },
      blockId: HOME_BLOCK_IDS.listActions,
      actionId,
    });

  it('shares the Home page to a picked channel only after the confirmation, and exports to the DM', async () => {
    const stream = await openEventStream(started.origin);
    try {
      expect(await post('/playground/home', { user: ALICE })).toEqual({ ok: true });
      await stream.waitFor(settledHome, 15_000);

      expect(await press(HOME_ACTION_IDS.share)).toEqual({ ok: true });
      const pick = await stream.waitFor(modalOf((view) => view.includes('conversations_select')));
      const viewId = String(pick.stack.at(-1)?.id);
      const inChannel = (event: PageEvent): event is MessageEvent =>
        event.type === 'message' &&
        event.message.author.kind === 'app' &&
        event.message.visibleTo === undefined &&
        JSON.stringify(event.message.blocks).includes('shared by');
      expect(
        await post('/playground/modal-submit', {
          user: ALICE,
          viewId,
          values: { [HOME_SHARE_IDS.channelBlock]: { [HOME_SHARE_IDS.channelAction]: CHANNEL } },
        }),
      ).toEqual({ ok: true });
      await stream.waitFor(modalOf((view) => view.includes('Share to this channel?')));
      expect(stream.events.filter(inChannel)).toEqual([]);
      expect(await post('/playground/modal-submit', { user: ALICE, viewId, values: {} })).toEqual({
        ok: true,
      });
      const { message: copy } = await stream.waitFor(inChannel, 15_000);
      expect(copy.threadTs).toBeUndefined();
      await stream.waitFor(modalOf((view) => view.includes(`Shared to <#${CHANNEL}>`)));

      expect(await press(HOME_ACTION_IDS.exportCsv)).toEqual({ ok: true });
      await stream.waitFor(
        modalOf((view) => view.includes('CSV sent to your direct messages')),
        15_000,
      );
      const withFile = stream.events.find(
        (event): event is MessageEvent =>
          event.type === 'message' &&
          event.message.files.some((file) => file.name.endsWith('.csv')),
      );
      expect(withFile?.message.visibleTo).toBe(ALICE);
    } finally {
      stream.close();
    }
  });
});
