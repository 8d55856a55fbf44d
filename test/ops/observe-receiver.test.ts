import { Writable } from 'node:stream';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { observeReceiver, SLACK_ACK_DEADLINE_MS } from '../../src/ops/observe-receiver.js';
import {
  currentRequest,
  reportAnswered,
  reportOutcome,
  reportZoomTime,
} from '../../src/ops/request-context.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const COMMAND = { command: '/sms-sessions', user_id: 'U1', team_id: 'T1', text: '' };

/** A receiver that hands whatever it is given to the app it was initialised with. */
const setup = (
  process: (event: ReceiverEvent, clock: ReturnType<typeof createFakeClock>) => Promise<void>,
) => {
  const clock = createFakeClock();
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const metrics = createMetrics();
  let app: App | undefined;
  const inner: Receiver = {
    init: (given) => {
      app = given;
    },
    start: async () => 'started',
    stop: async () => 'stopped',
  };
  const receiver = observeReceiver(inner, {
    logger,
    metrics,
    clock,
    newRequestId: () => 'req-1',
  });
  const boltApp = { processEvent: (event: ReceiverEvent) => process(event, clock), marker: 42 };
  receiver.init(boltApp as unknown as App);
  const acks: unknown[] = [];
  const send = (body: Record<string, unknown> = COMMAND) =>
    (app as App).processEvent({
      body,
      ack: async (response) => {
        acks.push(response);
      },
    });
  const handled = () => lines.filter((line) => line.msg === 'request handled');
  return { receiver, app: () => app, send, acks, handled, lines, metrics };
};

describe('observeReceiver', () => {
  it('logs one line with ids, outcome and ack, Zoom and total durations', async () => {
    const { send, handled, acks } = setup(async (event, clock) => {
      clock.advance(20);
      await event.ack();
      clock.advance(100);
      reportZoomTime(60);
      reportOutcome('OK');
      reportAnswered(true);
    });
    await send();
    expect(acks).toHaveLength(1);
    expect(handled()).toEqual([
      expect.objectContaining({
        level: 30,
        component: 'slack',
        requestId: 'req-1',
        kind: 'command',
        name: '/sms-sessions',
        user: 'U1',
        team: 'T1',
        outcome: 'OK',
        answered: true,
        ackMs: 20,
        zoomMs: 60,
        zoomCalls: 1,
        totalMs: 120,
      }),
    ]);
  });

  it('gives every line written while handling the request the request id', async () => {
    const { send, lines } = setup(async (event) => {
      await event.ack();
      expect(currentRequest()?.requestId).toBe('req-1');
    });
    await send();
    expect(lines.every((line) => line.requestId === 'req-1')).toBe(true);
  });

  it('keeps the first outcome reported', async () => {
    const { send, handled } = setup(async (event) => {
      await event.ack();
      reportOutcome('ZOOM_RATE_LIMITED');
      reportOutcome('INTERNAL');
    });
    await send();
    expect(handled()[0]).toMatchObject({ outcome: 'ZOOM_RATE_LIMITED' });
  });

  it('reports NO_ACK, as a warning, when nothing acknowledged the request', async () => {
    const { send, handled } = setup(async () => {});
    await send();
    expect(handled()[0]).toMatchObject({ level: 40, outcome: 'NO_ACK' });
    expect(handled()[0]).not.toHaveProperty('ackMs');
  });

  it('warns when the ack came later than Slack waits', async () => {
    const { send, handled } = setup(async (event, clock) => {
      clock.advance(SLACK_ACK_DEADLINE_MS + 1);
      await event.ack();
    });
    await send();
    expect(handled()[0]).toMatchObject({ level: 40, outcome: 'OK' });
  });

  it('records the error code and rethrows when processing throws', async () => {
    const { send, handled } = setup(async (event) => {
      await event.ack();
      throw new AppError('ZOOM_UNAVAILABLE', 'down');
    });
    await expect(send()).rejects.toThrow('down');
    expect(handled()[0]).toMatchObject({ outcome: 'ZOOM_UNAVAILABLE' });
  });

  it('counts the request in the metrics by kind, name and outcome', async () => {
    const { send, metrics } = setup(async (event) => {
      await event.ack();
      reportOutcome('FORBIDDEN');
    });
    await send();
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'sms_sessions_slack_requests_total{kind="command",name="/sms-sessions",outcome="FORBIDDEN"} 1',
    );
    expect(text).toContain('sms_sessions_slack_ack_duration_seconds_count{kind="command"} 1');
  });

  it('passes the app on otherwise untouched, and start and stop through', async () => {
    const { receiver, app } = setup(async () => {});
    expect((app() as unknown as { marker: number }).marker).toBe(42);
    expect(await receiver.start(3000)).toBe('started');
    expect(await receiver.stop()).toBe('stopped');
  });
});
