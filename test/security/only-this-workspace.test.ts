import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { visibleText } from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { commandBody, postSigned } from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const ADMIN = 'U0ADMIN01';
/** A Slack Connect stranger in a shared channel: an admin of their own organization. */
const STRANGER = 'U0STRANGE';
/** Someone of another workspace (not a stranger: the same Grid organization, say). */
const NEIGHBOUR = 'U0NEIGHBR';

const alice = demoUser({ email: 'alice@acme.test' });
const stranger = demoUser({ email: 'stranger@elsewhere.test', firstName: 'Mallory' });
const users = [
  { id: ALICE, email: 'alice@acme.test', name: 'Alice' },
  { id: ADMIN, email: 'ada@acme.test', name: 'Ada' },
  {
    id: STRANGER,
    email: 'alice@acme.test',
    name: 'Mallory',
    is_admin: true,
    team_id: 'T0EXTERNAL',
    is_stranger: true,
  },
  { id: NEIGHBOUR, email: 'nia@acme.test', name: 'Nia', team_id: 'T0NEIGHBR' },
];
const dataset = buildDataset({
  users: [
    alice,
    stranger,
    demoUser({ email: 'ada@acme.test' }),
    demoUser({ email: 'nia@acme.test' }),
  ],
  sessions: [
    ...demoSessions(alice, 2, { newest: new Date(Date.now() - 60_000) }),
    ...demoSessions(stranger, 1, { newest: new Date(Date.now() - 60_000) }),
  ],
});

interface Answer {
  text: string;
  blocks: unknown[];
}

/** Issue 18 part 3: only this workspace, through the real receiver. */
describe('only this workspace (issue 18, part 3)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users,
      admins: [ADMIN, NEIGHBOUR],
      dataset,
      env: { ADMINS_INCLUDE_WORKSPACE_ADMINS: 'true' },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const see = async (user: string, text: string) => {
    const { id } = await h.command(user, text);
    return visibleText((await h.slack.nextResponse(id)) as unknown as Answer);
  };

  const commandFromTeam = (teamId: string) =>
    postSigned(
      h.eventsUrl,
      commandBody({
        user_id: ALICE,
        text: '',
        response_url: h.slack.responseUrl(randomUUID()),
      }).replace('team_id=T0001', `team_id=${teamId}`),
      { secret: SIGNING_SECRET },
    );

  it('refuses a command from another team, saying why, without asking Zoom', async () => {
    const before = h.zoom.countCalls('list');
    const ack = await commandFromTeam('T0OTHER1');
    expect(ack.status).toBe(200);
    const answer = (await ack.json()) as Answer & { response_type?: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toMatch(/serves only its own workspace/);
    await new Promise((wake) => setTimeout(wake, 300));
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it('never makes a Slack Connect stranger an admin, whatever users.info says', async () => {
    const before = h.zoom.countCalls('list');
    const text = await see(STRANGER, `<@${ALICE}|alice>`);
    expect(text).toMatch(/serves only its own workspace/);
    expect(text).toMatch(/another workspace or organization/);
    expect(h.zoom.countCalls('list')).toBe(before);
    expect(await see(STRANGER, 'whoami')).not.toMatch(/You are an admin/);
  });

  it('never matches a stranger by an email their own organization controls (one of ours)', async () => {
    const before = h.zoom.countCalls('list');
    const text = await see(STRANGER, '');
    expect(text).toMatch(/only once an admin of this app has linked your account/);
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it("shows a stranger their own sessions once an admin linked them, and nobody else's", async () => {
    expect(await see(ADMIN, `link <@${STRANGER}> stranger@elsewhere.test`)).toMatch(/linked/i);
    const own = await see(STRANGER, '');
    expect(own).toMatch(/stranger@elsewhere\.test/);
    expect(await see(STRANGER, `<@${ALICE}|alice>`)).toMatch(/serves only its own workspace/);
  });

  it('gives no admin rights to someone of another team, even listed in ADMIN_SLACK_USER_IDS', async () => {
    const text = await see(NEIGHBOUR, `<@${ALICE}|alice>`);
    expect(text).toMatch(/serves only its own workspace/);
    expect(await see(ADMIN, `<@${ALICE}|alice>`)).not.toMatch(/serves only its own workspace/);
  });
});

describe('SLACK_ALLOWED_TEAM_IDS (issue 18, part 3)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: users.filter((user) => user.id === ALICE),
      dataset,
      env: { SLACK_ALLOWED_TEAM_IDS: 'T0OTHER1' },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('serves a listed team as well as its own, and no other', async () => {
    const listed = await postSigned(
      h.eventsUrl,
      commandBody({
        user_id: ALICE,
        text: 'help',
        response_url: h.slack.responseUrl('listed'),
      }).replace('team_id=T0001', 'team_id=T0OTHER1'),
      { secret: SIGNING_SECRET },
    );
    expect(listed.status).toBe(200);
    await h.slack.nextResponse('listed');
    const other = await postSigned(
      h.eventsUrl,
      commandBody({
        user_id: ALICE,
        text: 'help',
        response_url: h.slack.responseUrl('other'),
      }).replace('team_id=T0001', 'team_id=T0OTHER2'),
      { secret: SIGNING_SECRET },
    );
    expect(visibleText((await other.json()) as Answer)).toMatch(/serves only its own workspace/);
  });
});
