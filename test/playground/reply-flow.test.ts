import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNREACHABLE_NUMBER } from '../../src/demo-zoom/index.js';
import { PLAYGROUND_CUSTOMERS } from '../../src/playground/customer-texts.js';
import type { PageEvent } from '../../src/playground/page-protocol.js';
import type { TimelineMessage } from '../../src/playground/timeline.js';
import { INBOX_ACTION_IDS, REPLY_IDS } from '../../src/surface/ids.js';
import { openEventStream, postForAnswer, startTestPlayground } from './playground-harness.js';

type Started = Awaited<ReturnType<typeof startTestPlayground>>;
type ModalsEvent = Extract<PageEvent, { type: 'modals' }>;
type MessageEvent = { type: 'message'; message: TimelineMessage };

const BOB = 'U0BOB';

const dmOf =
  (text: string, thread: boolean) =>
  (event: PageEvent): event is MessageEvent =>
    event.type === 'message' &&
    event.message.author.kind === 'app' &&
    event.message.visibleTo === BOB &&
    (event.message.threadTs !== undefined) === thread &&
    JSON.stringify(event.message.blocks).includes(text);

const modalOf =
  (predicate: (blocks: string, event: ModalsEvent) => boolean) =>
  (event: PageEvent): event is ModalsEvent =>
    event.type === 'modals' &&
    event.userId === BOB &&
    event.stack.length > 0 &&
    predicate(JSON.stringify(event.stack.at(-1)), event);

/**
 * The playground's "a customer texts …": a visitor who is Bob picks a customer, the demo Zoom
 * posts Zoom's signed `phone.sms_received` to the real app, Bob's DM shows the text with Reply,
 * Reply opens the modal, a submission too long is refused beside the field (Slack's
 * `response_action: "errors"`), and a good one lands in the DM's thread, once. A reply to the
 * customer whose number the demo Zoom cannot text comes back as `phone.sms_sent_failed`, and the
 * thread says it was not delivered.
 */
describe('playground: a customer texts, the person replies', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startTestPlayground();
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  const post = (path: string, body: unknown) => postForAnswer(started.origin, path, body);

  it('delivers the text, takes the reply through the modal, and shows it in the thread', async () => {
    const session = (await (await fetch(`${started.origin}/playground/session`)).json()) as {
      customers: string[];
    };
    expect(session.customers.length).toBeGreaterThan(0);
    const stream = await openEventStream(started.origin);
    try {
      expect(
        await post('/playground/customer-text', {
          user: BOB,
          customer: 0,
          text: 'Order 42 ready?',
        }),
      ).toEqual({ ok: true });
      const { message: dm } = await stream.waitFor(dmOf('Order 42 ready?', false), 15_000);
      const actions = dm.blocks.find(
        (block) =>
          Array.isArray(block.elements) &&
          block.elements.some(
            (element: { action_id?: string }) => element.action_id === INBOX_ACTION_IDS.reply,
          ),
      );
      expect(actions).toBeDefined();

      expect(
        await post('/playground/action', {
          user: BOB,
          surface: { kind: 'message', ts: dm.ts },
          blockId: String(actions?.block_id),
          actionId: INBOX_ACTION_IDS.reply,
        }),
      ).toEqual({ ok: true });
      const filled = await stream.waitFor(modalOf((view) => view.includes('Order 42 ready?')));
      const viewId = String(filled.stack.at(-1)?.id);

      const long = 'x'.repeat(501);
      expect(
        await post('/playground/modal-submit', {
          user: BOB,
          viewId,
          values: { [REPLY_IDS.textBlock]: { [REPLY_IDS.textAction]: long } },
        }),
      ).toEqual({ ok: true });
      const refused = await stream.waitFor(
        modalOf((_view, event) => event.stack.at(-1)?.errors?.[REPLY_IDS.textBlock] !== undefined),
      );
      expect(refused.stack.at(-1)?.errors?.[REPLY_IDS.textBlock]).toContain('at most 500');

      expect(
        await post('/playground/modal-submit', {
          user: BOB,
          viewId,
          values: { [REPLY_IDS.textBlock]: { [REPLY_IDS.textAction]: 'Yes, come by at 5' } },
        }),
      ).toEqual({ ok: true });
      const { message: threaded } = await stream.waitFor(dmOf('Yes, come by at 5', true), 15_000);
      expect(threaded.threadTs).toBe(dm.ts);
      await stream.waitFor(modalOf((view) => view.includes('Sent')));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const inThread = stream.events.filter(dmOf('Yes, come by at 5', true));
      expect(new Set(inThread.map((event) => event.message.ts)).size).toBe(1);
    } finally {
      stream.close();
    }
  });

  it('shows a reply the demo Zoom could not send as not delivered, in the thread', async () => {
    const session = (await (await fetch(`${started.origin}/playground/session`)).json()) as {
      customers: string[];
    };
    const customer = PLAYGROUND_CUSTOMERS.findIndex(
      (candidate) => candidate.phoneNumber === DEMO_UNREACHABLE_NUMBER,
    );
    expect(session.customers[customer]).toBe('Sam Keller (replies fail)');
    const stream = await openEventStream(started.origin);
    try {
      expect(
        await post('/playground/customer-text', { user: BOB, customer, text: 'Call me back?' }),
      ).toEqual({ ok: true });
      const { message: dm } = await stream.waitFor(dmOf('Call me back?', false), 15_000);
      const actions = dm.blocks.find(
        (block) =>
          Array.isArray(block.elements) &&
          block.elements.some(
            (element: { action_id?: string }) => element.action_id === INBOX_ACTION_IDS.reply,
          ),
      );
      await post('/playground/action', {
        user: BOB,
        surface: { kind: 'message', ts: dm.ts },
        blockId: String(actions?.block_id),
        actionId: INBOX_ACTION_IDS.reply,
      });
      const filled = await stream.waitFor(modalOf((view) => view.includes('Call me back?')));
      await post('/playground/modal-submit', {
        user: BOB,
        viewId: String(filled.stack.at(-1)?.id),
        values: { [REPLY_IDS.textBlock]: { [REPLY_IDS.textAction]: 'Calling at 3' } },
      });
      const { message: failed } = await stream.waitFor(dmOf('Not delivered', true), 15_000);
      expect(failed.threadTs).toBe(dm.ts);
      const blocks = JSON.stringify(failed.blocks);
      expect(blocks).toContain('Calling at 3');
      expect(blocks).toContain('+1 555 555 0199');
      expect(blocks).toContain(
        "Zoom's reason: The recipient's number cannot receive text messages.",
      );
    } finally {
      stream.close();
    }
  });
});
