import type { HomeView, ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { HOME_OPEN_DEBOUNCE_MS } from '../../src/core/home-state.js';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import {
  HOME_ACTION_IDS,
  HOME_BLOCK_IDS,
  HOME_CALLBACK_ID,
  HOME_FILTERS_IDS,
} from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidModal,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';
import type { RecordedPublish } from '../helpers/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { type FiltersForm, filtersSubmissionBody } from '../helpers/home-filters.js';
import { appHomeOpenedBody, postSigned, viewActionBody } from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';
const STRANGER = 'U0NOZOOM1';
const NO_PHONE = 'U0NOPHONE';
const NO_EMAIL = 'U0NOMAIL1';

const DAY_MS = 86_400_000;

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const admin = demoUser({ email: 'ada@example.com' });
const noPhone = demoUser({ email: 'nophone@example.com', hasPhone: false });
const now = new Date();

/** The system clock, moved forward by `advance` (the app's timers keep running in real time). */
const createShiftedClock = (): Clock & { advance(ms: number): void } => {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
  };
};

const isLoading = (view: Record<string, unknown>): boolean =>
  JSON.stringify(view.blocks).includes(HOME_BLOCK_IDS.loading);

const asView = (publish: RecordedPublish): HomeView => publish.view as unknown as HomeView;

const day = (offsetDays: number): string =>
  new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const listQueries = (h: Harness) => h.zoom.requests.filter((r) => r.kind === 'list');

/** The one line that sums the filters up ("none", or "Aug 1 – Nov 30 · Your number"). */
const summary = (view: HomeView): string | undefined =>
  /^Filters: (.*)$/m.exec(visibleText(view))?.[1];

describe('App Home over the real Bolt receiver', () => {
  let h: Harness;
  const appClock = createShiftedClock();

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'Alice@Example.com', tz: 'Europe/Paris', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', tz: 'America/Los_Angeles', name: 'Bob' },
        { id: ADMIN, email: 'ada@example.com', tz: 'UTC', name: 'Ada' },
        { id: STRANGER, email: 'nobody@example.com', name: 'Stranger' },
        { id: NO_PHONE, email: 'nophone@example.com', name: 'No Phone' },
        { id: NO_EMAIL, name: 'No Email' },
      ],
      admins: [ADMIN],
      clock: appClock,
      env: { ZOOM_CACHE_TTL_SECONDS: '0' },
      dataset: buildDataset({
        users: [alice, bob, admin, noPhone],
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

  const publishesOf = (user: string, from: number) =>
    h.slack.publishes.slice(from).filter((p) => p.userId === user);

  /** Resolves with the first view after `from` that is not "Loading…"; checks every view. */
  const settled = async (user: string, from: number): Promise<HomeView> => {
    await h.slack.waitFor(
      () => publishesOf(user, from).some((p) => !isLoading(p.view)),
      `a Home view for ${user}`,
    );
    for (const publish of publishesOf(user, from)) expectValidHomeView(asView(publish));
    const last = publishesOf(user, from).find((p) => !isLoading(p.view));
    if (last === undefined) throw new Error('unreachable');
    return asView(last);
  };

  const open = async (user: string, tab: 'home' | 'messages' = 'home') => {
    const before = h.slack.publishes.length;
    const current = h.slack.homeView(user);
    const ack = await postSigned(
      h.eventsUrl,
      appHomeOpenedBody({
        user_id: user,
        tab,
        ...(current === undefined ? {} : { view: { hash: current.hash } }),
      }),
      { secret: SIGNING_SECRET, contentType: 'application/json' },
    );
    expect(ack.status).toBe(200);
    return before;
  };

  const act = async (user: string, action: Record<string, unknown>, hash?: string) => {
    const before = h.slack.publishes.length;
    const ack = await postSigned(
      h.eventsUrl,
      viewActionBody({
        user_id: user,
        action,
        view: { hash: hash ?? h.slack.homeView(user)?.hash ?? 'no-view-yet' },
      }),
      { secret: SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    expect(await ack.text()).toBe('');
    return before;
  };

  /** Presses Apply in the Filters… modal; returns the publish count before and Slack's ack. */
  const applyFilters = async (user: string, form: FiltersForm) => {
    const before = h.slack.publishes.length;
    const ack = await postSigned(h.eventsUrl, filtersSubmissionBody(user, form), {
      secret: SIGNING_SECRET,
    });
    expect(ack.status).toBe(200);
    const text = await ack.text();
    return {
      before,
      answer: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  };

  /** Applies the Filters… modal as `user` and resolves with the settled Home view. */
  const filtered = async (user: string, form: FiltersForm) => {
    const { before, answer } = await applyFilters(user, form);
    expect(answer).toBeUndefined();
    return settled(user, before);
  };

  const clearFilters = async (user: string) =>
    settled(user, await act(user, { type: 'button', action_id: HOME_ACTION_IDS.clearFilters }));

  const press = (view: HomeView, label: RegExp) => {
    const button = findButtons(view).find((b) => label.test(b.text));
    if (button?.actionId === undefined) throw new Error(`no ${label} in ${visibleText(view)}`);
    return { type: 'button', action_id: button.actionId, value: button.value ?? '' };
  };

  /** Opens the tab after the debounce window, so the open is a fresh one. */
  const reopen = async (user: string) => {
    appClock.advance(HOME_OPEN_DEBOUNCE_MS + 1);
    return settled(user, await open(user));
  };

  it('publishes Loading… at once, then the latest sessions, when the tab is opened', async () => {
    const before = await open(ALICE);
    const view = await settled(ALICE, before);
    const published = publishesOf(ALICE, before);
    expect(published.map((p) => isLoading(p.view))).toEqual([true, false]);
    expect(view.callback_id).toBe(HOME_CALLBACK_ID);
    const text = visibleText(view);
    // Her own email match is not worth a line.
    expect(text).not.toContain('matched by email');
    expect(text).toContain('Contact 1');
    expect(text).toContain('Contact 10');
    expect(text).not.toContain('Contact 11');
    expect(JSON.stringify(view)).not.toContain(HOME_ACTION_IDS.pickUser);
    const buttons = findButtons(view).map((b) => b.text);
    expect(buttons.filter((text) => text === 'Open')).toHaveLength(10);
    expect(
      findButtons(view)
        .filter((b) => b.text !== 'Open')
        .map((b) => b.actionId),
    ).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.refresh,
      HOME_ACTION_IDS.pageNext,
      HOME_ACTION_IDS.exportCsv,
      HOME_ACTION_IDS.share,
    ]);
    expect(summary(view)).toBe('none');
    const list = listQueries(h).at(-1);
    expect(decodeURIComponent(list?.path ?? '')).toBe(
      '/v2/phone/users/alice@example.com/sms/sessions',
    );
    expect(list?.query).toMatchObject({ session_type: 'all', filter_type: 'last_message_time' });
  });

  it('opens a conversation from the Home tab in a modal', async () => {
    const view = await reopen(ALICE);
    const before = h.slack.modals.length;
    await act(ALICE, press(view, /^Open$/));
    await h.slack.waitFor(
      () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
      'the conversation modal to be filled',
    );
    const modal = h.slack.modals.slice(before).find((m) => m.via === 'views.update');
    expectValidModal(modal?.view as unknown as ModalView);
    expect(visibleText(modal?.view as unknown as HomeView)).toMatch(/Hello at/);
  });
  it('calls neither Zoom nor views.publish for a re-open within a few seconds or the Messages tab', async () => {
    const zoomCalls = h.zoom.countCalls('list');
    const publishes = h.slack.publishes.length;
    await open(ALICE);
    await open(ALICE);
    await open(BOB, 'messages');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
    expect(h.slack.publishes.length).toBe(publishes);

    const view = await reopen(ALICE);
    expect(h.zoom.countCalls('list')).toBe(zoomCalls + 1);
    expect(visibleText(view)).toContain('Contact 1');
  });

  it('opens Filters… showing the filters, applies a new type, keeps it, and Clear filters drops it', async () => {
    const before = h.slack.modals.length;
    await act(ALICE, { type: 'button', action_id: HOME_ACTION_IDS.openFilters, value: '' });
    await h.slack.waitFor(() => h.slack.modals.length > before, 'the Filters… modal');
    const modal = h.slack.modals[before];
    expect(modal?.via).toBe('views.open');
    expectValidModal(modal?.view as unknown as ModalView);
    expect(modal?.view.callback_id).toBe(HOME_FILTERS_IDS.callbackId);
    expect(JSON.stringify(modal?.view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Type: All"',
    );

    const view = await filtered(ALICE, { type: 'user' });
    expect(listQueries(h).at(-1)?.query).toMatchObject({ session_type: 'user' });
    expect(summary(view)).toBe('Your number');
    expect(findButtons(view).map((b) => b.text)).toContain('Clear filters');

    await reopen(ALICE);
    expect(listQueries(h).at(-1)?.query).toMatchObject({ session_type: 'user' });
    const reopened = h.slack.modals.length;
    await act(ALICE, { type: 'button', action_id: HOME_ACTION_IDS.openFilters, value: '' });
    await h.slack.waitFor(() => h.slack.modals.length > reopened, 'the Filters… modal again');
    expect(JSON.stringify(h.slack.modals[reopened]?.view)).toContain('"text":"Type: Your number"');

    const cleared = await clearFilters(ALICE);
    expect(listQueries(h).at(-1)?.query).toMatchObject({ session_type: 'all' });
    expect(summary(cleared)).toBe('none');
    expect(findButtons(cleared).map((b) => b.text)).not.toContain('Clear filters');
  });

  it('sends the chosen window and filter type to Zoom as the viewer’s days', async () => {
    const view = await filtered(ALICE, {
      match: 'sent_message_time',
      from: day(-10),
      to: day(-1),
    });
    const query = listQueries(h).at(-1)?.query;
    expect(query).toMatchObject({ filter_type: 'sent_message_time' });
    expect(query?.from).toMatch(new RegExp(`^${day(-11)}T2[23]:00:00Z$`));
    expect(query?.to).toMatch(new RegExp(`^${day(-1)}T2[12]:59:59Z$`));
    expect(summary(view)).toMatch(
      /^\w{3} \d{1,2}(, \d{4})? – \w{3} \d{1,2}(, \d{4})? · By time sent$/,
    );

    const reset = await clearFilters(ALICE);
    expect(visibleText(reset)).toContain('Contact 1');
  });

  it('pages forward and back within the Home tab', async () => {
    const first = await settled(
      ALICE,
      await act(ALICE, { type: 'button', action_id: HOME_ACTION_IDS.refresh }),
    );
    const second = await settled(ALICE, await act(ALICE, press(first, /^next$/i)));
    expect(visibleText(second)).toContain('Contact 11');
    expect(visibleText(second)).toContain('11–20, newest first');
    const back = await settled(ALICE, await act(ALICE, press(second, /previous/i)));
    expect(visibleText(back)).toContain('Contact 1');
    expect(visibleText(back)).not.toContain('Contact 11');
    expect(visibleText(back)).toContain('1–10, newest first');
  });

  it('answers a window longer than MAX_RANGE_MONTHS, reversed or in the future beside its field, without asking Zoom', async () => {
    const zoomCalls = h.zoom.countCalls('list');
    const publishes = h.slack.publishes.length;
    const tooLong = await applyFilters(ALICE, { from: day(-400), to: day(-1) });
    expect(tooLong.answer).toMatchObject({ response_action: 'errors' });
    expect(tooLong.answer?.errors).toStrictEqual({
      [HOME_FILTERS_IDS.fromBlock]: expect.stringMatching(/more than 12 months apart/),
    });
    const reversed = await applyFilters(ALICE, { from: day(-1), to: day(-5) });
    expect(reversed.answer?.errors).toStrictEqual({
      [HOME_FILTERS_IDS.toBlock]: expect.stringMatching(/before the From date/),
    });
    const future = await applyFilters(ALICE, { from: day(3) });
    expect(future.answer?.errors).toStrictEqual({
      [HOME_FILTERS_IDS.fromBlock]: expect.stringMatching(/in the future/),
    });
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
    expect(h.slack.publishes.length).toBe(publishes);
  });

  it('answers a phone number that is not one beside the field, and filters by one that is', async () => {
    const zoomCalls = h.zoom.countCalls('list');
    const bad = await applyFilters(ALICE, { phone: 'call me maybe' });
    expect(bad.answer?.errors).toStrictEqual({
      [HOME_FILTERS_IDS.phoneBlock]: expect.stringMatching(/doesn't look like a phone number/),
    });
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
    const good = await filtered(ALICE, { phone: '+1 200 555 0100' });
    expect(listQueries(h).at(-1)?.query).toMatchObject({ phone_number: '12005550100' });
    expect(summary(good)).toBe('+1 200 555 0100');
    expect(visibleText(good)).toContain('Contact 1');
    expect(visibleText(good)).not.toContain('Contact 2');
    const cleared = await clearFilters(ALICE);
    expect(visibleText(cleared)).toContain('Contact 10');
    expect(visibleText(cleared)).not.toContain('with +1');
  });

  it('lets an admin pick another person, and shows the picker to admins only', async () => {
    const own = await settled(ADMIN, await open(ADMIN));
    expect(JSON.stringify(own)).toContain(HOME_ACTION_IDS.pickUser);
    const picked = await settled(
      ADMIN,
      await act(ADMIN, {
        type: 'users_select',
        action_id: HOME_ACTION_IDS.pickUser,
        selected_user: ALICE,
      }),
    );
    expect(decodeURIComponent(listQueries(h).at(-1)?.path ?? '')).toBe(
      '/v2/phone/users/alice@example.com/sms/sessions',
    );
    expect(visibleText(picked)).toContain(`Person: @${ALICE}`);
    expect(visibleText(picked)).toContain('Contact 1');
    expect(JSON.stringify(picked)).toContain(`"initial_user":"${ALICE}"`);
  });

  it('starts from clean filters when an admin picks another person', async () => {
    await reopen(ADMIN);
    const own = await filtered(ADMIN, { phone: '+1 512 555 0176', from: day(-20), type: 'user' });
    expect(summary(own)).toMatch(/^From \w{3} \d{1,2}(, \d{4})? · \+1 512 555 0176 · /);
    const picked = await settled(
      ADMIN,
      await act(ADMIN, {
        type: 'users_select',
        action_id: HOME_ACTION_IDS.pickUser,
        selected_user: BOB,
      }),
    );
    const query = listQueries(h).at(-1)?.query;
    expect(query).toMatchObject({ session_type: 'all', filter_type: 'last_message_time' });
    expect(query).not.toHaveProperty('phone_number');
    expect(JSON.stringify(picked)).not.toContain('512 555 0176');
    expect(summary(picked)).toBe('none');
    expect(visibleText(picked)).toContain('Past 30 days · All types');
    expect(visibleText(picked)).toContain(`Person: @${BOB}`);
    // Back to Alice, as the tests after this one expect the admin's tab to be.
    await settled(
      ADMIN,
      await act(ADMIN, {
        type: 'users_select',
        action_id: HOME_ACTION_IDS.pickUser,
        selected_user: ALICE,
      }),
    );
  });

  it('refuses a non-admin’s forged pick-user action and never asks Zoom', async () => {
    await settled(BOB, await open(BOB));
    const zoomCalls = h.zoom.countCalls('list');
    const refused = await settled(
      BOB,
      await act(BOB, {
        type: 'users_select',
        action_id: HOME_ACTION_IDS.pickUser,
        selected_user: ALICE,
      }),
    );
    expect(visibleText(refused)).toMatch(/only admins/i);
    expect(visibleText(refused)).not.toContain('Contact');
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
    expect(JSON.stringify(refused)).not.toContain(HOME_ACTION_IDS.pickUser);

    await settled(BOB, await act(BOB, { type: 'button', action_id: HOME_ACTION_IDS.refresh }));
    expect(decodeURIComponent(listQueries(h).at(-1)?.path ?? '')).toBe(
      '/v2/phone/users/bob@example.com/sms/sessions',
    );
  });

  it('refuses a non-admin replaying an admin’s Next button without asking Zoom', async () => {
    const adminView = h.slack.homeView(ADMIN);
    if (adminView === undefined) throw new Error('the admin test runs first');
    const zoomCalls = h.zoom.countCalls('list');
    const refused = await settled(BOB, await act(BOB, press(asView(adminView), /^next$/i)));
    expect(visibleText(refused)).toMatch(/only admins/i);
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
  });

  it('answers an altered Filters… form beside its first field, without asking Zoom', async () => {
    const zoomCalls = h.zoom.countCalls('list');
    const altered = await applyFilters(BOB, { type: 'fax' });
    expect(altered.answer?.errors).toStrictEqual({
      [HOME_FILTERS_IDS.typeBlock]: expect.stringMatching(/older version of the app/),
    });
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
  });

  it.each([
    [
      'page button',
      { type: 'button', action_id: HOME_ACTION_IDS.pageNext, value: '{"v":1,"s":"x"}' },
    ],
    ['element', { type: 'button', action_id: HOME_ACTION_IDS.pickUser, value: 'U0ALICE01' }],
  ])('explains an altered %s without asking Zoom', async (_name, action) => {
    const zoomCalls = h.zoom.countCalls('list');
    const view = await settled(BOB, await act(BOB, action));
    expect(visibleText(view)).toMatch(/old or altered view/);
    expect(h.zoom.countCalls('list')).toBe(zoomCalls);
  });

  it.each([
    [STRANGER, /No matching Zoom user[\s\S]*nobody@example.com/],
    [NO_PHONE, /No Zoom Phone licence/],
    [NO_EMAIL, /No Zoom account linked/],
  ])('explains what to do when %s cannot be listed', async (user, message) => {
    const view = await settled(user, await open(user));
    expect(visibleText(view)).toMatch(message);
    // Without a licence the filters would change nothing: the explanation alone.
    expect(findButtons(view).map((b) => b.actionId)).toEqual(
      user === NO_PHONE ? [] : [HOME_ACTION_IDS.openFilters, HOME_ACTION_IDS.refresh],
    );
  });

  it('shows page 1 at once, saying so in one line, when the page token has expired', async () => {
    const first = await settled(
      ALICE,
      await act(ALICE, { type: 'button', action_id: HOME_ACTION_IDS.refresh }),
    );
    h.zoomClock.advance(16 * 60 * 1000);
    const restarted = await settled(ALICE, await act(ALICE, press(first, /^next$/i)));
    expect(visibleText(restarted)).toContain(
      'That page link had expired, so this is page 1 again.',
    );
    expect(visibleText(restarted)).toContain('Contact 1');
    expect(visibleText(restarted)).toContain('1–10, newest first');
    expect(findButtons(restarted).map((b) => b.text)).not.toContain('Start over');
    const again = await settled(
      ALICE,
      await act(ALICE, { type: 'button', action_id: HOME_ACTION_IDS.refresh }),
    );
    expect(visibleText(again)).not.toContain('had expired');
  });

  it('says Zoom is not answering, and Try again shows the page', async () => {
    h.zoom.failNext(
      { status: 503, body: '<html>Service Unavailable</html>' },
      { kind: 'list', times: 3 },
    );
    const failed = await settled(
      BOB,
      await act(BOB, { type: 'button', action_id: HOME_ACTION_IDS.refresh }),
    );
    expect(visibleText(failed)).toMatch(/Zoom isn't answering/);
    expect(visibleText(failed)).not.toContain('Contact 1');
    const retried = await settled(BOB, await act(BOB, press(failed, /^try again$/i)));
    expect(visibleText(retried)).toContain('Contact 1');
  });

  it('answers an action sent from a stale view, as the newest update', async () => {
    const view = await settled(
      BOB,
      await act(BOB, { type: 'button', action_id: HOME_ACTION_IDS.refresh }, 'stale-hash'),
    );
    expect(visibleText(view)).toContain('Contact 1');
  });

  it('never lets an older answer overwrite a newer one', async () => {
    h.zoom.setLatency(600);
    try {
      const { before } = await applyFilters(BOB, { type: 'all' });
      await h.slack.waitFor(() => publishesOf(BOB, before).length > 0, 'the first Loading…');
      await applyFilters(BOB, { type: 'call_queue' });
      const final = await settled(BOB, before);
      expect(summary(final)).toBe('Call queues');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const finals = publishesOf(BOB, before).filter((p) => !isLoading(p.view));
      expect(finals).toHaveLength(1);
      const shown = h.slack.homeView(BOB);
      expect(shown === undefined ? undefined : summary(asView(shown))).toBe('Call queues');
    } finally {
      h.zoom.setLatency(0);
    }
  });

  it('explains a Zoom rate limit, with a Try again button', async () => {
    h.zoom.failNext(
      {
        status: 429,
        headers: { 'Retry-After': '120' },
        body: { code: 429, message: 'You have reached the maximum per-second rate limit.' },
      },
      { kind: 'list' },
    );
    const busy = await settled(
      ADMIN,
      await act(ADMIN, { type: 'button', action_id: HOME_ACTION_IDS.refresh }),
    );
    expect(visibleText(busy)).toMatch(/Zoom[\s\S]*Try again in about 2 minutes/);
    expect(findButtons(busy).map((b) => b.text)).toContain('Try again');
  });

  it('never writes a typed phone number or a token to the log', () => {
    const log = h.logLines.join('\n');
    expect(log).toContain('app_home_opened');
    for (const secret of [
      '12005550100',
      '+1 200 555 0100',
      'call me maybe',
      'xoxb-test-bot-token',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
