import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { SessionQuery } from '../../src/query/types.js';
import { toSmsSessionsParams } from '../../src/zoom/query-params.js';

const query: SessionQuery = {
  sessionType: 'call_queue',
  filterType: 'sent_received_message_time',
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 25,
};

// Query parameters of https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
describe('toSmsSessionsParams', () => {
  it('sends every query field under Zoom’s name when there is no page token', () => {
    expect(toSmsSessionsParams(query)).toStrictEqual({
      page_size: 25,
      session_type: 'call_queue',
      filter_type: 'sent_received_message_time',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-26T12:00:00Z',
    });
  });

  it('adds phone_number and next_page_token when present', () => {
    expect(toSmsSessionsParams({ ...query, phoneNumber: '18108001001' }, 'tok-2')).toMatchObject({
      phone_number: '18108001001',
      next_page_token: 'tok-2',
    });
  });

  it('omits next_page_token when the token is empty (first page)', () => {
    expect(toSmsSessionsParams(query, '')).not.toHaveProperty('next_page_token');
  });

  it.each([0, 101, 2.5, Number.NaN])('refuses page size %d before Zoom sees it', (pageSize) => {
    const call = () => toSmsSessionsParams({ ...query, pageSize });
    expect(call).toThrow(AppError);
    expect(call).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGS',
        detail: { reason: 'bad-size', value: String(pageSize), limit: 100 },
      }),
    );
  });

  it('accepts Zoom’s maximum page size of 100', () => {
    expect(toSmsSessionsParams({ ...query, pageSize: 100 }).page_size).toBe(100);
  });
});
