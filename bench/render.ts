import { Bench } from 'tinybench';
import { renderSessionsPage } from '../src/render/sessions-page.js';
import type { RenderContext, SessionsPageModel } from '../src/render/types.js';
import type { ZoomParticipant, ZoomSmsSession } from '../src/zoom/schemas.js';
import { sessionFromZoom } from '../src/zoom/to-domain.js';
import type { Spread } from './stats.js';

/** Zoom's largest page, and the one the issue asks to time. */
const PAGE_SESSIONS = 100;
/** Zoom allows ten participants a session. */
const MAX_PARTICIPANTS = 10;
const LONG_NAME_CHARS = 300;
const MINUTE_MS = 60_000;
const US_PER_MS = 1000;
const WARMUP_MAX_MS = 500;
const WARMUP_MAX_ITERATIONS = 16;

const NOW = new Date('2026-11-26T12:00:00Z');
const CTX: RenderContext = { now: NOW, timeZone: 'America/New_York' };
const SUBJECT = 'U0BENCH01';

const zoomTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const owner: ZoomParticipant = {
  display_name: 'Alex Rivera',
  phone_number: '14155550100',
  is_session_owner: true,
  owner: { id: 'zoom-alex', type: 'user' },
};

const contact = (name: string, index: number): ZoomParticipant => ({
  display_name: name,
  phone_number: `1415555${String(1000 + index).padStart(4, '0')}`,
  is_session_owner: false,
});

const typicalSession = (index: number): ZoomSmsSession => ({
  session_id: `typical-${index}`,
  session_type: 'user',
  last_access_time: zoomTime(NOW.getTime() - index * 37 * MINUTE_MS),
  participants: [owner, contact(`Contact ${index + 1}`, index)],
});

const longName = (index: number) =>
  `<b>Ünïcødé & Sons ${index}</b> 👩‍👩‍👧‍👦 ${'Q&A <x> '.repeat(40)}`.slice(0, LONG_NAME_CHARS);

const worstSession = (index: number): ZoomSmsSession => ({
  session_id: `worst-${index}`,
  session_type: index % 2 === 0 ? 'call_queue' : 'user',
  last_access_time: zoomTime(NOW.getTime() - index * MINUTE_MS),
  participants: Array.from({ length: MAX_PARTICIPANTS }, (_, p) =>
    contact(`${p}${longName(index)}`, p),
  ),
});

const pageOf = (zoomSessions: ZoomSmsSession[]): SessionsPageModel => ({
  subject: { slackUserId: SUBJECT, zoomUser: 'alex@example.com', isSelf: true },
  cursor: {
    subject: { kind: 'slack-user', slackUserId: SUBJECT },
    query: {
      sessionType: 'all',
      filterType: 'last_message_time',
      from: zoomTime(NOW.getTime() - 30 * 24 * 60 * MINUTE_MS),
      to: zoomTime(NOW.getTime()),
      pageSize: PAGE_SESSIONS,
    },
    token: '',
    trail: [],
    page: 1,
  },
  page: { sessions: zoomSessions.map(sessionFromZoom), nextPageToken: 'next-page-token' },
  notes: [{ kind: 'default-window', days: 30 }],
});

/** The typical page's model: 10 sessions, one contact each. */
const typicalPage = (): SessionsPageModel =>
  pageOf(Array.from({ length: 10 }, (_, i) => typicalSession(i)));

/**
 * The typical page as the app renders it (bench/floor-bolt.ts answers every command with it, so
 * the floor sends what the app sends, byte for byte in size).
 */
export const typicalPageMessage = () => renderSessionsPage(typicalPage(), CTX);

/** How long rendering one page takes. */
export interface RenderResult {
  readonly page: string;
  readonly meanUs: number;
  readonly us: Spread;
  readonly opsPerSecond: number;
  /** Size of the rendered message as JSON, so a reader sees what the time bought. */
  readonly messageBytes: number;
}

/**
 * Times `renderSessionsPage` with tinybench on a typical page (the default 10 sessions, one
 * contact each, as most SMS conversations are), a page of 100 such sessions and the worst the renderer must fit into one message
 * (ten participants with 300-character names full of characters to escape).
 */
export const benchmarkRendering = async (options: {
  readonly timeMs: number;
  readonly iterations: number;
}): Promise<RenderResult[]> => {
  const pages = [
    {
      page: '10 sessions, one contact each (a typical page)',
      model: typicalPage(),
    },
    {
      page: '100 sessions, one contact each',
      model: pageOf(Array.from({ length: PAGE_SESSIONS }, (_, i) => typicalSession(i))),
    },
    {
      page: '100 sessions, 10 participants with 300-character names',
      model: pageOf(Array.from({ length: PAGE_SESSIONS }, (_, i) => worstSession(i))),
    },
  ];
  const bench = new Bench({
    time: options.timeMs,
    iterations: options.iterations,
    warmupTime: Math.min(options.timeMs, WARMUP_MAX_MS),
    warmupIterations: Math.min(options.iterations, WARMUP_MAX_ITERATIONS),
  });
  for (const { page, model } of pages) bench.add(page, () => renderSessionsPage(model, CTX));
  await bench.run();
  return pages.map(({ page, model }) => {
    const result = bench.getTask(page)?.result;
    if (result === undefined || !('latency' in result)) {
      throw new Error(`Rendering "${page}" did not complete: ${result?.state ?? 'no task'}`);
    }
    return {
      page,
      meanUs: result.latency.mean * US_PER_MS,
      us: { p50: result.latency.p50 * US_PER_MS, p99: result.latency.p99 * US_PER_MS },
      opsPerSecond: 1000 / result.latency.mean,
      messageBytes: Buffer.byteLength(JSON.stringify(renderSessionsPage(model, CTX))),
    };
  });
};
