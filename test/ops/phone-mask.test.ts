import { describe, expect, it } from 'vitest';
import { maskPhoneNumbers } from '../../src/ops/phone-mask.js';

describe('maskPhoneNumbers', () => {
  it.each([
    ['Zoom’s digits-only form', 'from 18108001001', 'from ***01'],
    ['E.164', 'to +14155550134.', 'to ***34.'],
    ['a typed number with spaces and brackets', '+1 (415) 555-0134', '***34'],
    ['dots', '415.555.0100', '***00'],
    ['a quoted filter', 'phone:"+1 415 555 0100"', 'phone:"***00"'],
    ['a UK number', '+44 20 7946 0958', '***58'],
    ['a number after a date', 'from 2026-10-01 18108001001', 'from 2026-10-01 ***01'],
    ['two numbers', '(415) 555-0134 and +44 20 7946 0958', '***34 and ***58'],
  ])('masks %s', (_name, text, masked) => {
    expect(maskPhoneNumbers(text)).toBe(masked);
  });

  it.each([
    ['a Slack user id', 'U0ALICE01'],
    ['a UUID', '3b241101-e2bb-4255-8caf-413612345678'],
    ['a date', '2026-10-01'],
    ['an ISO instant', '2026-11-26T12:00:00.000Z'],
    ['an IPv4 address and port', '192.168.100.200:3000'],
    ['a Slack message ts', '1700000000.000100'],
    ['a short number', 'port 3000, 12 sessions'],
    ['a Zoom tracking id', 'v=2.0;clid=us06;rid=WEB_1234567890abc'],
  ])('keeps %s', (_name, text) => {
    expect(maskPhoneNumbers(text)).toBe(text);
  });
});
