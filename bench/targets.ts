import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/free-port.js';
import type { AppRuntime } from './options.js';
import { type ProcessSample, sampleProcess } from './proc-stat.js';
import { productionNodeFlags } from './production-flags.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, BENCH_ZOOM_CREDENTIALS } from './workload.js';

/** The checkout's root, where `dist/`, `src/` and `node_modules/` are. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** How long a process may take to answer `GET /healthz` after it is spawned. */
const START_TIMEOUT_MS = 30_000;
/** The app gives in-flight work 10 s after SIGTERM; then the bench kills it. */
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_CHARS = 4_000;

/**
 * The app's limits, lifted for the fake Zoom: `ZOOM_RATE_LIMIT_PER_SECOND=0` is "no client-side
 * limit" (the app refuses it unless Zoom is on loopback, as here), so 200 distinct pages a second
 * measure the app and not a queue in front of a real account's 5–10 requests a second. Each
 * person's allowance stays on, with a burst the bench never reaches, so its cost is measured but
 * it refuses nothing.
 */
export const APP_LIMITS_FOR_THE_BENCH = {
  ZOOM_RATE_LIMIT_PER_SECOND: '0',
  ZOOM_DAILY_LIMIT: '10000000',
  ZOOM_USER_BURST: '10000',
  ZOOM_USER_PER_MINUTE: '60000',
};

/** Node options that let the bench read a process's heap after a full GC (bench/heap-probe.mjs). */
const HEAP_PROBE = ['--expose-gc', '--import', './bench/heap-probe.mjs'];

/** What every bench process is given to reach the fake Slack, and where it listens. */
const slackEnv = (slackApiUrl: string, port: number) => ({
  NODE_ENV: 'production',
  PORT: String(port),
  SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
  SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
  SLACK_API_URL: slackApiUrl,
});

/** What a process that asks Zoom for pages (the app, the floor) is given to reach the fake Zoom. */
const zoomEnv = (options: { readonly zoomBaseUrl: string; readonly zoomTokenUrl: string }) => ({
  ZOOM_ACCOUNT_ID: BENCH_ZOOM_CREDENTIALS.accountId,
  ZOOM_CLIENT_ID: BENCH_ZOOM_CREDENTIALS.clientId,
  ZOOM_CLIENT_SECRET: BENCH_ZOOM_CREDENTIALS.clientSecret,
  ZOOM_API_BASE_URL: options.zoomBaseUrl,
  ZOOM_OAUTH_TOKEN_URL: options.zoomTokenUrl,
});

/** Heap used after a full GC, and resident size, as the process itself reads them. */
export interface HeapReading {
  readonly heapUsedBytes: number;
  /** The heap V8 holds from the system, used or not. */
  readonly heapTotalBytes: number;
  /** Memory outside the heap that V8 knows of: Buffers, array buffers, native objects. */
  readonly externalBytes: number;
  readonly rssBytes: number;
}

/** A process under test, listening on 127.0.0.1. */
export interface TargetProcess {
  readonly name: string;
  readonly pid: number;
  /** `http://127.0.0.1:PORT/slack/events`. */
  readonly eventsUrl: string;
  /** Where its stdout and stderr go. */
  readonly logPath: string;
  sample(): ProcessSample;
  /** Heap used after a full GC (bench/heap-probe.mjs); rejects when the process has no probe. */
  heap(): Promise<HeapReading>;
  /** Writes a heap snapshot to `path` after a full GC (bench/heap-probe.mjs). */
  snapshot(path: string): Promise<void>;
  /** From spawning the process to its first 200 from `/healthz`. */
  readonly startMs: number;
  /** SIGTERM, then SIGKILL if it has not exited in time; resolves with how it exited. */
  stop(): Promise<string>;
}

const logTail = (path: string): string => {
  try {
    return readFileSync(path, 'utf8').slice(-LOG_TAIL_CHARS);
  } catch {
    return '(no log)';
  }
};

const exitOf = (child: ChildProcess): string | undefined => {
  if (child.exitCode !== null) return `exit code ${child.exitCode}`;
  if (child.signalCode !== null) return `signal ${child.signalCode}`;
  return undefined;
};

/** How often start-up polls `/healthz`: fine enough to time a start of a second or so. */
const HEALTH_POLL_FAST_MS = 10;

const waitHealthy = async (child: ChildProcess, origin: string, name: string, logPath: string) => {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exited = exitOf(child);
    if (exited !== undefined) {
      throw new Error(`${name} stopped during start-up (${exited}):\n${logTail(logPath)}`);
    }
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(HEALTH_POLL_FAST_MS);
  }
  child.kill('SIGKILL');
  throw new Error(
    `${name} did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${logTail(logPath)}`,
  );
};

interface SpawnSpec {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  readonly logPath: string;
  /** Runs this instead of Node (`npm`); then it runs in its own process group, stopped as one. */
  readonly command?: string;
}

const HEAP_TIMEOUT_MS = 10_000;

const readHeap = (child: ChildProcess, name: string): Promise<HeapReading> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', answer);
      reject(new Error(`${name} did not report its heap`));
    }, HEAP_TIMEOUT_MS);
    const answer = (message: unknown) => {
      clearTimeout(timer);
      child.off('message', answer);
      resolve(message as HeapReading);
    };
    child.on('message', answer);
    child.send('heap');
  });

const SNAPSHOT_TIMEOUT_MS = 120_000;

const writeSnapshot = (child: ChildProcess, name: string, path: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', answer);
      reject(new Error(`${name} did not write its heap snapshot`));
    }, SNAPSHOT_TIMEOUT_MS);
    const answer = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('snapshotPath' in message)) return;
      clearTimeout(timer);
      child.off('message', answer);
      resolve();
    };
    child.on('message', answer);
    child.send({ snapshot: path });
  });

const spawnTarget = async (spec: SpawnSpec): Promise<TargetProcess> => {
  const log = openSync(spec.logPath, 'a');
  const spawnedAt = performance.now();
  const child = spawn(spec.command ?? process.execPath, [...spec.args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...spec.env },
    stdio: spec.command === undefined ? ['ignore', log, log, 'ipc'] : ['ignore', log, log],
    detached: spec.command !== undefined,
  });
  closeSync(log);
  const origin = `http://127.0.0.1:${spec.port}`;
  await waitHealthy(child, origin, spec.name, spec.logPath);
  const startMs = performance.now() - spawnedAt;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name} has no pid`);
  return {
    name: spec.name,
    pid,
    eventsUrl: `${origin}/slack/events`,
    logPath: spec.logPath,
    startMs,
    heap: () => readHeap(child, spec.name),
    snapshot: (path) => writeSnapshot(child, spec.name, path),
    sample: () => {
      const exited = exitOf(child);
      if (exited !== undefined) {
        throw new Error(`${spec.name} stopped (${exited}):\n${logTail(spec.logPath)}`);
      }
      return sampleProcess(pid);
    },
    stop: async () => {
      const exited = exitOf(child);
      if (exited !== undefined) return exited;
      const exit = once(child, 'exit');
      const signal = (name: NodeJS.Signals) =>
        spec.command === undefined ? child.kill(name) : process.kill(-pid, name);
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), STOP_TIMEOUT_MS);
      await exit;
      clearTimeout(timer);
      return exitOf(child) ?? 'exited';
    },
  };
};

/** Where the app under test finds the fakes, and where it may write. */
export interface AppTargetOptions {
  /** Names the process, its log and its database, so two runs of the app never share a file. */
  readonly instance: string;
  readonly runtime: AppRuntime;
  readonly slackApiUrl: string;
  readonly zoomBaseUrl: string;
  readonly zoomTokenUrl: string;
  /** A scratch folder for the SQLite file, the log and CPU profiles. */
  readonly workDir: string;
  /** When set, the app runs under `node --cpu-prof` and writes its profile here on exit. */
  readonly profileDir?: string;
  /** `npm start` instead of `node dist/index.js` (start-up timing of issue #12). */
  readonly viaNpmStart?: boolean;
}

/**
 * Starts the app as production does (`node dist/index.js`, or `src/index.ts` under tsx, with the
 * Dockerfile's Node flags: {@link productionNodeFlags}) in HTTP mode, configured only through its environment, with `NODE_ENV=production` and `LOG_LEVEL=info`
 * (logs go to a file, as they would go to a collector). Resolves once `/healthz` answers.
 */
export const startAppProcess = async (options: AppTargetOptions): Promise<TargetProcess> => {
  const port = await freePort();
  const entry =
    options.runtime === 'dist' ? ['dist/index.js'] : ['--import', 'tsx', 'src/index.ts'];
  const profile =
    options.profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', options.profileDir];
  const npm = options.viaNpmStart === true;
  return spawnTarget({
    name: options.instance,
    ...(npm ? { command: 'npm' } : {}),
    args: npm
      ? ['start', '--silent']
      : [...productionNodeFlags(REPO_ROOT), ...profile, ...HEAP_PROBE, ...entry],
    port,
    logPath: join(options.workDir, `${options.instance}.log`),
    env: {
      ...slackEnv(options.slackApiUrl, port),
      ...zoomEnv(options),
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(options.workDir, `${options.instance}.db`),
      ...APP_LIMITS_FOR_THE_BENCH,
    },
  });
};

/**
 * Starts one of the bench's own Bolt scripts (under tsx with the app's Node flags: the
 * Dockerfile's heap caps are the container's, and would bound any Bolt app run in it); resolves
 * once `/healthz` answers.
 */
const startBenchScript = async (spec: {
  readonly name: string;
  readonly script: string;
  /** Its log's file name in `workDir`. */
  readonly log: string;
  readonly slackApiUrl: string;
  readonly workDir: string;
  readonly env?: Readonly<Record<string, string>>;
}): Promise<TargetProcess> => {
  const port = await freePort();
  return spawnTarget({
    name: spec.name,
    args: [...productionNodeFlags(REPO_ROOT), ...HEAP_PROBE, '--import', 'tsx', spec.script],
    port,
    logPath: join(spec.workDir, spec.log),
    env: { ...slackEnv(spec.slackApiUrl, port), ...spec.env },
  });
};

/** Starts bench/bare-bolt.ts against the fake Slack. */
export const startBareBoltProcess = (options: {
  readonly slackApiUrl: string;
  readonly workDir: string;
}): Promise<TargetProcess> =>
  startBenchScript({
    name: 'bare Bolt',
    script: 'bench/bare-bolt.ts',
    log: 'bare-bolt.log',
    ...options,
  });

/** Where the floor (bench/floor-bolt.ts) finds the fakes. */
export interface FloorTargetOptions {
  readonly slackApiUrl: string;
  readonly zoomBaseUrl: string;
  readonly zoomTokenUrl: string;
  readonly workDir: string;
  /** FLOOR_ZOOM_PAGE_IN_ACK: a page from Zoom is awaited and answered in the ack. */
  readonly zoomPageInAck?: boolean;
}

/** Starts bench/floor-bolt.ts against the fakes. */
export const startFloorBoltProcess = (options: FloorTargetOptions): Promise<TargetProcess> =>
  startBenchScript({
    name: options.zoomPageInAck === true ? 'floor (Zoom page in the ack)' : 'floor',
    script: 'bench/floor-bolt.ts',
    log: options.zoomPageInAck === true ? 'floor-bolt-in-ack.log' : 'floor-bolt.log',
    slackApiUrl: options.slackApiUrl,
    workDir: options.workDir,
    env: {
      ...zoomEnv(options),
      FLOOR_ZOOM_PAGE_IN_ACK: options.zoomPageInAck === true ? '1' : '0',
    },
  });
