import { z } from 'zod';

/**
 * zod schemas for the Zoom responses the app reads, transcribed from
 * spec/zoom/phone-sms-openapi.json. Zoom marks no property as required, so every field is
 * optional and readers must cope with its absence. Enum-like strings stay plain strings where
 * Zoom may add values (an unknown owner type must not turn a page into an error).
 */

/** `sms_sessions[].participants[].owner` */
export const zoomParticipantOwnerSchema = z.object({
  id: z.string().optional(),
  /** `user`, `callQueue`, `autoReceptionist` or `sharedLineGroup` today. */
  type: z.string().optional(),
});

/** `sms_sessions[].participants[]` (at most 10 per session). */
export const zoomParticipantSchema = z.object({
  display_name: z.string().optional(),
  phone_number: z.string().optional(),
  is_session_owner: z.boolean().optional(),
  owner: zoomParticipantOwnerSchema.optional(),
});

/** `sms_sessions[]` */
export const zoomSmsSessionSchema = z.object({
  session_id: z.string().optional(),
  /** `user`, `call_queue` or `auto_receptionist`. */
  session_type: z.string().optional(),
  /** UTC, e.g. `2022-03-25T02:11:27Z`. */
  last_access_time: z.string().optional(),
  participants: z.array(zoomParticipantSchema).optional(),
});

/** 200 body of `GET /phone/users/{userId}/sms/sessions` ("Get user's SMS sessions"). */
export const zoomSmsSessionsPageSchema = z.object({
  /** Opaque; `""` (or absent) on the last page; expires after 15 minutes. */
  next_page_token: z.string().optional(),
  page_size: z.number().int().optional(),
  sms_sessions: z.array(zoomSmsSessionSchema).max(100).optional(),
});

/** `sender` and `to_members[]` of a message in `GET /phone/sms/sessions/{sessionId}`. */
export const zoomSmsPartySchema = z.object({
  display_name: z.string().optional(),
  /** Digits with country code, no `+`; the spec requires it, but a reader must cope. */
  phone_number: z.string().optional(),
  owner: zoomParticipantOwnerSchema.optional(),
});

/** `sms_histories[].attachments[]` (at most 10 a message). */
export const zoomSmsAttachmentSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  /** Bytes. */
  size: z.number().optional(),
  /** `OTHER`, `PNG`, `GIF`, `JPG`, `AUDIO` or `VIDEO` today. */
  type: z.string().optional(),
  download_url: z.string().optional(),
});

/** `sms_histories[]`: one SMS or MMS. */
export const zoomSmsHistorySchema = z.object({
  message_id: z.string().optional(),
  /** UTC, e.g. `2022-03-23T02:58:01Z`. */
  date_time: z.string().optional(),
  /** `In` or `Out`. */
  direction: z.string().optional(),
  message: z.string().optional(),
  /** `received`, `delivered`, `failed_to_send`, `sent`, `failed_to_deliver` or `unknown` today. */
  delivery_status: z.string().optional(),
  /** 1 SMS, 2 MMS, 3 group SMS, 4 group MMS, 5 international SMS, 6 on-net message. */
  message_type: z.number().int().optional(),
  sender: zoomSmsPartySchema.optional(),
  to_members: z.array(zoomSmsPartySchema).optional(),
  attachments: z.array(zoomSmsAttachmentSchema).optional(),
});

/** 200 body of `GET /phone/sms/sessions/{sessionId}` ("Get SMS session details"). */
export const zoomSmsSessionDetailsSchema = z.object({
  /** Opaque; `""` (or absent) on the last page; expires after 15 minutes. */
  next_page_token: z.string().optional(),
  page_size: z.number().int().optional(),
  sms_histories: z.array(zoomSmsHistorySchema).max(100).optional(),
});

/** Zoom's error body: `{ code, message }`, sometimes with `errors[]`. */
export const zoomErrorBodySchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

/** 200 body of `POST https://zoom.us/oauth/token?grant_type=account_credentials`. */
export const zoomTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  api_url: z.string().optional(),
});

/**
 * Error body of the OAuth token endpoint, e.g.
 * `{ "reason": "Invalid client_id or client_secret", "error": "invalid_client" }`
 * (see src/zoom/platform-facts.ts, `ZOOM_OAUTH`). Unlike the REST API it has no numeric code.
 */
export const zoomTokenErrorBodySchema = z.object({
  reason: z.string().optional(),
  error: z.string().optional(),
});

/**
 * 200 body of `GET /users/{userId}` ("Get a user"), reduced to what linking a Slack person to a
 * Zoom user needs. `id` is required: the point of the call is the canonical Zoom user id.
 */
export const zoomUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  /** Plan type: `1` Basic, `2` Licensed, `4` Unassigned without Meetings Basic, `99` None. */
  type: z.number().int().optional(),
  /** `pending`, `active` or `inactive` today. */
  status: z.string().optional(),
  role_name: z.string().optional(),
  timezone: z.string().optional(),
  account_id: z.string().optional(),
  /** `1` verified, `0` not verified. */
  verified: z.number().int().optional(),
});

/** `phone_numbers[]` of `GET /phone/users/{userId}` (at most 10). */
export const zoomPhoneUserNumberSchema = z.object({
  id: z.string().optional(),
  /** Digits with country code, no `+`. */
  number: z.string().optional(),
});

/**
 * 200 body of `GET /phone/users/{userId}` ("Get a user's profile"), reduced to what telling
 * "has Zoom Phone" from "has not" needs. A 200 at all means the user has a Zoom Phone license.
 */
export const zoomPhoneUserSchema = z.object({
  id: z.string().optional(),
  phone_user_id: z.string().optional(),
  email: z.string().optional(),
  extension_id: z.string().optional(),
  extension_number: z.number().int().optional(),
  /** `activate` or `deactivate`. */
  status: z.string().optional(),
  site_id: z.string().optional(),
  phone_numbers: z.array(zoomPhoneUserNumberSchema).optional(),
  calling_plans: z.array(z.object({ type: z.number().int().optional() })).optional(),
});

export type ZoomParticipant = z.infer<typeof zoomParticipantSchema>;
export type ZoomSmsSession = z.infer<typeof zoomSmsSessionSchema>;
export type ZoomSmsSessionsPage = z.infer<typeof zoomSmsSessionsPageSchema>;
export type ZoomErrorBody = z.infer<typeof zoomErrorBodySchema>;
export type ZoomTokenResponse = z.infer<typeof zoomTokenResponseSchema>;
export type ZoomTokenErrorBody = z.infer<typeof zoomTokenErrorBodySchema>;
export type ZoomUser = z.infer<typeof zoomUserSchema>;
export type ZoomPhoneUser = z.infer<typeof zoomPhoneUserSchema>;
export type ZoomSmsParty = z.infer<typeof zoomSmsPartySchema>;
export type ZoomSmsAttachment = z.infer<typeof zoomSmsAttachmentSchema>;
export type ZoomSmsHistory = z.infer<typeof zoomSmsHistorySchema>;
export type ZoomSmsSessionDetails = z.infer<typeof zoomSmsSessionDetailsSchema>;
