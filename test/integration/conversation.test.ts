import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  createDemoZoom,
  demoSession,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import {
  decodeConversationCursor,
  encodeConversationCursor,
} from '../../src/query/conversation-cursor.js';
import { decodeCursor, encodeCursor } from '../../src/query/cursor-wire.js';
import { ACTION_IDS, OPEN_ACTION_ID_PATTERN, SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import {
  expectValidMessage,
  expectValidModal,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import type { RecordedModal } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });
const admin = demoUser({ email: 'ada@example.com' });
const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60_000);

const dana = { name: 'Dana <Whitfield> & Co', phoneNumber: '18108001001' };
const chat = demoSession({
  owner: alice,
  at: minutesAgo(1),
  contacts: [dana],
  messages: Array.from({ length: 30 }, (_, i) => ({
    direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
    at: minutesAgo(1 + i * 10),
    text: `Line ${i} <b>&`,
    ...(i === 2
      ? {
          attachments: [
            {
              id: 'PhOtO00000000000000001',
              name: 'IMG_1.jpg',
              size: 225_740,
              type: 'JPG' as const,
            },
          ],
        }
      : {}),
  })),
});
const users = [
  { id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' },
  { id: BOB, email: 'bob@example.com', tz: 'America/Los_Angeles', name: 'Bob' },
  { id: ADMIN, email: 'ada@example.com', tz: 'UTC', name: 'Ada' },
];
const dataset = buildDataset({
  users: [alice, bob, admin],
  sessions: [
    chat,
    ...demoSessions(alice, 30, { newest: minutesAgo(400), spacingMs: 60_000 }),
    ...demoSessions(bob, 2, { newest: minutesAgo(5) }),
  ],
});

interface Answer {
  text: string;
  blocks: unknown[];
}

describe('reading a conversation over the real Bolt receiver', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ users, admins: [ADMIN], dataset });
  });

  afterAll(async () => {
    await h?.close();
  });

  const listing = async (user: string, text = '') =>
    (await h.slack.nextResponse((await h.command(user, text)).id)) as unknown as Answer;

  /** The value of the Open button of `sessionId` in a listing. */
  const openValue = (answer: Answer, sessionId: string): { actionId: string; value: string } => {
    const button = findButtons(answer).find(
      (b) =>
        OPEN_ACTION_ID_PATTERN.test(b.actionId ?? '') &&
        decodeConversationCursor(h.unseal(b.value ?? '')).sessionId === sessionId,
    );
    if (button?.actionId === undefined || button.value === undefined) throw new Error('no Open');
    return { actionId: button.actionId, value: button.value };
  };

  /** Waits for the `n`-th `views.update` (counting from `after`) and returns it. */
  const filled = async (after: number): Promise<RecordedModal> => {
    await h.slack.waitFor(
      () => h.slack.modals.slice(after).some((m) => m.via === 'views.update'),
      'the modal to be filled',
    );
    const modal = h.slack.modals.slice(after).find((m) => m.via === 'views.update');
    if (modal === undefined) throw new Error('unreachable');
    expectValidModal(modal.view as unknown as ModalView);
    return modal;
  };

  const open = async (user: string, button: { actionId: string; value: string }) => {
    const before = h.slack.modals.length;
    const { ack } = await h.act(user, {
      type: 'button',
      action_id: button.actionId,
      value: button.value,
    });
    expect(ack.status).toBe(200);
    const modal = await filled(before);
    const loading = h.slack.modals.slice(before).find((m) => m.via === 'views.open');
    expect(loading?.viewId).toBe(modal.viewId);
    expect(h.slack.modals.indexOf(loading as RecordedModal)).toBeLessThan(
      h.slack.modals.indexOf(modal),
    );
    expectValidModal(loading?.view as unknown as ModalView);
    expect(visibleText(loading?.view as unknown as Answer)).toMatch(/loading/i);
    return modal;
  };

  const press = async (modal: RecordedModal, label: RegExp, user = ALICE) => {
    const button = findButtons(modal.view as unknown as Answer).find((b) => label.test(b.text));
    if (button?.actionId === undefined) throw new Error(`no ${label} in the modal`);
    const before = h.slack.modals.length;
    await h.actInModal(user, modal, {
      type: 'button',
      action_id: button.actionId,
      value: button.value,
    });
    return filled(before);
  };

  it('opens a loading modal at once, then shows the newest messages, and pages Older / Newer', async () => {
    const answer = await listing(ALICE);
    expectValidMessage(answer);
    const modal = await open(ALICE, openValue(answer, chat.id));
    const text = visibleText(modal.view as unknown as Answer);
    expect(text).toContain('With: Dana <Whitfield> & Co (+1 810 800 1001)');
    expect(text).toContain('Line 0 <b>&');
    expect(text).toContain('Line 24 <b>&');
    expect(text).not.toContain('Line 25 ');
    expect(text).toContain('IMG_1.jpg (JPG, 226 KB)');
    expect(text).not.toMatch(/Incoming|Received/);
    expect((modal.view as unknown as ModalView).title.text).toBe('Dana <Whitfield> & Co');
    const details = h.zoom.requests.filter((r) => r.kind === 'details');
    expect(details.at(-1)?.query).toMatchObject({ page_size: '25', sort: '2' });

    const older = await press(modal, /older/i);
    const olderText = visibleText(older.view as unknown as Answer);
    expect(olderText).toContain('Line 29 <b>&');
    expect(olderText).not.toContain('Line 24 ');
    expect(older.viewId).toBe(modal.viewId);

    const newer = await press(older, /newer/i);
    expect(visibleText(newer.view as unknown as Answer)).toContain('Line 0 <b>&');
    expect(h.logLines.some((line) => line.includes('"action":"open"'))).toBe(true);
    expect(h.logLines.some((line) => line.includes('"action":"conversation-page"'))).toBe(true);
  });

  it('refuses a member replaying someone else’s Open button, without asking Zoom for details', async () => {
    const button = openValue(await listing(ALICE), chat.id);
    const before = h.zoom.countCalls('details');
    const modal = await open(BOB, button);
    const text = visibleText(modal.view as unknown as Answer);
    expect(text).toMatch(/can't see someone else's SMS conversations/i);
    expect(text).not.toContain('Line 0');
    expect(h.zoom.countCalls('details')).toBe(before);
  });

  it('shows nothing when a member names himself but opens someone else’s session', async () => {
    const real = decodeConversationCursor(h.unseal(openValue(await listing(ALICE), chat.id).value));
    const forged = encodeConversationCursor({
      ...real,
      subject: { kind: 'slack-user', slackUserId: BOB },
    });
    const modal = await open(BOB, {
      actionId: 'sms_sessions.open.1',
      value: h.seal(forged ?? ''),
    });
    const text = visibleText(modal.view as unknown as Answer);
    expect(text).toMatch(/old or altered/);
    expect(text).not.toContain('Line 0');
  });

  it('lets an admin open a conversation from someone else’s listing', async () => {
    const answer = await listing(ADMIN, `<@${ALICE}>`);
    const modal = await open(ADMIN, openValue(answer, chat.id));
    expect(visibleText(modal.view as unknown as Answer)).toContain('Line 0 <b>&');
  });

  it('offers "Open a conversation…" on a packed listing and pushes the pick over the picker', async () => {
    // A chat message is asked for at most 25 a page; a larger page comes only from an older
    // button, whose cursor asked Zoom for more. Replay one of 30.
    const first = await listing(ALICE);
    const exported = findButtons(first).find((b) => b.actionId === SESSION_ACTION_IDS.exportCsv);
    const cursor = decodeCursor(h.unseal(exported?.value ?? ''));
    const older = encodeCursor({ ...cursor, query: { ...cursor.query, pageSize: 30 } });
    const { id } = await h.act(ALICE, {
      type: 'button',
      action_id: ACTION_IDS.pageStartOver,
      value: h.seal(older),
    });
    const answer = (await h.slack.nextResponse(id)) as unknown as Answer;
    expectValidMessage(answer);
    const picker = findButtons(answer).find((b) => b.actionId === SESSION_ACTION_IDS.openPicker);
    expect(findButtons(answer).some((b) => OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''))).toBe(
      false,
    );
    const modal = await open(ALICE, {
      actionId: picker?.actionId ?? '',
      value: picker?.value ?? '',
    });
    const view = modal.view as unknown as ModalView;
    const select = JSON.stringify(view.blocks);
    expect(select).toContain(SESSION_ACTION_IDS.openPicked);
    const options = (
      view.blocks.find((b) => b.type === 'actions') as {
        elements: { options: { value: string }[] }[];
      }
    ).elements[0]?.options;
    expect(options).toHaveLength(30);
    const pick = options?.find(
      (o) => decodeConversationCursor(h.unseal(o.value)).sessionId === chat.id,
    );
    const before = h.slack.modals.length;
    await h.actInModal(ALICE, modal, {
      type: 'static_select',
      action_id: SESSION_ACTION_IDS.openPicked,
      selected_option: { text: { type: 'plain_text', text: 'Dana' }, value: pick?.value },
    });
    const conversation = await filled(before);
    const pushed = h.slack.modals.slice(before).find((m) => m.via === 'views.push');
    expect(pushed?.viewId).toBeDefined();
    expect(conversation.viewId).toBe(pushed?.viewId);
    expect(conversation.viewId).not.toBe(modal.viewId);
    expect(h.slack.modal(modal.viewId)?.view).toMatchObject({
      title: { text: 'Open a conversation' },
    });
    expect(visibleText(conversation.view as unknown as Answer)).toContain('Line 0 <b>&');
  });
});

describe('reading a conversation when Zoom lacks the session-details scope', () => {
  let h: Harness;

  beforeAll(async () => {
    const zoom = createDemoZoom({
      clock: createFakeClock(new Date().toISOString()),
      dataset,
      credentials: ZOOM_CREDENTIALS,
      grantedScopes: ['phone:read:list_sms_sessions:admin', 'user:read:admin'],
    });
    const address = await zoom.listen();
    h = await startHarness({ users, dataset, admins: [ALICE], zoom: { zoom, address } });
    return () => zoom.close();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('tells an admin, naming phone:read:sms_session:admin', async () => {
    const answer = (await h.slack.nextResponse(
      (
        await h.command(ALICE, '')
      ).id,
    )) as unknown as Answer;
    const button = findButtons(answer).find((b) => OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''));
    const before = h.slack.modals.length;
    await h.act(ALICE, { type: 'button', action_id: button?.actionId, value: button?.value });
    await h.slack.waitFor(
      () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
      'the modal to be filled',
    );
    const modal = h.slack.modals.slice(before).find((m) => m.via === 'views.update');
    expectValidModal(modal?.view as unknown as ModalView);
    const text = visibleText(modal?.view as unknown as Answer);
    expect(text).toContain("The app can't read conversations yet");
    expect(text).toContain('phone:read:sms_session:admin');
  });
});
