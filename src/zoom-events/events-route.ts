import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../clock.js';
import type { InboxIntake } from '../core/inbox/intake.js';
import type { AppLogger } from '../logger.js';
import {
  isZoomSmsEvent,
  zoomEventEnvelopeSchema,
  zoomSmsEventSchema,
  zoomUrlValidationSchema,
} from './schemas.js';
import {
  checkZoomSignature,
  encryptedToken,
  ZOOM_SIGNATURE_HEADER,
  ZOOM_TIMESTAMP_HEADER,
} from './signature.js';
import { toInboxEvent } from './to-inbox-event.js';

/** Where Zoom posts events (the "Event notification endpoint URL" ends with it). */
export const ZOOM_EVENTS_PATH = '/zoom/events';

/** The largest body read: Zoom's SMS events are a few KB (an MMS lists at most 10 files). */
export const ZOOM_EVENT_MAX_BODY_BYTES = 256 * 1024;

/** What became of one request, for metrics and the log (never the body). */
export type ZoomEventOutcome =
  | 'accepted'
  | 'duplicate'
  | 'validated'
  | 'ignored'
  | 'refused'
  | 'invalid'
  | 'too_large'
  | 'failed';

/** What {@link createZoomEventsRoute} needs. */
export interface ZoomEventsRouteDeps {
  /** `ZOOM_WEBHOOK_SECRET_TOKEN`. */
  readonly secretToken: string;
  readonly intake: InboxIntake;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly onOutcome?: (outcome: ZoomEventOutcome, event: string) => void;
  readonly maxBodyBytes?: number;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

class BodyTooLarge extends Error {}

const readBody = async (req: IncomingMessage, maxBytes: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const send = (res: ServerResponse, status: number, body?: unknown): void => {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * `POST /zoom/events`: Zoom's webhooks, as a receiver custom route (served on `PORT` in HTTP and
 * Socket Mode alike). Before reading the body it refuses (401) a request without Zoom's headers
 * or with a timestamp more than 5 minutes off, and (413) one declared too large; then it reads at
 * most {@link ZOOM_EVENT_MAX_BODY_BYTES}, checks the HMAC (401 when wrong) and only then parses.
 * `endpoint.url_validation` gets `{ plainToken, encryptedToken }`; an SMS event (one of
 * `ZOOM_SMS_EVENTS`: received, sent, sent failed) is claimed once and queued in the store before
 * the 200, and worked after it (Zoom counts a delivery done only on 200/204 within 3 seconds);
 * one that does not read as the spec declares is logged (field paths only) and answered 200,
 * since Zoom would only send it again. Other events get 200 and are ignored. A store failure
 * answers 500 so Zoom sends the event again. https://developers.zoom.us/docs/api/webhooks/
 */
export const createZoomEventsRoute = (deps: ZoomEventsRouteDeps): CustomRoute => {
  const maxBytes = deps.maxBodyBytes ?? ZOOM_EVENT_MAX_BODY_BYTES;
  const logger = deps.logger.child({ component: 'zoom-events' });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let event = 'unknown';
    const done = (outcome: ZoomEventOutcome, status: number, body?: unknown) => {
      send(res, status, body);
      deps.onOutcome?.(outcome, event);
      const level =
        outcome === 'refused' || outcome === 'invalid' || outcome === 'too_large' ? 'warn' : 'info';
      logger[level]({ outcome, event, status }, 'Zoom event handled');
    };
    const signature = header(req, ZOOM_SIGNATURE_HEADER);
    const timestamp = header(req, ZOOM_TIMESTAMP_HEADER);
    const now = deps.clock.now();
    const early = checkZoomSignature({
      secretToken: deps.secretToken,
      signature,
      timestamp,
      rawBody: '',
      now,
    });
    if (early === 'missing' || early === 'stale') {
      req.resume();
      return done('refused', 401, { error: early === 'missing' ? 'unsigned' : 'stale' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      req.resume();
      return done('too_large', 413, { error: 'too_large' });
    }
    let raw: string;
    try {
      raw = await readBody(req, maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return done('too_large', 413, { error: 'too_large' });
      throw error;
    }
    if (
      checkZoomSignature({ secretToken: deps.secretToken, signature, timestamp, rawBody: raw, now })
    ) {
      return done('refused', 401, { error: 'bad_signature' });
    }
    const envelope = zoomEventEnvelopeSchema.safeParse(parseJson(raw));
    if (!envelope.success) return done('invalid', 400, { error: 'not_an_event' });
    event = envelope.data.event.slice(0, 64);
    if (event === 'endpoint.url_validation') {
      const validation = zoomUrlValidationSchema.safeParse(envelope.data);
      if (!validation.success) return done('invalid', 400, { error: 'no_plain_token' });
      const { plainToken } = validation.data.payload;
      return done('validated', 200, {
        plainToken,
        encryptedToken: encryptedToken(deps.secretToken, plainToken),
      });
    }
    if (!isZoomSmsEvent(event)) return done('ignored', 200);
    const sms = zoomSmsEventSchema.safeParse(envelope.data);
    if (!sms.success) {
      logger.warn(
        { event, issues: sms.error.issues.map((i) => i.path.join('.')) },
        'Zoom SMS event unreadable',
      );
      return done('invalid', 200);
    }
    const outcome = await deps.intake.accept(toInboxEvent(sms.data));
    return done(outcome === 'queued' ? 'accepted' : 'duplicate', 200);
  };

  return {
    path: ZOOM_EVENTS_PATH,
    method: ['POST'],
    handler: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'Zoom event could not be queued; Zoom will send it again',
        );
        send(res, 500, { error: 'try_again' });
        deps.onOutcome?.('failed', 'unknown');
      });
    },
  };
};
