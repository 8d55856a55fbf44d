import { z } from 'zod';

/**
 * Zoom's webhook payloads, as spec/zoom/phone-sms-events-and-send.json declares them (Zoom's
 * Phone webhook reference, with the SDK's types of zoom/rivet-javascript). Zoom's wire names
 * stop here: `to-inbox-event.ts` maps them into the app's domain.
 * https://developers.zoom.us/docs/api/phone/events/
 */

/** Every event's envelope: `{ event, event_ts, payload }`. */
export const zoomEventEnvelopeSchema = z.object({
  event: z.string().min(1),
  event_ts: z.number().int().optional(),
  payload: z.unknown(),
});

/** `endpoint.url_validation`: Zoom asks the endpoint to prove it holds the Secret Token. */
export const zoomUrlValidationSchema = z.object({
  event: z.literal('endpoint.url_validation'),
  event_ts: z.number().int().optional(),
  payload: z.object({ plainToken: z.string().min(1).max(512) }),
});

/** `sender` and `to_members[]` of an SMS event: only `phone_number` is required. */
export const zoomSmsEventPartySchema = z.object({
  phone_number: z.string(),
  id: z.string().optional(),
  type: z.string().optional(),
  display_name: z.string().optional(),
  is_message_owner: z.boolean().optional(),
});

/** `owner`: on received texts `team_id` is the call queue or auto receptionist. */
export const zoomSmsEventOwnerSchema = z.object({
  type: z.string().optional(),
  id: z.string().optional(),
  team_id: z.string().optional(),
  sms_sender_user_id: z.string().optional(),
});

/** `attachments[]`: every field is required by the spec. */
export const zoomSmsEventAttachmentSchema = z.object({
  id: z.string(),
  size: z.number().int(),
  name: z.string(),
  type: z.string(),
  download_url: z.string(),
});

/**
 * `payload.object` of `phone.sms_received`, `phone.sms_sent` and `phone.sms_sent_failed`: the
 * three declare the same required fields, so one schema reads them all.
 */
export const zoomSmsEventObjectSchema = z.object({
  sender: zoomSmsEventPartySchema,
  to_members: z.array(zoomSmsEventPartySchema),
  owner: zoomSmsEventOwnerSchema,
  message: z.string(),
  attachments: z.array(zoomSmsEventAttachmentSchema),
  session_id: z.string().min(1),
  message_id: z.string().min(1),
  message_type: z.number().int(),
  date_time: z.string(),
  /**
   * `phone.sms_sent` (empty when the send succeeded) and `phone.sms_sent_failed` (Zoom's reason,
   * e.g. `1101-phone message error send`; optional even there). Third-party text.
   */
  failure_reason: z.string().optional(),
});

/**
 * The SMS events the inbox handles, which are the spec's three: every place that names them for
 * people (the README, `doctor`) lists all of them (tests hold both to this list).
 */
export const ZOOM_SMS_EVENTS = [
  'phone.sms_received',
  'phone.sms_sent',
  'phone.sms_sent_failed',
] as const;

/** One of {@link ZOOM_SMS_EVENTS}. */
export type ZoomSmsEventName = (typeof ZOOM_SMS_EVENTS)[number];

/** Whether an envelope's `event` is one the inbox handles (anything else is answered and ignored). */
export const isZoomSmsEvent = (event: string): event is ZoomSmsEventName =>
  (ZOOM_SMS_EVENTS as readonly string[]).includes(event);

/** `phone.sms_received` / `phone.sms_sent` / `phone.sms_sent_failed`. */
export const zoomSmsEventSchema = z.object({
  event: z.enum(ZOOM_SMS_EVENTS),
  event_ts: z.number().int(),
  payload: z.object({
    account_id: z.string(),
    object: zoomSmsEventObjectSchema,
  }),
});

export type ZoomSmsEvent = z.infer<typeof zoomSmsEventSchema>;
export type ZoomSmsEventParty = z.infer<typeof zoomSmsEventPartySchema>;
export type ZoomSmsEventAttachment = z.infer<typeof zoomSmsEventAttachmentSchema>;
