import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const CHANNEL = 'C0TEAM001';

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const now = Date.now();
const sessions = Array.from({ length: 4 }, (_, i) =>
  demoSession({
    owner: alice,
    at: new Date(now - (i + 1) * 60_000),
    contacts: [{ name: `Dana ${i} <&>`, phoneNumber: `1415555${1000 + i}` }],
  }),
);
const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', tz: 'UTC', name: 'Bob' },
];
const dataset = buildDataset({ users: [alice, bob], sessions });

interface Answer {
  text: string;
  blocks: unknown[];
  replace_original?: boolean;
  response_type?: string;
}

const listingOf = async (h: Harness, user: string) =>
  (await h.slack.nextResponse((await h.command(user, '')).id)) as unknown as Answer;

const buttonOf = (answer: Answer, actionId: string) => {
  const button = findButtons(answer).find((b) => b.actionId === actionId);
  if (button?.value === undefined) throw new Error(`no ${actionId}`);
  return { type: 'button', action_id: SESSION_ACTION_IDS.share, value: button.value };
};

const share = async (h: Harness, user: string, action: Record<string, unknown>) => {
  const { id } = await h.act(user, action, CHANNEL);
  const answer = (await h.slack.nextResponse(id)) as unknown as Answer;
  expectValidMessage(answer);
  return answer;
};

const posts = (h: Harness) => h.slack.calls.filter((c) => c.method === 'chat.postMessage');

describe('Share to channel over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('asks for confirmation, then posts a masked copy without buttons where the list was', async () => {
    const listing = await listingOf(h, ALICE);
    expect(JSON.stringify(listing.blocks)).toContain('"confirm":{"title":');
    const receipt = await share(h, ALICE, buttonOf(listing, SESSION_ACTION_IDS.share));
    expect(receipt.replace_original).toBe(false);
    expect(receipt.response_type).toBe('ephemeral');
    expect(receipt.text).toContain(`<#${CHANNEL}>`);

    const [post] = posts(h);
    expect(post?.args.channel).toBe(CHANNEL);
    const copy = { text: String(post?.args.text), blocks: post?.args.blocks as unknown[] };
    expectValidMessage(copy);
    const text = visibleText(copy);
    expect(text).toContain(`@${ALICE}'s SMS conversations, shared by @${ALICE}`);
    expect(text).toMatch(/Dana 0 <&> · \+1\s415\s••••\s1000/);
    expect(`${copy.text}\n${text}`).not.toMatch(/\b(you|your|yours|yourself)\b/i);
    expect(JSON.stringify(copy)).not.toMatch(/555[ -]?1000|14155551000/);
    expect(findButtons(copy)).toEqual([]);
    expect(h.logLines.some((line) => line.includes('"action":"share"'))).toBe(true);
  });

  it('refuses a member replaying someone else’s Share, posting nothing and asking Zoom nothing', async () => {
    const listing = await listingOf(h, ALICE);
    const before = { posts: posts(h).length, zoom: h.zoom.countCalls('list') };
    const answer = await share(h, BOB, buttonOf(listing, SESSION_ACTION_IDS.share));
    expect(visibleText(answer)).toMatch(/only admins/i);
    expect(posts(h)).toHaveLength(before.posts);
    expect(h.zoom.countCalls('list')).toBe(before.zoom);
  });

  it('explains a channel the app is not in', async () => {
    const listing = await listingOf(h, ALICE);
    h.slack.failNext('chat.postMessage', 'not_in_channel');
    const answer = await share(h, ALICE, buttonOf(listing, SESSION_ACTION_IDS.share));
    expect(visibleText(answer)).toContain("I can't post in this channel");
    expect(visibleText(answer)).toContain('/invite @SMS Conversations');
  });
});

describe('Share to channel with SHARE_ENABLED=false', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset, env: { SHARE_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('offers no Share button and refuses a forged Share action before Zoom', async () => {
    const listing = await listingOf(h, ALICE);
    expect(findButtons(listing).some((b) => b.actionId === SESSION_ACTION_IDS.share)).toBe(false);
    const forged = buttonOf(listing, SESSION_ACTION_IDS.exportCsv);
    const calls = h.zoom.countCalls('list');
    const answer = await share(h, ALICE, forged);
    expect(visibleText(answer)).toContain('Sharing is turned off');
    expect(posts(h)).toHaveLength(0);
    expect(h.zoom.countCalls('list')).toBe(calls);
  });
});

describe('Share to channel with SHARE_MASK_NUMBERS=false', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset, env: { SHARE_MASK_NUMBERS: 'false' } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('posts the numbers in full, after saying so in the confirmation', async () => {
    const listing = await listingOf(h, ALICE);
    expect(JSON.stringify(listing.blocks)).toContain('shown in full');
    await share(h, ALICE, buttonOf(listing, SESSION_ACTION_IDS.share));
    const [post] = posts(h);
    const copy = { text: String(post?.args.text), blocks: post?.args.blocks as unknown[] };
    expect(visibleText(copy)).toContain('+1\u00a0415\u00a0555\u00a01000');
  });
});
