import { describe, expect, it } from 'vitest';
import { decodeAuditRequest, encodeAuditRequest } from '../../src/core/audit-request.js';

describe('encodeAuditRequest / decodeAuditRequest', () => {
  it('round-trips a request, with and without a person', () => {
    const all = { limit: 10, details: true };
    expect(decodeAuditRequest(encodeAuditRequest(all))).toEqual(all);
    const about = { limit: 3, details: false, subjectSlackUserId: 'U0BOB0001' };
    expect(decodeAuditRequest(encodeAuditRequest(about))).toEqual(about);
  });

  it.each([
    ['not JSON', 'nope'],
    ['too many entries', '{"n":500,"d":true}'],
    ['a forged person', '{"s":"<!channel>","n":3,"d":true}'],
    ['an extra field', '{"n":3,"d":true,"actor":"U0ADMIN01"}'],
  ])('refuses %s as BAD_BUTTON', (_why, value) => {
    expect(() => decodeAuditRequest(value)).toThrow(
      expect.objectContaining({ code: 'BAD_BUTTON' }),
    );
  });
});
