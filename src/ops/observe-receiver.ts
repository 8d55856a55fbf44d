import { randomUUID } from 'node:crypto';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock } from '../clock.js';
import { toAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { createNameBound, describeRequest } from './describe-request.js';
import { type RequestObservation, runObserved } from './request-context.js';

/** Slack gives up on a request that is not acknowledged within 3 seconds. */
export const SLACK_ACK_DEADLINE_MS = 3_000;

/** What {@link observeReceiver} records into. */
export interface RequestObserverDeps {
  readonly logger: AppLogger;
  readonly metrics: Metrics;
  readonly clock: Clock;
  /** A new request id; random UUIDs unless a test needs to know them. */
  readonly newRequestId?: () => string;
}

/**
 * Wraps a Bolt receiver so every request it hands to Bolt is observed from receipt to the end of
 * its listeners, whatever the listener: the request gets an id (carried by every log line written
 * while it is handled, through {@link runObserved}), its `ack()` is timed, and when Bolt is done
 * one `request handled` line is logged — kind, name, Slack user, outcome code, whether the answer
 * was accepted, and the ack, Zoom and total durations in milliseconds — and the same is recorded
 * in the metrics. Transport stays the wrapped receiver's: HTTP and Socket Mode alike.
 * https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
export const observeReceiver = (receiver: Receiver, deps: RequestObserverDeps): Receiver => {
  const logger = deps.logger.child({ component: 'slack' });
  const newRequestId = deps.newRequestId ?? randomUUID;
  const now = () => deps.clock.now().getTime();
  const boundName = createNameBound();

  const observe = async (
    event: ReceiverEvent,
    process: (event: ReceiverEvent) => Promise<void>,
  ) => {
    const startedAt = now();
    const described = describeRequest(event.body);
    const request = { ...described, name: boundName(described.name) };
    const observation: RequestObservation = {
      requestId: newRequestId(),
      outcome: undefined,
      answered: undefined,
      zoomMs: 0,
      zoomCalls: 0,
    };
    let ackMs: number | undefined;
    const ack: ReceiverEvent['ack'] = async (response) => {
      await event.ack(response);
      ackMs ??= now() - startedAt;
    };
    try {
      await runObserved(observation, () => process({ ...event, ack }));
    } catch (error) {
      observation.outcome ??= toAppError(error).code;
      throw error;
    } finally {
      const totalMs = now() - startedAt;
      const outcome = observation.outcome ?? (ackMs === undefined ? 'NO_ACK' : 'OK');
      const late = ackMs === undefined || ackMs > SLACK_ACK_DEADLINE_MS;
      const level = outcome === 'INTERNAL' || late ? 'warn' : 'info';
      logger[level](
        {
          requestId: observation.requestId,
          kind: request.kind,
          name: request.name,
          user: request.user,
          team: request.team,
          retryNum: event.retryNum,
          outcome,
          answered: observation.answered,
          ackMs,
          zoomMs: observation.zoomMs,
          zoomCalls: observation.zoomCalls,
          totalMs,
        },
        'request handled',
      );
      deps.metrics.slackRequest({
        kind: request.kind,
        name: request.name,
        outcome,
        totalMs,
        ackMs,
      });
    }
  };

  return {
    init: (app: App) => {
      const observed: App = Object.create(app, {
        processEvent: {
          value: (event: ReceiverEvent) => observe(event, (e) => app.processEvent(e)),
        },
      });
      receiver.init(observed);
    },
    start: (...args: unknown[]) => receiver.start(...args),
    stop: (...args: unknown[]) => receiver.stop(...args),
  };
};
