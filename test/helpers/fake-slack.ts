import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Slack user as `users.info` returns it (the fields the app reads). */
export interface FakeSlackUser {
  id: string;
  email?: string;
  tz?: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  deleted?: boolean;
}

/** One Web API call the app made. */
export interface RecordedApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** One post the app made to a `response_url`. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

const POLL_INTERVAL_MS = 20;

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseArgs = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
};

/**
 * Slack as the app sees it, on 127.0.0.1: the Web API methods the app calls (`auth.test`,
 * `users.info`, `views.publish`, `chat.postMessage`) under `/api/`, and `response_url`s under
 * `/response/:id`. Records everything so tests assert on what a person would have seen.
 */
export const startFakeSlack = async (options: { users: FakeSlackUser[] }) => {
  const users = new Map(options.users.map((user) => [user.id, user]));
  const calls: RecordedApiCall[] = [];
  const responses: RecordedResponse[] = [];
  const expiredResponseUrls = new Set<string>();
  const waiters: Array<() => void> = [];
  const notify = () => {
    for (const wake of waiters.splice(0)) wake();
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const responseMatch = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (responseMatch?.[1] !== undefined) {
      const id = responseMatch[1];
      if (expiredResponseUrls.has(id)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('expired_url');
        return;
      }
      responses.push({ id, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      notify();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    calls.push({ method, args });
    notify();
    switch (method) {
      case 'auth.test':
        return send(200, {
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T0001',
          user: 'sms',
        });
      case 'users.info': {
        const user = users.get(String(args.user));
        if (user === undefined) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, {
          ok: true,
          user: {
            id: user.id,
            name: user.name ?? user.id.toLowerCase(),
            real_name: user.name ?? user.id,
            tz: user.tz ?? 'America/New_York',
            is_admin: user.is_admin ?? false,
            is_owner: user.is_owner ?? false,
            deleted: user.deleted ?? false,
            profile: { email: user.email, display_name: user.name ?? '' },
          },
        });
      }
      case 'views.publish':
        return send(200, { ok: true, view: { id: 'V1', hash: 'h1', ...(args.view as object) } });
      case 'chat.postMessage':
        return send(200, { ok: true, channel: args.channel, ts: '1.0001' });
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Resolves once `predicate` holds, re-checking on every request and every few milliseconds. */
  const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 8000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, POLL_INTERVAL_MS));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    /** A fresh `response_url` for one command or click. */
    responseUrl: (id: string) => `${base}/response/${id}`,
    /** Makes a `response_url` answer 404 as an expired one does. */
    expireResponseUrl: (id: string) => expiredResponseUrls.add(id),
    setUser: (user: FakeSlackUser) => users.set(user.id, user),
    /** Resolves with the first post to `response_url` `id`. */
    nextResponse: async (id: string, timeoutMs?: number) => {
      await waitFor(() => responses.some((r) => r.id === id), `an answer on ${id}`, timeoutMs);
      return responses.find((r) => r.id === id)?.body as Record<string, unknown>;
    },
    waitFor,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};

/** The running fake, as returned by {@link startFakeSlack}. */
export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
