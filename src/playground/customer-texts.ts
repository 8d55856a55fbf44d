import type { Clock } from '../clock.js';
import {
  DEMO_AUTO_RECEPTIONISTS,
  DEMO_CALL_QUEUES,
  DEMO_USERS,
} from '../demo-zoom/dataset/demo-people.js';
import {
  DEMO_UNREACHABLE_NUMBER,
  type DemoContact,
  type DemoLine,
  type DemoUser,
  type DemoZoom,
} from '../demo-zoom/index.js';
import { emitSmsEvent } from '../demo-zoom/webhooks.js';
import type { AppLogger } from '../logger.js';
import type { PlaygroundPerson } from './people.js';

/**
 * The customers a visitor can text as ("a customer texts …"): fictional 555-01xx numbers, and
 * one the demo Zoom cannot text back ({@link DEMO_UNREACHABLE_NUMBER}), to see a failed reply.
 */
export const PLAYGROUND_CUSTOMERS: readonly DemoContact[] = [
  { name: 'Dana Whitfield', phoneNumber: '12025550143' },
  { name: 'Marco Rossi', phoneNumber: '13125550187' },
  { phoneNumber: '16175550164' },
  { name: 'Sam Keller', phoneNumber: DEMO_UNREACHABLE_NUMBER },
];

/** A customer as the page's picker names them; the unreachable one says replies will fail. */
export const customerLabel = (customer: DemoContact): string => {
  const label = customer.name ?? customer.phoneNumber;
  return customer.phoneNumber === DEMO_UNREACHABLE_NUMBER ? `${label} (replies fail)` : label;
};

/** The most characters a visitor's customer text may have (Zoom's own cap on one text). */
export const CUSTOMER_TEXT_MAX_CHARS = 500;

/** What happened to a customer's text. */
export type CustomerTextResult =
  | { readonly ok: true; readonly sessionId: string }
  | { readonly ok: false; readonly error: string };

/** The demo Zoom's webhook, pointed at the app. */
export interface CustomerTexts {
  /** A customer (`customer`: an index into {@link PLAYGROUND_CUSTOMERS}) texts `personId`'s number. */
  send(personId: string, customer: number, text: string): Promise<CustomerTextResult>;
  /** Stops echoing the demo Zoom's sends as `phone.sms_sent` / `phone.sms_sent_failed`. */
  stop(): void;
}

/** What {@link createCustomerTexts} needs. */
export interface CustomerTextsDeps {
  readonly people: readonly PlaygroundPerson[];
  readonly zoom: DemoZoom;
  /** The app's `POST /zoom/events`, once it listens. */
  readonly eventsUrl: () => string | undefined;
  /** The Secret Token made for this run (`ZOOM_WEBHOOK_SECRET_TOKEN` of the app). */
  readonly secretToken: string;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

const lineOwners: readonly (DemoUser | DemoLine)[] = [
  ...DEMO_USERS,
  ...DEMO_CALL_QUEUES,
  ...DEMO_AUTO_RECEPTIONISTS,
];

/**
 * The playground's "a customer texts …": the demo Zoom records the text in the person's
 * conversation with that customer and posts Zoom's signed `phone.sms_received` to the app, exactly
 * as Zoom's webhook would; the app delivers it to the person's DM thread. Every text the demo
 * Zoom accepts from `POST /phone/sms/messages` (a reply from Slack) is echoed as Zoom echoes it,
 * `phone.sms_sent` with the same message id, which the app must recognise as already shown; a
 * reply the demo Zoom could not send (to {@link DEMO_UNREACHABLE_NUMBER}) is echoed instead as
 * `phone.sms_sent_failed` with its reason, which the app must tell the thread.
 */
export const createCustomerTexts = (deps: CustomerTextsDeps): CustomerTexts => {
  const emit = async (input: Parameters<typeof emitSmsEvent>[1]) => {
    const url = deps.eventsUrl();
    if (url === undefined) return { ok: false as const, error: 'app_not_running' };
    const { status } = await emitSmsEvent(
      { url, secretToken: deps.secretToken, clock: deps.clock },
      input,
    );
    return status === 200 || status === 204
      ? { ok: true as const }
      : { ok: false as const, error: `the app answered ${status}` };
  };

  const unsubscribe = deps.zoom.onSent((sent) => {
    const owner = lineOwners.find((candidate) => candidate.id === sent.owner.id);
    const recipient = sent.recipientNumbers[0];
    if (owner === undefined || recipient === undefined) return;
    const contact =
      PLAYGROUND_CUSTOMERS.find((customer) => customer.phoneNumber === recipient) ??
      ({ phoneNumber: recipient } satisfies DemoContact);
    emit({
      kind: sent.failureReason === undefined ? 'sent' : 'failed',
      ...(sent.failureReason === undefined ? {} : { failureReason: sent.failureReason }),
      owner,
      contact,
      sessionId: sent.sessionId,
      messageId: sent.messageId,
      at: sent.at,
      text: sent.text,
    }).catch((error: unknown) => {
      deps.logger.warn({ err: String(error) }, 'the demo Zoom could not echo a sent text');
    });
  });

  return {
    send: async (personId, customer, text) => {
      const person = deps.people.find((candidate) => candidate.id === personId);
      const user = DEMO_USERS.find((candidate) => candidate.email === person?.email);
      const contact = PLAYGROUND_CUSTOMERS[customer];
      if (user === undefined) return { ok: false, error: 'user_not_found' };
      if (!user.hasPhone) return { ok: false, error: 'This person has no Zoom Phone number.' };
      if (contact === undefined) return { ok: false, error: 'customer_not_found' };
      const trimmed = text.trim();
      if (trimmed === '' || [...trimmed].length > CUSTOMER_TEXT_MAX_CHARS) {
        return { ok: false, error: `Write 1 to ${CUSTOMER_TEXT_MAX_CHARS} characters.` };
      }
      const received = deps.zoom.receiveText({
        owner: user,
        contact,
        text: trimmed,
        at: new Date(Math.floor(deps.clock.now().getTime() / 1000) * 1000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      });
      const emitted = await emit(received);
      return emitted.ok ? { ok: true, sessionId: received.sessionId } : emitted;
    },
    stop: unsubscribe,
  };
};
