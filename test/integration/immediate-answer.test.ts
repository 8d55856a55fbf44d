import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const alice = demoUser({ email: 'alice@example.com' });
const now = new Date();
const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/**
 * Whole days up to yesterday, so the same text is the same Zoom question (and the same cached
 * page) a second later: a `to:` of today ends at the current second, a new question each second.
 */
const WINDOW = `from:${day(now.getTime() - 20 * DAY_MS)} to:${day(now.getTime() - DAY_MS)}`;

interface Answer {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: unknown[];
}

/**
 * A command whose answer is ready at once (the page in the cache, a typo) is answered in its ack,
 * Slack's immediate response: no `response_url` request, and the buttons sealed as everywhere.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
 */
describe('answers ready at once come in the command’s ack', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [{ id: ALICE, email: 'alice@example.com', tz: 'UTC', name: 'Alice' }],
      dataset: buildDataset({
        users: [alice],
        sessions: demoSessions(alice, 25, { newest: new Date(now.getTime() - 2 * DAY_MS) }),
      }),
      env: { ZOOM_CACHE_TTL_SECONDS: '60' },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const responseUrlPosts = (id: string) =>
    h.slack.responses.filter((r) => r.id === id && r.via === undefined);

  it('acks empty and answers through response_url when Zoom must be asked', async () => {
    const { ack, id } = await h.command(ALICE, WINDOW);
    expect(await ack.text()).toBe('');
    const answer = (await h.slack.nextResponse(id)) as unknown as Answer;
    expect(visibleText(answer)).toContain('Contact 1');
    expect(responseUrlPosts(id)).toHaveLength(1);
  });

  it('answers the same page from the cache in the ack, ephemeral, without Zoom or response_url', async () => {
    const listsBefore = h.zoom.requests.filter((r) => r.kind === 'list').length;
    const { ack, id } = await h.command(ALICE, WINDOW);
    expect(ack.status).toBe(200);
    expect(ack.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = (await ack.json()) as Answer;
    expect(answer.response_type).toBe('ephemeral');
    expectValidMessage(answer);
    expect(visibleText(answer)).toContain('Contact 1');
    expect(h.zoom.requests.filter((r) => r.kind === 'list')).toHaveLength(listsBefore);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(responseUrlPosts(id)).toHaveLength(0);
  });

  it('seals the buttons of an answer in the ack, and its Next works', async () => {
    const { ack } = await h.command(ALICE, WINDOW);
    const answer = (await ack.json()) as Answer;
    const next = findButtons(answer).find((b) => b.actionId === ACTION_IDS.pageNext);
    expect(next?.value).toBeDefined();
    expect(() => h.unseal(next?.value ?? '')).not.toThrow();
    expect(h.unseal(next?.value ?? '')).not.toBe(next?.value);
    const page2 = (await h.slack.nextResponse(
      (
        await h.click(ALICE, ACTION_IDS.pageNext, next?.value ?? '')
      ).id,
    )) as unknown as Answer;
    expect(page2.replace_original).toBe(true);
    expect(visibleText(page2)).toContain('Contact 11');
  });

  it('answers a typo in the ack, with the suggestion, and calls nobody', async () => {
    const requestsBefore = h.zoom.requests.length;
    const { ack, id } = await h.command(ALICE, 'form:2024-01-01');
    const answer = (await ack.json()) as Answer;
    expectValidMessage(answer);
    expect(visibleText(answer)).toMatch(/from:/);
    expect(h.zoom.requests).toHaveLength(requestsBefore);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(responseUrlPosts(id)).toHaveLength(0);
  });

  it('logs an answer in the ack as answered', () => {
    const handled = h.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request handled' && line.kind === 'command');
    expect(handled.length).toBeGreaterThanOrEqual(4);
    expect(handled.every((line) => line.answered === true && line.outcome !== 'NO_ACK')).toBe(true);
  });
});
