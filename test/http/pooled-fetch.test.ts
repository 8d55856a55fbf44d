import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRespond } from '@slack/bolt/dist/context/create-respond.js';
import { WebClient } from '@slack/web-api';
import { FetchError, ofetch } from 'ofetch';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPooledDispatcher, createPooledFetch } from '../../src/http/pooled-fetch.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const seen: Seen[] = [];
let connections = 0;
let server: Server;
let base = '';
const dispatcher = createPooledDispatcher();
const fallback = vi.fn<typeof fetch>(async () => new Response('from fallback'));
const pooledFetch = createPooledFetch(dispatcher, fallback);

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/json' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2_000).unref();
      } else if (req.url === '/cookies') {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end('ok');
      } else if (req.url === '/headers') {
        res.setHeader('X-Request-Id', 'r-1');
        res.setHeader('Vary', ['accept', 'origin']);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('\ufeffhello');
      } else if (req.url === '/api/chat.postMessage') {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('x-oauth-scopes', 'chat:write, commands');
        res.end(JSON.stringify({ ok: true, channel: 'C1', echoed: body }));
      } else if (req.url === '/refused') {
        res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
        res.end('{"code":429,"message":"busy"}');
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, echoed: body }));
      }
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dispatcher.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Counts what is constructed of `Response`, `Headers` and `ReadableStream` from here on. */
const countWebObjects = (): string[] => {
  const built: string[] = [];
  for (const [name, original] of Object.entries({ Response, Headers, ReadableStream })) {
    const counting = new Proxy(original, {
      construct: (target, args, newTarget) => {
        built.push(name);
        return Reflect.construct(target, args, newTarget);
      },
    });
    vi.stubGlobal(name, counting);
  }
  return built;
};

const last = (): Seen => {
  const entry = seen.at(-1);
  if (entry === undefined) throw new Error('the server saw nothing');
  return entry;
};

describe('the pooled fetch', () => {
  it('posts a JSON body with its headers and answers a Response callers can read', async () => {
    const response = await pooledFetch(`${base}/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
      body: '{"text":"hi"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true, echoed: '{"text":"hi"}' });
    expect(last()).toMatchObject({
      method: 'POST',
      url: '/json',
      body: '{"text":"hi"}',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    });
  });

  it('gives bodies the content type fetch would when none is set', async () => {
    await pooledFetch(`${base}/json`, { method: 'POST', body: 'plain' });
    expect(last().headers['content-type']).toBe('text/plain;charset=UTF-8');
    await pooledFetch(new URL(`${base}/json`), {
      method: 'POST',
      body: new URLSearchParams({ channel: 'C1', text: 'a&b' }),
    });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(last().body).toBe('channel=C1&text=a%26b');
    await pooledFetch(`${base}/json`, {
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/octet-stream' }),
      body: Buffer.from('bytes'),
    });
    expect(last()).toMatchObject({
      body: 'bytes',
      headers: { 'content-type': 'application/octet-stream' },
    });
  });

  it('sends a GET without a body and asks for no compression', async () => {
    await pooledFetch(`${base}/json?x=1`);
    expect(last()).toMatchObject({ method: 'GET', url: '/json?x=1', body: '' });
    expect(last().headers['accept-encoding']).toBe('identity');
  });

  it('answers a 204 with an empty body and keeps error statuses as answers, as fetch does', async () => {
    const empty = await pooledFetch(`${base}/empty`, { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const refused = await pooledFetch(`${base}/refused`);
    expect(refused.ok).toBe(false);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toEqual({ code: 429, message: 'busy' });
  });

  it('keeps repeated header values apart', async () => {
    const response = await pooledFetch(`${base}/cookies`);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('follows a redirect, reporting url and redirected as the Response it replaces did', async () => {
    const response = await pooledFetch(`${base}/moved`, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(last()).toMatchObject({ method: 'GET', url: '/json', body: '' });
    expect(await response.json()).toEqual({ ok: true, echoed: '' });
    expect(response.url).toBe('');
    expect(response.redirected).toBe(false);
  });

  it('reads headers by any case, repeated ones joined, and the body once, as fetch does', async () => {
    const response = await pooledFetch(`${base}/headers`);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.headers.get('X-REQUEST-ID')).toBe('r-1');
    expect(response.headers.has('Vary')).toBe(true);
    expect(response.headers.get('vary')).toBe('accept, origin');
    expect([...response.headers.keys()]).toEqual([...response.headers.keys()].sort());
    expect(response.statusText).toBe('');
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('hello');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
    const bytes = await pooledFetch(`${base}/refused`).then((r) => r.arrayBuffer());
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ code: 429, message: 'busy' });
  });

  it('has no body for a 204', async () => {
    const empty = await pooledFetch(`${base}/empty`);
    expect(empty.body).toBeNull();
    expect(await empty.arrayBuffer()).toEqual(new ArrayBuffer(0));
  });

  it('builds no Response, Headers or stream to post, read a header and parse the answer', async () => {
    const built = countWebObjects();
    const response = await pooledFetch(`${base}/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true, echoed: '{"text":"hi"}' });
    expect(built).toEqual([]);
  });

  it("answers ofetch as Zoom's client and token provider read it", async () => {
    const http = ofetch.create({ retry: 0 }, { fetch: pooledFetch });
    expect(await http(`${base}/json`, { method: 'POST', body: { a: 1 } })).toEqual({
      ok: true,
      echoed: '{"a":1}',
    });
    const raw = await http.raw<string, 'text'>(`${base}/json`, { responseType: 'text' });
    expect(raw._data).toBe('{"ok":true,"echoed":""}');
    expect(raw.ok).toBe(true);
    const refusal = await http(`${base}/refused`).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FetchError);
    expect(refusal).toMatchObject({ status: 429, data: { code: 429, message: 'busy' } });
    expect((refusal as FetchError).response?.headers.get('retry-after')).toBe('3');
  });

  it("refuses a redirect when asked to, with fetch's rejection, and follows none", async () => {
    const before = seen.length;
    const refusals: unknown[] = [];
    for (const fetchImpl of [pooledFetch, fetch]) {
      refusals.push(await fetchImpl(`${base}/moved`, { redirect: 'error' }).catch((e) => e));
    }
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(TypeError);
      expect(refusal).toMatchObject({
        message: 'fetch failed',
        cause: { message: 'unexpected redirect' },
      });
    }
    expect(seen.slice(before).map((one) => one.url)).toEqual(['/moved', '/moved']);
    const answer = await pooledFetch(`${base}/json`, { redirect: 'error' });
    expect(await answer.json()).toEqual({ ok: true, echoed: '' });
  });

  it('answers the Web API client, which asks for no redirects, without the fallback', async () => {
    fallback.mockClear();
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `${base}/api/`,
      fetch: pooledFetch,
      retryConfig: { retries: 0 },
    });
    const result = await client.chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(result).toMatchObject({
      ok: true,
      channel: 'C1',
      response_metadata: { scopes: ['chat:write', 'commands'] },
    });
    const echoed = 'echoed' in result ? String(result.echoed) : '';
    expect(new URLSearchParams(echoed).get('text')).toBe('hi');
    expect(last().headers.authorization).toBe('Bearer xoxb-test');
    expect(fallback).not.toHaveBeenCalled();
  });

  it("answers Bolt's respond(), which reads only ok and status", async () => {
    const built = countWebObjects();
    const answered = await createRespond(pooledFetch, `${base}/json`)({ text: 'hi' });
    expect(built).toEqual([]);
    expect(last()).toMatchObject({ body: '{"text":"hi"}' });
    expect(answered).toBeDefined();
    await expect(createRespond(pooledFetch, `${base}/refused`)('hi')).rejects.toMatchObject({
      code: 'slack_bolt_respond_error',
      statusCode: 429,
    });
  });

  it('reuses one connection for requests one after another', async () => {
    const before = connections;
    for (let i = 0; i < 20; i += 1) await (await pooledFetch(`${base}/json`)).text();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("rejects with the signal's reason when aborted, before or during the request", async () => {
    const reason = new DOMException('took too long', 'TimeoutError');
    await expect(pooledFetch(`${base}/json`, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    const controller = new AbortController();
    const pending = pooledFetch(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('rejects a refused connection as fetch does: a TypeError with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = await pooledFetch(`http://127.0.0.1:${port}/`).catch((error) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('hands what it does not send itself to the fallback unchanged', async () => {
    fallback.mockClear();
    const form = new FormData();
    form.set('file', 'x');
    const formInit = { method: 'POST', body: form };
    expect(await (await pooledFetch(`${base}/json`, formInit)).text()).toBe('from fallback');
    const request = new Request(`${base}/json`);
    await pooledFetch(request);
    await pooledFetch(`${base}/moved`, { redirect: 'manual' });
    expect(fallback.mock.calls).toEqual([
      [`${base}/json`, formInit],
      [request, undefined],
      [`${base}/moved`, { redirect: 'manual' }],
    ]);
  });
});
