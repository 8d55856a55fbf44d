import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.js';
import { mapZoomError } from '../../src/zoom/map-error.js';
import type { ZoomErrorBody } from '../../src/zoom/schemas.js';
import accountNotFound from '../fixtures/zoom/error-account-not-found.json' with { type: 'json' };
import invalidAccessToken from '../fixtures/zoom/error-invalid-access-token.json' with {
  type: 'json',
};
import invalidUser from '../fixtures/zoom/error-invalid-user.json' with { type: 'json' };
import invitationExpired from '../fixtures/zoom/error-invitation-expired.json' with {
  type: 'json',
};
import missingScopes from '../fixtures/zoom/error-missing-scopes.json' with { type: 'json' };
import pageTokenExpired from '../fixtures/zoom/error-page-token-expired.json' with { type: 'json' };
import phoneNotEnabled from '../fixtures/zoom/error-phone-not-enabled.json' with { type: 'json' };
import rateLimited from '../fixtures/zoom/error-rate-limited.json' with { type: 'json' };
import sessionTypeInvalid from '../fixtures/zoom/error-session-type-invalid.json' with {
  type: 'json',
};
import smsRetrieval from '../fixtures/zoom/error-sms-retrieval.json' with { type: 'json' };
import userNotFound from '../fixtures/zoom/error-user-not-found.json' with { type: 'json' };

const map = (status: number, body: ZoomErrorBody | undefined, pageTokenSent = false) =>
  mapZoomError({ status, body, pageTokenSent });

describe('mapZoomError', () => {
  // Status and code pairs from the error tables of spec/zoom/phone-sms-openapi.json
  // (https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions)
  // and https://developers.zoom.us/docs/api/rest/error-definitions/ (124, 2031, 4711).
  it.each<[string, number, ZoomErrorBody | undefined, boolean, ErrorCode]>([
    ['404/1001 user does not exist', 404, userNotFound, false, 'ZOOM_USER_NOT_FOUND'],
    ['400/1120 invitation expired', 400, invitationExpired, false, 'ZOOM_USER_NOT_FOUND'],
    ['400/300 invalid user id', 400, invalidUser, false, 'ZOOM_INVALID_USER'],
    ['404/7012 error retrieving SMS', 404, smsRetrieval, false, 'ZOOM_SMS_ERROR'],
    ['404/2001 account does not exist', 404, accountNotFound, false, 'ZOOM_AUTH'],
    ['403/2031 Zoom Phone not enabled', 403, phoneNotEnabled, false, 'ZOOM_PHONE_NOT_ENABLED'],
    [
      '403 naming Zoom Phone without a code',
      403,
      { message: 'Zoom Phone is not enabled for this user.' },
      false,
      'ZOOM_PHONE_NOT_ENABLED',
    ],
    ['other 403', 403, { code: 200, message: 'No permission.' }, false, 'ZOOM_AUTH'],
    ['400/4711 missing scopes', 400, missingScopes, false, 'ZOOM_MISSING_SCOPES'],
    ['401/4711 missing scopes', 401, missingScopes, false, 'ZOOM_MISSING_SCOPES'],
    ['401/124 invalid access token', 401, invalidAccessToken, false, 'ZOOM_AUTH'],
    ['401 without a body', 401, undefined, false, 'ZOOM_AUTH'],
    ['400/400 page token expired, token sent', 400, pageTokenExpired, true, 'PAGE_EXPIRED'],
    ['400/400 page token expired, no token sent', 400, pageTokenExpired, false, 'INTERNAL'],
    ['400/400 session type invalid', 400, sessionTypeInvalid, true, 'INTERNAL'],
    [
      '404 with an unknown code',
      404,
      { code: 404, message: 'Site does not exist.' },
      false,
      'INTERNAL',
    ],
    ['429', 429, rateLimited, false, 'ZOOM_RATE_LIMITED'],
    ['500', 500, undefined, false, 'ZOOM_UNAVAILABLE'],
    [
      '503 with a body',
      503,
      { code: 503, message: 'Service unavailable' },
      false,
      'ZOOM_UNAVAILABLE',
    ],
  ])('maps %s to its code', (_, status, body, pageTokenSent, expected) => {
    expect(map(status, body, pageTokenSent).code).toBe(expected);
  });

  it('keeps status, Zoom code and the original body', () => {
    const error = map(404, userNotFound);
    expect(error.detail).toMatchObject({ status: 404, zoomCode: 1001 });
    expect(error.cause).toBe(userNotFound);
  });

  it('keeps the user the request was about for the person-facing message', () => {
    const error = mapZoomError({
      status: 404,
      body: userNotFound,
      pageTokenSent: false,
      zoomUser: 'jchill@example.com',
    });
    expect(error.detail.zoomUser).toBe('jchill@example.com');
  });

  it('leaves Zoom’s text, which can hold an email, out of the message', () => {
    expect(map(404, userNotFound).message).toBe('Zoom answered 404/1001: user does not exist');
  });

  it('names the missing scopes from Zoom’s message', () => {
    expect(map(400, missingScopes).detail.scopes).toStrictEqual([
      'phone:read:admin',
      'phone_sms:read:admin',
    ]);
  });

  it('leaves scopes out when Zoom’s message does not list them', () => {
    expect(map(400, { code: 4711, message: 'Invalid access token.' }).detail).not.toHaveProperty(
      'scopes',
    );
  });

  it('carries retryAfterMs on a 429', () => {
    const error = mapZoomError({
      status: 429,
      body: rateLimited,
      pageTokenSent: false,
      retryAfterMs: 1500,
    });
    expect(error.detail).toMatchObject({ status: 429, zoomCode: 429, retryAfterMs: 1500 });
  });

  it('keeps the status when Zoom sent no body', () => {
    const error = map(502, undefined);
    expect(error.detail).toStrictEqual({ status: 502 });
    expect(error.message).toBe('Zoom answered 502: Zoom failed to answer');
  });
});
