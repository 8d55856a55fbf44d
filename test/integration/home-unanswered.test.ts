import type { HomeView, ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { HOME_BLOCK_IDS, REPLY_IDS } from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidModal,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import {
  appHomeOpenedBody,
  postSigned,
  viewActionBody,
  viewSubmissionBody,
} from '../helpers/slack-requests.js';
import { postZoomEvent, textEvent, WEBHOOK_SECRET } from './inbox-helpers.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const dana = { name: 'Dana <Whitfield>', phoneNumber: '18108001001' };
const pat = { name: 'Pat Quinn', phoneNumber: '12125550101' };
const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60_000);
const danaChat = demoSession({
  owner: alice,
  at: minutesAgo(2),
  contacts: [dana],
  messages: [
    { direction: 'out', at: minutesAgo(5), text: 'Your order is ready.' },
    { direction: 'in', at: minutesAgo(2), text: 'Can I come at 5?' },
  ],
});
const patChat = demoSession({ owner: alice, at: minutesAgo(30), contacts: [pat] });
const zoomInstant = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const isLoading = (view: unknown): boolean => JSON.stringify(view).includes(HOME_BLOCK_IDS.loading);

describe('the Home tab’s conversations waiting for a reply, over the real receivers', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', tz: 'UTC', name: 'Bob' },
      ],
      env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, NOTIFY_DEFAULT: 'off' },
      dataset: buildDataset({ users: [alice, bob], sessions: [danaChat, patChat] }),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  /**
   * Opens `user`'s Home tab the first time, then presses Refresh (a re-open within seconds is left
   * alone); resolves with the settled view.
   */
  const opened = new Set<string>();
  const home = async (user: string): Promise<HomeView> => {
    const before = h.slack.publishes.length;
    if (!opened.has(user)) {
      opened.add(user);
      const ack = await postSigned(h.eventsUrl, appHomeOpenedBody({ user_id: user }), {
        secret: SIGNING_SECRET,
        contentType: 'application/json',
      });
      expect(ack.status).toBe(200);
    } else {
      await postSigned(
        h.eventsUrl,
        viewActionBody({
          user_id: user,
          action: { type: 'button', action_id: 'sms_sessions.home.refresh' },
          view: { hash: h.slack.homeView(user)?.hash ?? 'none' },
        }),
        { secret: SIGNING_SECRET },
      );
    }
    const settledAfter = () =>
      h.slack.publishes.slice(before).filter((p) => p.userId === user && !isLoading(p.view));
    await h.slack.waitFor(() => settledAfter().length > 0, `a Home view for ${user}`);
    const view = settledAfter().at(-1)?.view as unknown as HomeView;
    expectValidHomeView(view);
    return view;
  };

  const waiting = (view: HomeView): string => {
    const text = visibleText(view);
    const start = text.indexOf('Waiting for your reply');
    return start === -1 ? '' : text.slice(start, text.indexOf('Filters:'));
  };

  const replyOn = async (user: string, view: HomeView, index = 0) => {
    const button = findButtons(view).filter((b) => b.text === 'Reply')[index];
    if (button?.actionId === undefined) throw new Error(`no Reply in ${visibleText(view)}`);
    const before = h.slack.modals.length;
    const ack = await postSigned(
      h.eventsUrl,
      viewActionBody({
        user_id: user,
        action: { type: 'button', action_id: button.actionId, value: button.value ?? '' },
        view: { hash: h.slack.homeView(user)?.hash ?? 'none' },
      }),
      { secret: SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    await h.slack.waitFor(
      () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
      'the reply modal to be filled',
    );
    const filled = h.slack.modals.slice(before).find((m) => m.via === 'views.update');
    if (filled === undefined) throw new Error('unreachable');
    expectValidModal(filled.view as unknown as ModalView);
    return filled;
  };

  it('shows no section while nothing waits for a reply', async () => {
    const view = await home(ALICE);
    expect(waiting(view)).toBe('');
    expect(visibleText(view)).toContain('Dana <Whitfield>');
  });

  it('lists a text that came in by Zoom’s signed webhook first, with Reply and Open', async () => {
    const { body } = textEvent(alice, dana, danaChat.id, { at: zoomInstant(minutesAgo(2)) });
    expect((await postZoomEvent(h, body)).status).toBe(200);
    const view = await home(ALICE);
    expect(view.blocks[1]?.block_id).toBe(HOME_BLOCK_IDS.unanswered);
    expect(waiting(view)).toMatch(
      /^Waiting for your reply \(1\)\nDana <Whitfield> · \+1\s810\s800\s1001\nTexted /,
    );
    const row = findButtons(view)
      .filter((b) => /^(Reply|Open)$/.test(b.text))
      .slice(0, 2);
    expect(row.map((b) => b.text)).toEqual(['Reply', 'Open']);
    // Bob sees only his own: nothing waits for him.
    expect(waiting(await home(BOB))).toBe('');
  });

  it('refuses Alice’s Home Reply to Bob, and sends nothing', async () => {
    const view = h.slack.homeView(ALICE)?.view as unknown as HomeView;
    const sent = h.zoom.sent.length;
    const modal = await replyOn(BOB, view);
    expect(visibleText(modal.view as unknown as HomeView)).toMatch(/can't reply/i);
    expect(h.zoom.sent.length).toBe(sent);
  });

  it('clears the conversation once Alice replies from the Home tab', async () => {
    const view = h.slack.homeView(ALICE)?.view as unknown as HomeView;
    const modal = await replyOn(ALICE, view);
    expect(visibleText(modal.view as unknown as HomeView)).toContain('Can I come at 5?');
    const response = await postSigned(
      h.eventsUrl,
      viewSubmissionBody({
        user_id: ALICE,
        view: {
          id: modal.viewId,
          hash: modal.hash,
          callback_id: REPLY_IDS.callbackId,
          private_metadata: String(modal.view.private_metadata),
          state: {
            values: {
              [REPLY_IDS.textBlock]: {
                [REPLY_IDS.textAction]: { type: 'plain_text_input', value: 'Yes, see you at 5' },
              },
            },
          },
        },
      }),
      { secret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    await h.slack.waitFor(() => h.zoom.sent.length === 1, 'the send');
    expect(h.zoom.sent[0]).toMatchObject({
      sessionId: danaChat.id,
      senderNumber: alice.phoneNumber,
      recipientNumbers: [dana.phoneNumber],
    });
    await h.slack.waitFor(
      () => visibleText(h.slack.modal(modal.viewId)?.view as never).includes('Sent'),
      'the modal to say Sent',
    );
    expect(visibleText(h.slack.modal(modal.viewId)?.view as never)).not.toContain('thread');
    expect(waiting(await home(ALICE))).toBe('');
  });

  it('lists the conversation again when Zoom reports Alice’s reply failed, until a later text goes out', async () => {
    const reply = h.zoom.sent[0];
    if (reply === undefined) throw new Error('the reply from the Home tab was not sent');
    const failure = textEvent(alice, dana, danaChat.id, {
      kind: 'failed',
      messageId: reply.messageId,
      at: reply.at,
      failureReason: '1101-phone message error send',
    });
    expect((await postZoomEvent(h, failure.body)).status).toBe(200);
    expect(waiting(await home(ALICE))).toMatch(
      /^Waiting for your reply \(1\)\nDana <Whitfield> · .+\nTexted .+ · Your last reply was not delivered\n/,
    );
    expect(waiting(await home(BOB))).toBe('');
    const later = zoomInstant(new Date(Date.parse(reply.at) + 1000));
    const resent = textEvent(alice, dana, danaChat.id, { kind: 'sent', at: later });
    expect((await postZoomEvent(h, resent.body)).status).toBe(200);
    expect(waiting(await home(ALICE))).toBe('');
    const olderFailure = textEvent(alice, dana, danaChat.id, { kind: 'failed', at: reply.at });
    expect((await postZoomEvent(h, olderFailure.body)).status).toBe(200);
    expect(waiting(await home(ALICE))).toBe('');
  });

  it('lists a newer text again, and clears it once Zoom reports a text sent after it', async () => {
    const { body } = textEvent(alice, pat, patChat.id, { at: zoomInstant(minutesAgo(1)) });
    expect((await postZoomEvent(h, body)).status).toBe(200);
    expect(waiting(await home(ALICE))).toMatch(/Waiting for your reply \(1\)\nPat Quinn/);
    const answered = textEvent(alice, pat, patChat.id, {
      kind: 'sent',
      at: zoomInstant(new Date()),
    });
    expect((await postZoomEvent(h, answered.body)).status).toBe(200);
    expect(waiting(await home(ALICE))).toBe('');
  });

  it('never stores or logs the text of a message', () => {
    expect(h.logLines.join('\n')).not.toContain('Yes, see you at 5');
  });
});
