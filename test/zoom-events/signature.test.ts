import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkZoomSignature,
  encryptedToken,
  zoomSignature,
} from '../../src/zoom-events/signature.js';

const SECRET = 'secret-token-123';
const BODY = '{"event":"phone.sms_received"}';
const NOW = new Date('2026-12-06T12:00:00Z');
const seconds = String(Math.floor(NOW.getTime() / 1000));

describe('zoomSignature', () => {
  it('is v0= and the hex HMAC-SHA256 of v0:{timestamp}:{body} (Zoom’s documented recipe)', () => {
    const expected = createHmac('sha256', SECRET).update(`v0:${seconds}:${BODY}`).digest('hex');
    expect(zoomSignature(SECRET, seconds, BODY)).toBe(`v0=${expected}`);
  });
});

describe('encryptedToken', () => {
  it('is the hex HMAC-SHA256 of the plain token', () => {
    expect(encryptedToken(SECRET, 'abc')).toBe(
      createHmac('sha256', SECRET).update('abc').digest('hex'),
    );
  });
});

describe('checkZoomSignature', () => {
  const check = (signature: string | undefined, timestamp: string | undefined, now = NOW) =>
    checkZoomSignature({ secretToken: SECRET, signature, timestamp, rawBody: BODY, now });

  it('accepts Zoom’s signature, with the timestamp in seconds or milliseconds', () => {
    expect(check(zoomSignature(SECRET, seconds, BODY), seconds)).toBeUndefined();
    const ms = String(NOW.getTime());
    expect(check(zoomSignature(SECRET, ms, BODY), ms)).toBeUndefined();
  });

  it.each([
    ['no signature', undefined, seconds, 'missing'],
    ['no timestamp', 'v0=abc', undefined, 'missing'],
    ['a timestamp that is not a number', 'v0=abc', 'yesterday', 'stale'],
    ['another secret', zoomSignature('other', seconds, BODY), seconds, 'mismatch'],
    ['a signature of another length', 'v0=abc', seconds, 'mismatch'],
  ])('refuses %s', (_, signature, timestamp, problem) => {
    expect(check(signature, timestamp)).toBe(problem);
  });

  it('refuses a timestamp more than 5 minutes away either way, and accepts one just inside', () => {
    const at = (offsetMs: number) => String(Math.floor((NOW.getTime() + offsetMs) / 1000));
    for (const offset of [-301_000, 301_000]) {
      expect(check(zoomSignature(SECRET, at(offset), BODY), at(offset))).toBe('stale');
    }
    for (const offset of [-299_000, 299_000]) {
      expect(check(zoomSignature(SECRET, at(offset), BODY), at(offset))).toBeUndefined();
    }
  });
});
