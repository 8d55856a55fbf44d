import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of V8's `.cpuprofile` (written by `node --cpu-prof`) that a summary needs. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  /** Microseconds before each sample. */
  readonly timeDeltas: readonly number[];
}

/** Milliseconds spent somewhere. */
export interface TimeShare {
  readonly name: string;
  readonly ms: number;
}

/** Where a process's CPU time went. */
export interface ProfileSummary {
  /** Time with the CPU busy (idle excluded). */
  readonly busyMs: number;
  /** Self time by package (`node_modules`), Node.js module, app file, GC or V8. */
  readonly byArea: readonly TimeShare[];
  /** Functions with the most self time. */
  readonly topSelf: readonly TimeShare[];
  /** App functions (under `src/` or `dist/`) with the most time in them and what they call. */
  readonly topAppInclusive: readonly TimeShare[];
}

const TOP_COUNT = 15;
const US_PER_MS = 1000;
const IDLE = '(idle)';

const areaOf = (url: string, functionName: string, appRoot: string): string => {
  if (url === '') return functionName === '(garbage collector)' ? 'GC' : `V8 ${functionName}`;
  if (url.startsWith('node:'))
    return `node:${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? url);
  }
  if (url.startsWith(appRoot)) return `app ${url.slice(appRoot.length).replace(/\.[jt]s$/, '')}`;
  return url;
};

const top = (times: Map<string, number>, count: number): TimeShare[] =>
  [...times]
    .map(([name, us]) => ({ name, ms: us / US_PER_MS }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);

const add = (times: Map<string, number>, key: string, us: number) =>
  times.set(key, (times.get(key) ?? 0) + us);

/**
 * Summarises a V8 CPU profile: self time by area and by function, and inclusive time of the
 * app's own functions (each counted once per sample even when recursive). Async functions show
 * only their synchronous stretches, as in every sampling profile.
 */
export const summariseProfile = (profile: CpuProfile, repoRoot: string): ProfileSummary => {
  const appRoot = pathToFileURL(repoRoot).href.replace(/\/?$/, '/');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const appInclusive = new Map<string, number>();
  let busyUs = 0;
  const keyOf = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return undefined;
    const where = frame.url.startsWith(appRoot) ? frame.url.slice(appRoot.length) : frame.url;
    return {
      key: `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`,
      isApp: frame.url.startsWith(appRoot) && !frame.url.includes('/node_modules/'),
      frame,
    };
  };
  for (const [id, us] of selfUs) {
    const own = keyOf(id);
    if (own === undefined || own.frame.functionName === IDLE) continue;
    busyUs += us;
    add(byArea, areaOf(own.frame.url, own.frame.functionName, appRoot), us);
    add(byFunction, own.key, us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = keyOf(at);
      if (frame?.isApp === true && !seen.has(frame.key)) {
        seen.add(frame.key);
        add(appInclusive, frame.key, us);
      }
    }
  }
  return {
    busyMs: busyUs / US_PER_MS,
    byArea: top(byArea, TOP_COUNT),
    topSelf: top(byFunction, TOP_COUNT),
    topAppInclusive: top(appInclusive, TOP_COUNT),
  };
};

/** `CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile`: thread 0 is the main thread. */
const MAIN_THREAD_PROFILE = /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/;

/**
 * Reads the main thread's profile from the files `node --cpu-prof` wrote into `dir` (each thread
 * writes its own: under tsx, its module loader's worker writes a second one).
 */
export const readCpuProfile = (dir: string): CpuProfile => {
  const file = readdirSync(dir).find((name) => MAIN_THREAD_PROFILE.test(name));
  if (file === undefined)
    throw new Error(`No main-thread .cpuprofile in ${dir}: did the app exit cleanly?`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
};
