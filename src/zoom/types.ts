import type { AccountUser, PhoneProfile } from '../domain/account.js';
import type { RoutableLineKind, SharedLinesPage } from '../domain/inbox.js';
import type { SmsMessagesPage, SmsSessionsPage } from '../domain/sms.js';
import type { SessionQuery } from '../query/types.js';
import type { SmsSendRequest, SmsSendResult } from './send-sms.js';
import type { SessionDetailsRequest } from './session-details.js';

/**
 * What the app needs from Zoom, in the app's own terms (src/domain/): Zoom's wire shapes are
 * mapped once, in the client (src/zoom/to-domain.ts), and never travel past `src/zoom/`.
 * Implemented by `createZoomClient` (src/zoom/client.ts); tests may pass any object of this shape.
 */
export interface ZoomApi {
  /**
   * One page of `GET /phone/users/{userId}/sms/sessions`.
   * @param zoomUserId Zoom user id or email (Server-to-Server apps must not pass `me`).
   * @param pageToken `''` or absent for the first page.
   * @throws AppError with a `ZOOM_*` or `PAGE_EXPIRED` code.
   */
  listUserSmsSessions(
    zoomUserId: string,
    query: SessionQuery,
    pageToken?: string,
  ): Promise<SmsSessionsPage>;

  /**
   * `GET /users/{userId}`: the Zoom user behind an id or email, with its canonical `id`, so a
   * link between a Slack person and a Zoom user can be verified.
   * @throws AppError `ZOOM_USER_NOT_FOUND` when Zoom knows no such user, or another `ZOOM_*` code.
   */
  getUser(zoomUserIdOrEmail: string): Promise<AccountUser>;

  /**
   * `GET /phone/users/{userId}`: the user's Zoom Phone profile. Succeeds only for users with a
   * Zoom Phone license, which is what lets a caller tell "no Zoom Phone" apart.
   * @throws AppError `ZOOM_PHONE_NOT_ENABLED`, `ZOOM_USER_NOT_FOUND` or another `ZOOM_*` code.
   */
  getPhoneUser(zoomUserIdOrEmail: string): Promise<PhoneProfile>;

  /**
   * One page of `GET /phone/sms/sessions/{sessionId}` ("Get SMS session details"): the messages
   * of one session within `request.from`/`request.to`. Needs `phone:read:sms_session:admin` (or
   * a classic `phone:read:admin` / `phone_sms:read:admin`).
   * @throws AppError `ZOOM_SMS_ERROR` (404 / 7013), `PAGE_EXPIRED` or another `ZOOM_*` code.
   */
  getSmsSessionDetails(sessionId: string, request: SessionDetailsRequest): Promise<SmsMessagesPage>;

  /**
   * `POST /phone/sms/messages` ("Post SMS message"): sends one text from a number of the account
   * (a user's, a call queue's or an auto receptionist's) to the session's other participants.
   * Never repeated after an answer that leaves the outcome unknown. Needs `phone_sms:write:admin`
   * or `phone:write:admin`.
   * https://developers.zoom.us/docs/api/phone/#tag/sms/POST/phone/sms/messages
   * @throws AppError `SMS_TOO_LONG`, `SMS_INVALID_NUMBER`, `SMS_REFUSED` (Zoom's own words in
   * `detail.zoomMessage`), `ZOOM_UNCONFIRMED`, `ZOOM_RATE_LIMITED` or another `ZOOM_*` code.
   */
  sendSms(request: SmsSendRequest): Promise<SmsSendResult>;

  /**
   * One page of `GET /phone/call_queues` or `GET /phone/auto_receptionists`: the account's shared
   * lines, so an admin can route one to a channel by name.
   * @throws AppError with a `ZOOM_*` code (`ZOOM_MISSING_SCOPES` without `phone:read:admin`).
   */
  listSharedLines(kind: RoutableLineKind, pageToken?: string): Promise<SharedLinesPage>;
}
