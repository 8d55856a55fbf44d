import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { AUDIT_ACTION_IDS, LINK_ACTION_IDS } from '../../src/surface/ids.js';
import {
  expectValidMessage,
  findButtons,
  type Surface,
  visibleText,
} from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const HIDDEN = 'U0HIDDEN1';
const ADMIN = 'U0ADMIN01';
const OWNER = 'U0OWNER01';
const NO_PHONE = 'U0NOPHONE';

const alice = demoUser({ email: 'alice@example.com' });
const bobZoom = demoUser({ email: 'robert.zoom@example.org', firstName: 'Robert' });
const carol = demoUser({ email: 'carol@example.com', firstName: 'Carol' });
const noPhone = demoUser({ email: 'nophone@example.com', hasPhone: false });
const admin = demoUser({ email: 'ada@example.com' });
const now = new Date();

const USERS = [
  { id: ALICE, email: 'alice@example.com', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', name: 'Bob' },
  { id: HIDDEN, name: 'Hidden' },
  { id: ADMIN, email: 'ada@example.com', name: 'Ada', tz: 'UTC' },
  { id: OWNER, email: 'olive@example.com', name: 'Olive', is_owner: true },
  { id: NO_PHONE, email: 'nophone@example.com', name: 'Priya' },
];

const DATASET = buildDataset({
  users: [alice, bobZoom, carol, noPhone, admin],
  sessions: [
    ...demoSessions(alice, 2, { newest: new Date(now.getTime() - 60_000) }),
    ...demoSessions(bobZoom, 4, { newest: new Date(now.getTime() - 60_000) }),
    ...demoSessions(carol, 3, { newest: new Date(now.getTime() - 60_000) }),
  ],
});

type Answer = Surface & { response_type?: string };

describe('identity and admin commands over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users: USERS, admins: [ADMIN], dataset: DATASET });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Runs `/sms-sessions text` as `user` and returns the answer, checked against Block Kit. */
  const run = async (user: string, text: string): Promise<Answer> => {
    const { id } = await h.command(user, text);
    const answer = (await h.slack.nextResponse(id)) as unknown as Answer;
    expect(answer.response_type).toBe('ephemeral');
    expectValidMessage(answer);
    return answer;
  };
  const see = async (user: string, text: string) => visibleText(await run(user, text));
  /** Runs a `link` command and, when the app asks, answers **Link anyway** as `user`. */
  const linkAnyway = async (user: string, text: string): Promise<string> => {
    const question = await run(user, text);
    const button = findButtons(question).find((b) => b.text === 'Link anyway');
    if (button?.value === undefined) return visibleText(question);
    const { id } = await h.click(user, LINK_ACTION_IDS.confirm, button.value);
    const answer = (await h.slack.nextResponse(id)) as unknown as Answer;
    expectValidMessage(answer);
    return visibleText(answer);
  };
  const lastListedZoomUser = () =>
    decodeURIComponent(h.zoom.requests.filter((r) => r.kind === 'list').at(-1)?.path ?? '');

  describe('whoami', () => {
    it('tells a member they match by email and may see only their own', async () => {
      const text = await see(ALICE, 'whoami');
      expect(text).toContain('You → Zoom user alice@example.com, matched by the email');
      expect(text).toContain(
        "You may see your own SMS conversations. To look at someone else's, ask @U0ADMIN01.",
      );
      expect(text).not.toMatch(/ADMIN_SLACK_USER_IDS|ADMINS_INCLUDE_WORKSPACE_ADMINS/);
    });

    it('tells an admin they are one, and why', async () => {
      expect(await see(ADMIN, 'whoami')).toContain('You are an admin of this app:');
    });

    it('tells a person with a hidden email that they are not linked, without calling Zoom', async () => {
      const before = h.zoom.requests.length;
      expect(await see(HIDDEN, 'whoami')).toContain('no Zoom user');
      expect(h.zoom.requests.length).toBe(before);
    });

    it('tells a person without a Zoom Phone licence exactly that', async () => {
      const text = await see(NO_PHONE, 'whoami');
      expect(text).toContain('You → Zoom user nophone@example.com, matched by the email');
      expect(text).toContain('You have no Zoom Phone licence, so there are no SMS conversations');
      expect(await see(ALICE, 'whoami')).not.toContain('Zoom Phone licence');
    });

    it('does not count a workspace owner as an admin when the option is off', async () => {
      expect(await see(OWNER, 'whoami')).toContain("To look at someone else's, ask @U0ADMIN01.");
    });

    it('refuses extra words', async () => {
      expect(await see(ALICE, 'whoami now')).toContain("I didn't understand now.");
    });
  });

  describe('link', () => {
    it('links after checking Zoom, and the person’s next listing uses the link', async () => {
      const answer = await linkAnyway(ADMIN, `link <@${BOB}|bob> robert.zoom@example.org`);
      expect(answer).toContain(
        `Linked @${BOB} to Zoom user robert.zoom@example.org (Robert Example)`,
      );
      const checks = h.zoom.requests.slice(-2).map((r) => [r.kind, decodeURIComponent(r.path)]);
      expect(checks).toEqual([
        ['user', '/v2/users/robert.zoom@example.org'],
        ['phone-user', '/v2/phone/users/robert.zoom@example.org'],
      ]);
      const listing = await see(BOB, '');
      expect(listing).toContain('Zoom user: robert.zoom@example.org (linked by an admin)');
      expect(lastListedZoomUser()).toBe('/v2/phone/users/robert.zoom@example.org/sms/sessions');
      const who = await see(ADMIN, `who <@${BOB}>`);
      expect(who).toContain(
        `@${BOB} → Zoom user robert.zoom@example.org, linked by an admin (@${ADMIN}`,
      );
    });

    it('accepts the email as Slack escapes it, and links a person with no Slack email', async () => {
      const text = await linkAnyway(
        ADMIN,
        `link <@${HIDDEN}> <mailto:Carol@Example.com|Carol@Example.com>`,
      );
      expect(text).toContain(`Linked @${HIDDEN} to Zoom user carol@example.com`);
      expect(await see(HIDDEN, '')).toContain('Contact 1');
      expect(lastListedZoomUser()).toBe('/v2/phone/users/carol@example.com/sms/sessions');
    });

    it('accepts a Zoom user id and stores the email Zoom returns for it', async () => {
      const text = await linkAnyway(ADMIN, `link <@${HIDDEN}> ${carol.id}`);
      expect(text).toContain(`Linked @${HIDDEN} to Zoom user carol@example.com`);
      expect(h.zoom.requests.map((r) => decodeURIComponent(r.path))).toContain(
        `/v2/users/${carol.id}`,
      );
    });

    it('asks before linking a Zoom user unlike the Slack profile; Cancel keeps things; Undo unlinks', async () => {
      const question = await run(ADMIN, `link <@${OWNER}> robert.zoom@example.org`);
      expect(visibleText(question)).toContain(
        `Link @${OWNER} to Zoom user robert.zoom@example.org (Robert Example)?`,
      );
      const buttons = findButtons(question);
      expect(buttons.map((b) => b.text)).toEqual(['Link anyway', 'Cancel']);
      expect(await see(ADMIN, `who <@${OWNER}>`)).toContain('matched by the email');

      const cancel = await h.click(ADMIN, LINK_ACTION_IDS.cancel, buttons[1]?.value ?? '');
      const cancelled = (await h.slack.nextResponse(cancel.id)) as unknown as Answer;
      expect(cancelled).toMatchObject({ replace_original: true });
      expect(visibleText(cancelled)).toContain('Nothing was linked');
      expect(await see(ADMIN, `who <@${OWNER}>`)).toContain('matched by the email');

      const member = await h.click(ALICE, LINK_ACTION_IDS.confirm, buttons[0]?.value ?? '');
      expect(visibleText((await h.slack.nextResponse(member.id)) as unknown as Answer)).toContain(
        'Only admins can do that',
      );
      expect(await see(ADMIN, `who <@${OWNER}>`)).toContain('matched by the email');

      const confirm = await h.click(ADMIN, LINK_ACTION_IDS.confirm, buttons[0]?.value ?? '');
      const linked = (await h.slack.nextResponse(confirm.id)) as unknown as Answer;
      expectValidMessage(linked);
      expect(visibleText(linked)).toContain(
        `Linked @${OWNER} to Zoom user robert.zoom@example.org (Robert Example)`,
      );
      const undo = findButtons(linked).find((b) => b.text === 'Undo');
      expect(undo?.actionId).toBe(LINK_ACTION_IDS.undo);

      const undone = await h.click(ADMIN, LINK_ACTION_IDS.undo, undo?.value ?? '');
      expect(visibleText((await h.slack.nextResponse(undone.id)) as unknown as Answer)).toContain(
        `Unlinked @${OWNER} from Zoom user robert.zoom@example.org`,
      );
      expect(await see(ADMIN, `who <@${OWNER}>`)).toContain('matched by the email');
    });

    it('links at once, with Undo, when the Zoom user matches the Slack profile', async () => {
      const answer = await run(ADMIN, `link <@${ADMIN}> ada@example.com`);
      expect(visibleText(answer)).toContain(`Linked @${ADMIN} to Zoom user`);
      expect(findButtons(answer).map((b) => b.text)).toEqual(['Undo']);
      await see(ADMIN, `unlink <@${ADMIN}>`);
    });

    it('refuses a Zoom user that does not exist and keeps the earlier link', async () => {
      const text = await see(ADMIN, `link <@${HIDDEN}> nobody@example.com`);
      expect(text).toContain('Not linked. Zoom has no user nobody@example.com');
      expect(await see(ADMIN, `who <@${HIDDEN}>`)).toContain(
        'carol@example.com, linked by an admin',
      );
    });

    it('refuses a Zoom user without Zoom Phone', async () => {
      const text = await see(ADMIN, `link <@${ALICE}> nophone@example.com`);
      expect(text).toContain('The Zoom user nophone@example.com has no Zoom Phone licence');
      expect(await see(ADMIN, `who <@${ALICE}>`)).toContain('matched by the email');
    });

    it('refuses a person Slack does not know, before asking Zoom', async () => {
      const before = h.zoom.requests.length;
      const text = await see(ADMIN, 'link <@U0NOBODY1> carol@example.com');
      expect(text).toContain("I can't find that person in Slack");
      expect(h.zoom.requests.length).toBe(before);
    });

    it.each([
      ['link', '/sms-sessions link needs one person'],
      [`link <@${BOB}>`, "needs the person and then their Zoom user's email or id"],
      [`link <@${BOB}> bob`, 'bob is not a Zoom user I can look up'],
      ['link bob bob@example.com', 'bob is not someone I can look up'],
      [`link <@${BOB}> bob@example.com more`, "I didn't understand more."],
    ])('explains the bad input %j without asking Zoom', async (command, expected) => {
      const before = h.zoom.requests.length;
      expect(await see(ADMIN, command)).toContain(expected);
      expect(h.zoom.requests.length).toBe(before);
    });

    it('is refused to a non-admin, with no Zoom call and no change', async () => {
      const before = h.zoom.requests.length;
      const text = await see(ALICE, `link <@${ALICE}> carol@example.com`);
      expect(text).toContain('Only admins can do that');
      expect(text).toContain(
        '/sms-sessions link is for admins of this app. Ask @U0ADMIN01 if you need it done.',
      );
      const raw = JSON.stringify(h.slack.responses.at(-1)?.body);
      expect(raw).not.toMatch(/ADMIN_SLACK_USER_IDS|ADMINS_INCLUDE_WORKSPACE_ADMINS|=true/);
      expect(h.zoom.requests.length).toBe(before);
      expect(await see(ADMIN, `who <@${ALICE}>`)).toContain('matched by the email');
    });
  });

  describe('unlink', () => {
    it('removes a link and the person matches by email again at once', async () => {
      await linkAnyway(ADMIN, `link <@${ALICE}> carol@example.com`);
      await see(ALICE, '');
      expect(lastListedZoomUser()).toBe('/v2/phone/users/carol@example.com/sms/sessions');
      const text = await see(ADMIN, `unlink <@${ALICE}>`);
      expect(text).toContain(`Unlinked @${ALICE} from Zoom user carol@example.com.`);
      expect(text).toContain('Now: @U0ALICE01 → Zoom user alice@example.com, matched by the email');
      await see(ALICE, '');
      expect(lastListedZoomUser()).toBe('/v2/phone/users/alice@example.com/sms/sessions');
    });

    it('says nothing changed when there was no link', async () => {
      expect(await see(ADMIN, `unlink <@${ALICE}>`)).toContain('had no link, so nothing changed');
    });

    it.each([
      ['unlink', '/sms-sessions unlink needs one person'],
      ['unlink everyone', 'everyone is not someone I can look up'],
    ])('explains the bad input %j', async (command, expected) => {
      expect(await see(ADMIN, command)).toContain(expected);
    });

    it('is refused to a non-admin and the link stays', async () => {
      expect(await see(BOB, `unlink <@${BOB}>`)).toContain('Only admins can do that');
      expect(await see(ADMIN, `who <@${BOB}>`)).toContain('linked by an admin');
    });
  });

  describe('who', () => {
    it('explains a person with a hidden email and no link', async () => {
      await see(ADMIN, `unlink <@${HIDDEN}>`);
      expect(await see(ADMIN, `who <@${HIDDEN}>`)).toContain('the Slack profile shows no email');
    });

    it.each([
      ['who', '/sms-sessions who needs one person'],
      ['who <#C0123ABC|general>', 'is not someone I can look up'],
    ])('explains the bad input %j', async (command, expected) => {
      expect(await see(ADMIN, command)).toContain(expected);
    });

    it('is refused to a non-admin', async () => {
      expect(await see(ALICE, `who <@${BOB}>`)).toContain('Only admins can do that');
    });
  });

  describe('audit', () => {
    it('shows allowed and refused attempts, newest first, in words, to an admin', async () => {
      const before = h.zoom.countCalls('list');
      await see(BOB, `<@${ALICE}>`);
      expect(h.zoom.countCalls('list')).toBe(before);
      await see(ALICE, 'size:5');
      const answer = await run(ADMIN, 'audit 3');
      const lines = visibleText(answer).split('\n');
      expect(lines[0]).toBe('Audit trail');
      expect(lines[1]).toBe('The latest 3 entries, newest first.');
      expect(lines[2]).toMatch(
        new RegExp(
          `:\\d\\d:\\d\\d [AP]M · @${ALICE} listed their own conversations \\(.* – .*, every type\\) · 2 shown$`,
        ),
      );
      expect(lines[3]).toMatch(
        new RegExp(
          `@${BOB} listed @${ALICE}'s conversations \\(.*\\) · :no_entry: Refused: not an admin$`,
        ),
      );
      const raw = JSON.stringify(answer.blocks);
      expect(raw).not.toMatch(/FORBIDDEN|size:|from:|filter:/);

      const details = findButtons(answer).find((b) => b.text === 'Show details');
      expect(details?.actionId).toBe(AUDIT_ACTION_IDS.details);
      const member = await h.click(BOB, AUDIT_ACTION_IDS.details, details?.value ?? '');
      expect(visibleText((await h.slack.nextResponse(member.id)) as unknown as Answer)).toContain(
        'Only admins can do that',
      );
      const { id } = await h.click(ADMIN, AUDIT_ACTION_IDS.details, details?.value ?? '');
      const detailed = (await h.slack.nextResponse(id)) as unknown as Answer;
      expectValidMessage(detailed);
      expect(detailed).toMatchObject({ replace_original: true });
      const detailedText = visibleText(detailed);
      expect(detailedText).toContain('size:5');
      expect(detailedText).toContain('reason:FORBIDDEN');
      expect(findButtons(detailed).map((b) => b.text)).toEqual(['Hide details']);
    });

    it('filters on one person', async () => {
      const text = await see(ADMIN, `audit <@${HIDDEN}> 20`);
      expect(text).toContain(`The latest `);
      expect(text).toContain(` about @${HIDDEN}, newest first.`);
      expect(text).toContain(`@${ADMIN} unlinked @${HIDDEN}`);
      expect(text).toContain(`@${ADMIN} linked @${HIDDEN} to Zoom user carol@example.com`);
      expect(text).not.toContain(`listed @${ALICE}`);
    });

    it('records refused admin commands', async () => {
      await see(ALICE, 'audit');
      expect(await see(ADMIN, `audit <@${BOB}>`)).toContain(
        `@${BOB} unlinked @${BOB} · :no_entry: Refused: not an admin`,
      );
      expect(await see(ADMIN, 'audit 1')).toContain(
        `@${ALICE} read the audit trail · :no_entry: Refused: not an admin`,
      );
    });

    it.each([
      ['audit 0', '0 is not a number of entries. Use a whole number from 1 to 20.'],
      ['audit 500', '500 is not a number of entries'],
      ['audit soon', "I didn't understand soon."],
    ])('explains the bad input %j', async (command, expected) => {
      expect(await see(ADMIN, command)).toContain(expected);
    });

    it('is refused to a non-admin', async () => {
      expect(await see(BOB, 'audit')).toContain('Only admins can do that');
    });

    it('writes every audit entry to the log with Slack ids and no Zoom email', () => {
      const audits = h.logLines
        .map((line) => JSON.parse(line) as { msg?: string; audit?: Record<string, unknown> })
        .filter((line) => line.msg === 'audit');
      expect(audits.length).toBeGreaterThan(10);
      expect(audits).toContainEqual(
        expect.objectContaining({
          audit: expect.objectContaining({
            action: 'list',
            actor: BOB,
            subject: ALICE,
            allowed: false,
            reason: 'FORBIDDEN',
          }),
        }),
      );
      expect(audits).toContainEqual(
        expect.objectContaining({
          audit: expect.objectContaining({
            action: 'link',
            subject: BOB,
            zoomUserDomain: 'example.org',
            zoomUserHash: expect.stringMatching(/^[0-9a-f]{16}$/),
          }),
        }),
      );
      const log = h.logLines.join('\n');
      for (const email of ['robert.zoom@example.org', 'carol@example.com', 'alice@example.com']) {
        expect(log).not.toContain(email);
      }
    });
  });
});

describe('workspace admins over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: USERS,
      admins: [ADMIN],
      dataset: DATASET,
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

  it('counts a workspace owner as an admin when ADMINS_INCLUDE_WORKSPACE_ADMINS is true', async () => {
    expect(await see(OWNER, 'whoami')).toContain('as a Slack workspace admin or owner');
    const { id } = await h.command(OWNER, `link <@${BOB}> robert.zoom@example.org`);
    const question = (await h.slack.nextResponse(id)) as unknown as Answer;
    const linkAnyway = findButtons(question).find((b) => b.text === 'Link anyway');
    const confirm = await h.click(OWNER, LINK_ACTION_IDS.confirm, linkAnyway?.value ?? '');
    const linked = (await h.slack.nextResponse(confirm.id)) as unknown as Answer;
    expect(visibleText(linked)).toContain('Linked');
    expect(await see(OWNER, `<@${BOB}>`)).toContain('Contact 1');
  });

  it('still refuses admin commands to a member when workspace admins count', async () => {
    expect(await see(ALICE, `who <@${BOB}>`)).toContain('Only admins can do that');
  });
});
