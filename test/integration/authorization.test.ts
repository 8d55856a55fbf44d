import type { HomeView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS, HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidMessage,
  findButtons,
  type Surface,
  visibleText,
} from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { appHomeOpenedBody, postSigned, viewActionBody } from '../helpers/slack-requests.js';

const MEMBER = 'U0ALICE01';
const OTHER = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';
const OWNER = 'U0OWNER01';
const CAROL = 'carol@example.com';

const zoomUsers = [
  'alice@example.com',
  'bob@example.com',
  'ada@example.com',
  'olive@example.com',
  CAROL,
].map((email) => demoUser({ email }));
const now = new Date();

type Actor = { readonly label: string; readonly id: string; readonly admin: boolean };
type Target = { readonly label: string; readonly command: (actor: string) => string };

const ACTORS: readonly Actor[] = [
  { label: 'non-admin', id: MEMBER, admin: false },
  { label: 'admin (ADMIN_SLACK_USER_IDS)', id: ADMIN, admin: true },
  { label: 'workspace admin (owner)', id: OWNER, admin: true },
];

const TARGETS: readonly Target[] = [
  { label: 'self', command: () => '' },
  { label: 'another person', command: () => `<@${OTHER}|bob>` },
  { label: 'a Zoom email', command: () => `zoom:${CAROL}` },
];

const ENTRY_POINTS = ['command', 'Next button', 'Home Next button'] as const;

const CASES = ACTORS.flatMap((actor) =>
  TARGETS.flatMap((target) =>
    ENTRY_POINTS.map((entry) => ({
      actor,
      target,
      entry,
      allowed: actor.admin || target.label === 'self',
    })),
  ),
);

/**
 * The authorization matrix of issue #4: every kind of actor × every kind of target × every entry
 * point, through the real Bolt receiver. A Next button always comes from an admin's listing of
 * the same target, so a non-admin clicking it is a replayed (or forged) button.
 */
describe('who may see what, over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: MEMBER, email: 'alice@example.com', name: 'Alice' },
        { id: OTHER, email: 'bob@example.com', name: 'Bob' },
        { id: ADMIN, email: 'ada@example.com', name: 'Ada' },
        { id: OWNER, email: 'olive@example.com', name: 'Olive', is_owner: true },
      ],
      admins: [ADMIN],
      env: { ADMINS_INCLUDE_WORKSPACE_ADMINS: 'true' },
      dataset: buildDataset({
        users: zoomUsers,
        sessions: zoomUsers.flatMap((user) =>
          demoSessions(user, 15, { newest: new Date(now.getTime() - 60_000) }),
        ),
      }),
    });
    for (const actor of ACTORS) await openHome(actor.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  const answer = async (id: string): Promise<Surface> => {
    const message = (await h.slack.nextResponse(id)) as unknown as Surface;
    expectValidMessage(message);
    return message;
  };

  const isLoading = (view: Record<string, unknown>) =>
    JSON.stringify(view.blocks).includes(HOME_BLOCK_IDS.loading);

  /** The first Home view published for `user` after `from` that is not "Loading…". */
  const settledHome = async (user: string, from: number): Promise<HomeView> => {
    const fresh = () => h.slack.publishes.slice(from).filter((p) => p.userId === user);
    await h.slack.waitFor(() => fresh().some((p) => !isLoading(p.view)), `a Home view for ${user}`);
    const view = fresh().find((p) => !isLoading(p.view))?.view as unknown as HomeView;
    expectValidHomeView(view);
    return view;
  };

  async function openHome(user: string): Promise<void> {
    const before = h.slack.publishes.length;
    await postSigned(h.eventsUrl, appHomeOpenedBody({ user_id: user }), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    await settledHome(user, before);
  }

  /** The Next button value of an admin's listing of `target` (as `actor` would name it). */
  const adminNextButton = async (target: Target, actor: string): Promise<string> => {
    const text = target.label === 'self' ? `<@${actor}>` : target.command(actor);
    const listing = await answer((await h.command(ADMIN, text)).id);
    const next = findButtons(listing).find((b) => b.actionId === ACTION_IDS.pageNext)?.value;
    if (next === undefined) throw new Error(`no Next button in ${visibleText(listing)}`);
    return next;
  };

  const attempt = async (
    actor: string,
    target: Target,
    entry: (typeof ENTRY_POINTS)[number],
  ): Promise<{ text: string; zoomCalls: number }> => {
    const value = entry === 'command' ? '' : await adminNextButton(target, actor);
    const before = h.zoom.countCalls('list');
    let surface: Surface;
    if (entry === 'command') {
      surface = await answer((await h.command(actor, target.command(actor))).id);
    } else if (entry === 'Next button') {
      surface = await answer((await h.click(actor, ACTION_IDS.pageNext, value)).id);
    } else {
      const from = h.slack.publishes.length;
      await postSigned(
        h.eventsUrl,
        viewActionBody({
          user_id: actor,
          action: { type: 'button', action_id: HOME_ACTION_IDS.pageNext, value },
          view: { hash: h.slack.homeView(actor)?.hash ?? 'none' },
        }),
        { secret: SIGNING_SECRET },
      );
      surface = await settledHome(actor, from);
    }
    return { text: visibleText(surface), zoomCalls: h.zoom.countCalls('list') - before };
  };

  it.each(CASES)(
    '$actor.label × $target.label × $entry → allowed: $allowed',
    async ({ actor, target, entry, allowed }) => {
      const { text, zoomCalls } = await attempt(actor.id, target, entry);
      if (allowed) {
        expect(text).toContain(entry === 'command' ? 'Contact 1' : 'Contact 11');
        expect(zoomCalls).toBe(1);
      } else {
        expect(text).toMatch(/only admins/i);
        expect(text).not.toContain('Contact');
        expect(zoomCalls).toBe(0);
      }
    },
  );

  it('refuses a non-admin naming their own Zoom email with zoom:, without calling Zoom', async () => {
    const before = h.zoom.countCalls('list');
    const text = visibleText(await answer((await h.command(MEMBER, 'zoom:alice@example.com')).id));
    expect(text).toMatch(/only admins/i);
    expect(h.zoom.countCalls('list')).toBe(before);
  });

  it('records every refused attempt in the audit trail', async () => {
    const refusals = CASES.filter((c) => !c.allowed).length + 1;
    const audit = visibleText(await answer((await h.command(ADMIN, `audit <@${OTHER}> 20`)).id));
    const refusedAboutOther = audit
      .split('\n')
      .filter((line) => line.includes('Refused: not an admin'));
    expect(refusedAboutOther).toHaveLength(
      CASES.filter((c) => !c.allowed && c.target.label === 'another person').length,
    );
    const logged = h.logLines
      .map((line) => JSON.parse(line) as { msg?: string; audit?: { allowed?: boolean } })
      .filter((line) => line.msg === 'audit' && line.audit?.allowed === false);
    expect(logged).toHaveLength(refusals);
  });
});
