import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { neutraliseFormula } from '../../src/export/csv.js';
import { SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';

const NASTY = [
  '=HYPERLINK("http://evil.test","click")',
  '+1 cmd',
  '-2+3',
  '@SUM(A1:A9)',
  'Quote "Q" Name',
  'Comma, Name',
  'Line\nBreak',
  'Ünïcødé 🌷 <b>&',
];

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const now = Date.now();
const sessions = Array.from({ length: 250 }, (_, i) =>
  demoSession({
    owner: alice,
    at: new Date(now - (i + 1) * 120_000),
    contacts: [
      {
        name: `${NASTY[i % NASTY.length]} ${i}`,
        phoneNumber: `1${200 + Math.floor(i / 100)}5550${100 + (i % 100)}`,
      },
    ],
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
}

const exportButton = (answer: Answer) => {
  const button = findButtons(answer).find((b) => b.actionId === SESSION_ACTION_IDS.exportCsv);
  if (button?.value === undefined) throw new Error('no Export CSV button');
  return { type: 'button', action_id: SESSION_ACTION_IDS.exportCsv, value: button.value };
};

/** Whether an answer says an export is still under way (its hourglass). */
const isRunning = (answer: unknown) => JSON.stringify(answer).includes(':hourglass_flowing_sand:');

/** Clicks Export CSV on `listing` as `user` and waits for its last word. */
const exportFrom = async (h: Harness, user: string, listing: Answer) => {
  const { id } = await h.act(user, exportButton(listing));
  await h.slack.waitFor(
    () => h.slack.responses.some((r) => r.id === id && !isRunning(r.body)),
    'the export to end',
    20_000,
  );
  const posts = h.slack.responses
    .filter((r) => r.id === id)
    .map((r) => r.body as unknown as Answer);
  for (const post of posts) expectValidMessage(post);
  return { posts, last: posts.at(-1) as Answer };
};

/** The text of each conversation row (a section with its Open button). */
const rowTexts = (answer: Answer): string[] =>
  (answer.blocks as { type: string; accessory?: unknown; text?: { text: string } }[])
    .filter((block) => block.type === 'section' && block.accessory !== undefined)
    .map((block) => block.text?.text ?? '');

const hasExportButton = (answer: Answer) =>
  findButtons(answer).some((b) => b.actionId === SESSION_ACTION_IDS.exportCsv);

const listingOf = async (h: Harness, user: string, text = '') =>
  (await h.slack.nextResponse((await h.command(user, text)).id)) as unknown as Answer;

const rowsOf = (content: string) => parse(content, { bom: true }) as string[][];

describe('Export CSV over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('uploads every session of the query to the person’s DM, telling how it goes in the listing, which stays', async () => {
    const listing = await listingOf(h, ALICE);
    const shownRows = rowTexts(listing);
    expect(shownRows).toHaveLength(10);
    const { posts, last } = await exportFrom(h, ALICE, listing);
    // Started, at most two running counts, the result: within the click's five answers.
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.length).toBeLessThanOrEqual(4);
    expect(posts.every((post) => post.replace_original === true)).toBe(true);
    const [started, ...after] = posts;
    expect(visibleText(started as Answer)).toContain(
      'Exporting these SMS conversations to a CSV file…',
    );
    expect(hasExportButton(started as Answer)).toBe(false);
    for (const running of after.slice(0, -1)) {
      expect(visibleText(running)).toMatch(/Exporting… [\d,]+ so far/);
    }
    for (const post of posts) expect(rowTexts(post)).toEqual(shownRows);
    expect(visibleText(last)).toContain(
      'CSV sent to your direct messages: all 250 conversations · Open file',
    );
    expect(JSON.stringify(last.blocks)).toMatch(/<https?:\/\/[^|>]+\/files\/F\d+\|Open file>/);
    expect(hasExportButton(last)).toBe(true);

    const [file] = h.slack.files;
    expect(file?.channel).toBe(`D${ALICE}`);
    expect(file?.filename).toMatch(
      /^sms-conversations-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(file?.comment).toContain('250 conversations');
    expect(file?.comment).not.toContain('2,000');
    const opened = h.slack.calls.find((c) => c.method === 'conversations.open');
    expect(opened?.args.users).toBe(ALICE);
    const listCalls = h.zoom.requests.filter(
      (r) => r.kind === 'list' && r.query.page_size === '100',
    );
    expect(listCalls).toHaveLength(3);

    const rows = rowsOf(file?.content ?? '');
    expect(rows[0]?.slice(0, 6)).toEqual([
      'Session ID',
      'Type',
      'Last activity (UTC)',
      'Last activity, local (Europe/Paris)',
      'Owner',
      'Owner number',
    ]);
    expect(rows).toHaveLength(251);
    rows.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(sessions[i]?.id);
      expect(row[4]).toBe('Alice Example');
      expect(row[6]).toBe(neutraliseFormula(`${NASTY[i % NASTY.length]} ${i}`));
      expect(row[7]).toMatch(/^\+1 \d{3} \d{3} \d{4}$/);
    });
    for (const cell of rows.flat()) {
      if (!/^\+1 \d{3} \d{3} \d{4}$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('says what was exported and what was not when Zoom fails midway', async () => {
    const listing = await listingOf(h, ALICE);
    const before = h.slack.files.length;
    // The listing shown again, then the export's first page, pass; its second page fails.
    h.zoom.failNext({ kind: 'delay', ms: 0 }, { kind: 'list', times: 2 });
    h.zoom.failNext({ status: 503, body: 'down' }, { kind: 'list', times: 3 });
    const { last } = await exportFrom(h, ALICE, listing);
    expect(last.replace_original).toBe(true);
    expect(visibleText(last)).toMatch(
      /:warning: CSV sent to your direct messages: 100 conversations/,
    );
    expect(visibleText(last)).toContain('the rest of the conversations were not exported');
    const file = h.slack.files[before];
    expect(file?.comment).toContain('the file has the first 1 page (100 conversations)');
    expect(rowsOf(file?.content ?? '')).toHaveLength(101);
  });

  it('says in the listing why an export could not start, with Export CSV back', async () => {
    const listing = await listingOf(h, ALICE);
    const files = h.slack.files.length;
    h.zoom.failNext({ kind: 'delay', ms: 0 }, { kind: 'list' });
    h.zoom.failNext({ status: 503, body: 'down' }, { kind: 'list', times: 3 });
    const { last } = await exportFrom(h, ALICE, listing);
    expect(last.replace_original).toBe(true);
    expect(visibleText(last)).toContain("Couldn't export: Zoom isn't answering.");
    expect(rowTexts(last)).toEqual(rowTexts(listing));
    expect(hasExportButton(last)).toBe(true);
    expect(h.slack.files).toHaveLength(files);
  });

  it('speaks in small ephemerals of its own when the listing cannot be shown again', async () => {
    const listing = await listingOf(h, ALICE);
    h.zoom.failNext({ status: 503, body: 'down' }, { kind: 'list', times: 3 });
    const { posts, last } = await exportFrom(h, ALICE, listing);
    expect(posts).toHaveLength(2);
    expect(posts.every((post) => post.replace_original === false)).toBe(true);
    expect(posts[0]?.text).toContain('Exporting these SMS conversations to a CSV file');
    expect(visibleText(last)).toContain(
      'CSV sent to your direct messages: all 250 conversations · Open file',
    );
    expect(rowTexts(last)).toEqual([]);
  });

  it('refuses a member replaying someone else’s Export, with no Zoom call and no file', async () => {
    const listing = await listingOf(h, ALICE);
    const calls = h.zoom.countCalls('list');
    const files = h.slack.files.length;
    const { last } = await exportFrom(h, BOB, listing);
    expect(last.replace_original).toBe(false);
    expect(visibleText(last)).toMatch(/only admins/i);
    expect(h.zoom.countCalls('list')).toBe(calls);
    expect(h.slack.files).toHaveLength(files);
  });

  it('says nothing was sent when Slack refuses the upload', async () => {
    const listing = await listingOf(h, ALICE);
    h.slack.failNext('files.completeUploadExternal', 'missing_scope');
    const { last } = await exportFrom(h, ALICE, listing);
    expect(visibleText(last)).toContain("Slack didn't take the file");
    expect(visibleText(last)).toContain('missing_scope');
  });
});

describe('Export CSV with EXPORT_MAX_SESSIONS=120', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, dataset, env: { EXPORT_MAX_SESSIONS: '120' } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('stops at the cap and says so in the file and the message', async () => {
    const { last } = await exportFrom(h, ALICE, await listingOf(h, ALICE));
    expect(visibleText(last)).toContain('reached its cap of 120 conversations');
    const [file] = h.slack.files;
    expect(rowsOf(file?.content ?? '')).toHaveLength(121);
    expect(file?.comment).toContain('reached its cap of 120 conversations');
  });
});
