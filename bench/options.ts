import { parseArgs } from 'node:util';

/** How the app under test is started: compiled (`npm run build`, `node dist/index.js`) or from source with tsx. */
export type AppRuntime = 'dist' | 'tsx';

/** Everything one bench run does, in numbers. */
export interface BenchPlan {
  readonly quick: boolean;
  /** Write the results into docs/benchmarks.md (full runs only). */
  readonly write: boolean;
  /** Profile the app with `node --cpu-prof` during warm-up and load, and print where time goes. */
  readonly profile: boolean;
  /** Keep the scratch folder (logs, databases, profiles) after a successful run. */
  readonly keep: boolean;
  /**
   * Run only the app's memory run, writing heap snapshots after half the commands and after all
   * (kept in the scratch folder), and print what they hold.
   */
  readonly heapSnapshots: boolean;
  readonly runtime: AppRuntime;
  /** Latency the fake Zoom adds to every answer. */
  readonly zoomLatencyMs: number;
  /** Distinct Slack people sending commands, each with a Zoom user and sessions. */
  readonly users: number;
  /** Commands sent before measuring, at the load rate: JIT warm-up and one per person for the caches. */
  readonly warmupCommands: number;
  readonly loadRatePerSecond: number;
  readonly loadDurationS: number;
  /**
   * Alternating rounds for CPU per answer (bench/rounds.ts): how many, and how long each process's
   * step of each workload is in a round.
   */
  readonly cpuRounds: number;
  readonly cpuRoundStepS: number;
  /** Commands the app has handled in all when memory is read the last time. */
  readonly memoryCommands: number;
  /** Distinct people sending the memory run's commands. */
  readonly memoryPeople: number;
  /** Rates tried, lowest first, until one fails; a midpoint is tried between the last pass and the first failure. */
  readonly saturationRatesPerSecond: readonly number[];
  readonly saturationStepDurationS: number;
  /** How long the bench waits with no new answer before a step's missing answers count as lost. */
  readonly answerDrainTimeoutMs: number;
  /** Time tinybench spends on each rendering task, and the fewest renders it times. */
  readonly renderTimeMs: number;
  readonly renderIterations: number;
}

const FULL: Omit<
  BenchPlan,
  'write' | 'profile' | 'keep' | 'heapSnapshots' | 'runtime' | 'zoomLatencyMs'
> = {
  quick: false,
  users: 500,
  warmupCommands: 500,
  loadRatePerSecond: 200,
  loadDurationS: 10,
  cpuRounds: 5,
  cpuRoundStepS: 5,
  memoryCommands: 10_000,
  memoryPeople: 2_000,
  saturationRatesPerSecond: [25, 50, 100, 200, 400, 800, 1600, 3200],
  saturationStepDurationS: 5,
  answerDrainTimeoutMs: 10_000,
  renderTimeMs: 2_000,
  renderIterations: 64,
};

const QUICK: typeof FULL = {
  quick: true,
  users: 50,
  warmupCommands: 50,
  loadRatePerSecond: 50,
  loadDurationS: 2,
  cpuRounds: 1,
  cpuRoundStepS: 1,
  memoryCommands: 200,
  memoryPeople: 100,
  saturationRatesPerSecond: [50, 100],
  saturationStepDurationS: 1,
  answerDrainTimeoutMs: 5_000,
  renderTimeMs: 100,
  renderIterations: 3,
};

/** The fake Zoom's latency unless `--zoom-latency-ms` says otherwise: a typical Zoom API answer time. */
export const DEFAULT_ZOOM_LATENCY_MS = 150;

/** `npm run bench -- --help`. */
export const USAGE = `npm run bench -- [options]

  --quick                 a small run (under a minute) that proves the harness works
  --write                 write the results into docs/benchmarks.md (not with --quick)
  --profile               run the app under node --cpu-prof for warm-up and load only,
                          and print where its CPU time goes
  --keep                  keep the scratch folder (logs, databases, profiles)
  --heap-snapshots        the app's memory run only, with heap snapshots after half the
                          commands and after all (kept), and what they hold
  --runtime dist|tsx      how the app runs: compiled (builds first; default) or from source
                          with tsx (default with --quick)
  --zoom-latency-ms N     latency of the fake Zoom (default ${DEFAULT_ZOOM_LATENCY_MS})
  --rate N                commands a second in the load phase (default ${FULL.loadRatePerSecond}, quick ${QUICK.loadRatePerSecond})
  --duration-s N          length of the load phase (default ${FULL.loadDurationS}, quick ${QUICK.loadDurationS})
  --help                  this text
`;

const positive = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};

/**
 * Reads the command line into a plan: the full preset, or the quick one with `--quick`.
 * @returns `undefined` when `--help` was asked for.
 * @throws Error naming the offending option.
 */
export const parseBenchArgs = (argv: readonly string[]): BenchPlan | undefined => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'heap-snapshots': { type: 'boolean', default: false },
      runtime: { type: 'string' },
      'zoom-latency-ms': { type: 'string' },
      rate: { type: 'string' },
      'duration-s': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  if (values.write && values.quick) {
    throw new Error('--write records full runs only: drop --quick');
  }
  const runtime = values.runtime ?? (values.quick ? 'tsx' : 'dist');
  if (runtime !== 'dist' && runtime !== 'tsx') throw new Error('--runtime must be dist or tsx');
  const preset = values.quick ? QUICK : FULL;
  const zoomLatencyMs =
    values['zoom-latency-ms'] === '0'
      ? 0
      : positive('zoom-latency-ms', values['zoom-latency-ms'], DEFAULT_ZOOM_LATENCY_MS);
  return {
    ...preset,
    write: values.write,
    profile: values.profile,
    keep: values.keep || values['heap-snapshots'],
    heapSnapshots: values['heap-snapshots'],
    runtime,
    zoomLatencyMs,
    loadRatePerSecond: positive('rate', values.rate, preset.loadRatePerSecond),
    loadDurationS: positive('duration-s', values['duration-s'], preset.loadDurationS),
  };
};
