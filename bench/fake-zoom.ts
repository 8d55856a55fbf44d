import { systemClock } from '../src/clock.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  type DemoZoomAddress,
  demoSessions,
  demoUser,
} from '../src/demo-zoom/index.js';
import { BENCH_ZOOM_CREDENTIALS, type BenchPerson, SESSIONS_PER_PERSON } from './workload.js';

/**
 * How long before the run the newest session of each person was active: two days, so every
 * session (an hour apart) is inside both workloads' windows, the past 30 days up to now and the
 * 30 whole days up to yesterday (bench/workload.ts).
 */
const NEWEST_SESSION_AGE_MS = 2 * 86_400_000;

/** The demo Zoom of the bench, listening, and where. */
export interface BenchZoom {
  readonly zoom: DemoZoom;
  readonly address: DemoZoomAddress;
}

/**
 * The demo Zoom (src/demo-zoom: Zoom's real protocol over HTTP on 127.0.0.1) with every bench
 * person as a Zoom Phone user holding {@link SESSIONS_PER_PERSON} sessions, answering after
 * `latencyMs` as a real Zoom would take its time. No rate limit: the bench measures the app, and
 * the app's own limiter (if any) is configured out of the way by the bench.
 */
export const startBenchZoom = async (
  people: readonly BenchPerson[],
  latencyMs: number,
): Promise<BenchZoom> => {
  const newest = new Date(systemClock.now().getTime() - NEWEST_SESSION_AGE_MS);
  const users = people.map((person) => demoUser({ email: person.email }));
  const zoom = createDemoZoom({
    clock: systemClock,
    credentials: BENCH_ZOOM_CREDENTIALS,
    latencyMs,
    dataset: buildDataset({
      users,
      sessions: users.flatMap((user) => demoSessions(user, SESSIONS_PER_PERSON, { newest })),
    }),
  });
  return { zoom, address: await zoom.listen() };
};
