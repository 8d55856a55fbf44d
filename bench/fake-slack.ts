import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { BLOCK_IDS } from '../src/surface/ids.js';
import { BENCH_TIME_ZONE, type BenchPerson } from './workload.js';

/** What arrived at one `response_url`, or in its command's ack (a record exists once anything did). */
export interface AnswerRecord {
  /** `performance.now()` of the first post that was a page of sessions (it has the pager). */
  pageAtMs: number | undefined;
  /** The page's raw JSON, kept only for ids passed to {@link BenchSlack.keepBody}. */
  body: string | undefined;
  /** The page came in the command's ack (an immediate response), not at `response_url`. */
  inAck: boolean;
}

/** The fake Slack of the bench: Web API under `/api/`, `response_url`s under `/response/:id`. */
export interface BenchSlack {
  readonly apiUrl: string;
  responseUrl(id: string): string;
  /** Web API calls of `method` so far (`users.info`, `auth.test`, …). */
  callCount(method: string): number;
  /** Web API calls of every method so far. */
  totalCalls(): number;
  readonly answers: ReadonlyMap<string, AnswerRecord>;
  /** Keep the body of the page posted to `id`, to read its buttons. */
  keepBody(id: string): void;
  /**
   * Records a command's immediate response (a message in its ack, which the driver read) as the
   * answer on `response_url` `id`, arrived now: the person sees it in the same place.
   */
  recordImmediate(id: string, body: string): void;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const sendJson = (response: ServerResponse, body: unknown) => {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

const RESPONSE_PREFIX = '/response/';
const API_PREFIX = '/api/';

/**
 * A fake Slack that costs the bench process as little as possible: it parses nothing but the
 * `users.info` argument, and tells a page from any other answer by the pager's `block_id` in the
 * raw JSON, so the numbers measure the app rather than the fake. (The tests' fake in
 * test/helpers/fake-slack.ts parses and keeps every body, which is right for assertions and too
 * heavy for thousands of answers a second.)
 */
export const startBenchSlack = async (people: readonly BenchPerson[]): Promise<BenchSlack> => {
  const emails = new Map(people.map((person) => [person.slackUserId, person.email]));
  const calls = new Map<string, number>();
  const answers = new Map<string, AnswerRecord>();
  const kept = new Set<string>();

  const record = (id: string, body: string, inAck: boolean) => {
    const at = performance.now();
    const isPage = body.includes(BLOCK_IDS.pager);
    const answer = answers.get(id) ?? { pageAtMs: undefined, body: undefined, inAck: false };
    if (isPage && answer.pageAtMs === undefined) {
      answer.pageAtMs = at;
      answer.inAck = inAck;
      if (kept.has(id)) answer.body = body;
    }
    answers.set(id, answer);
  };

  const answer = (id: string, body: string, response: ServerResponse) => {
    record(id, body, false);
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
    response.end('ok');
  };

  const webApi = (method: string, body: string, response: ServerResponse) => {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    switch (method) {
      case 'auth.test':
        return sendJson(response, {
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T0001',
          user: 'sms',
        });
      case 'users.info': {
        const id = new URLSearchParams(body).get('user') ?? '';
        const email = emails.get(id);
        if (email === undefined) return sendJson(response, { ok: false, error: 'user_not_found' });
        return sendJson(response, {
          ok: true,
          user: {
            id,
            team_id: 'T0001',
            name: id.toLowerCase(),
            real_name: id,
            tz: BENCH_TIME_ZONE,
            is_admin: false,
            is_owner: false,
            deleted: false,
            profile: { email, display_name: id },
          },
        });
      }
      default:
        return sendJson(response, { ok: false, error: 'unknown_method' });
    }
  };

  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const path = request.url ?? '/';
        if (path.startsWith(RESPONSE_PREFIX)) {
          return answer(path.slice(RESPONSE_PREFIX.length), body, response);
        }
        return webApi(path.slice(API_PREFIX.length), body, response);
      },
      () => response.destroy(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}${API_PREFIX}`,
    responseUrl: (id) => `${base}${RESPONSE_PREFIX}${id}`,
    callCount: (method) => calls.get(method) ?? 0,
    totalCalls: () => [...calls.values()].reduce((sum, count) => sum + count, 0),
    answers,
    keepBody: (id) => kept.add(id),
    recordImmediate: (id, body) => record(id, body, true),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
