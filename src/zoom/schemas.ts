import { z } from 'zod';

/**
 * zod schemas for the Zoom responses the app reads, transcribed from
 * ../shared/zoom/phone-sms-openapi.json. Zoom marks no property as required, so every field is
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

export type ZoomParticipant = z.infer<typeof zoomParticipantSchema>;
export type ZoomSmsSession = z.infer<typeof zoomSmsSessionSchema>;
export type ZoomSmsSessionsPage = z.infer<typeof zoomSmsSessionsPageSchema>;
export type ZoomErrorBody = z.infer<typeof zoomErrorBodySchema>;
export type ZoomTokenResponse = z.infer<typeof zoomTokenResponseSchema>;

/** One page as the rest of the app sees it: arrays always present, last page = `''`. */
export interface SmsSessionsPage {
  readonly sessions: readonly ZoomSmsSession[];
  readonly nextPageToken: string;
}
