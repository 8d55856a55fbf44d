import type { ErrorCode } from '../errors.js';
import { defineSlot } from '../process/async-scope.js';

/**
 * How a handled request ended: `OK`, the {@link ErrorCode} the person was shown, or `NO_ACK`
 * when nothing acknowledged it (Bolt then answers 404 and Slack shows "dispatch_failed").
 */
export type RequestOutcome = 'OK' | ErrorCode | 'NO_ACK';

/**
 * What is known about the request being handled, filled in as it goes. One exists per Slack
 * request, for as long as Bolt processes it; nothing is shared between requests.
 */
export interface RequestObservation {
  /** Generated on receipt; every log line written while handling the request carries it. */
  readonly requestId: string;
  /** Set by whoever answers the person (`deliver`); `OK` when nobody did and nothing threw. */
  outcome: RequestOutcome | undefined;
  /** `false` when Slack refused the answer (an expired `response_url`). */
  answered: boolean | undefined;
  /** Time spent in Zoom API attempts, summed. */
  zoomMs: number;
  zoomCalls: number;
}

const slot = defineSlot<RequestObservation>('request');

/**
 * The observation of the request whose handling is running now, or `undefined` outside one
 * (start-up, readiness probes). The app's one async scope (src/process/async-scope.ts, Node's
 * AsyncLocalStorage) carries it across every `await`, so listeners need not pass it along.
 * https://nodejs.org/api/async_context.html
 */
export const currentRequest = (): RequestObservation | undefined => slot.get();

/** Runs `work` with `observation` as the {@link currentRequest} of everything it starts. */
export const runObserved = <T>(observation: RequestObservation, work: () => T): T =>
  slot.run(observation, work);

/**
 * Records how the current request ended for its log line and metrics; the first report wins, so
 * an error shown to the person is not overwritten by a later, smaller step. No-op outside one.
 */
export const reportOutcome = (outcome: RequestOutcome): void => {
  const observation = slot.get();
  if (observation !== undefined && observation.outcome === undefined) {
    observation.outcome = outcome;
  }
};

/** Records whether Slack accepted the answer to the current request. No-op outside one. */
export const reportAnswered = (answered: boolean): void => {
  const observation = slot.get();
  if (observation !== undefined) observation.answered = answered;
};

/** Adds one Zoom attempt's duration to the current request. No-op outside one. */
export const reportZoomTime = (durationMs: number): void => {
  const observation = slot.get();
  if (observation === undefined) return;
  observation.zoomMs += durationMs;
  observation.zoomCalls += 1;
};
