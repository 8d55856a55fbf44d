import type { HomeView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import {
  buildDataset,
  type DemoSession,
  type DemoUser,
  demoSession,
  demoUser,
  type RecordedRequest,
} from '../../src/demo-zoom/index.js';
import { BLOCK_IDS, HOME_BLOCK_IDS } from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidMessage,
  findButtons,
  type Surface,
  visibleText,
} from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { type FiltersForm, filtersSubmissionBody } from '../helpers/home-filters.js';
import { postSigned, viewActionBody } from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';

/** Zoom's "a month", as the demo Zoom enforces it: 31 days and the rest of the last day. */
const ZOOM_MONTH_MS = 32 * 86_400_000 - 1000;

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });

/** `count` sessions of `owner` in one month, named `<label> 1…count`, an hour apart. */
const monthOf = (owner: DemoUser, label: string, count: number, newest: string): DemoSession[] =>
  Array.from({ length: count }, (_, i) =>
    demoSession({
      owner,
      at: new Date(Date.parse(newest) - i * 3_600_000),
      contacts: [
        { name: `${label} ${i + 1}`, phoneNumber: `1${label.length + 200}555${1000 + i}` },
      ],
    }),
  );

/** The system clock, set back to mid-July 2026 (the app's timers keep running in real time). */
const julyClock = (): Clock => {
  const offsetMs = Date.parse('2026-07-15T12:00:00Z') - Date.now();
  return { now: () => new Date(Date.now() + offsetMs) };
};

/** The Previous / Start over / Next buttons, apart from Open, Export and Share. */
const pager = (surface: Surface) =>
  findButtons(surface).filter(
    (b) => b.blockId === BLOCK_IDS.pager || b.blockId === HOME_BLOCK_IDS.pager,
  );

const press = (surface: Surface, label: string) => {
  const button = pager(surface).find((b) => b.text === label);
  if (button?.actionId === undefined || button.value === undefined) {
    throw new Error(`no ${label} in ${visibleText(surface)}`);
  }
  return { actionId: button.actionId, value: button.value };
};

/** `from`…`to` of each list call, in order. */
const windows = (calls: readonly RecordedRequest[]) =>
  calls.map((call) => `${call.query.from}…${call.query.to}`);

const NEW_YORK_MONTHS = {
  june: '2026-06-01T04:00:00Z…2026-07-01T03:59:59Z',
  may: '2026-05-01T04:00:00Z…2026-06-01T03:59:59Z',
  april: '2026-04-01T04:00:00Z…2026-05-01T03:59:59Z',
  march: '2026-03-01T05:00:00Z…2026-04-01T03:59:59Z',
  february: '2026-02-01T05:00:00Z…2026-03-01T04:59:59Z',
  january: '2026-01-01T05:00:00Z…2026-02-01T04:59:59Z',
};

describe('long date ranges over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'alice@example.com', tz: 'America/New_York', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', tz: 'UTC', name: 'Bob' },
      ],
      clock: julyClock(),
      dataset: buildDataset({
        users: [alice, bob],
        sessions: [
          ...monthOf(alice, 'June', 12, '2026-06-28T15:00:00Z'),
          ...monthOf(alice, 'May', 3, '2026-05-20T15:00:00Z'),
          ...monthOf(alice, 'February', 2, '2026-02-10T15:00:00Z'),
          ...monthOf(alice, 'January', 1, '2026-01-05T15:00:00Z'),
          ...monthOf(bob, 'November', 1, '2025-11-15T15:00:00Z'),
        ],
      }),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const listCalls = () => h.zoom.requests.filter((r) => r.kind === 'list');

  /** Runs `step`, then returns the answer and the list calls Zoom received meanwhile. */
  const observe = async (step: () => Promise<{ id: string }>) => {
    const before = listCalls().length;
    const { id } = await step();
    const answer = (await h.slack.nextResponse(id)) as unknown as Surface;
    expectValidMessage(answer);
    return { answer, calls: listCalls().slice(before) };
  };

  const command = (user: string, text: string) => observe(() => h.command(user, text));
  const click = (user: string, surface: Surface, label: string) => {
    const { actionId, value } = press(surface, label);
    return observe(() => h.click(user, actionId, value));
  };

  it('fills each page across months within four Zoom calls a click, forward and back', async () => {
    const m = NEW_YORK_MONTHS;
    const june1 = await command(ALICE, 'from:2026-01-01 to:2026-06-30');
    expect(windows(june1.calls)).toEqual([m.june]);
    expect(june1.calls[0]?.query).toMatchObject({ page_size: '10', session_type: 'all' });
    expect(june1.calls[0]?.query).not.toHaveProperty('next_page_token');
    let text = visibleText(june1.answer);
    expect(text).toContain('Jan 1 – Jun 30 · All types · Jun 28\n');
    expect(text).not.toMatch(/When:|more months to go/);
    expect(text).toContain('June 10');
    expect(text).not.toContain('June 11');
    expect(pager(june1.answer).map((b) => b.text)).toEqual(['Next']);

    // June's last two, then May asked for the eight still missing, then two empty months:
    // four calls, the budget of one click.
    const filled = await click(ALICE, june1.answer, 'Next');
    expect(windows(filled.calls)).toEqual([m.june, m.may, m.april, m.march]);
    expect(filled.calls.map((c) => c.query.page_size)).toEqual(['10', '8', '5', '5']);
    expect(filled.calls[0]?.query.next_page_token).toMatch(/^\w{35}$/);
    text = visibleText(filled.answer);
    expect(text).toContain('June 12');
    expect(text).toContain('May 3');
    expect(text).toContain('Jun 28 → May 20');

    const older = await click(ALICE, filled.answer, 'Next');
    expect(windows(older.calls)).toEqual([m.february, m.january]);
    text = visibleText(older.answer);
    expect(text).toContain('February 2');
    expect(text).toContain('January 1');
    expect(pager(older.answer).map((b) => b.text)).toEqual(['Previous']);

    // Previous shows the very page before again: June's last two and May's three.
    const back = await click(ALICE, older.answer, 'Previous');
    expect(windows(back.calls)).toEqual([m.june, m.may, m.april, m.march]);
    expect(back.calls[0]?.query.next_page_token).toBe(filled.calls[0]?.query.next_page_token);
    expect(visibleText(back.answer)).toContain('June 12');
    expect(visibleText(back.answer)).toContain('May 3');
    const backToJune1 = await click(ALICE, back.answer, 'Previous');
    expect(visibleText(backToJune1.answer)).toContain('June 1');
    expect(pager(backToJune1.answer).map((b) => b.text)).toEqual(['Next']);
  });

  it('passes over at most four empty months a click, saying so, then carries on', async () => {
    const first = await command(BOB, 'from:2025-09-01 to:2026-06-30');
    expect(first.calls.map((c) => c.query.from)).toEqual([
      '2026-06-01T00:00:00Z',
      '2026-05-01T00:00:00Z',
      '2026-04-01T00:00:00Z',
      '2026-03-01T00:00:00Z',
    ]);
    expect(visibleText(first.answer)).toContain(
      'No conversations in March–June 2026. Next continues with February 2026.',
    );
    const second = await click(BOB, first.answer, 'Next');
    expect(second.calls.map((c) => c.query.from?.slice(0, 7))).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
    expect(visibleText(second.answer)).toContain(
      'No conversations in December 2025–February 2026, so this starts with November 2025.',
    );
    expect(visibleText(second.answer)).toContain('November 1');
  });

  it('refuses a range over MAX_RANGE_MONTHS, naming the cap, without calling Zoom', async () => {
    const refused = await command(ALICE, 'from:2025-01-01 to:2026-06-30');
    expect(refused.calls).toEqual([]);
    expect(visibleText(refused.answer)).toContain(
      'That range is longer than 12 months, the most this app lists at once.',
    );
  });

  it('lists since:3m from three months ago on the person’s wall clock, a month a call', async () => {
    const { answer, calls } = await command(ALICE, 'since:3m');
    expect(calls.map((c) => c.query.from)).toEqual([
      '2026-07-01T04:00:00Z',
      '2026-06-01T04:00:00Z',
    ]);
    expect(calls[0]?.query.to).toMatch(/^2026-07-15T12:\d\d:\d\dZ$/);
    const text = visibleText(answer);
    expect(text).toMatch(/Apr 15 8:\d\d AM – Jul 15 8:\d\d AM · All types/);
    expect(text).toContain('No conversations in July 2026, so this starts with June 2026.');
  });

  it('refuses since: together with from:', async () => {
    const refused = await command(ALICE, 'since:3m from:2026-06-01');
    expect(refused.calls).toEqual([]);
    expect(visibleText(refused.answer)).toContain("can't be used together with since:");
  });

  describe('in the Home tab', () => {
    const publishesOf = (from: number) =>
      h.slack.publishes.slice(from).filter((p) => p.userId === ALICE);
    const isLoading = (view: unknown) => JSON.stringify(view).includes(HOME_BLOCK_IDS.loading);

    /** Sends one Home action as Alice; returns her next settled view and the list calls. */
    const act = async (action: Record<string, unknown>) => {
      const before = h.slack.publishes.length;
      const calls = listCalls().length;
      const ack = await postSigned(
        h.eventsUrl,
        viewActionBody({
          user_id: ALICE,
          action,
          view: { hash: h.slack.homeView(ALICE)?.hash ?? 'no-view-yet' },
        }),
        { secret: SIGNING_SECRET },
      );
      expect(ack.status).toBe(200);
      await h.slack.waitFor(
        () => publishesOf(before).some((p) => !isLoading(p.view)),
        'a settled Home view',
      );
      const view = publishesOf(before).find((p) => !isLoading(p.view))?.view as unknown as HomeView;
      expectValidHomeView(view);
      return { view, calls: listCalls().slice(calls) };
    };
    /** Applies the Filters… modal as Alice; returns her next settled view and the list calls. */
    const applyFilters = async (form: FiltersForm) => {
      const before = h.slack.publishes.length;
      const calls = listCalls().length;
      const ack = await postSigned(h.eventsUrl, filtersSubmissionBody(ALICE, form), {
        secret: SIGNING_SECRET,
      });
      expect(ack.status).toBe(200);
      expect(await ack.text()).toBe('');
      await h.slack.waitFor(
        () => publishesOf(before).some((p) => !isLoading(p.view)),
        'a settled Home view',
      );
      const view = publishesOf(before).find((p) => !isLoading(p.view))?.view as unknown as HomeView;
      expectValidHomeView(view);
      return { view, calls: listCalls().slice(calls) };
    };
    const home = (view: HomeView, label: string) => {
      const { actionId, value } = press(view, label);
      return act({ type: 'button', action_id: actionId, value });
    };

    it('pages a three-month window of the Filters… dates across months', async () => {
      const m = NEW_YORK_MONTHS;
      const june1 = await applyFilters({ from: '2026-04-01', to: '2026-06-30' });
      expect(windows(june1.calls)).toEqual([m.june]);
      expect(visibleText(june1.view)).toContain('Apr 1 – Jun 30 · ');

      const filled = await home(june1.view, 'Next');
      expect(windows(filled.calls)).toEqual([m.june, m.may, m.april]);
      expect(visibleText(filled.view)).toContain('June 12');
      expect(visibleText(filled.view)).toContain('May 3');
      expect(pager(filled.view).map((b) => b.text)).toEqual(['Previous']);
      const backToJune1 = await home(filled.view, 'Previous');
      expect(windows(backToJune1.calls)).toEqual([m.june]);
      expect(visibleText(backToJune1.view)).toContain('June 10');
      expect(visibleText(backToJune1.view)).not.toContain('June 12');
    });
  });

  it('never asks Zoom for more than a month in one call', () => {
    expect(listCalls().length).toBeGreaterThan(15);
    for (const call of listCalls()) {
      const from = Date.parse(call.query.from ?? '');
      const to = Date.parse(call.query.to ?? '');
      expect(to - from).toBeGreaterThanOrEqual(0);
      expect(to - from).toBeLessThanOrEqual(ZOOM_MONTH_MS);
    }
  });
});
