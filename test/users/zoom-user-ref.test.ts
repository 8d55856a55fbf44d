import { describe, expect, it } from 'vitest';
import {
  EMAIL_MAX_CHARS,
  isZoomUserRef,
  parseZoomUserRef,
  zoomUserDomain,
} from '../../src/users/zoom-user-ref.js';

describe('parseZoomUserRef', () => {
  it.each([
    ['carol@example.com', 'carol@example.com'],
    ['Carol.Smith+sms@Example.COM', 'carol.smith+sms@example.com'],
    ['<mailto:carol@example.com|carol@example.com>', 'carol@example.com'],
    ['<mailto:Carol@Example.com>', 'carol@example.com'],
    ['KDcuGIm1QgePTO8WbOqwIQ', 'KDcuGIm1QgePTO8WbOqwIQ'],
    ['z8yCxjab-dEFGHfp8uQ_', 'z8yCxjab-dEFGHfp8uQ_'],
  ])('reads %j as %j when it is an email or a Zoom user id', (typed, expected) => {
    expect(parseZoomUserRef(typed)).toBe(expected);
  });

  it.each([
    ['me', 'the word Zoom forbids Server-to-Server apps'],
    ['carol', 'a bare name'],
    ['carol@', 'an email without a domain'],
    ['carol@example', 'an email without a top-level domain'],
    ['@example.com', 'an email without a local part'],
    ['carol smith@example.com', 'an email with a space'],
    ['<@U123ABC>', 'a Slack mention'],
    ['<mailto:carol|carol>', 'a mailto that is not an email'],
    ['short-id', 'an id shorter than Zoom issues'],
    [`${'a'.repeat(EMAIL_MAX_CHARS)}@example.com`, 'an email longer than SMTP allows'],
    ['', 'nothing'],
  ])('refuses %j when it is %s', (typed) => {
    expect(parseZoomUserRef(typed)).toBeUndefined();
  });
});

describe('isZoomUserRef', () => {
  it('accepts a reference when it is already normalised', () => {
    expect(isZoomUserRef('carol@example.com')).toBe(true);
    expect(isZoomUserRef('KDcuGIm1QgePTO8WbOqwIQ')).toBe(true);
  });

  it('refuses a reference when it still needs normalising', () => {
    expect(isZoomUserRef('Carol@example.com')).toBe(false);
    expect(isZoomUserRef('<mailto:carol@example.com>')).toBe(false);
    expect(isZoomUserRef(' carol@example.com')).toBe(false);
  });
});

describe('zoomUserDomain', () => {
  it('keeps only the domain when the Zoom user is an email', () => {
    expect(zoomUserDomain('carol@Example.com')).toBe('example.com');
  });

  it('says id when the Zoom user is an id', () => {
    expect(zoomUserDomain('KDcuGIm1QgePTO8WbOqwIQ')).toBe('id');
  });
});
