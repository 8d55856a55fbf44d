import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { type MrkdwnNode, parseMrkdwn } from '../../src/playground/public/mrkdwn.js';
import { neutralizeFormatting } from '../../src/render/escape.js';
import { maskNumberRuns } from '../../src/render/share-mask.js';
import { SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const CHANNEL = 'C0TEAM001';
const HOSTILE = 'https://evil.example/phish *bold* _it_ ~st~ `code` <@U0ADMIN01> @here';
const NUMBER_NAMES = ['14155559876', '+1 (415) 555-9876'];

const alice = demoUser({ email: 'alice@example.com' });
const now = Date.now();
const dataset = buildDataset({
  users: [alice],
  sessions: [HOSTILE, ...NUMBER_NAMES].map((name, i) =>
    demoSession({
      owner: alice,
      at: new Date(now - (i + 1) * 60_000),
      contacts: [{ name, phoneNumber: `1810800${2000 + i}` }],
    }),
  ),
});

interface TextObject {
  type: string;
  text: string;
  verbatim?: boolean;
}

/** Every text object in some blocks (sections, fields, context elements). */
const textObjects = (value: unknown): TextObject[] => {
  if (Array.isArray(value)) return value.flatMap(textObjects);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    (record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string'
      ? [record as unknown as TextObject]
      : [];
  return [...own, ...Object.values(record).flatMap(textObjects)];
};

const FORMATTED = new Set(['bold', 'italic', 'strike', 'code', 'link', 'user', 'broadcast']);
const formattedNodes = (nodes: readonly MrkdwnNode[]): string[] =>
  nodes.flatMap((node) => [
    ...(FORMATTED.has(node.type) ? [node.type] : []),
    ...('children' in node ? formattedNodes(node.children) : []),
  ]);

/** Issue 18 part 5: what Zoom sends cannot become a link, a format or a leak. */
describe('text from Zoom, through the real app (issue 18, part 5)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [{ id: ALICE, email: 'alice@example.com', name: 'Alice' }],
      dataset,
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows a hostile display name as typed: verbatim, no link, format or mention', async () => {
    const listing = await h.slack.nextResponse((await h.command(ALICE, '')).id);
    const carrying = textObjects(listing.blocks).filter((object) =>
      object.text.includes('evil.example'),
    );
    expect(carrying.length).toBeGreaterThan(0);
    for (const object of carrying) {
      expect(object.type).toBe('mrkdwn');
      expect(object.verbatim).toBe(true);
      expect(object.text).not.toMatch(/\*bold\*|_it_|~st~|`code`/);
      expect(object.text).toContain('∗bold∗ ˍitˍ ∼st∼ ˋcodeˋ');
      expect(object.text).not.toContain('<@');
    }
  });

  it('masks names that are phone numbers in a shared copy', async () => {
    const listing = await h.slack.nextResponse((await h.command(ALICE, '')).id);
    const share = findButtons(listing as never).find(
      (button) => button.actionId === SESSION_ACTION_IDS.share,
    );
    const { id } = await h.act(
      ALICE,
      { type: 'button', action_id: SESSION_ACTION_IDS.share, value: share?.value },
      CHANNEL,
    );
    await h.slack.nextResponse(id);
    const post = h.slack.calls.find((call) => call.method === 'chat.postMessage');
    const copy = { text: String(post?.args.text), blocks: post?.args.blocks as unknown[] };
    expectValidMessage(copy);
    const shown = JSON.stringify(copy);
    expect(shown).not.toMatch(/555[\s.-]*9876|4155559876/);
    expect(shown).toContain('9876');
    for (const object of textObjects(copy.blocks)) {
      if (object.text.includes('evil.example')) expect(object.verbatim).toBe(true);
    }
  });
});

describe('neutralizeFormatting and maskNumberRuns (issue 18, part 5)', () => {
  it.each([
    ['*bold*', '∗bold∗'],
    ['_it_', 'ˍitˍ'],
    ['~st~', '∼st∼'],
    ['`code`', 'ˋcodeˋ'],
    ['snake_case and 2*3*4', 'snake_case and 2*3*4'],
  ])('turns %s into %s', (typed, shown) => {
    expect(neutralizeFormatting(typed)).toBe(shown);
    expect(formattedNodes(parseMrkdwn(neutralizeFormatting(typed)))).toEqual([]);
  });

  it.each([
    ['14155559876', '+1 415 •••• 9876'],
    ['Dana +1 (415) 555-9876', 'Dana +1 415 •••• 9876'],
    ['Room 101', 'Room ••••'],
    ['Agent 7', 'Agent 7'],
  ])('masks the numbers in %s', (name, masked) => {
    expect(maskNumberRuns(name)).toBe(masked);
  });
});
