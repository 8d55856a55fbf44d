import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSmsEvent, demoLine, demoUser } from '../../src/demo-zoom/index.js';
import { ZOOM_SMS_EVENTS, zoomSmsEventSchema } from '../../src/zoom-events/schemas.js';
import { toInboxEvent } from '../../src/zoom-events/to-inbox-event.js';

const SPEC_URL = new URL('../../spec/zoom/phone-sms-events-and-send.json', import.meta.url);

interface JsonSchema {
  readonly type?: string;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
}
interface Webhook {
  readonly post: {
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly schema: JsonSchema;
          readonly examples: Readonly<Record<string, { value: string }>>;
        };
      };
    };
  };
}
const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as { webhooks: Record<string, Webhook> };
const body = (event: string) => {
  const webhook = spec.webhooks[event];
  if (webhook === undefined) throw new Error(`the spec has no ${event}`);
  return webhook.post.requestBody.content['application/json'];
};

/** Every way `value` departs from `schema`: undeclared keys, missing required keys, wrong types or values. */
const departures = (value: unknown, schema: JsonSchema, at = '$'): string[] => {
  if (schema.enum !== undefined && !schema.enum.includes(value)) return [`${at} not in enum`];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${at} not an array`];
    return value.flatMap((item, i) =>
      schema.items ? departures(item, schema.items, `${at}[${i}]`) : [],
    );
  }
  if (schema.type === 'object') {
    if (value === null || typeof value !== 'object') return [`${at} not an object`];
    const record = value as Record<string, unknown>;
    return [
      ...(schema.required ?? [])
        .filter((key) => !(key in record))
        .map((key) => `${at}.${key} missing`),
      ...Object.entries(record).flatMap(([key, child]) => {
        const declared = schema.properties?.[key];
        return declared ? departures(child, declared, `${at}.${key}`) : [`${at}.${key} undeclared`];
      }),
    ];
  }
  if (schema.type === 'string' && typeof value !== 'string') return [`${at} not a string`];
  if (schema.type === 'integer' && !Number.isInteger(value)) return [`${at} not an integer`];
  if (schema.type === 'boolean' && typeof value !== 'boolean') return [`${at} not a boolean`];
  return [];
};

const alice = demoUser({ email: 'alice@example.com' });
const queue = demoLine({ kind: 'call_queue', name: 'Support', members: [alice] });
const contact = { name: 'Dana', phoneNumber: '18108001001' };
const common = {
  contact,
  sessionId: 'e5e9b8417c1f2da2cd3006f3d9d4641a',
  at: '2026-12-06T12:00:00Z',
  text: 'Hi',
};
const attachments = [
  { id: 'ux7LtGDPRmqbo0nLQ2v9jQ', name: 'a.jpg', size: 10692, type: 'JPG' as const },
];

const DEMO_EVENTS = {
  'a text to a user': buildSmsEvent({ kind: 'received', owner: alice, ...common }),
  'an MMS to a call queue': buildSmsEvent({
    kind: 'received',
    owner: queue,
    member: alice,
    ...common,
    attachments,
  }),
  'a text from a user': buildSmsEvent({ kind: 'sent', owner: alice, ...common }),
  'a text from a call queue member': buildSmsEvent({
    kind: 'sent',
    owner: queue,
    member: alice,
    ...common,
  }),
  'a failed text from a user, with Zoom’s reason': buildSmsEvent({
    kind: 'failed',
    owner: alice,
    ...common,
    failureReason: '1101-phone message error send',
  }),
  'a failed MMS from a call queue member, with no reason': buildSmsEvent({
    kind: 'failed',
    owner: queue,
    member: alice,
    ...common,
    attachments,
  }),
};

describe('the SMS webhook schema', () => {
  it('subscribes to exactly the SMS events the spec declares', () => {
    expect([...ZOOM_SMS_EVENTS].sort()).toStrictEqual(Object.keys(spec.webhooks).sort());
  });

  it.each([...ZOOM_SMS_EVENTS])('reads Zoom’s own example of %s', (event) => {
    const example = JSON.parse(body(event).examples['json-example']?.value ?? '{}');
    expect(departures(example, body(event).schema)).toStrictEqual([]);
    expect(zoomSmsEventSchema.safeParse(example).error).toBeUndefined();
  });

  it('maps Zoom’s example: E.164 numbers, the queue by team_id, the attachment described', () => {
    const example = JSON.parse(body('phone.sms_received').examples['json-example']?.value ?? '{}');
    const event = toInboxEvent(zoomSmsEventSchema.parse(example));
    expect(event.owner).toStrictEqual({
      kind: 'call_queue',
      lineId: 'milmMfm3SYCwkraYIriNiQ',
      zoomUserId: '29QVgYBGRmOM5VlC0DmLgg',
    });
    expect(event.message.sender?.phoneNumber).toBe('+12132822256');
    expect(event.message.attachments[0]).toMatchObject({ kind: 'image', sizeBytes: 10692 });
  });

  it('maps Zoom’s example of a failure: its own kind, the reason, the sender the line’s', () => {
    const example = JSON.parse(
      body('phone.sms_sent_failed').examples['json-example']?.value ?? '{}',
    );
    const event = toInboxEvent(zoomSmsEventSchema.parse(example));
    expect(event.kind).toBe('failed');
    expect(event.failureReason).toBe('1101-phone message error send');
    expect(event.owner).toStrictEqual({ kind: 'call_queue', lineId: '29QVgYBGRmOM5VlC0DmLgg' });
    expect(event.message).toMatchObject({
      id: '72abd192-97ee-4ddb-b498-85048f4c34d7',
      direction: 'out',
      status: 'failed',
      failure: 'send',
    });
    expect(event.message.sender).toMatchObject({ phoneNumber: '+12132822256', isOwner: true });
    expect(event.message.recipients).toStrictEqual([
      { phoneNumber: '+12132792348', isOwner: false },
    ]);
  });

  it('reads a failure without failure_reason (optional) and refuses one without message_id', () => {
    const example = JSON.parse(
      body('phone.sms_sent_failed').examples['json-example']?.value ?? '{}',
    );
    const { failure_reason: _reason, ...object } = example.payload.object;
    const bare = { ...example, payload: { ...example.payload, object } };
    expect(departures(bare, body('phone.sms_sent_failed').schema)).toStrictEqual([]);
    expect(toInboxEvent(zoomSmsEventSchema.parse(bare)).failureReason).toBeUndefined();
    const { message_id: _id, ...withoutId } = object;
    const broken = { ...example, payload: { ...example.payload, object: withoutId } };
    expect(departures(broken, body('phone.sms_sent_failed').schema)).toStrictEqual([
      '$.payload.object.message_id missing',
    ]);
    expect(zoomSmsEventSchema.safeParse(broken).success).toBe(false);
  });
});

describe('buildSmsEvent (the demo Zoom’s webhooks)', () => {
  it.each(Object.entries(DEMO_EVENTS))('sends %s exactly as the spec declares', (_, event) => {
    const name = String(event.event);
    expect(departures(event, body(name).schema)).toStrictEqual([]);
    expect(zoomSmsEventSchema.safeParse(event).error).toBeUndefined();
  });
});
