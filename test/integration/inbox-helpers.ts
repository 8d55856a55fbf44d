import type { DemoContact, DemoLine, DemoUser } from '../../src/demo-zoom/index.js';
import {
  buildSmsEvent,
  type DemoSmsEventInput,
  signedZoomHeaders,
} from '../../src/demo-zoom/index.js';
import type { Harness } from '../helpers/harness.js';

/** The Secret Token the inbox tests give the app. */
export const WEBHOOK_SECRET = 'zoom-webhook-secret-test-7d1f';

/** Posts a body to the app's `/zoom/events` with Zoom's headers (or the given ones). */
export const postZoomEvent = async (
  harness: Pick<Harness, 'baseUrl'>,
  body: string,
  headers: Record<string, string> = signedZoomHeaders(WEBHOOK_SECRET, body, new Date()),
): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(`${harness.baseUrl}/zoom/events`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
};

let counter = 0;

/** A received text for `owner` from `contact`, with a unique message id unless given. */
export const textEvent = (
  owner: DemoUser | DemoLine,
  contact: DemoContact,
  sessionId: string,
  overrides: Partial<DemoSmsEventInput> = {},
): { body: string; messageId: string } => {
  counter += 1;
  const messageId = overrides.messageId ?? `msg-${process.pid}-${counter}`;
  const event = buildSmsEvent({
    kind: 'received',
    owner,
    contact,
    sessionId,
    messageId,
    at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    text: `Text ${counter}`,
    ...overrides,
  });
  return { body: JSON.stringify(event), messageId };
};
