import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';

/** The Redis the store tests use; a real server, never a fake. */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** Unique to this test run, so runs sharing one server never touch each other's keys. */
export const RUN_KEY_PREFIX = `sms-sessions-test:${randomUUID()}:`;

const answersPing = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const finish = (reachable: boolean): void => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', () => finish(true));
    socket.once('error', () => finish(false));
  });

/**
 * Whether the Redis tests can run. Without a server they skip with a warning locally, but throw
 * under CI (`CI` set), so a pipeline never passes with the Redis adapter untested. Uses a raw
 * socket, not ioredis, so tests that check when ioredis gets loaded can call it.
 */
export const checkRedis = async (): Promise<boolean> => {
  if (await answersPing(REDIS_TEST_URL)) return true;
  const where = new URL(REDIS_TEST_URL).host;
  if (process.env.CI) {
    throw new Error(
      `Redis is not reachable at ${where}; CI must run the Redis store tests (set REDIS_TEST_URL)`,
    );
  }
  console.warn(`Redis is not reachable at ${where}: SKIPPING the Redis store tests`);
  return false;
};
