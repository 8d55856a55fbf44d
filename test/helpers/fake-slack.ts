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
  /** The person's home workspace; the app's own (`T0001`) when absent. */
  team_id?: string;
  /** A Slack Connect person from an organization not connected to ours. */
  is_stranger?: boolean;
}

/** One Web API call the app made. */
export interface RecordedApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** One `views.publish` Slack accepted: the Home view a person now sees, and its new hash. */
export interface RecordedPublish {
  userId: string;
  view: Record<string, unknown>;
  hash: string;
}

/** One state of a modal the app opened (`views.open`) or changed (`views.update`). */
export interface RecordedModal {
  viewId: string;
  view: Record<string, unknown>;
  hash: string;
  via: 'views.open' | 'views.push' | 'views.update';
}

/** One file the app uploaded and shared (`files.completeUploadExternal`), with its bytes. */
export interface RecordedFile {
  id: string;
  filename: string;
  title: string | undefined;
  channel: string;
  comment: string | undefined;
  /** The bytes POSTed to the upload URL, read as UTF-8. */
  content: string;
}

/** One message `chat.postMessage` accepted. */
export interface RecordedMessage {
  readonly channel: string;
  readonly ts: string;
  /** `Date.now()` when it arrived. */
  readonly at: number;
  readonly args: Record<string, unknown>;
}

/** One post the app made to a `response_url`. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  /** How it came: posted to the `response_url`, or as the command's ack (an immediate response). */
  via?: 'ack';
}

const POLL_INTERVAL_MS = 20;

/** The bot scopes manifest.yml asks for, as Slack lists them after an install. */
const MANIFEST_BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'users:read.email',
  'files:write',
  'im:write',
  'channels:read',
  'groups:read',
];

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
 * `users.info`, `views.publish`, `chat.postMessage`, `views.open`, `views.update`,
 * `conversations.open`, `files.getUploadURLExternal`, `files.completeUploadExternal`) under
 * `/api/`, upload URLs under `/upload/:fileId`, and `response_url`s under `/response/:id`.
 * Records everything so tests assert on what a person would have seen.
 */
export const startFakeSlack = async (options: {
  users: FakeSlackUser[];
  /** Bot scopes `auth.test` reports in its `x-oauth-scopes` header (the manifest's when absent). */
  botScopes?: string[];
  /** What `apps.connections.open` returns as the Socket Mode WebSocket URL (Socket Mode tests). */
  socketModeUrl?: () => string;
}) => {
  const users = new Map(options.users.map((user) => [user.id, user]));
  const calls: RecordedApiCall[] = [];
  const responses: RecordedResponse[] = [];
  const expiredResponseUrls = new Set<string>();
  const publishes: RecordedPublish[] = [];
  const homeHashes = new Map<string, string>();
  let hashCounter = 0;
  const modals: RecordedModal[] = [];
  const modalHashes = new Map<string, string>();
  const pendingUploads = new Map<string, { filename: string; length: number; content?: string }>();
  const files: RecordedFile[] = [];
  const failures = new Map<string, string[]>();
  const rateLimits = new Map<string, number[]>();
  const channels = new Map<
    string,
    { is_archived?: boolean; is_member?: boolean; is_private?: boolean; name?: string }
  >();
  let postCounter = 0;
  const messages: RecordedMessage[] = [];
  const members = new Map<string, string[]>();
  let objectCounter = 0;
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
    const uploadMatch = /^\/upload\/(F\d+)$/.exec(url.pathname);
    if (uploadMatch?.[1] !== undefined) {
      const pending = pendingUploads.get(uploadMatch[1]);
      if (pending === undefined || req.method !== 'POST') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not_found');
        return;
      }
      pending.content = raw;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${Buffer.byteLength(raw)}`);
      notify();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    calls.push({ method, args });
    notify();
    const failure = failures.get(method)?.shift();
    if (failure !== undefined) return send(200, { ok: false, error: failure });
    const retryAfter = rateLimits.get(method)?.shift();
    if (retryAfter !== undefined) {
      res.setHeader('retry-after', String(retryAfter));
      return send(429, { ok: false, error: 'ratelimited' });
    }
    switch (method) {
      case 'auth.test':
        res.setHeader('x-oauth-scopes', (options.botScopes ?? MANIFEST_BOT_SCOPES).join(','));
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
            team_id: user.team_id ?? 'T0001',
            ...(user.is_stranger === undefined ? {} : { is_stranger: user.is_stranger }),
            profile: { email: user.email, display_name: user.name ?? '' },
          },
        });
      }
      case 'views.publish': {
        const userId = String(args.user_id);
        const current = homeHashes.get(userId);
        if (args.hash !== undefined && args.hash !== current) {
          return send(200, { ok: false, error: 'hash_conflict' });
        }
        hashCounter += 1;
        const hash = `hash-${hashCounter}`;
        homeHashes.set(userId, hash);
        const view = args.view as Record<string, unknown>;
        publishes.push({ userId, view, hash });
        return send(200, { ok: true, view: { ...view, id: `V${userId}`, hash } });
      }
      case 'chat.postMessage': {
        postCounter += 1;
        const channel = String(args.channel);
        if (channels.get(channel)?.is_archived === true) {
          return send(200, { ok: false, error: 'is_archived' });
        }
        const ts = `${1_700_000_000 + postCounter}.000100`;
        messages.push({ channel, ts, at: Date.now(), args });
        notify();
        return send(200, { ok: true, channel, ts });
      }
      case 'users.lookupByEmail': {
        const wanted = String(args.email).toLowerCase();
        const user = [...users.values()].find((u) => u.email?.toLowerCase() === wanted);
        return user === undefined
          ? send(200, { ok: false, error: 'users_not_found' })
          : send(200, { ok: true, user: { id: user.id } });
      }
      case 'conversations.info': {
        const id = String(args.channel);
        const channel = channels.get(id);
        if (channel === undefined) return send(200, { ok: false, error: 'channel_not_found' });
        return send(200, {
          ok: true,
          channel: {
            id,
            name: channel.name ?? id.toLowerCase(),
            is_archived: channel.is_archived ?? false,
            is_member: channel.is_member ?? true,
            is_private: channel.is_private ?? false,
          },
        });
      }
      case 'conversations.members': {
        const list = members.get(String(args.channel));
        if (list === undefined) return send(200, { ok: false, error: 'channel_not_found' });
        const start = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const next = start + limit < list.length ? String(start + limit) : '';
        return send(200, {
          ok: true,
          members: list.slice(start, start + limit),
          response_metadata: { next_cursor: next },
        });
      }
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        objectCounter += 1;
        const viewId = method === 'views.update' ? String(args.view_id) : `VMODAL${objectCounter}`;
        if (method === 'views.update') {
          const current = modalHashes.get(viewId);
          if (current === undefined) return send(200, { ok: false, error: 'not_found' });
          if (args.hash !== undefined && args.hash !== current) {
            return send(200, { ok: false, error: 'hash_conflict' });
          }
        }
        const hash = `modal-hash-${objectCounter}`;
        modalHashes.set(viewId, hash);
        const view = args.view as Record<string, unknown>;
        modals.push({ viewId, view, hash, via: method });
        return send(200, { ok: true, view: { ...view, id: viewId, hash } });
      }
      case 'conversations.open':
        return send(200, { ok: true, channel: { id: `D${String(args.users)}` } });
      case 'files.getUploadURLExternal': {
        objectCounter += 1;
        const fileId = `F${objectCounter}`;
        pendingUploads.set(fileId, {
          filename: String(args.filename),
          length: Number(args.length),
        });
        return send(200, { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        const listed = (args.files ?? []) as { id: string; title?: string }[];
        for (const { id, title } of listed) {
          const pending = pendingUploads.get(id);
          if (pending?.content === undefined)
            return send(200, { ok: false, error: 'file_not_found' });
          files.push({
            id,
            filename: pending.filename,
            title,
            channel: String(args.channel_id),
            comment: args.initial_comment === undefined ? undefined : String(args.initial_comment),
            content: pending.content,
          });
        }
        return send(200, {
          ok: true,
          files: listed.map(({ id }) => ({ id, permalink: `${base}/files/${id}` })),
        });
      }
      case 'apps.connections.open':
        return options.socketModeUrl === undefined
          ? send(200, { ok: false, error: 'not_allowed_token_type' })
          : send(200, { ok: true, url: options.socketModeUrl() });
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
    /**
     * Every accepted `views.publish`, oldest first. Like Slack, the fake gives each published
     * Home view a fresh `hash` and answers `hash_conflict` when a publish passes a stale one.
     */
    publishes,
    /** The Home view `userId` sees now, with its hash, as a `block_actions` payload carries it. */
    homeView: (userId: string): RecordedPublish | undefined =>
      publishes.filter((p) => p.userId === userId).at(-1),
    /** Every modal state, oldest first: what `views.open` and `views.update` put on screen. */
    modals,
    /** The modal `viewId` shows now. */
    modal: (viewId: string): RecordedModal | undefined =>
      modals.filter((m) => m.viewId === viewId).at(-1),
    /** Every file shared through `files.completeUploadExternal`, with its bytes. */
    files,
    /** The next call to Web API `method` answers `{ ok: false, error }`, as Slack refuses one. */
    failNext: (method: string, error: string) => {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    /**
     * The next call to Web API `method` answers HTTP 429 with `Retry-After: seconds`, as Slack
     * rate-limits one. https://docs.slack.dev/apis/web-api/rate-limits
     */
    rateLimitNext: (method: string, retryAfterSeconds: number) => {
      rateLimits.set(method, [...(rateLimits.get(method) ?? []), retryAfterSeconds]);
    },
    /** A channel `conversations.info` knows (and `chat.postMessage` refuses when archived). */
    setChannel: (
      id: string,
      channel: { is_archived?: boolean; is_member?: boolean; is_private?: boolean; name?: string },
    ) => channels.set(id, channel),
    /** Every message `chat.postMessage` accepted, oldest first, with its `ts` and arrival time. */
    messages,
    /** Who `conversations.members` lists for `channelId` (unknown channels: `channel_not_found`). */
    setMembers: (channelId: string, slackUserIds: string[]) => members.set(channelId, slackUserIds),
    /** A fresh `response_url` for one command or click. */
    responseUrl: (id: string) => `${base}/response/${id}`,
    /**
     * Records a command's immediate response (a message in its HTTP ack) as the answer on
     * `response_url` `id`, as the person sees it: the same place in Slack, without the request.
     */
    recordAck: (id: string, body: Record<string, unknown>) => {
      responses.push({ id, body, via: 'ack' });
      notify();
    },
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
