import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL } from '../../src/demo-zoom/index.js';
import { closeDemoZooms, listPage, listPath, startDemoZoom } from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
describe('createDemoZoom: next_page_token', () => {
  const twoPages = async () => {
    const harness = await startDemoZoom();
    const first = await listPage(harness, DEMO_ADMIN_EMAIL, { page_size: '5' });
    return { harness, token: first.next_page_token ?? '' };
  };

  it('continues the listing when replayed with the same query, as often as asked', async () => {
    const { harness, token } = await twoPages();
    const again = { page_size: '5', next_page_token: token };
    const second = await listPage(harness, DEMO_ADMIN_EMAIL, again);
    expect(second.sms_sessions).toHaveLength(5);
    expect((await listPage(harness, DEMO_ADMIN_EMAIL, again)).sms_sessions).toEqual(
      second.sms_sessions,
    );
  });

  it('still works at 15 minutes and expires after 15 minutes on the injected clock', async () => {
    const { harness, token } = await twoPages();
    harness.clock.advance(15 * 60_000);
    expect(
      (await harness.get(listPath(DEMO_ADMIN_EMAIL), { page_size: '5', next_page_token: token }))
        .status,
    ).toBe(200);
    harness.clock.advance(1000);
    expect(
      await harness.get(listPath(DEMO_ADMIN_EMAIL), { page_size: '5', next_page_token: token }),
    ).toMatchObject({
      status: 400,
      body: { code: 400, message: 'The next page token is invalid or expired.' },
    });
  });

  it.each([
    {
      name: 'another filter_type',
      user: DEMO_ADMIN_EMAIL,
      query: { filter_type: 'sent_message_time' },
    },
    { name: 'another session_type', user: DEMO_ADMIN_EMAIL, query: { session_type: 'all' } },
    {
      name: 'another window',
      user: DEMO_ADMIN_EMAIL,
      query: { from: '2026-11-01', to: '2026-11-20' },
    },
    {
      name: 'a phone_number filter',
      user: DEMO_ADMIN_EMAIL,
      query: { phone_number: '13125550142' },
    },
    { name: 'another user', user: 'bob@example.com', query: {} },
  ])('is refused with $name', async ({ user, query }) => {
    const { harness, token } = await twoPages();
    expect(
      await harness.get(listPath(user), { page_size: '5', ...query, next_page_token: token }),
    ).toMatchObject({ status: 400, body: { code: 400 } });
  });

  it('is refused when it was never issued', async () => {
    const harness = await startDemoZoom();
    expect(
      await harness.get(listPath(DEMO_ADMIN_EMAIL), { next_page_token: 'x'.repeat(35) }),
    ).toMatchObject({
      status: 400,
      body: { code: 400, message: 'The next page token is invalid or expired.' },
    });
  });

  it('is "" on the last page', async () => {
    const harness = await startDemoZoom();
    const body = await listPage(harness, DEMO_ADMIN_EMAIL, { page_size: '100' });
    expect(body.next_page_token).toBe('');
  });
});
