import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { deriveAppKeys, pseudonymOf } from '../../src/keys/app-keys.js';
import { createNameBound, describeRequest } from '../../src/ops/describe-request.js';
import { OPEN_ACTION_ID_PATTERN } from '../../src/surface/ids.js';
import { findButtons } from '../helpers/block-kit.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { postSigned } from '../helpers/slack-requests.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const ALICE = 'U0ALICE01';
const ADMIN = 'U0ADMIN01';
const APP_SECRET = 'pseudonym-test-secret-6a1f0c3e9b2d4f7a8c5e1b0d';
const alice = demoUser({ email: 'alice@acme.test' });
const users = [
  { id: ALICE, email: 'alice@acme.test', name: 'Alice' },
  { id: ADMIN, email: 'ada@acme.test', name: 'Ada' },
];

const reachable = await checkRedis();

/** Issue 18 part 6: pseudonyms that stay pseudonymous, through the real app. */
describe.skipIf(!reachable)('pseudonyms (issue 18, part 6)', () => {
  const prefix = `${RUN_KEY_PREFIX}ps:`;
  let h: Harness;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_TEST_URL);
    h = await startHarness({
      users,
      admins: [ADMIN],
      dataset: buildDataset({
        users: [alice, demoUser({ email: 'ada@acme.test' })],
        sessions: demoSessions(alice, 2, { newest: new Date(Date.now() - 60_000) }),
      }),
      env: { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: prefix, APP_SECRET },
    });
  });

  afterAll(async () => {
    await h?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('keeps every email out of Redis keys, the conversation owner cache included', async () => {
    const answer = await h.slack.nextResponse((await h.command(ALICE, '')).id);
    const open = findButtons(answer as never).find((b) =>
      OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''),
    );
    const before = h.slack.modals.length;
    await h.act(ALICE, { type: 'button', action_id: open?.actionId, value: open?.value });
    await h.slack.waitFor(
      () => h.slack.modals.slice(before).some((m) => m.via === 'views.update'),
      'the conversation modal',
    );
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.some((key) => key.includes('conversation-owner'))).toBe(true);
    for (const key of keys) {
      expect(key).not.toMatch(/@|acme/i);
      expect(decodeURIComponent(key)).not.toMatch(/@|acme/i);
    }
  });

  it("logs the audit's zoomUserHash as an HMAC under the deployment secret, not a bare SHA-256", async () => {
    await h.slack.nextResponse((await h.command(ADMIN, `<@${ALICE}|alice>`)).id);
    const hashes = h.logLines
      .map((line) => JSON.parse(line) as { msg?: string; audit?: { zoomUserHash?: string } })
      .filter((line) => line.msg === 'audit' && line.audit?.zoomUserHash !== undefined)
      .map((line) => line.audit?.zoomUserHash);
    expect(hashes.length).toBeGreaterThan(0);
    const bare = createHash('sha256').update('alice@acme.test').digest('hex').slice(0, 16);
    const keyed = pseudonymOf(deriveAppKeys({ current: APP_SECRET }).pseudonym, 'alice@acme.test');
    expect(hashes).not.toContain(bare);
    expect(hashes).toContain(keyed);
  });

  it('labels a signed request of type "constructor" as itself, never as an Object function', async () => {
    const response = await postSigned(
      h.eventsUrl,
      JSON.stringify({ type: 'constructor', team_id: 'T0001' }),
      { secret: SIGNING_SECRET, contentType: 'application/json' },
    );
    expect(response.status).toBeLessThan(500);
    await h.slack.waitFor(
      () => h.logLines.some((line) => line.includes('"name":"constructor"')),
      'the request to be logged',
    );
    expect(h.logLines.join('\n')).not.toMatch(/native code|function Object/);
  });
});

describe('describeRequest names (issue 18, part 6)', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'does not take a kind from Object.prototype for type %s',
    (type) => {
      expect(describeRequest({ type }).kind).toBe('other');
    },
  );

  it('turns a name that is not shaped like an id into "other"', () => {
    const body = {
      type: 'block_actions',
      user: { id: 'U1' },
      actions: [{ action_id: 'Robert"); DROP TABLE labels;--' }],
    };
    expect(describeRequest(body).name).toBe('other');
    expect(describeRequest({ command: `/${'x'.repeat(300)}` }).name).toBe('other');
  });

  it('bounds how many distinct names one process reports', () => {
    const bound = createNameBound(3);
    expect(['a', 'b', 'c', 'a'].map(bound)).toEqual(['a', 'b', 'c', 'a']);
    expect(bound('d')).toBe('other');
    expect(bound('b')).toBe('b');
  });
});
