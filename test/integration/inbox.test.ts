import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  buildSmsEvent,
  demoSession,
  demoUser,
  signedZoomHeaders,
} from '../../src/demo-zoom/index.js';
import { INBOX_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { postZoomEvent, textEvent, WEBHOOK_SECRET } from './inbox-helpers.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const dana = { name: 'Dana <Whitfield> & Co', phoneNumber: '18108001001' };
const session = demoSession({ owner: alice, at: new Date(), contacts: [dana] });
const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', tz: 'America/Los_Angeles', name: 'Bob' },
];

describe('POST /zoom/events', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      users,
      dataset: buildDataset({ users: [alice, bob], sessions: [session] }),
      env: {
        ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
        NOTIFY_DEFAULT: 'on',
        INBOX_CHANNEL_POSTS_PER_SECOND: '20',
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers endpoint.url_validation with the HMAC of the plain token', async () => {
    const body = JSON.stringify({
      event: 'endpoint.url_validation',
      event_ts: Date.now(),
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
    });
    const { status, json } = await postZoomEvent(harness, body);
    expect(status).toBe(200);
    expect(json).toStrictEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', WEBHOOK_SECRET)
        .update('qgg8vlvZRS6UYooatFL8Aw')
        .digest('hex'),
    });
  });

  it.each([
    ['unsigned', () => ({ 'content-type': 'application/json' })],
    [
      'signed with another secret',
      (body: string) => signedZoomHeaders('not-the-secret-token', body, new Date()),
    ],
    [
      'signed more than 5 minutes ago',
      (body: string) => signedZoomHeaders(WEBHOOK_SECRET, body, new Date(Date.now() - 6 * 60_000)),
    ],
    [
      'signed over another body',
      (body: string) => signedZoomHeaders(WEBHOOK_SECRET, `${body} `, new Date()),
    ],
  ])('refuses with 401 and does nothing when %s', async (_, headersFor) => {
    const { body } = textEvent(alice, dana, session.id);
    const before = harness.slack.messages.length;
    const { status } = await postZoomEvent(harness, body, headersFor(body));
    expect(status).toBe(401);
    const validation = JSON.stringify({
      event: 'endpoint.url_validation',
      payload: { plainToken: 'x' },
    });
    expect((await postZoomEvent(harness, validation, headersFor(validation))).status).toBe(401);
    const sentinel = textEvent(alice, dana, `${session.id.slice(0, 30)}zz`);
    expect((await postZoomEvent(harness, sentinel.body)).status).toBe(200);
    await harness.slack.waitFor(() => harness.slack.messages.length > before, 'the sentinel');
    expect(harness.slack.messages.length).toBe(before + 1);
    expect(JSON.stringify(harness.slack.messages.at(-1)?.args)).not.toContain(
      JSON.parse(body).payload.object.message,
    );
  });

  it('refuses a body over the cap with 413', async () => {
    const body = JSON.stringify({ event: 'phone.sms_received', pad: 'x'.repeat(300_000) });
    expect((await postZoomEvent(harness, body)).status).toBe(413);
  });

  it('delivers a text once when Zoom sends it three times, and the next text in its thread', async () => {
    const sessionId = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
    const start = harness.slack.messages.length;
    const messagesTo = (channel: string) =>
      harness.slack.messages.slice(start).filter((m) => m.channel === channel);
    const first = textEvent(alice, dana, sessionId, { text: 'Is my order <ready>? @here' });
    const answers = await Promise.all([1, 2, 3].map(() => postZoomEvent(harness, first.body)));
    expect(answers.map((a) => a.status)).toStrictEqual([200, 200, 200]);
    const second = textEvent(alice, dana, sessionId, { text: 'Second text' });
    expect((await postZoomEvent(harness, second.body)).status).toBe(200);
    const dm = `D${ALICE}`;
    await harness.slack.waitFor(() => messagesTo(dm).length >= 2, 'two texts in the DM');
    const [opening, reply] = messagesTo(dm);
    expect(messagesTo(dm)).toHaveLength(2);
    const message = opening?.args as { blocks: never[]; text: string; thread_ts?: string };
    expectValidMessage(message);
    expect(message.thread_ts).toBeUndefined();
    expect(visibleText(message)).toContain('Is my order <ready>? @here');
    expect(visibleText(message)).toContain('Dana <Whitfield> & Co');
    expect(visibleText(message)).toContain('+1 810 800 1001');
    expect(message.text).toContain('&lt;ready&gt;');
    expect(findButtons(message).map((b) => b.actionId)).toContain(INBOX_ACTION_IDS.reply);
    expect(findButtons(message).map((b) => b.text)).toContain('Open');
    expect(reply?.args.thread_ts).toBe(opening?.ts);
    expect(visibleText(reply?.args as never)).toContain('Second text');
  });

  it('records each delivery in the audit trail, never the text', async () => {
    const lines = harness.logLines.filter((line) => line.includes('"action":"notify"'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('Is my order');
    expect(harness.logLines.join('\n')).not.toContain('Is my order');
  });
});

describe('POST /zoom/events without ZOOM_WEBHOOK_SECRET_TOKEN', () => {
  it('is not served (404)', async () => {
    const harness = await startHarness({
      users,
      dataset: buildDataset({ users: [alice], sessions: [session] }),
    });
    try {
      const { body } = textEvent(alice, dana, session.id);
      expect((await postZoomEvent(harness, body)).status).toBe(404);
    } finally {
      await harness.close();
    }
  });
});

describe('Open on a delivered text', () => {
  it('opens the whole conversation, with the new text, in a modal for the person it was sent to', async () => {
    const zoomPeople = buildDataset({ users: [alice, bob], sessions: [session] });
    const harness = await startHarness({
      users,
      dataset: zoomPeople,
      env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, NOTIFY_DEFAULT: 'on' },
    });
    try {
      const input = harness.zoom.receiveText({
        owner: alice,
        contact: dana,
        text: 'Open me in the modal',
        at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
      await postZoomEvent(harness, JSON.stringify(buildSmsEvent(input)));
      await harness.slack.waitFor(() => harness.slack.messages.length > 0, 'the direct message');
      const open = findButtons(harness.slack.messages[0]?.args as never).find(
        (b) => b.text === 'Open',
      );
      if (open?.actionId === undefined || open.value === undefined) throw new Error('no Open');
      const before = harness.slack.modals.length;
      await harness.click(ALICE, open.actionId, open.value);
      await harness.slack.waitFor(
        () => harness.slack.modals.slice(before).some((m) => m.via === 'views.update'),
        'the conversation modal',
      );
      const modal = harness.slack.modals.slice(before).find((m) => m.via === 'views.update');
      expect(visibleText(modal?.view as never)).toContain('Open me in the modal');
    } finally {
      await harness.close();
    }
  });
});
