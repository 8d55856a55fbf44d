import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCpuProfile, summariseProfile } from './cpu-profile.js';
import { writeResults } from './docs-file.js';
import { startBenchSlack } from './fake-slack.js';
import { startBenchZoom } from './fake-zoom.js';
import { describeMachine } from './machine.js';
import { type BenchPlan, parseBenchArgs, USAGE } from './options.js';
import { renderProfileReport } from './profile-report.js';
import { benchmarkRendering } from './render.js';
import { renderReport } from './report.js';
import { runMemory, runScenario, type TargetResult } from './scenario.js';
import { REPO_ROOT, startAppProcess, startBareBoltProcess, type TargetProcess } from './targets.js';
import { benchPeople } from './workload.js';

const DOCS_PATH = join(REPO_ROOT, 'docs', 'benchmarks.md');

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const build = () => {
  progress('building: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    throw new Error(
      'npm run build failed; fix the build, or measure the source with --runtime tsx',
    );
  }
};

const withTarget = async <T>(
  start: () => Promise<TargetProcess>,
  work: (target: TargetProcess) => Promise<T>,
): Promise<T> => {
  const target = await start();
  progress(`${target.name} is up (pid ${target.pid}, log ${target.logPath})`);
  try {
    return await work(target);
  } finally {
    progress(`${target.name} stopped (${await target.stop()})`);
  }
};

/**
 * The memory run's rate: the load rate, or half the highest rate the app sustained when that is
 * lower, so no backlog builds up and inflates the heap (a queue is not a leak).
 */
const memoryRate = (plan: BenchPlan, app: TargetResult): number =>
  Math.min(
    plan.loadRatePerSecond,
    (app.saturation?.highestPassingRate ?? Math.min(...plan.saturationRatesPerSecond)) / 2,
  );

const main = async (plan: BenchPlan, workDir: string) => {
  if (plan.runtime === 'dist') build();
  const people = benchPeople(plan.users);
  const slack = await startBenchSlack(people);
  const zoom = await startBenchZoom(people, plan.zoomLatencyMs);
  const shared = { plan, slack, zoom: zoom.zoom, people, progress };
  const startApp = (instance: string, profileDir?: string) =>
    startAppProcess({
      instance,
      runtime: plan.runtime,
      slackApiUrl: slack.apiUrl,
      zoomBaseUrl: zoom.address.baseUrl,
      zoomTokenUrl: zoom.address.tokenUrl,
      workDir,
      ...(profileDir === undefined ? {} : { profileDir }),
    });
  try {
    if (plan.profile) {
      const profileDir = join(workDir, 'profile');
      mkdirSync(profileDir);
      const result = await withTarget(
        () => startApp('app', profileDir),
        (target) => runScenario({ ...shared, target, isApp: true }),
      );
      const summary = summariseProfile(readCpuProfile(profileDir), REPO_ROOT);
      process.stdout.write(
        `${renderProfileReport(summary, result.warmup.sent + result.load.sent)}\n`,
      );
      return;
    }
    progress(`rendering: ${plan.renderTimeMs} ms a page`);
    const render = await benchmarkRendering({
      timeMs: plan.renderTimeMs,
      iterations: plan.renderIterations,
    });
    const bare = await withTarget(
      () => startBareBoltProcess({ slackApiUrl: slack.apiUrl, workDir }),
      (target) => runScenario({ ...shared, target, isApp: false }),
    );
    const app = await withTarget(
      () => startApp('app'),
      (target) => runScenario({ ...shared, target, isApp: true }),
    );
    const memory = await withTarget(
      () => startApp('app-memory'),
      (target) => runMemory({ ...shared, target, ratePerSecond: memoryRate(plan, app) }),
    );
    const machine = describeMachine();
    const markdown = renderReport({ plan, machine, render, bare, app, memory });
    process.stdout.write(`${markdown}\n`);
    if (plan.write) {
      writeResults(DOCS_PATH, markdown);
      progress(`wrote the results into ${DOCS_PATH}`);
    }
  } finally {
    await slack.close();
    await zoom.zoom.close();
  }
};

const run = async () => {
  let plan: BenchPlan | undefined;
  try {
    plan = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (plan === undefined) {
    process.stdout.write(USAGE);
    return;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'sms-sessions-bench-'));
  const startedAt = Date.now();
  try {
    await main(plan, workDir);
    if (plan.keep) progress(`logs, databases and profiles kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
    progress(`done in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  } catch (error) {
    process.stderr.write(`\nThe bench harness failed (logs kept in ${workDir}):\n`);
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
};

await run();
