import { expect } from 'vitest';
import { z } from 'zod';
import {
  createDemoDataset,
  createDemoZoom,
  type DemoDataset,
  type DemoZoom,
  type DemoZoomOptions,
} from '../../src/demo-zoom/index.js';
import { zoomSmsSessionsPageSchema } from '../../src/zoom/schemas.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';

/** The Server-to-Server app the test Zooms accept. */
export const CREDENTIALS = {
  accountId: 'AcCoUnT-demo-0001',
  clientId: 'client-demo',
  clientSecret: 's3cr3t-demo',
} as const;

/** Where the fake clock starts in these tests. */
export const NOW = '2026-11-26T12:00:00Z';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** An HTTP answer, body already parsed as JSON when it is JSON. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A listening demo Zoom and what a test does with it. */
export interface Harness {
  readonly zoom: DemoZoom;
  readonly clock: FakeClock;
  readonly dataset: DemoDataset;
  readonly baseUrl: string;
  readonly tokenUrl: string;
  /** `POST /oauth/token` with the right credentials; the access token. */
  token(): Promise<string>;
  /** `GET {baseUrl}{path}` with a fresh token unless `token` is given (`null`: no header). */
  get(path: string, query?: Record<string, string>, token?: string | null): Promise<Answer>;
}

const open: DemoZoom[] = [];

/** Reads an answer: JSON bodies parsed, others as text. */
export const readAnswer = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json') === true;
  return {
    status: response.status,
    headers: response.headers,
    body: json ? JSON.parse(text) : text,
  };
};

/** Basic credentials as Zoom wants them. */
export const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** Starts a demo Zoom on 127.0.0.1:0 with the demo dataset unless told otherwise. */
export const startDemoZoom = async (
  overrides: Partial<Omit<DemoZoomOptions, 'clock'>> = {},
): Promise<Harness> => {
  const clock = createFakeClock(NOW);
  const dataset = overrides.dataset ?? createDemoDataset({ now: clock.now() });
  const zoom = createDemoZoom({ credentials: CREDENTIALS, ...overrides, dataset, clock });
  open.push(zoom);
  const { baseUrl, tokenUrl } = await zoom.listen();
  const token = async (): Promise<string> => {
    const url = `${tokenUrl}?grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret) },
    });
    const body = z.object({ access_token: z.string() }).parse(await response.json());
    return body.access_token;
  };
  return {
    zoom,
    clock,
    dataset,
    baseUrl,
    tokenUrl,
    token,
    get: async (path, query = {}, given) => {
      const bearer = given === undefined ? await token() : given;
      const url = `${baseUrl}${path}?${new URLSearchParams(query)}`;
      const headers: Record<string, string> =
        bearer === null ? {} : { authorization: `Bearer ${bearer}` };
      return readAnswer(await fetch(url, { headers }));
    },
  };
};

/** Closes every demo Zoom a test started (for `afterEach`). */
export const closeDemoZooms = async (): Promise<void> => {
  await Promise.all(open.splice(0).map((zoom) => zoom.close()));
};

/** The path of "Get user's SMS sessions" for `user` (an id or an email). */
export const listPath = (user: string): string =>
  `/phone/users/${encodeURIComponent(user)}/sms/sessions`;

/** One page of "Get user's SMS sessions", which must be a 200 the app's schema accepts. */
export const listPage = async (
  harness: Harness,
  user: string,
  query: Record<string, string> = {},
): Promise<z.infer<typeof zoomSmsSessionsPageSchema>> => {
  const answer = await harness.get(listPath(user), query);
  expect(answer.status).toBe(200);
  return zoomSmsSessionsPageSchema.parse(answer.body);
};
