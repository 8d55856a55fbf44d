import { describe, expect, it } from 'vitest';
import type { RawResponseHeaders } from '../../src/http/light-headers.js';
import { LightResponse } from '../../src/http/light-response.js';

/** Headers as undici's `request()` answers them. */
const RAW: RawResponseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'x-oauth-scopes': 'chat:write,commands',
  'set-cookie': ['a=1; Path=/', 'b=2'],
  vary: ['accept', 'origin'],
  date: 'Tue, 01 Jul 2025 10:00:00 GMT',
  'x-absent': undefined,
};

const BODY = '{"ok":true,"text":"héllo"}';

/** The answer the pooled fetch used to build, and the light one that replaces it. */
const pair = (status = 200, raw: RawResponseHeaders = RAW, body: string | null = BODY) => {
  const bytes = () => (body === null ? null : new TextEncoder().encode(body).buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of typeof value === 'string' ? [value] : (value ?? []))
      headers.append(name, one);
  }
  return {
    real: new Response(bytes(), { status, headers }),
    light: new LightResponse(status, raw, bytes()),
  };
};

const failureOf = async (read: () => Promise<unknown>): Promise<unknown> =>
  read().then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a light response reads as the Response it replaces', () => {
  it('reports status, ok, url, redirected, statusText and type alike', () => {
    for (const status of [200, 201, 299, 404, 429, 500]) {
      const { real, light } = pair(status);
      for (const read of [
        (r: Response) => r.status,
        (r: Response) => r.ok,
        (r: Response) => r.url,
        (r: Response) => r.redirected,
        (r: Response) => r.statusText,
        (r: Response) => r.type,
        (r: Response) => r.bodyUsed,
        (r: Response) => Object.prototype.toString.call(r),
        (r: Response) => Object.keys(r),
      ]) {
        expect(read(light)).toEqual(read(real));
      }
    }
  });

  it('reads headers by any case, joins repeated ones and keeps cookies apart', () => {
    const { real, light } = pair();
    for (const name of [
      'Content-Type',
      'X-OAUTH-SCOPES',
      'set-cookie',
      'Vary',
      'x-absent',
      'nope',
    ]) {
      expect(light.headers.get(name)).toBe(real.headers.get(name));
      expect(light.headers.has(name)).toBe(real.headers.has(name));
    }
    expect(light.headers.getSetCookie()).toEqual(real.headers.getSetCookie());
    expect(pair(200, {}).light.headers.getSetCookie()).toEqual([]);
    expect(light.headers.get('vary')).toBe('accept, origin');
  });

  it('iterates headers as a Headers does: sorted, each cookie on its own', () => {
    const { real, light } = pair();
    expect([...light.headers]).toEqual([...real.headers]);
    expect([...light.headers.entries()]).toEqual([...real.headers.entries()]);
    expect([...light.headers.keys()]).toEqual([...real.headers.keys()]);
    expect([...light.headers.values()]).toEqual([...real.headers.values()]);
    expect(Object.fromEntries(light.headers.entries())).toEqual(
      Object.fromEntries(real.headers.entries()),
    );
    const seen: [string, string][] = [];
    light.headers.forEach((value, name, headers) => {
      expect(headers).toBe(light.headers);
      seen.push([name, value]);
    });
    expect(seen).toEqual([...real.headers]);
    expect([...new Headers(light.headers)]).toEqual([...real.headers]);
    expect(light.headers).toBe(light.headers);
  });

  it("refuses writes to its headers as a fetch answer's are refused", () => {
    const { light } = pair();
    expect(() => light.headers.set('x', '1')).toThrow(TypeError);
    expect(() => light.headers.append('x', '1')).toThrow(TypeError);
    expect(() => light.headers.delete('date')).toThrow(TypeError);
  });

  it('reads the body as text, JSON, bytes, a Blob or an ArrayBuffer', async () => {
    const readers = [
      (r: Response) => r.text(),
      (r: Response) => r.json(),
      async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()),
      async (r: Response) => {
        const blob = await r.blob();
        return [blob.type, await blob.text()];
      },
    ];
    for (const read of readers) {
      const { real, light } = pair();
      expect(await read(light)).toEqual(await read(real));
      expect(light.bodyUsed).toBe(true);
    }
    expect(new TextDecoder().decode(await pair().light.bytes())).toBe(BODY);
  });

  it('reads a body once, then rejects with a TypeError as fetch does', async () => {
    const { real, light } = pair();
    await real.text();
    expect(await light.json()).toEqual({ ok: true, text: 'héllo' });
    const again = await failureOf(() => light.text());
    expect(again).toBeInstanceOf(TypeError);
    expect(again).toEqual(await failureOf(() => real.text()));
    expect(await failureOf(() => light.arrayBuffer())).toBeInstanceOf(TypeError);
    expect(await failureOf(() => light.blob())).toBeInstanceOf(TypeError);
    expect(() => light.clone()).toThrow(TypeError);
    expect(light.body?.locked).toBe(true);
  });

  it('drops a byte order mark and rejects JSON that is not, as fetch does', async () => {
    expect(await pair(200, RAW, '\ufeff{"a":1}').light.json()).toEqual({ a: 1 });
    const { real, light } = pair(200, RAW, 'not json');
    const failure = await failureOf(() => light.json());
    expect(failure).toBeInstanceOf(SyntaxError);
    expect(await failureOf(() => real.json())).toBeInstanceOf(SyntaxError);
  });

  it('has no body for a 204, and reading it gives nothing however often', async () => {
    const { real, light } = pair(204, {}, null);
    expect(light.body).toBeNull();
    expect(real.body).toBeNull();
    expect(await light.text()).toBe('');
    expect(await light.text()).toBe('');
    expect(light.bodyUsed).toBe(false);
    expect((await light.arrayBuffer()).byteLength).toBe(0);
    expect(light.clone().status).toBe(204);
  });

  it('has a body of nothing for an empty 200, as fetch does', async () => {
    const { real, light } = pair(200, {}, '');
    expect(light.body).not.toBeNull();
    expect(real.body).not.toBeNull();
    expect(await light.text()).toBe('');
    expect(light.bodyUsed).toBe(true);
  });

  it('streams its body when asked, and a streamed body cannot be read again', async () => {
    const { light } = pair();
    const body = light.body;
    if (body === null) throw new Error('a body was expected');
    expect(light.body).toBe(body);
    expect(light.bodyUsed).toBe(false);
    expect(await new Response(body).text()).toBe(BODY);
    expect(light.bodyUsed).toBe(true);
    expect(await failureOf(() => light.text())).toBeInstanceOf(TypeError);
  });

  it('reads a body whose stream was only looked at, as ofetch does, and locks the stream', async () => {
    const { light } = pair();
    expect(light.body).not.toBeNull();
    expect(await light.text()).toBe(BODY);
    expect(light.body?.locked).toBe(true);
    expect(() => light.body?.getReader()).toThrow(TypeError);
  });

  it('refuses to read a body whose stream is locked by a reader', async () => {
    const { light } = pair();
    light.body?.getReader();
    expect(await failureOf(() => light.text())).toBeInstanceOf(TypeError);
    expect(() => light.clone()).toThrow(TypeError);
  });

  it('clones into an answer with a body of its own', async () => {
    const { light } = pair(429);
    const copy = light.clone();
    expect(copy.status).toBe(429);
    expect(copy.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const copied = await copy.arrayBuffer();
    new Uint8Array(copied).fill(0);
    expect(await light.text()).toBe(BODY);
  });

  it('leaves ofetch room to note the parsed body on it', () => {
    const { light } = pair();
    Object.assign(light, { _data: { ok: true } });
    expect(light).toHaveProperty('_data', { ok: true });
  });
});
