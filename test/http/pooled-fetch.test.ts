import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

  it('follows a redirect', async () => {
    const response = await pooledFetch(`${base}/moved`);
    expect(response.status).toBe(200);
    expect(last().url).toBe('/json');
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
