import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger, loggerOptionsFor, toBoltLogger } from '../src/logger.js';
import { runObserved } from '../src/ops/request-context.js';

const capture = () => {
  const lines: string[] = [];
  let wrote = () => {};
  const written = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      wrote();
      done();
    },
  });
  return { lines, destination, written, json: () => lines.map((line) => JSON.parse(line)) };
};

const BOT_TOKEN = 'xoxb-1111-2222-abcdefabcdef';

describe('createLogger', () => {
  it('writes one JSON object a line, with level, time, app and message', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.destination }).info({ n: 1 }, 'hello');
    expect(out.json()).toEqual([
      expect.objectContaining({ level: 30, app: 'sms-sessions', n: 1, msg: 'hello' }),
    ]);
    expect(typeof out.json()[0].time).toBe('number');
  });

  it('accepts a level and a destination as a shorthand', () => {
    const out = capture();
    const logger = createLogger('warn', out.destination);
    logger.info('dropped');
    logger.warn('kept');
    expect(out.json().map((line) => line.msg)).toEqual(['kept']);
  });

  it('redacts secrets in fields, messages, interpolated values, bindings and errors', () => {
    const out = capture();
    const logger = createLogger({
      level: 'debug',
      destination: out.destination,
      secrets: ['configured-secret-1'],
    }).child({ headers: { Authorization: `Bearer ${BOT_TOKEN}` } });
    logger.debug({ req: { headers: { authorization: 'Basic abc123==' } } }, 'a');
    logger.info(`token ${BOT_TOKEN} in a message`);
    logger.info('interpolated %s', 'configured-secret-1');
    logger.error(
      Object.assign(new Error(`failed with ${BOT_TOKEN}`), {
        config: { headers: { authorization: `Bearer ${BOT_TOKEN}` } },
      }),
    );
    const log = out.lines.join('\n');
    expect(out.lines).toHaveLength(4);
    for (const secret of [BOT_TOKEN, 'abc123==', 'configured-secret-1']) {
      expect(log).not.toContain(secret);
    }
    expect(out.json()[3]).toMatchObject({ err: { type: 'Error' }, msg: 'failed with [redacted]' });
  });

  it('masks phone numbers in messages and fields unless LOG_PHONE_NUMBERS asks to keep them', () => {
    const masked = capture();
    createLogger({ level: 'info', destination: masked.destination })
      .child({ phone: '18108001001' })
      .info({ to: '+1 415 555 0134' }, 'sent to +1 415 555 0134');
    expect(masked.json()[0]).toMatchObject({ phone: '***01', to: '***34', msg: 'sent to ***34' });

    const kept = capture();
    createLogger({ level: 'info', destination: kept.destination, logPhoneNumbers: true }).info(
      { to: '+1 415 555 0134' },
      'sent',
    );
    expect(kept.json()[0]).toMatchObject({ to: '+1 415 555 0134' });
  });

  it('adds the request id to every line written while a request is handled', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.destination });
    logger.info('before');
    await runObserved(
      { requestId: 'req-1', outcome: undefined, answered: undefined, zoomMs: 0, zoomCalls: 0 },
      async () => {
        await Promise.resolve();
        logger.child({ component: 'zoom' }).info('inside');
      },
    );
    expect(out.json().map((line) => [line.msg, line.requestId])).toEqual([
      ['before', undefined],
      ['inside', 'req-1'],
    ]);
  });

  it('writes human-readable lines instead of JSON when pretty', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.destination, pretty: true });
    logger.info({ to: '+1 415 555 0134' }, 'pretty line');
    await out.written;
    const text = out.lines.join('\n');
    expect(text).toContain('pretty line');
    expect(text).toContain('***34');
    expect(() => JSON.parse(out.lines[0] ?? '')).toThrow();
  });
});

describe('loggerOptionsFor', () => {
  it('takes the level, the phone choice and every configured secret, the Redis password too', () => {
    const options = loggerOptionsFor(
      loadConfig({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: 'signing-secret-value',
        SLACK_APP_TOKEN: 'xapp-1-app-token',
        ZOOM_ACCOUNT_ID: 'account',
        ZOOM_CLIENT_ID: 'client',
        ZOOM_CLIENT_SECRET: 'client-secret-value',
        REDIS_URL: 'redis://:redis%40pass@127.0.0.1:6379',
        LOG_LEVEL: 'warn',
        LOG_PHONE_NUMBERS: 'true',
      }),
    );
    expect(options).toMatchObject({ level: 'warn', logPhoneNumbers: true });
    expect([...(options.secrets ?? [])].sort()).toEqual(
      [
        BOT_TOKEN,
        'signing-secret-value',
        'xapp-1-app-token',
        'client-secret-value',
        'redis@pass',
      ].sort(),
    );
  });
});

describe('toBoltLogger', () => {
  it('drops Bolt’s debug lines, which print whole Web API results with emails', () => {
    const out = capture();
    toBoltLogger(createLogger({ level: 'debug', destination: out.destination })).debug(
      'users.info result',
      { user: { profile: { email: 'alice@example.com' } } },
    );
    expect(out.lines).toEqual([]);
  });

  it('writes Bolt’s info, warn and error lines as JSON, errors as redacted err fields', () => {
    const out = capture();
    const bolt = toBoltLogger(createLogger({ level: 'debug', destination: out.destination }));
    bolt.info('Now connected');
    bolt.warn('slow', { retries: 2 });
    bolt.error('Slack API error:', new Error(`invalid_auth for ${BOT_TOKEN}`));
    expect(out.json()).toEqual([
      expect.objectContaining({ component: 'bolt', level: 30, msg: 'Now connected' }),
      expect.objectContaining({ level: 40, msg: 'slow', details: [{ retries: 2 }] }),
      expect.objectContaining({
        level: 50,
        msg: 'Slack API error: invalid_auth for [redacted]',
        err: expect.objectContaining({ type: 'Error' }),
      }),
    ]);
    expect(out.lines.join('\n')).not.toContain(BOT_TOKEN);
  });
});
