import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS, BLOCK_IDS, HELP_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import {
  type Harness,
  SIGNING_SECRET,
  startHarness,
  ZOOM_CREDENTIALS,
} from '../helpers/harness.js';
import { slackSignature } from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';
const STRANGER = 'U0NOZOOM1';

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const admin = demoUser({ email: 'ada@example.com' });
const now = new Date();

interface Answer {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

/** The pager's buttons (Previous, Start over, Next), apart from Open, Export and Share. */
const pagerActions = (answer: Answer) =>
  findButtons(answer)
    .filter((b) => b.blockId === BLOCK_IDS.pager)
    .map((b) => b.actionId);

const buttonValue = (answer: Answer, label: RegExp): string => {
  const button = findButtons(answer).find((b) => label.test(b.text));
  if (button?.value === undefined) throw new Error(`no ${label} button in ${visibleText(answer)}`);
  return button.value;
};

describe('/sms-sessions over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'Alice@Example.com', tz: 'Europe/Paris', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', tz: 'America/Los_Angeles', name: 'Bob' },
        { id: ADMIN, email: 'ada@example.com', tz: 'UTC', name: 'Ada' },
        { id: STRANGER, email: 'nobody@example.com', name: 'Stranger' },
      ],
      admins: [ADMIN],
      dataset: buildDataset({
        users: [alice, bob, admin],
        sessions: [
          ...demoSessions(alice, 25, { newest: new Date(now.getTime() - 60_000) }),
          ...demoSessions(bob, 3, { newest: new Date(now.getTime() - 120_000) }),
        ],
      }),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const answerTo = async (id: string) => (await h.slack.nextResponse(id)) as unknown as Answer;

  it('acks at once and answers page 1 ephemerally through response_url', async () => {
    const { ack, id } = await h.command(ALICE, '');
    expect(ack.status).toBe(200);
    expect(await ack.text()).toBe('');
    const answer = await answerTo(id);
    expect(answer.response_type).toBe('ephemeral');
    expectValidMessage(answer);
    const text = visibleText(answer);
    expect(text).toContain('Contact 1');
    expect(text).toContain('Contact 10');
    expect(text).not.toContain('Contact 11');
    expect(pagerActions(answer)).toEqual([ACTION_IDS.pageNext]);
    const list = h.zoom.requests.filter((r) => r.kind === 'list').at(-1);
    expect(decodeURIComponent(list?.path ?? '')).toBe(
      '/v2/phone/users/alice@example.com/sms/sessions',
    );
    expect(list?.query).toMatchObject({ page_size: '10', session_type: 'all' });
  });

  it('lists a size: above 25 at 25 a message, saying plainly where the rest is', async () => {
    const answer = await answerTo((await h.command(ALICE, 'size:100')).id);
    expectValidMessage(answer);
    const list = h.zoom.requests.filter((r) => r.kind === 'list').at(-1);
    expect(list?.query).toMatchObject({ page_size: '25' });
    const text = visibleText(answer);
    expect(text).toContain(
      'A message lists 25 at a time (you asked for 100): Next shows more, Export CSV has them all.',
    );
    expect(findButtons(answer).filter((b) => /^Open$/.test(b.text))).toHaveLength(25);
    expect(text).toContain('Contact 25');
  });

  it('pages Next → page 2 → Previous → page 1, replacing the message each time', async () => {
    const first = await answerTo((await h.command(ALICE, 'size:10')).id);
    const second = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(first, /next/i))).id,
    );
    expect(second.replace_original).toBe(true);
    expectValidMessage(second);
    expect(visibleText(second)).toContain('Contact 11');
    expect(visibleText(second)).not.toContain('Contact 10\n');
    const back = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pagePrevious, buttonValue(second, /prev/i))).id,
    );
    expect(visibleText(back)).toContain('Contact 1');
    expect(visibleText(back)).not.toContain('Contact 11');
    expect(pagerActions(back)).toEqual([ACTION_IDS.pageNext]);
  });

  it('lets an admin view another person and refuses a non-admin without calling Zoom', async () => {
    const adminView = await answerTo((await h.command(ADMIN, `<@${ALICE}|alice>`)).id);
    expect(visibleText(adminView)).toContain('Contact 1');

    const before = h.zoom.countCalls('list');
    const refused = await answerTo((await h.command(BOB, `<@${ALICE}|alice>`)).id);
    expectValidMessage(refused);
    expect(visibleText(refused)).toMatch(/only admins/i);
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it("refuses a non-admin replaying an admin's Next button", async () => {
    const adminView = await answerTo((await h.command(ADMIN, `<@${ALICE}>`)).id);
    const before = h.zoom.countCalls('list');
    const replay = await answerTo(
      (await h.click(BOB, ACTION_IDS.pageNext, buttonValue(adminView, /next/i))).id,
    );
    expect(visibleText(replay)).toMatch(/only admins/i);
    expect(visibleText(replay)).not.toContain('Contact');
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it('refuses an edited button value without calling Zoom', async () => {
    const before = h.zoom.countCalls('list');
    const answer = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageNext, '{"v":1,"s":"x"}')).id,
    );
    expect(visibleText(answer)).toMatch(/old or altered|run the command again/i);
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it.each([
    ['unsigned', { signature: null }],
    ['wrongly signed', { signature: 'v0=deadbeef' }],
    ['signed with another secret', { secret: 'not-the-secret' }],
    ['five minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects a %s request with no Zoom call and no answer', async (_name, signOptions) => {
    const before = h.zoom.requests.length;
    const { ack, id } = await h.command(ALICE, '', signOptions);
    expect(ack.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.slack.responses.filter((r) => r.id === id)).toHaveLength(0);
    expect(h.zoom.requests.length).toBe(before);
  });

  it('refuses a typo with a suggestion and never calls Zoom', async () => {
    const before = h.zoom.countCalls('list');
    const answer = await answerTo((await h.command(ALICE, 'frmo:2026-10-01')).id);
    expectValidMessage(answer);
    expect(visibleText(answer)).toContain('from:');
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it('answers help for a member with examples and buttons, and no admin section', async () => {
    const answer = await answerTo((await h.command(ALICE, 'help')).id);
    expectValidMessage(answer);
    const text = visibleText(answer);
    expect(text).toContain('/sms-sessions since:3m');
    expect(text).not.toContain('For admins');
    expect(text).not.toContain('audit');
    expect(findButtons(answer).map((b) => b.text)).toEqual([
      'Show my conversations',
      'Open Home',
      'Full syntax',
    ]);
    expect(JSON.stringify(answer)).toContain('slack://app?team=T0001&id=A0001&tab=home');
  });

  it('answers help for an admin with the admin section', async () => {
    const answer = await answerTo((await h.command(ADMIN, 'help')).id);
    expect(visibleText(answer)).toContain('For admins');
  });

  it("replaces help with the clicker's own conversations on Show my conversations", async () => {
    const { ack, id } = await h.click(ALICE, HELP_ACTION_IDS.listMine, '');
    expect(ack.status).toBe(200);
    const answer = await answerTo(id);
    expect(answer.replace_original).toBe(true);
    expectValidMessage(answer);
    expect(visibleText(answer)).toContain('Contact 1');
  });

  it('opens the full syntax in a modal, with the admin commands only for admins', async () => {
    const before = h.slack.modals.length;
    expect((await h.click(ALICE, HELP_ACTION_IDS.fullSyntax, '')).ack.status).toBe(200);
    await h.slack.waitFor(() => h.slack.modals.length > before, 'the full syntax modal');
    const member = h.slack.modals.at(-1);
    expect(member?.via).toBe('views.open');
    const memberText = visibleText(member?.view as unknown as Answer);
    expect(memberText).toContain('filter: which time the dates match');
    expect(memberText).not.toContain('For admins');

    expect((await h.click(ADMIN, HELP_ACTION_IDS.fullSyntax, '')).ack.status).toBe(200);
    await h.slack.waitFor(() => h.slack.modals.length > before + 1, 'the admin syntax modal');
    expect(visibleText(h.slack.modals.at(-1)?.view as unknown as Answer)).toContain(
      '/sms-sessions link @person',
    );
  });

  it('acknowledges the Open Home link button', async () => {
    expect((await h.click(ALICE, HELP_ACTION_IDS.openHome, '')).ack.status).toBe(200);
  });

  it('explains a Slack email that Zoom does not know', async () => {
    const answer = await answerTo((await h.command(STRANGER, '')).id);
    expectValidMessage(answer);
    expect(visibleText(answer)).toContain('nobody@example.com');
  });

  it('acks within Slack’s 3 seconds while Zoom takes longer, then answers', async () => {
    h.zoom.setLatency(3_200);
    try {
      const started = Date.now();
      const { ack, id } = await h.command(BOB, 'size:5');
      expect(ack.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      const answer = await h.slack.nextResponse(id, 12_000);
      expect(visibleText(answer as unknown as Answer)).toContain('Contact 1');
    } finally {
      h.zoom.setLatency(0);
    }
  });

  it('answers an expired page link with page 1 at once, saying so in one line', async () => {
    const first = await answerTo((await h.command(ALICE, '')).id);
    h.zoomClock.advance(16 * 60 * 1000);
    const { id } = await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(first, /next/i));
    const again = (await h.slack.nextResponse(id)) as unknown as Answer & {
      replace_original?: boolean;
    };
    expectValidMessage(again);
    expect(again.replace_original).toBe(true);
    const text = visibleText(again);
    expect(text).toContain('That page link had expired, so this is page 1 again.');
    expect(text).toContain('Contact 1');
    expect(text).toContain('1–10, newest first');
    expect(text).not.toMatch(/15 minutes|Start over/);
  });

  it('keeps the page a failed Next was on, with a warning above the pager and one Try again', async () => {
    const first = await answerTo((await h.command(ALICE, '')).id);
    h.zoom.failNext(
      { status: 503, body: '<html>Service Unavailable</html>' },
      { kind: 'list', times: 3 },
    );
    const { id } = await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(first, /next/i));
    const kept = await answerTo(id);
    expectValidMessage(kept);
    expect(kept.replace_original).toBe(true);
    const text = visibleText(kept);
    expect(text).toContain("Couldn't load the next page: Zoom isn't answering.");
    expect(text).toContain('Contact 1');
    expect(text).toContain('1–10, newest first');
    expect(pagerActions(kept)).toEqual([ACTION_IDS.pageNext]);
    expect(findButtons(kept).filter((b) => /try again|start over/i.test(b.text))).toHaveLength(1);
    const retried = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(kept, /try again/i))).id,
    );
    expect(retried.replace_original).toBe(true);
    expect(visibleText(retried)).toContain('11–');
    expect(visibleText(retried)).not.toContain("Couldn't load");
  });

  it('says a failed Next in a small ephemeral of its own when its page cannot be shown again either', async () => {
    const first = await answerTo((await h.command(ALICE, '')).id);
    const second = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(first, /next/i))).id,
    );
    h.zoom.failNext(
      { status: 503, body: '<html>Service Unavailable</html>' },
      { kind: 'list', times: 6 },
    );
    const { id } = await h.click(ALICE, ACTION_IDS.pageNext, buttonValue(second, /next/i));
    const failed = await answerTo(id);
    expectValidMessage(failed);
    expect(failed.replace_original).toBe(false);
    expect(visibleText(failed)).toMatch(/Zoom isn't answering/);
    expect(visibleText(failed)).not.toContain('Contact');
    expect(findButtons(failed).map((b) => b.text)).toEqual(['Start over', 'Try again']);
    const retried = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageRetry, buttonValue(failed, /try again/i))).id,
    );
    expect(visibleText(retried)).toContain('21–');
  });

  it('says Zoom is unavailable after bounded retries, and Try again shows the page', async () => {
    h.zoom.failNext(
      { status: 503, body: '<html>Service Unavailable</html>' },
      { kind: 'list', times: 3 },
    );
    const failed = await answerTo((await h.command(ALICE, '')).id);
    expectValidMessage(failed);
    expect(visibleText(failed)).toMatch(/zoom/i);
    expect(visibleText(failed)).not.toContain('Contact 1');
    expect(findButtons(failed).map((b) => b.text)).toEqual(['Try again']);
    const retried = await answerTo(
      (await h.click(ALICE, ACTION_IDS.pageRetry, buttonValue(failed, /try again/i))).id,
    );
    expect(visibleText(retried)).toContain('Contact 1');
  });

  it('explains a malformed Zoom answer instead of showing it', async () => {
    h.zoom.failNext({ status: 200, body: { sms_sessions: 'not a list' } }, { kind: 'list' });
    const answer = await answerTo((await h.command(ALICE, '')).id);
    expectValidMessage(answer);
    expect(visibleText(answer)).toMatch(/unexpected/i);
  });

  it('logs an expired response_url instead of throwing, and keeps serving', async () => {
    const { id } = await h.command(BOB, 'size:2');
    await h.slack.nextResponse(id);
    const second = await h.command(BOB, 'size:2');
    h.slack.expireResponseUrl(second.id);
    await h.slack.waitFor(
      () => h.logLines.some((line) => line.includes('response_url refused the answer')),
      'the refusal to be logged',
    );
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('never writes a secret or token to the log', () => {
    const log = h.logLines.join('\n');
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const secret of [SIGNING_SECRET, ZOOM_CREDENTIALS.clientSecret, 'xoxb-test-bot-token']) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/Bearer\s+\S/);
    expect(slackSignature('x', 1, 'y')).toMatch(/^v0=/);
  });
});
