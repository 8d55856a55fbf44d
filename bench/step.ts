import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoZoom } from '../src/demo-zoom/index.js';
import { type CallCounts, callsBetween, readCallCounts } from './call-counts.js';
import type { BenchSlack } from './fake-slack.js';
import { type LoadDriver, type LoadStep, type SentCommand, SLACK_ACK_DEADLINE_MS } from './load.js';
import { type Spread, spread } from './stats.js';
import type { TargetProcess } from './targets.js';

const ANSWER_POLL_INTERVAL_MS = 20;

/** A process is idle once it uses at most this share of a core over one poll interval. */
const IDLE_CPU_SHARE = 0.1;
const IDLE_POLL_INTERVAL_MS = 250;
/** The longest the bench waits for a process to work off a backlog before the next step. */
const SETTLE_TIMEOUT_MS = 60_000;

/** The saturation criterion: an ack this late would already worry anyone watching. */
export const SATURATION_ACK_LIMIT_MS = 1_000;

/**
 * The saturation criterion for answers: at most this much later than Zoom's own latency, the
 * app's counterpart of the one-second ack. "Answered" with no bound would let a queue of any
 * length pass.
 */
export const SATURATION_ANSWER_OVERHEAD_LIMIT_MS = 1_000;

/** However slowly answers keep coming, the bench stops waiting for a step's answers after this. */
const ANSWER_WAIT_CAP_MS = 180_000;

const HTTP_OK = 200;

/** What one step of load did to one process. */
export interface StepResult {
  readonly label: string;
  readonly ratePerSecond: number;
  readonly sent: number;
  /** HTTP 200 within Slack's 3 seconds. */
  readonly acked: number;
  readonly ackedWithinLimit: number;
  /** Of those answered with a page, how many in the ack itself (an immediate response). */
  readonly answeredInAck: number;
  /** A page of sessions arrived, in the ack or at the command's `response_url`. */
  readonly answered: number;
  readonly answeredWithinLimit: number;
  /** Something else arrived there and no page did (an error message). */
  readonly answeredOtherwise: number;
  /** Ack latency of every command sent, ms; infinite for one never acked within 3 s. */
  readonly ack: Spread;
  /** From sending the command to its page arriving, ms. */
  readonly answer: Spread;
  readonly driverLagP99Ms: number | undefined;
  /** CPU the process under test used from the first command to the last answer (or ack). */
  readonly cpuMs: number;
  /** CPU the bench process (driver and fakes) used meanwhile. */
  readonly benchCpuMs: number;
  /** Calls the fakes received meanwhile. */
  readonly calls: CallCounts;
}

/** What a step runs against. */
export interface StepContext {
  readonly target: TargetProcess;
  readonly driver: LoadDriver;
  readonly slack: BenchSlack;
  readonly zoom: DemoZoom;
  /** Whether the target answers (in the ack or through `response_url`: the app) or only acks. */
  readonly answers: boolean;
  /** How long the bench waits without any new answer before the missing ones count as lost. */
  readonly answerDrainTimeoutMs: number;
  /** The fake Zoom's latency: an answer within it plus the overhead limit counts as in time. */
  readonly zoomLatencyMs: number;
}

/** Waits while answers keep coming (a queue draining slowly still makes progress), up to a cap. */
const waitForAnswers = async (
  slack: BenchSlack,
  sent: readonly SentCommand[],
  stallTimeoutMs: number,
) => {
  const capAt = Date.now() + ANSWER_WAIT_CAP_MS;
  const unanswered = (commands: readonly SentCommand[]) =>
    commands.filter((command) => slack.answers.get(command.id)?.pageAtMs === undefined);
  let waiting = unanswered(sent);
  let stallAt = Date.now() + stallTimeoutMs;
  while (waiting.length > 0 && Date.now() < Math.min(stallAt, capAt)) {
    await sleep(ANSWER_POLL_INTERVAL_MS);
    const still = unanswered(waiting);
    if (still.length < waiting.length) stallAt = Date.now() + stallTimeoutMs;
    waiting = still;
  }
};

const waitUntilIdle = async (target: TargetProcess) => {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let before = target.sample().cpuMs;
  while (Date.now() < deadline) {
    await sleep(IDLE_POLL_INTERVAL_MS);
    const now = target.sample().cpuMs;
    if (now - before <= IDLE_POLL_INTERVAL_MS * IDLE_CPU_SHARE) return;
    before = now;
  }
};

/**
 * Sends one step of load and measures it: acks as the driver saw them, answers as the fake Slack
 * received them, CPU from /proc for the target and `process.cpuUsage()` for the bench itself.
 * The step ends once every answer has come (or none has come for the stall timeout) and the
 * target has worked off any backlog (bounded), so its CPU covers all the work the step caused
 * and the next step starts on an idle process; answers that come while it settles still count.
 */
export const runStep = async (context: StepContext, step: LoadStep): Promise<StepResult> => {
  const { target, driver, slack, zoom } = context;
  const callsBefore = readCallCounts(zoom, slack);
  const cpuBefore = target.sample().cpuMs;
  const benchBefore = process.cpuUsage();
  const sent = await driver.run(step);
  if (context.answers) await waitForAnswers(slack, sent, context.answerDrainTimeoutMs);
  await waitUntilIdle(target);
  const cpuMs = target.sample().cpuMs - cpuBefore;
  const bench = process.cpuUsage(benchBefore);
  const ackTimes = sent.map((command) =>
    command.status === HTTP_OK &&
    command.ackMs !== undefined &&
    command.ackMs <= SLACK_ACK_DEADLINE_MS
      ? command.ackMs
      : Number.POSITIVE_INFINITY,
  );
  const acked = ackTimes.filter(Number.isFinite);
  const answerTimes: number[] = [];
  let answeredOtherwise = 0;
  let answeredInAck = 0;
  for (const command of sent) {
    const record = slack.answers.get(command.id);
    if (record?.pageAtMs !== undefined) answerTimes.push(record.pageAtMs - command.sentAtMs);
    else if (record !== undefined) answeredOtherwise += 1;
    if (record?.pageAtMs !== undefined && record.inAck) answeredInAck += 1;
  }
  return {
    label: step.label,
    ratePerSecond: step.ratePerSecond,
    sent: sent.length,
    acked: acked.length,
    ackedWithinLimit: ackTimes.filter((ms) => ms <= SATURATION_ACK_LIMIT_MS).length,
    answered: answerTimes.length,
    answeredWithinLimit: answerTimes.filter(
      (ms) => ms <= context.zoomLatencyMs + SATURATION_ANSWER_OVERHEAD_LIMIT_MS,
    ).length,
    answeredOtherwise,
    answeredInAck,
    ack: spread(ackTimes),
    answer: spread(answerTimes),
    driverLagP99Ms: spread(sent.map((command) => command.lagMs)).p99,
    cpuMs,
    benchCpuMs: (bench.user + bench.system) / 1000,
    calls: callsBetween(callsBefore, readCallCounts(zoom, slack)),
  };
};

/**
 * Whether every command of a step was acked within a second and (for the app) answered within a
 * second more than Zoom's latency.
 */
export const isWithinLimits = (result: StepResult, answers: boolean): boolean =>
  result.ackedWithinLimit === result.sent &&
  (!answers || result.answeredWithinLimit === result.sent);
