import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  buildSmsEvent,
  type DemoSmsEventInput,
  demoLine,
  demoSession,
  demoUser,
  signedZoomHeaders,
} from '../../src/demo-zoom/index.js';
import { INBOX_ACTION_IDS } from '../../src/surface/ids.js';
import { ZOOM_SMS_EVENTS } from '../../src/zoom-events/schemas.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import type { RecordedMessage } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { postZoomEvent, textEvent, WEBHOOK_SECRET } from './inbox-helpers.js';

const ALICE = 'U0ALICE01';
const ADMIN = 'U0ADMIN01';
const SUPPORT = 'C0SUPPORT';
const DM = `D${ALICE}`;
const alice = demoUser({ email: 'alice@example.com' });
const support = demoLine({ kind: 'call_queue', name: 'Support Desk', members: [alice] });
const dana = { name: 'Dana', phoneNumber: '18108001001' };
const session = demoSession({ owner: alice, at: new Date(), contacts: [dana] });
const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: ADMIN, email: 'ada@example.com', name: 'Ada' },
];
const REASON = '1101-phone message error send';

const nowZoom = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A signed-ready body of one SMS event of Alice's number with Dana. */
const aliceEvent = (
  kind: DemoSmsEventInput['kind'],
  sessionId: string,
  messageId: string,
  overrides: Partial<DemoSmsEventInput> = {},
): string =>
  JSON.stringify(
    buildSmsEvent({
      kind,
      owner: alice,
      contact: dana,
      sessionId,
      messageId,
      at: nowZoom(),
      text: `${kind} ${messageId}`,
      ...overrides,
    }),
  );

/**
 * Zoom's `phone.sms_sent_failed` end to end: the real app behind its signed `/zoom/events`, the
 * demo Zoom, and the fake Slack. A failure reaches the thread of its conversation (or starts
 * one), once however often Zoom sends it, even after the text's own `phone.sms_sent`.
 */
describe('POST /zoom/events: phone.sms_sent_failed', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      users,
      admins: [ADMIN],
      dataset: buildDataset({ users: [alice], callQueues: [support], sessions: [session] }),
      env: {
        ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
        NOTIFY_DEFAULT: 'on',
        INBOX_CHANNEL_POSTS_PER_SECOND: '20',
      },
    });
    harness.slack.setChannel(SUPPORT, { name: 'support' });
  });

  afterAll(async () => {
    await harness.close();
  });

  const postsTo = (channel: string, start: number): RecordedMessage[] =>
    harness.slack.messages.slice(start).filter((m) => m.channel === channel);

  it('posts the failure in the conversation’s thread: the number, Zoom’s reason, what to do', async () => {
    const sessionId = '7'.repeat(32);
    const start = harness.slack.messages.length;
    await postZoomEvent(harness, textEvent(alice, dana, sessionId, { text: 'Hello?' }).body);
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 1, 'the text');
    const failure = aliceEvent('failed', sessionId, 'failed-msg-1', {
      text: 'We are closed today',
      failureReason: REASON,
    });
    expect(await postZoomEvent(harness, failure)).toStrictEqual({ status: 200, json: undefined });
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 2, 'the failure');
    const [opening, warning] = postsTo(DM, start);
    expect(warning?.args.thread_ts).toBe(opening?.ts);
    const message = warning?.args as { text: string; blocks: never[] };
    expectValidMessage(message);
    const text = visibleText(message);
    expect(text).toContain('Not delivered: the text Alice');
    expect(text).toContain('to Dana (+1 810 800 1001)');
    expect(text).toContain('We are closed today');
    expect(text).toContain(`Zoom's reason: ${REASON}`);
    expect(text).toContain('Check the number, then send the text again with Reply');
    expect(message.text).toBe(`Text to +1 810 800 1001 not delivered: ${REASON}`);
  });

  it('starts the thread, with Reply, when nobody was told of the conversation yet', async () => {
    const start = harness.slack.messages.length;
    const failure = aliceEvent('failed', '8'.repeat(32), 'failed-msg-2');
    expect((await postZoomEvent(harness, failure)).status).toBe(200);
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 1, 'the failure');
    const [post] = postsTo(DM, start);
    expect(post?.args.thread_ts).toBeUndefined();
    expectValidMessage(post?.args as never);
    expect(findButtons(post?.args as never).map((b) => b.actionId)).toContain(
      INBOX_ACTION_IDS.reply,
    );
    const next = textEvent(alice, dana, '8'.repeat(32), { text: 'Got it?' });
    await postZoomEvent(harness, next.body);
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 2, 'the next text');
    expect(postsTo(DM, start)[1]?.args.thread_ts).toBe(post?.ts);
  });

  it('tells a failure once however often Zoom sends it, but never takes it for its sent text', async () => {
    const sessionId = '9'.repeat(32);
    const start = harness.slack.messages.length;
    const logStart = harness.logLines.length;
    await postZoomEvent(harness, textEvent(alice, dana, sessionId, { text: 'Open today?' }).body);
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 1, 'the text');
    const sent = aliceEvent('sent', sessionId, 'same-id-1', { text: 'Yes, until 6' });
    expect((await postZoomEvent(harness, sent)).status).toBe(200);
    await harness.slack.waitFor(() => postsTo(DM, start).length >= 2, 'the sent text');
    const failure = aliceEvent('failed', sessionId, 'same-id-1', {
      text: 'Yes, until 6',
      failureReason: REASON,
    });
    const answers = await Promise.all([1, 2, 3].map(() => postZoomEvent(harness, failure)));
    expect(answers.map((a) => a.status)).toStrictEqual([200, 200, 200]);
    expect((await postZoomEvent(harness, sent)).status).toBe(200);
    const sentinel = textEvent(alice, dana, sessionId, { text: 'Sentinel' });
    await postZoomEvent(harness, sentinel.body);
    await harness.slack.waitFor(
      () => postsTo(DM, start).some((m) => visibleText(m.args as never).includes('Sentinel')),
      'the sentinel',
    );
    const posts = postsTo(DM, start).map((m) => visibleText(m.args as never));
    expect(posts).toHaveLength(4);
    expect(posts.filter((p) => p.includes('Not delivered'))).toHaveLength(1);
    expect(posts.filter((p) => p.includes('Yes, until 6'))).toHaveLength(2);
    const outcomes = harness.logLines
      .slice(logStart)
      .filter(
        (line) => line.includes('"event":"phone.sms_sent_failed"') && line.includes('"outcome"'),
      );
    expect(outcomes.filter((line) => line.includes('"outcome":"accepted"')).length).toBe(1);
    expect(outcomes.filter((line) => line.includes('"outcome":"duplicate"')).length).toBe(2);
  });

  it('posts a routed line’s failure in its channel, the number masked', async () => {
    const route = await harness.command(ADMIN, `route Support <#${SUPPORT}|support>`);
    await harness.slack.nextResponse(route.id);
    const start = harness.slack.messages.length;
    const failure = JSON.stringify(
      buildSmsEvent({
        kind: 'failed',
        owner: support,
        member: alice,
        contact: dana,
        sessionId: 'a'.repeat(32),
        messageId: 'queue-failed-1',
        at: nowZoom(),
        text: 'Queue reply',
        failureReason: REASON,
      }),
    );
    expect((await postZoomEvent(harness, failure)).status).toBe(200);
    await harness.slack.waitFor(() => postsTo(SUPPORT, start).length >= 1, 'the channel post');
    const message = postsTo(SUPPORT, start)[0]?.args as never;
    expectValidMessage(message);
    expect(visibleText(message)).toContain('+1 810 •••• 1001');
    expect(visibleText(message)).not.toContain('800 1001');
    expect(visibleText(message)).toContain('Not delivered');
  });

  it.each([...ZOOM_SMS_EVENTS])(
    'answers a malformed %s as every SMS event: 200, logged as invalid, nothing posted',
    async (name) => {
      const body = JSON.parse(aliceEvent('failed', 'b'.repeat(32), `malformed-${name}`));
      body.event = name;
      delete body.payload.object.message_id;
      const raw = JSON.stringify(body);
      const before = harness.slack.messages.length;
      expect(await postZoomEvent(harness, raw)).toStrictEqual({ status: 200, json: undefined });
      const unsigned = await postZoomEvent(harness, raw, { 'content-type': 'application/json' });
      expect(unsigned.status).toBe(401);
      const stale = signedZoomHeaders(WEBHOOK_SECRET, raw, new Date(Date.now() - 6 * 60_000));
      expect((await postZoomEvent(harness, raw, stale)).status).toBe(401);
      expect(
        harness.logLines.some(
          (line) =>
            line.includes('Zoom SMS event unreadable') &&
            line.includes(`"event":"${name}"`) &&
            line.includes('payload.object.message_id'),
        ),
      ).toBe(true);
      expect(harness.slack.messages.length).toBe(before);
    },
  );

  it('logs no number, text or reason of a failure', () => {
    const log = harness.logLines.join('\n');
    expect(log).toContain('phone.sms_sent_failed');
    for (const secret of ['8108001001', '810 800 1001', 'We are closed today', REASON]) {
      expect(log).not.toContain(secret);
    }
  });
});
