import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { maskPhoneNumbers } from '../../src/ops/phone-mask.js';
import { ACTION_IDS } from '../../src/surface/ids.js';
import { findButtons, type Surface } from '../helpers/block-kit.js';
import {
  type Harness,
  SIGNING_SECRET,
  startHarness,
  ZOOM_CREDENTIALS,
} from '../helpers/harness.js';
import { appHomeOpenedBody, postSigned } from '../helpers/slack-requests.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const STRANGER = 'U0NOZOOM1';
const BOT_TOKEN = 'xoxb-test-bot-token';

const alice = demoUser({ email: 'alice@example.com' });
const bob = demoUser({ email: 'bob@example.com' });

const urlOf = (input: Parameters<typeof fetch>[0]) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  component?: string;
  [key: string]: unknown;
}

describe('the log of a full run over the real Bolt receiver', () => {
  let h: Harness;
  const issuedTokens: string[] = [];

  /** The app's Zoom fetch, watched so every access token Zoom issues is known to the test. */
  const watchingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (urlOf(input).includes('/oauth/token')) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { access_token?: string } | undefined;
      if (body?.access_token !== undefined) issuedTokens.push(body.access_token);
    }
    return response;
  };

  const lines = (): LogLine[] => h.logLines.map((line) => JSON.parse(line) as LogLine);
  const handled = () => lines().filter((line) => line.msg === 'request handled');

  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: ALICE, email: 'alice@example.com', name: 'Alice' },
        { id: BOB, email: 'bob@example.com', name: 'Bob' },
        { id: STRANGER, email: 'nobody@example.com', name: 'Stranger' },
      ],
      dataset: buildDataset({
        users: [alice, bob],
        sessions: [
          ...demoSessions(alice, 15, { newest: new Date(Date.now() - 60_000) }),
          ...demoSessions(bob, 2, { newest: new Date(Date.now() - 60_000) }),
        ],
      }),
      fetch: watchingFetch,
    });

    await h.slack.nextResponse((await h.command(ALICE, 'phone:"+1 415 555 0100"')).id);
    const { id: pageId } = await h.command(ALICE, '');
    const page = (await h.slack.nextResponse(pageId)) as unknown as Surface;
    const next = findButtons(page).find((button) => button.actionId === ACTION_IDS.pageNext);
    await h.slack.nextResponse(
      (await h.click(ALICE, ACTION_IDS.pageNext, next?.value ?? 'missing')).id,
    );
    await h.slack.nextResponse((await h.command(BOB, `<@${ALICE}|alice>`)).id);
    await h.slack.nextResponse((await h.command(STRANGER, '')).id);
    h.zoom.expireTokens();
    await h.slack.nextResponse((await h.command(BOB, 'help')).id);
    await h.slack.nextResponse((await h.command(BOB, 'size:1')).id);
    h.zoom.failNext({ status: 503, body: 'down' }, { kind: 'list', times: 3 });
    await h.slack.nextResponse((await h.command(BOB, 'size:2')).id);
    await h.command(ALICE, '', { signature: 'v0=forged' });
    await fetch(`${h.baseUrl}/no-such-route`);
    await postSigned(h.eventsUrl, appHomeOpenedBody({ user_id: BOB }), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => handled().length >= 9, 'every request to be logged');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('is JSON, one object a line, Bolt’s own lines included', () => {
    expect(h.logLines.length).toBeGreaterThan(10);
    for (const line of h.logLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines().some((line) => line.component === 'bolt')).toBe(true);
  });

  it('contains no configured secret and no Zoom access token it was issued', () => {
    expect(issuedTokens.length).toBeGreaterThanOrEqual(2);
    const log = h.logLines.join('\n');
    for (const secret of [
      SIGNING_SECRET,
      ZOOM_CREDENTIALS.clientSecret,
      BOT_TOKEN,
      Buffer.from(`${ZOOM_CREDENTIALS.clientId}:${ZOOM_CREDENTIALS.clientSecret}`).toString(
        'base64',
      ),
      ...issuedTokens,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/Bearer\s+(?!\[redacted\])\S/);
  });

  it('contains no phone number from the command or from Zoom’s answers', () => {
    expect(h.logLines.join('\n')).not.toMatch(/4155550100|415 555 0100/);
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(strings)
          : [];
    for (const text of lines().flatMap(strings)) expect(maskPhoneNumbers(text)).toBe(text);
  });

  it('has one request line per handled request with id, user, outcome and durations', () => {
    const requests = handled();
    expect(requests.map((line) => [line.kind, line.name, line.user, line.outcome])).toEqual(
      expect.arrayContaining([
        ['command', '/sms-sessions', ALICE, 'OK'],
        ['action', ACTION_IDS.pageNext, ALICE, 'OK'],
        ['command', '/sms-sessions', BOB, 'FORBIDDEN'],
        ['command', '/sms-sessions', STRANGER, 'ZOOM_USER_NOT_FOUND'],
        ['command', '/sms-sessions', BOB, 'ZOOM_UNAVAILABLE'],
        ['event', 'app_home_opened', BOB, expect.any(String)],
      ]),
    );
    const ids = requests.map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of requests) {
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line).toMatchObject({
        ackMs: expect.any(Number),
        zoomMs: expect.any(Number),
        totalMs: expect.any(Number),
      });
      expect(line.totalMs as number).toBeGreaterThanOrEqual(line.ackMs as number);
    }
    const listed = requests.find((line) => line.user === ALICE && line.kind === 'command');
    expect(listed?.zoomCalls).toBeGreaterThanOrEqual(1);
    expect(listed?.answered).toBe(true);
  });

  it('tags the lines written while handling a request with that request’s id', () => {
    const failed = handled().find((line) => line.outcome === 'ZOOM_UNAVAILABLE');
    const related = lines().filter((line) => line.requestId === failed?.requestId);
    expect(related.filter((line) => line.msg === 'Zoom request failed').length).toBe(3);
    expect(related.some((line) => line.msg === 'request refused')).toBe(true);
  });
});
