import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground } from '../playground/playground-harness.js';

type Started = Awaited<ReturnType<typeof startTestPlayground>>;

/** The token every playground accepted before each run made its own. */
const FIXED_DEMO_TOKEN = 'xoxb-playground-demo-token';

/** What a page on another site can make the visitor's browser send, without any preflight. */
const crossSiteForm = (origin: string, path: string, fields: Record<string, string>) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    },
    body: new URLSearchParams(fields).toString(),
  });

/** Issue 18 part 7: the playground stays a private toy. */
describe('the playground on loopback (issue 18, part 7)', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startTestPlayground();
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  it('refuses a cross-site form posting a message through its Web API', async () => {
    const response = await crossSiteForm(started.origin, '/api/chat.postMessage', {
      token: FIXED_DEMO_TOKEN,
      channel: 'C0GENERAL',
      text: 'Your session expired: log in at https://evil.example',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a cross-site form publishing a forged Home tab', async () => {
    const response = await crossSiteForm(started.origin, '/api/views.publish', {
      token: FIXED_DEMO_TOKEN,
      user_id: 'U0ALICE',
      view: JSON.stringify({ type: 'home', blocks: [] }),
    });
    expect(response.status).toBe(403);
  });

  it('accepts no fixed demo token, even from this machine', async () => {
    const response = await fetch(`${started.origin}/api/auth.test`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${FIXED_DEMO_TOKEN}`,
      },
      body: '',
    });
    expect(await response.json()).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('refuses a POST to a response_url from another origin or as a form', async () => {
    const asForm = await crossSiteForm(started.origin, '/response/anything', { text: 'x' });
    expect(asForm.status).toBe(403);
    const plain = await fetch(`${started.origin}/response/anything`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"text":"x"}',
    });
    expect(plain.status).toBe(415);
  });

  it('has no access key on loopback', () => {
    expect(started.playground.accessKey).toBeUndefined();
    expect(started.playground.url).not.toContain('key=');
  });
});

describe('the playground beyond loopback (issue 18, part 7)', () => {
  let started: Started;
  let local: string;

  beforeAll(async () => {
    started = await startTestPlayground({ host: '0.0.0.0' });
    local = `http://127.0.0.1:${started.playground.address.port}`;
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  it('prints a URL carrying a random access key', () => {
    const key = started.playground.accessKey;
    expect(key).toMatch(/^[\w-]{32}$/);
    expect(started.playground.url).toContain(`?key=${key}`);
  });

  it('refuses the page, its session and its actions without the key', async () => {
    expect((await fetch(`${local}/`)).status).toBe(403);
    expect((await fetch(`${local}/?key=not-the-key`)).status).toBe(403);
    expect((await fetch(`${local}/playground/session`)).status).toBe(403);
    const action = await fetch(`${local}/playground/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'U0ADMIN', text: '/sms-sessions' }),
    });
    expect(action.status).toBe(403);
  });

  it('lets the visitor in with the key, kept in a strict cookie', async () => {
    const entry = await fetch(`${local}/?key=${started.playground.accessKey}`, {
      redirect: 'manual',
    });
    expect(entry.status).toBe(303);
    const cookie = entry.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const jar = cookie.split(';')[0] ?? '';
    expect((await fetch(`${local}/`, { headers: { cookie: jar } })).status).toBe(200);
    const session = await fetch(`${local}/playground/session`, { headers: { cookie: jar } });
    expect(session.status).toBe(200);
    const action = await fetch(`${local}/playground/home`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: jar },
      body: JSON.stringify({ user: 'U0BOB' }),
    });
    expect(await action.json()).toEqual({ ok: true });
  });
});
