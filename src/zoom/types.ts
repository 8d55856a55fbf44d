import type { SessionQuery } from '../query/types.js';
import type { SmsSessionsPage } from './schemas.js';

/**
 * What the app needs from Zoom. Implemented by `createZoomClient` (src/zoom/client.ts);
 * tests may pass any object of this shape.
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
}
