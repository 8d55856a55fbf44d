import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL } from '../../src/demo-zoom/index.js';
import { zoomSmsSessionsPageSchema } from '../../src/zoom/schemas.js';
import {
  closeDemoZooms,
  DAY_MS,
  listPage,
  listPath,
  NOW,
  startDemoZoom,
} from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
describe('createDemoZoom: GET /phone/users/{userId}/sms/sessions', () => {
  it('answers exactly the spec’s shape, 30 sessions a page by default', async () => {
    const harness = await startDemoZoom();
    const answer = await harness.get(listPath(DEMO_ADMIN_EMAIL));
    const body = zoomSmsSessionsPageSchema.parse(answer.body);
    expect(Object.keys(answer.body as object).sort()).toEqual([
      'next_page_token',
      'page_size',
      'sms_sessions',
    ]);
    expect(body.page_size).toBe(30);
    expect(body.sms_sessions).toHaveLength(30);
    expect(body.next_page_token).toMatch(/^[A-Za-z0-9]{35}$/);
    const first = body.sms_sessions?.[0];
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'last_access_time',
      'participants',
      'session_id',
      'session_type',
    ]);
    expect(first?.session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(first?.last_access_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first?.participants?.[0]).toEqual({
      display_name: 'Alice Martin',
      phone_number: '14155550101',
      is_session_owner: true,
      owner: { id: 'Qa7Lw2XkTnGmAl1cE5bY0w', type: 'user' },
    });
    expect(first?.participants?.slice(1).every((p) => p.is_session_owner === false)).toBe(true);
  });

  it('returns every session exactly once, newest first, when paging to the end', async () => {
    const harness = await startDemoZoom();
    const nowMs = Date.parse(NOW);
    const alice = harness.dataset.users.find((user) => user.email === DEMO_ADMIN_EMAIL);
    const lines = [...harness.dataset.callQueues, ...harness.dataset.autoReceptionists];
    const owners = new Set([
      alice?.id,
      ...lines.filter((line) => line.memberIds.includes(alice?.id ?? '')).map((line) => line.id),
    ]);
    const expected = harness.dataset.sessions.filter((session) => {
      const last = Date.parse(session.messages.at(-1)?.at ?? '');
      return owners.has(session.ownerId) && last >= nowMs - 30 * DAY_MS;
    });
    expect(expected.length).toBeGreaterThan(40);

    const seen: { id: string; at: string }[] = [];
    let token = '';
    let pages = 0;
    do {
      const query = {
        session_type: 'all',
        page_size: '7',
        ...(token ? { next_page_token: token } : {}),
      };
      const body = await listPage(harness, DEMO_ADMIN_EMAIL, query);
      for (const s of body.sms_sessions ?? []) {
        seen.push({ id: s.session_id ?? '', at: s.last_access_time ?? '' });
      }
      token = body.next_page_token ?? '';
      pages += 1;
    } while (token !== '');

    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const times = seen.map((s) => s.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('finds a user by email in any case, the same as by id', async () => {
    const harness = await startDemoZoom();
    const byEmail = await listPage(harness, 'ALICE@Example.COM');
    const byId = await listPage(harness, 'Qa7Lw2XkTnGmAl1cE5bY0w');
    expect(byEmail.sms_sessions).toEqual(byId.sms_sessions);
  });

  it.each([
    {
      user: 'nobody@example.com',
      status: 404,
      body: { code: 1001, message: 'User does not exist: nobody@example.com' },
    },
    { user: 'me', status: 400, body: { code: 300, message: 'Invalid user id.' } },
    {
      user: 'priya@example.com',
      status: 403,
      body: { code: 2031, message: 'Zoom Phone has not been enabled for this user.' },
    },
  ])('answers $status / $body.code for user $user', async ({ user, status, body }) => {
    const harness = await startDemoZoom();
    expect(await harness.get(listPath(user))).toMatchObject({ status, body });
  });

  it.each([
    { query: { page_size: '101' }, code: 300, field: 'page_size' },
    { query: { page_size: '0' }, code: 300, field: 'page_size' },
    { query: { page_size: 'ten' }, code: 300, field: 'page_size' },
    { query: { page_size: '2.5' }, code: 300, field: 'page_size' },
    { query: { filter_type: 'first_message_time' }, code: 300, field: 'filter_type' },
    { query: { from: '2026-11-01' }, code: 300, field: 'to' },
    { query: { from: '2026-10-01', to: '2026-11-02' }, code: 300, field: 'to' },
    { query: { from: '2026-10-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, code: 300, field: 'to' },
    { query: { from: '2026/11/01', to: '2026-11-20' }, code: 300, field: 'from' },
    { query: { from: '2026-02-30', to: '2026-03-02' }, code: 300, field: 'from' },
    { query: { from: '2026-11-01', to: '2026-11-20T25:00:00Z' }, code: 300, field: 'to' },
    { query: { from: '2026-11-20', to: '2026-11-01' }, code: 300, field: 'from' },
  ])('refuses $query with 400 / $code naming $field', async ({ query, code, field }) => {
    const harness = await startDemoZoom();
    const answer = await harness.get(listPath(DEMO_ADMIN_EMAIL), query);
    expect(answer).toMatchObject({
      status: 400,
      body: { code, message: 'Validation Failed.', errors: [{ field }] },
    });
  });

  it('refuses an unknown session_type with 400 / 400 as the spec words it', async () => {
    const harness = await startDemoZoom();
    expect(await harness.get(listPath(DEMO_ADMIN_EMAIL), { session_type: 'group' })).toMatchObject({
      status: 400,
      body: { code: 400, message: 'SMS session type is invalid.' },
    });
  });

  it.each([
    { page_size: '100' },
    { from: '2026-10-01', to: '2026-11-01' },
    { from: '2026-10-01T07:00:00Z', to: '2026-11-01T06:59:59Z' },
    { from: '2026-10-31T22:00:00Z', to: '2026-11-30T22:59:59Z' },
    { from: '2026-11-01', to: '2026-11-20T00:00:00Z' },
  ])('accepts %o', async (query) => {
    const harness = await startDemoZoom();
    expect((await harness.get(listPath(DEMO_ADMIN_EMAIL), query)).status).toBe(200);
  });
});
