import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCpuProfile, summariseProfile } from './cpu-profile.js';
import { writeResults } from './docs-file.js';
import { startBenchSlack } from './fake-slack.js';
import { startBenchZoom } from './fake-zoom.js';
import { count, mib } from './format.js';
import { renderHeapSummaries, summariseHeapSnapshot } from './heap-summary.js';
import { describeMachine } from './machine.js';
import { type BenchPlan, parseBenchArgs, USAGE } from './options.js';
import { renderProfileReport } from './profile-report.js';
import { benchmarkRendering } from './render.js';
import { renderReport } from './report.js';
import { runCpuRounds } from './rounds.js';
import { runMemory, runScenario } from './scenario.js';
import { STARTS_PER_TARGET, timeStartups } from './startup.js';
import { benchmarkSyncSteps } from './sync-steps.js';
import {
  REPO_ROOT,
  startAppProcess,
  startBareBoltProcess,
  startFloorBoltProcess,
  type TargetProcess,
} from './targets.js';
import { benchPeople, commandText } from './workload.js';

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
 * The memory run's rate: half the load rate. Readings are taken once the process is idle and
 * after a full GC, so a backlog (on a busy machine) delays a reading but does not inflate it, and
 * a fixed rate keeps the run's length predictable whatever the saturation search found.
 */
const memoryRate = (plan: BenchPlan): number => plan.loadRatePerSecond / 2;

const main = async (plan: BenchPlan, workDir: string) => {
  if (plan.runtime === 'dist') build();
  const people = benchPeople(Math.max(plan.users, plan.memoryPeople));
  const slack = await startBenchSlack(people);
  const zoom = await startBenchZoom(people, plan.zoomLatencyMs);
  const texts = {
    cached: commandText('cached', new Date()),
    fresh: commandText('fresh', new Date()),
  };
  const shared = { plan, slack, zoom: zoom.zoom, people, texts, progress };
  const startApp = (instance: string, options: { profileDir?: string; npm?: boolean } = {}) =>
    startAppProcess({
      instance,
      runtime: plan.runtime,
      slackApiUrl: slack.apiUrl,
      zoomBaseUrl: zoom.address.baseUrl,
      zoomTokenUrl: zoom.address.tokenUrl,
      workDir,
      ...(options.profileDir === undefined ? {} : { profileDir: options.profileDir }),
      ...(options.npm === true ? { viaNpmStart: true } : {}),
    });
  const startBare = () => startBareBoltProcess({ slackApiUrl: slack.apiUrl, workDir });
  try {
    if (plan.heapSnapshots) {
      const snapshotDir = join(workDir, 'heap');
      mkdirSync(snapshotDir);
      const memory = await withTarget(
        () => startApp('app-memory'),
        (target) =>
          runMemory({
            ...shared,
            target,
            ratePerSecond: memoryRate(plan),
            answers: true,
            snapshotDir,
          }),
      );
      const labelled = memory.snapshots.map((path, i) => ({
        label: `after ${count(i === 0 ? plan.memoryCommands / 2 : plan.memoryCommands)}`,
        summary: summariseHeapSnapshot(path),
      }));
      const readings = memory.readings.map(
        (r) =>
          `| ${count(r.commands)} | ${mib(r.rssBytes)} | ${mib(r.heapUsedBytes)} | ${mib(r.heapTotalBytes)} |`,
      );
      process.stdout.write(
        [
          '| commands | resident set size | heap used after a full GC | heap V8 holds |',
          '| ---: | ---: | ---: | ---: |',
          ...readings,
          '',
          renderHeapSummaries(labelled),
          '',
        ].join('\n'),
      );
      return;
    }
    if (plan.profile) {
      const profileDir = join(workDir, 'profile');
      mkdirSync(profileDir);
      const result = await withTarget(
        () => startApp('app', { profileDir }),
        (target) => runScenario({ ...shared, target, role: 'app' }),
      );
      const summary = summariseProfile(readCpuProfile(profileDir), REPO_ROOT);
      process.stdout.write(
        `${renderProfileReport(summary, result.warmup.sent + result.load.sent + result.loadCached.sent)}\n`,
      );
      return;
    }
    progress(`rendering: ${plan.renderTimeMs} ms a page`);
    const render = await benchmarkRendering({
      timeMs: plan.renderTimeMs,
      iterations: plan.renderIterations,
    });
    progress(`synchronous steps: ${plan.renderTimeMs} ms each`);
    const syncSteps = await benchmarkSyncSteps({
      timeMs: plan.renderTimeMs,
      iterations: plan.renderIterations,
    });
    progress('start-up: each way of starting, timed to /healthz');
    const starts = plan.quick ? 1 : STARTS_PER_TARGET;
    const startups = [
      await timeStartups('bare Bolt (`node --import tsx bench/bare-bolt.ts`)', startBare, starts),
      await timeStartups(
        plan.runtime === 'dist'
          ? 'the app, `node dist/index.js`'
          : 'the app, `node --import tsx src/index.ts`',
        () => startApp('app-start'),
        starts,
      ),
      ...(plan.runtime === 'dist'
        ? [
            await timeStartups(
              'the app, `npm start` on an unchanged tree',
              () => startApp('app-npm-start', { npm: true }),
              starts,
            ),
          ]
        : []),
    ];
    const bare = await withTarget(startBare, (target) =>
      runScenario({ ...shared, target, role: 'bare' }),
    );
    const startFloor = (zoomPageInAck: boolean) =>
      startFloorBoltProcess({
        slackApiUrl: slack.apiUrl,
        zoomBaseUrl: zoom.address.baseUrl,
        zoomTokenUrl: zoom.address.tokenUrl,
        workDir,
        zoomPageInAck,
      });
    const runFloor = (zoomPageInAck: boolean) =>
      withTarget(
        () => startFloor(zoomPageInAck),
        (target) => runScenario({ ...shared, target, role: 'floor' }),
      );
    const floor = await runFloor(false);
    const floorInAck = await runFloor(true);
    const app = await withTarget(
      () => startApp('app'),
      (target) => runScenario({ ...shared, target, role: 'app' }),
    );
    progress(
      `CPU rounds: ${plan.cpuRounds} of ${plan.cpuRoundStepS} s a step, all four processes up`,
    );
    const rounds = await runCpuRounds({
      ...shared,
      rounds: plan.cpuRounds,
      durationS: plan.cpuRoundStepS,
      targets: [
        { key: 'bare', start: startBare, answers: false },
        { key: 'floor', start: () => startFloor(false), answers: true },
        { key: 'floorInAck', start: () => startFloor(true), answers: true },
        { key: 'app', start: () => startApp('app-rounds'), answers: true },
      ],
    });
    const ratePerSecond = memoryRate(plan);
    const memory = await withTarget(
      () => startApp('app-memory'),
      (target) => runMemory({ ...shared, target, ratePerSecond, answers: true }),
    );
    const bareMemory = await withTarget(
      () => startBareBoltProcess({ slackApiUrl: slack.apiUrl, workDir }),
      (target) => runMemory({ ...shared, target, ratePerSecond, answers: false }),
    );
    const machine = describeMachine();
    const markdown = renderReport({
      plan,
      machine,
      render,
      syncSteps,
      startups,
      bare,
      floor,
      floorInAck,
      app,
      rounds,
      memory,
      bareMemory,
    });
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
