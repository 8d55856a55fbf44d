import { FetchError, ofetch } from 'ofetch';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createLogRedactor, MAX_LOG_DEPTH, REDACTED } from '../../src/ops/log-redaction.js';

const BOT_TOKEN = 'xoxb-1234-5678-abcdefghijkl';

/** A real ofetch error from a token request, carrying its request options and response. */
const fetchErrorWithHeaders = async (): Promise<FetchError> => {
  const fetch: typeof globalThis.fetch = async () =>
    new Response(JSON.stringify({ reason: 'Invalid client_id', error: 'invalid_client' }), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
  const caught: unknown = await ofetch
    .create({}, { fetch })('http://127.0.0.1:9/oauth/token', {
      method: 'POST',
      headers: { authorization: 'Basic Y2xpZW50OnNlY3JldA==' },
      retry: false,
    })
    .catch((error: unknown) => error);
  if (!(caught instanceof FetchError)) throw new Error('expected a FetchError');
  return caught;
};

describe('createLogRedactor', () => {
  const redact = createLogRedactor();

  it.each([
    ['access_token'],
    ['clientSecret'],
    ['Authorization'],
    ['x-slack-signature'],
    ['cookie'],
    ['password'],
  ])('redacts a %s field at any depth', (key) => {
    const safe = redact.value({ a: { b: [{ [key]: 'value-that-leaks' }] } });
    expect(JSON.stringify(safe)).not.toContain('value-that-leaks');
    expect(safe).toEqual({ a: { b: [{ [key]: REDACTED }] } });
  });

  it.each([
    ['a Slack bot token', `token ${BOT_TOKEN} used`],
    ['an app-level token', 'xapp-1-A0123-456-abcdef'],
    ['a Bearer credential', 'Authorization: Bearer abc.def-ghi'],
    ['a Basic credential', 'authorization=Basic Y2xpZW50OnNlY3JldA=='],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
  ])('redacts %s inside text', (_name, text) => {
    const safe = redact.text(text);
    expect(safe).toContain(REDACTED);
    for (const secret of [BOT_TOKEN, 'xapp-1-A0123', 'abc.def-ghi', 'Y2xpZW50', 'eyJzdWIi']) {
      expect(safe).not.toContain(secret);
    }
  });

  it('redacts configured secret values whatever their shape, and ignores short ones', () => {
    const custom = createLogRedactor({ secrets: ['plain-secret-value', 'abc'] });
    expect(custom.text('sent plain-secret-value to abc')).toBe(`sent ${REDACTED} to abc`);
  });

  it('masks phone numbers unless told to keep them', () => {
    expect(redact.value({ to: '+1 415 555 0134' })).toEqual({ to: '***34' });
    expect(createLogRedactor({ logPhoneNumbers: true }).value({ to: '+1 415 555 0134' })).toEqual({
      to: '+1 415 555 0134',
    });
  });

  it('reduces an ofetch error to type, message, status and stack, without its request', async () => {
    const error = await fetchErrorWithHeaders();
    expect(new Headers(error.options?.headers).get('authorization')).toMatch(/^Basic /);
    const safe = redact.value(error) as Record<string, unknown>;
    expect(Object.keys(safe).sort()).toEqual(expect.arrayContaining(['type', 'message', 'stack']));
    expect(safe).not.toHaveProperty('options');
    expect(safe).not.toHaveProperty('request');
    expect(safe).not.toHaveProperty('response');
    expect(JSON.stringify(safe)).not.toContain('Y2xpZW50OnNlY3JldA');
  });

  it('keeps a Slack SDK error’s code and Slack error name, not its request or headers', () => {
    const error = Object.assign(new Error('An API error occurred: missing_scope'), {
      code: 'slack_webapi_platform_error',
      data: {
        ok: false,
        error: 'missing_scope',
        needed: 'users:read.email',
        response_metadata: {},
      },
      config: { headers: { Authorization: `Bearer ${BOT_TOKEN}` } },
      request: { _header: `POST /api/users.info\r\nAuthorization: Bearer ${BOT_TOKEN}` },
    });
    const safe = redact.value({ err: error }) as { err: Record<string, unknown> };
    expect(safe.err).toMatchObject({
      type: 'Error',
      code: 'slack_webapi_platform_error',
      data: { error: 'missing_scope', needed: 'users:read.email' },
    });
    expect(JSON.stringify(safe)).not.toContain(BOT_TOKEN);
  });

  it('keeps an AppError’s code-like detail and its cause chain, but not what a person typed', () => {
    const error = new AppError('ZOOM_USER_NOT_FOUND', 'no such user', {
      cause: new Error('inner 18108001001'),
      detail: { status: 404, zoomCode: 1001, zoomUser: 'alice@example.com', value: 'x' },
    });
    const safe = redact.value(error) as Record<string, unknown>;
    expect(safe.detail).toEqual({ status: 404, zoomCode: 1001 });
    expect(safe.cause).toMatchObject({ type: 'Error', message: 'inner ***01' });
  });

  it('survives cycles, depth, binary data, dates and functions', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < MAX_LOG_DEPTH + 2; i += 1) deep = { deep };
    const safe = redact.value({
      cyclic,
      deep,
      bytes: Buffer.from('secret bytes'),
      at: new Date('2026-11-26T12:00:00Z'),
      fn: () => 1,
      big: 10n,
    }) as Record<string, unknown>;
    expect(safe.cyclic).toEqual({ name: 'loop', self: '[circular]' });
    expect(JSON.stringify(safe.deep)).toContain('[too deep]');
    expect(safe.bytes).toBe('[12 bytes]');
    expect(safe.at).toBe('2026-11-26T12:00:00.000Z');
    expect(safe.fn).toBeUndefined();
    expect(safe.big).toBe('10');
  });
});
