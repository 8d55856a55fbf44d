import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomMessageKey } from '../../src/core/inbox/intake.js';
import { REPLY_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, expectValidModal, visibleText } from '../helpers/block-kit.js';
import {
  ADMIN,
  ALICE,
  alice,
  BOB,
  CAROL,
  clickReply,
  DAVE,
  desk,
  pat,
  queue,
  type ReplyHarness,
  startReplyHarness,
  submitReply,
  THREADS,
} from './reply-harness.js';

/** The audit trail is written in batches (about every 100 ms). */
const AUDIT_WAIT = { timeout: 3_000, interval: 50 };

const textOf = (view: Record<string, unknown>) => visibleText(view as unknown as ModalView);

describe('replying to a text over the real Bolt receiver', () => {
  let h: ReplyHarness;

  beforeAll(async () => {
    h = await startReplyHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lets the owner reply: the modal shows the conversation, Zoom gets the text from her number, the thread shows it once', async () => {
    const modal = await clickReply(h, ALICE, THREADS.alice);
    const shown = textOf(modal.view);
    expect(shown).toContain('Can I come at 5?');
    expect(shown).toContain('Pat <Q> & Co');
    const ack = await submitReply(h, ALICE, modal, 'See you at 5 <3 & thanks');
    expect(ack.status).toBe(200);
    expect(ack.body?.response_action).toBe('update');
    expectValidModal(ack.body?.view as ModalView);
    expect(textOf(ack.body?.view as Record<string, unknown>)).toContain('Sending');
    await h.slack.waitFor(() => h.zoom.sent.length === 1, 'the send');
    expect(h.zoom.sent[0]).toMatchObject({
      sessionId: THREADS.alice.sessionId,
      senderNumber: alice.phoneNumber,
      recipientNumbers: [pat.phoneNumber],
      text: 'See you at 5 <3 & thanks',
    });
    await h.slack.waitFor(
      () =>
        h.slack.calls.some(
          (c) => c.method === 'chat.postMessage' && c.args.thread_ts !== undefined,
        ),
      'the thread post',
    );
    const posts = h.slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({
      channel: THREADS.alice.channelId,
      thread_ts: '1700000000.000100',
    });
    const message = {
      text: String(posts[0]?.args.text),
      blocks: posts[0]?.args.blocks as unknown[],
    };
    expectValidMessage(message as never);
    expect(JSON.stringify(message.blocks)).toContain('See you at 5 &lt;3 &amp; thanks');
    await h.slack.waitFor(
      () =>
        h.slack.modals.some((m) => m.viewId === modal.viewId && textOf(m.view).includes('Sent')),
      'the modal to say Sent',
    );
    const messageId = h.zoom.sent[0]?.messageId ?? '';
    expect(await h.store.claimOnce(zoomMessageKey(messageId), 60_000, new Date())).toBe(false);
    await expect
      .poll(
        async () => (await h.store.listAudit({ actorSlackUserId: ALICE, limit: 5 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({
        action: 'reply',
        allowed: true,
        filters: { session: THREADS.alice.sessionId, via: 'owner' },
      });
    expect(JSON.stringify(await h.store.listAudit({ limit: 50 }))).not.toContain('See you at 5');
    expect(h.logLines.join('\n')).not.toContain('See you at 5');
  });
});

/** Clicks Reply, submits `text`; resolves with the ack and the modal's state once the outcome is in. */
const attempt = async (
  h: ReplyHarness,
  user: string,
  thread: { sessionId: string; channelId: string },
  text: string,
) => {
  const modal = await clickReply(h, user, thread);
  const states = () => h.slack.modals.filter((m) => m.viewId === modal.viewId).length;
  const before = states();
  const sentBefore = h.zoom.sent.length;
  const ack = await submitReply(h, user, modal, text);
  let final: Record<string, unknown> | undefined;
  if (ack.body?.response_action === 'update') {
    await h.slack.waitFor(() => states() > before, 'the modal to show the outcome');
    final = h.slack.modal(modal.viewId)?.view;
    expectValidModal(final as unknown as ModalView);
  }
  return { modal, ack, final, sent: h.zoom.sent.slice(sentBefore) };
};

const problemOf = (view: Record<string, unknown> | undefined) =>
  JSON.stringify(
    (view?.blocks as { block_id?: string }[] | undefined)?.find(
      (block) => block.block_id === REPLY_IDS.problemBlock,
    ) ?? null,
  );

const textBoxValue = (view: Record<string, unknown> | undefined) =>
  (view?.blocks as { block_id?: string; element?: { initial_value?: string } }[] | undefined)?.find(
    (block) => block.block_id === REPLY_IDS.textBlock,
  )?.element?.initial_value;

describe('who may reply, decided at submit time', () => {
  let h: ReplyHarness;

  beforeAll(async () => {
    h = await startReplyHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['a person on the queue’s reply list', BOB, THREADS.queue, queue.phoneNumber, 'route'],
    [
      'a member of the routed channel (reply:channel-members)',
      CAROL,
      THREADS.desk,
      desk.phoneNumber,
      'route',
    ],
  ])('lets %s reply, from the line’s number', async (_who, user, thread, lineNumber, via) => {
    const { ack, final, sent } = await attempt(h, user, thread, 'Thanks, noted');
    expect(ack.body?.response_action).toBe('update');
    expect(sent).toEqual([
      expect.objectContaining({ senderNumber: lineNumber, recipientNumbers: [pat.phoneNumber] }),
    ]);
    expect(textOf(final ?? {})).toContain('Sent');
    await expect
      .poll(
        async () => (await h.store.listAudit({ actorSlackUserId: user, limit: 1 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({ action: 'reply', allowed: true, filters: { via } });
  });

  it.each([
    ['someone else on a person’s conversation', BOB, THREADS.alice, 'not-owner'],
    [
      'a queue member in Zoom who is not on the reply list',
      ALICE,
      THREADS.queue,
      'not-on-reply-list',
    ],
    ['someone outside the routed channel', DAVE, THREADS.desk, 'not-channel-member'],
    ['an admin not allowed by the route', ADMIN, THREADS.queue, 'not-on-reply-list'],
    ['an admin on a line that is no longer routed', ADMIN, THREADS.unrouted, 'no-route'],
    ['anyone on a route that lets nobody reply', BOB, THREADS.quiet, 'route-nobody'],
  ])(
    'refuses %s, at the click and at the submission, and sends nothing',
    async (_who, user, thread, refusal) => {
      const modal = await clickReply(h, user, thread);
      expect(textOf(modal.view)).toContain("You can't reply in this conversation");
      expect(textOf(modal.view)).not.toContain('Can I come at 5?');
      expect(modal.view.submit).toBeUndefined();
      const sentBefore = h.zoom.sent.length;
      const sendsBefore = h.zoom.countCalls('send');
      const states = () => h.slack.modals.filter((m) => m.viewId === modal.viewId).length;
      const before = states();
      const ack = await submitReply(h, user, modal, 'Let me in');
      expect(ack.body?.response_action).toBe('update');
      await h.slack.waitFor(() => states() > before, 'the refusal');
      expect(textOf(h.slack.modal(modal.viewId)?.view ?? {})).toContain(
        "You can't reply in this conversation",
      );
      expect(h.zoom.sent.length).toBe(sentBefore);
      expect(h.zoom.countCalls('send')).toBe(sendsBefore);
      await expect
        .poll(
          async () => (await h.store.listAudit({ actorSlackUserId: user, limit: 1 }))[0],
          AUDIT_WAIT,
        )
        .toMatchObject({ action: 'reply', allowed: false, reason: refusal });
    },
  );

  it('refuses a Reply whose value names no thread the app made (forged), without calling Zoom', async () => {
    const calls = h.zoom.requests.length;
    const modal = await clickReply(h, ALICE, { sessionId: 'f'.repeat(32), channelId: 'DALICE001' });
    expect(textOf(modal.view)).toContain("You can't reply in this conversation");
    expect(h.zoom.requests.slice(calls).map((r) => r.kind)).not.toContain('details');
    await expect
      .poll(
        async () => (await h.store.listAudit({ actorSlackUserId: ALICE, limit: 1 }))[0],
        AUDIT_WAIT,
      )
      .toMatchObject({
        action: 'reply-open',
        allowed: false,
        reason: 'unknown-conversation',
      });
  });
});

describe('a failed send keeps the person’s text', () => {
  let h: ReplyHarness;

  beforeAll(async () => {
    h = await startReplyHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses more than 500 characters in the ack, beside the field, without calling Zoom', async () => {
    const modal = await clickReply(h, ALICE, THREADS.alice);
    const ack = await submitReply(h, ALICE, modal, 'x'.repeat(501));
    expect(ack.body).toEqual({
      response_action: 'errors',
      errors: {
        [REPLY_IDS.textBlock]: expect.stringContaining(
          'at most 500 characters, and this one has 501',
        ),
      },
    });
    expect(h.zoom.countCalls('send')).toBe(0);
  });

  it('refuses an empty text in the ack', async () => {
    const modal = await clickReply(h, ALICE, THREADS.alice);
    const ack = await submitReply(h, ALICE, modal, '   ');
    expect(ack.body?.response_action).toBe('errors');
    expect(h.zoom.countCalls('send')).toBe(0);
  });

  // Zoom documents 7001 for the send; it publishes no code for an opted-out recipient or an
  // expired session, so those are any other refusal, shown in Zoom's own words.
  it.each([
    [{ code: 7001, message: 'Phone number is not valid.' }, 400, "Zoom can't text this number"],
    [
      { code: 33019, message: 'The recipient has opted out of SMS.' },
      400,
      'The recipient has opted out of SMS.',
    ],
    [
      { code: 33020, message: 'This SMS session has expired.' },
      404,
      'This SMS session has expired.',
    ],
  ])('shows %j beside the field with the text kept', async (body, status, shown) => {
    h.zoom.failNext({ status, body }, { kind: 'send' });
    const { final, sent } = await attempt(h, ALICE, THREADS.alice, 'Still there?');
    expect(sent).toHaveLength(0);
    expect(problemOf(final)).toContain(shown);
    expect(textBoxValue(final)).toBe('Still there?');
    expect(final?.submit).toBeDefined();
  });

  it('never repeats a send whose outcome Zoom left unknown, and says to look before sending again', async () => {
    const sends = h.zoom.countCalls('send');
    h.zoom.failNext({ kind: 'reset' }, { kind: 'send' });
    const { final } = await attempt(h, ALICE, THREADS.alice, 'Are you there?');
    expect(h.zoom.countCalls('send')).toBe(sends + 1);
    expect(problemOf(final)).toContain("Zoom didn't confirm the text");
    expect(textBoxValue(final)).toBe('Are you there?');
  });

  it('answers by direct message, with the text, when the modal is gone', async () => {
    const modal = await clickReply(h, ALICE, THREADS.alice);
    h.zoom.failNext(
      { status: 400, body: { code: 7001, message: 'Phone number is not valid.' } },
      { kind: 'send' },
    );
    h.slack.failNext('views.update', 'not_found');
    const ack = await submitReply(h, ALICE, modal, 'Call me back');
    expect(ack.body?.response_action).toBe('update');
    await h.slack.waitFor(
      () => h.slack.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === ALICE),
      'the direct message',
    );
    const dm = h.slack.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.channel === ALICE,
    );
    expect(JSON.stringify(dm?.args.blocks)).toContain('Call me back');
    expect(String(dm?.args.text)).toContain('Your reply was not sent');
  });

  it('sends once for one submission: a double click or a retried view_submission', async () => {
    const modal = await clickReply(h, ALICE, THREADS.alice);
    const sends = h.zoom.countCalls('send');
    const [first, second] = await Promise.all([
      submitReply(h, ALICE, modal, 'Only once'),
      submitReply(h, ALICE, modal, 'Only once'),
    ]);
    const third = await submitReply(h, ALICE, modal, 'Only once');
    const actions = [first, second, third].map((ack) => ack.body?.response_action);
    expect(actions.filter((action) => action === 'update')).toHaveLength(1);
    expect(
      [first, second, third].filter((ack) => ack.status === 200 && ack.body === undefined),
    ).toHaveLength(2);
    await h.slack.waitFor(() => h.zoom.countCalls('send') === sends + 1, 'the one send');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.zoom.countCalls('send')).toBe(sends + 1);
  });
});

describe('a send Zoom rate-limits', () => {
  let h: ReplyHarness;

  beforeAll(async () => {
    h = await startReplyHarness({ ZOOM_TIME_BUDGET_SECONDS: '5' });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('says when to try again and keeps the text', async () => {
    h.zoom.failNext(
      {
        status: 429,
        body: { code: 429, message: 'Too many requests' },
        headers: { 'Retry-After': '30' },
      },
      { kind: 'send' },
    );
    const { final, sent } = await attempt(h, ALICE, THREADS.alice, 'Busy?');
    expect(sent).toHaveLength(0);
    expect(problemOf(final)).toContain('Zoom is busy');
    expect(textBoxValue(final)).toBe('Busy?');
  });
});
