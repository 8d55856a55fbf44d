import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { commandBody, slackSignature } from '../test/helpers/slack-requests.js';
import { BENCH_SIGNING_SECRET, type BenchCommand } from './workload.js';

/** Slack shows "this app did not respond" when the HTTP ack takes longer than this. */
export const SLACK_ACK_DEADLINE_MS = 3_000;

/**
 * How long the driver keeps a request open. Slack gives up on the ack after 3 s but the app
 * still handles the command and may answer through `response_url`; closing the connection at
 * 3 s would instead make the app drop work it already had, and hide what the backlog costs.
 */
const REQUEST_ABANDON_MS = 30_000;

/** How often the driver checks whether more commands are due: a burst at most this long. */
const TICK_MS = 2;

/** Enough connections for every command in flight at a few thousand a second with slow acks. */
const MAX_SOCKETS = 2_048;

/** One step of load: `count` commands spread evenly at `ratePerSecond`. */
export interface LoadStep {
  /** Part of every command's `response_url` id, so answers of steps never mix. */
  readonly label: string;
  readonly ratePerSecond: number;
  readonly count: number;
  /** The command text of every command of the step; the workload's own when absent. */
  readonly text?: string;
  /** Who sends: the first `people` of the workload in turn; all of them when absent. */
  readonly people?: number;
}

/** One command as the driver saw it. */
export interface SentCommand {
  /** The id of its `response_url`. */
  readonly id: string;
  /** How late the driver sent it against the even schedule (driver lag). */
  readonly lagMs: number;
  /** `performance.now()` when it was sent. */
  readonly sentAtMs: number;
  /** From sending to the end of the HTTP answer; `undefined` when none came (within 30 s). */
  ackMs: number | undefined;
  status: number | undefined;
}

/** Sends signed slash commands at a fixed rate to one app. */
export interface LoadDriver {
  /** Sends a step's commands on schedule and resolves once every one has been answered or abandoned. */
  run(step: LoadStep): Promise<SentCommand[]>;
  /** Closes the keep-alive connections. */
  close(): void;
}

/** What the driver needs to know about the app under test and the workload. */
export interface LoadDriverOptions {
  /** `http://127.0.0.1:PORT/slack/events`. */
  readonly eventsUrl: string;
  readonly responseUrl: (id: string) => string;
  /** The command with this running number (counted across steps). */
  readonly command: (index: number) => BenchCommand;
  /** Receives an ack that has a body: a command answered in its ack (an immediate response). */
  readonly onAckBody: (id: string, body: string) => void;
}

/**
 * An open-loop driver: command `i` of a step is due at `i / rate` seconds after its start and is
 * sent then, however slowly earlier ones are acked, so a slow app shows as slow acks rather
 * than as a lower rate (no coordinated omission). Requests are signed exactly as Slack signs
 * them and go over keep-alive connections, as Slack's own do.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const createLoadDriver = (options: LoadDriverOptions): LoadDriver => {
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const url = new URL(options.eventsUrl);
  let sentSoFar = 0;

  const send = (id: string, command: BenchCommand, lagMs: number, done: () => void) => {
    const body = commandBody({
      user_id: command.userId,
      text: command.text,
      response_url: options.responseUrl(id),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const sentAtMs = performance.now();
    const sent: SentCommand = { id, lagMs, sentAtMs, ackMs: undefined, status: undefined };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      done();
    };
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(BENCH_SIGNING_SECRET, timestamp, body),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          if (chunks.length > 0) options.onAckBody(id, Buffer.concat(chunks).toString('utf8'));
          sent.ackMs = performance.now() - sentAtMs;
          sent.status = incoming.statusCode;
          finish();
        });
        incoming.on('error', finish);
      },
    );
    const deadline = setTimeout(() => outgoing.destroy(), REQUEST_ABANDON_MS);
    outgoing.on('error', finish);
    outgoing.end(body);
    return sent;
  };

  return {
    run: (step) =>
      new Promise((resolve) => {
        const sent: SentCommand[] = [];
        const intervalMs = 1000 / step.ratePerSecond;
        const startMs = performance.now();
        let pending = step.count;
        const done = () => {
          pending -= 1;
          if (pending === 0) resolve(sent);
        };
        if (step.count === 0) return resolve(sent);
        const tick = () => {
          const nowMs = performance.now();
          const due = Math.min(step.count, Math.floor((nowMs - startMs) / intervalMs) + 1);
          while (sent.length < due) {
            const index = sent.length;
            const lagMs = nowMs - (startMs + index * intervalMs);
            const id = `${step.label}-${index}`;
            const command = options.command(
              step.people === undefined ? sentSoFar : sentSoFar % step.people,
            );
            sent.push(send(id, { ...command, text: step.text ?? command.text }, lagMs, done));
            sentSoFar += 1;
          }
          if (sent.length === step.count) clearInterval(timer);
        };
        const timer = setInterval(tick, TICK_MS);
        tick();
      }),
    close: () => agent.destroy(),
  };
};
