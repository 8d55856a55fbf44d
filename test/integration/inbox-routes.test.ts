import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  buildSmsEvent,
  demoLine,
  demoSession,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { INBOX_ACTION_IDS, INBOX_BLOCK_IDS } from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidMessage,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { appHomeOpenedBody, postSigned, viewActionBody } from '../helpers/slack-requests.js';
import { postZoomEvent, textEvent, WEBHOOK_SECRET } from './inbox-helpers.js';

const ADMIN = 'U0ADMIN01';
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const SUPPORT = 'C0SUPPORT';
const ARCHIVE = 'C0ARCHIVE';
const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const support = demoLine({ kind: 'call_queue', name: 'Support Desk', members: [alice] });
const sales = demoLine({ kind: 'call_queue', name: 'Sales', members: [bob] });
const front = demoLine({ kind: 'auto_receptionist', name: 'Front Desk', members: [alice] });
const dana = { name: 'Dana', phoneNumber: '14155550100' };
const session = demoSession({ owner: alice, at: new Date(), contacts: [dana] });
const users = [
  { id: ADMIN, email: 'ada@example.com', name: 'Ada' },
  { id: ALICE, email: 'alice@example.com', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', name: 'Bob' },
];

describe('routes and notification choices', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      users,
      admins: [ADMIN],
      dataset: buildDataset({
        users: [alice, bob],
        callQueues: [support, sales],
        autoReceptionists: [front],
        sessions: [session],
      }),
      env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, INBOX_CHANNEL_POSTS_PER_SECOND: '20' },
    });
    harness.slack.setChannel(SUPPORT, { name: 'support' });
    harness.slack.setChannel(ARCHIVE, { name: 'old', is_archived: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  const run = async (user: string, text: string): Promise<string> => {
    const answer = await harness.slack.nextResponse((await harness.command(user, text)).id);
    expectValidMessage(answer as never);
    return visibleText(answer as never);
  };

  it('refuses route, unroute and routes to people who are not admins', async () => {
    for (const text of [`route Support <#${SUPPORT}|support>`, 'unroute Support', 'routes']) {
      expect(await run(ALICE, text)).toMatch(/admin/i);
    }
  });

  it('routes a call queue by part of its name to a channel the app can post in', async () => {
    const answer = await run(
      ADMIN,
      `route support <#${SUPPORT}|support> reply:<@${ALICE}>,<@${BOB}>`,
    );
    expect(answer).toContain('Routed the call queue Support Desk');
    expect(answer).toContain(`@${ALICE}, @${BOB} may reply`);
  });

  it('says which lines exist when the name matches none, or several', async () => {
    expect(await run(ADMIN, `route Nowhere <#${SUPPORT}>`)).toContain(
      'Zoom has no call queue or auto receptionist',
    );
    expect(await run(ADMIN, `route Desk <#${SUPPORT}>`)).toMatch(
      /matches more than one line[\s\S]*Front Desk[\s\S]*Support Desk/,
    );
  });

  it('refuses a channel the app cannot post in, saying how to fix it', async () => {
    expect(await run(ADMIN, `route Sales <#${ARCHIVE}|old>`)).toContain('it is archived');
    expect(await run(ADMIN, 'route Sales <#C0UNKNOWN>')).toContain('Invite the app');
  });

  it('delivers a queue’s texts to its channel, numbers masked, in one thread per session', async () => {
    const start = harness.slack.messages.length;
    const sessionId = '1'.repeat(32);
    const first = buildSmsEvent({
      kind: 'received',
      owner: support,
      member: alice,
      contact: dana,
      sessionId,
      messageId: 'queue-msg-1',
      at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      text: 'Queue text',
    });
    await postZoomEvent(harness, JSON.stringify(first));
    const reply = textEvent(support, dana, sessionId, {
      kind: 'sent',
      member: alice,
      text: 'We are on it',
    });
    await postZoomEvent(harness, reply.body);
    await harness.slack.waitFor(
      () => harness.slack.messages.slice(start).filter((m) => m.channel === SUPPORT).length >= 2,
      'two posts in the channel',
    );
    const [opening, threaded] = harness.slack.messages
      .slice(start)
      .filter((m) => m.channel === SUPPORT);
    const message = opening?.args as never;
    expectValidMessage(message);
    expect(visibleText(message)).toContain('+1 415 •••• 0100');
    expect(visibleText(message)).not.toContain('555 0100');
    expect(visibleText(message)).toContain('to Support Desk');
    expect(findButtons(message).map((b) => b.text)).toContain('Reply');
    expect(threaded?.args.thread_ts).toBe(opening?.ts);
    expect(visibleText(threaded?.args as never)).toContain('We are on it');
  });

  it('shows the last delivery error of a route once Slack refuses its channel', async () => {
    harness.slack.setChannel(SUPPORT, { name: 'support', is_archived: true });
    await postZoomEvent(harness, textEvent(support, dana, '2'.repeat(32), { member: alice }).body);
    await harness.slack.waitFor(
      () => harness.logLines.some((line) => line.includes('refused a text notification for good')),
      'the refusal',
    );
    const routes = await run(ADMIN, 'routes');
    expect(routes).toContain('Support Desk');
    expect(routes).toContain("The app can't post there: it is archived");
    expect(routes).toContain('Last delivery error: is_archived');
    expect(await run(ADMIN, 'unroute support desk')).toContain('Unrouted Support Desk');
    expect(await run(ADMIN, 'routes')).toContain('No call queue or auto receptionist is routed');
  });

  it('sends a person’s texts only once they turn notifications on (NOTIFY_DEFAULT off)', async () => {
    const dm = `D${ALICE}`;
    const start = harness.slack.messages.length;
    expect(await run(ALICE, 'notify')).toContain('Text notifications are off');
    const skipped = () =>
      harness.logLines.filter((l) => l.includes('"reason":"notify-off"')).length;
    const before = skipped();
    await postZoomEvent(harness, textEvent(alice, dana, session.id, { text: 'Not yet' }).body);
    await harness.slack.waitFor(() => skipped() > before, 'the text left out');
    expect(await run(ALICE, 'notify on')).toContain('Text notifications are on now');
    await postZoomEvent(
      harness,
      textEvent(alice, dana, session.id, { text: 'Now you see me' }).body,
    );
    await harness.slack.waitFor(
      () => harness.slack.messages.slice(start).some((m) => m.channel === dm),
      'the direct message',
    );
    const posts = harness.slack.messages.slice(start).filter((m) => m.channel === dm);
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0]?.args as never)).toContain('Now you see me');
    expect(await run(ALICE, 'notify off')).toContain('off now');
  });
});

describe('the Home tab’s notification switch', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      users,
      dataset: buildDataset({ users: [alice], sessions: [session] }),
      env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, NOTIFY_DEFAULT: 'off' },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  const notifyElement = (view: Record<string, unknown> | undefined) => {
    const blocks = (view?.blocks ?? []) as {
      block_id?: string;
      elements?: Record<string, unknown>[];
    }[];
    return blocks.find((block) => block.block_id === INBOX_BLOCK_IDS.homeNotify)?.elements?.[0];
  };

  it('shows the switch off by default, and saves the person’s choice when they tick it', async () => {
    await postSigned(harness.eventsUrl, appHomeOpenedBody({ user_id: ALICE, tab: 'home' }), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    await harness.slack.waitFor(
      () => notifyElement(harness.slack.homeView(ALICE)?.view) !== undefined,
      'the Home tab with its switch',
    );
    const home = harness.slack.homeView(ALICE);
    expectValidHomeView(home?.view as never);
    const element = notifyElement(home?.view);
    expect(element?.initial_options).toBeUndefined();
    const option = ((element?.options ?? []) as unknown[])[0];
    await postSigned(
      harness.eventsUrl,
      viewActionBody({
        user_id: ALICE,
        action: {
          type: 'checkboxes',
          action_id: INBOX_ACTION_IDS.homeNotify,
          selected_options: [option],
        },
        view: { hash: home?.hash ?? '' },
      }),
      { secret: SIGNING_SECRET },
    );
    await harness.slack.waitFor(
      () => notifyElement(harness.slack.homeView(ALICE)?.view)?.initial_options !== undefined,
      'the switch ticked',
    );
    expect(await runIn(harness, ALICE, 'notify')).toContain('Text notifications are on');
  });
});

const runIn = async (harness: Harness, user: string, text: string): Promise<string> =>
  visibleText((await harness.slack.nextResponse((await harness.command(user, text)).id)) as never);
