import { toSmsSessionsParams } from './query-params.js';
import {
  zoomPhoneUserSchema,
  zoomSmsSessionDetailsSchema,
  zoomSmsSessionsPageSchema,
  zoomUserSchema,
} from './schemas.js';
import { sendSmsRequest } from './send-sms.js';
import { toSessionDetailsParams } from './session-details.js';
import { sharedLinesRequest } from './shared-lines.js';
import {
  accountUserFromZoom,
  messagesPageFromZoom,
  phoneProfileFromZoom,
  sessionsPageFromZoom,
} from './to-domain.js';
import type { ZoomApi } from './types.js';
import { createZoomCall } from './zoom-call.js';
import type { ZoomClientOptions } from './zoom-request.js';

/**
 * The app's Zoom API client: each operation of {@link ZoomApi} as one request sent by
 * {@link createZoomCall} (which parses, retries and translates refusals), mapped into the app's
 * own types (src/zoom/to-domain.ts).
 */
export const createZoomClient = (options: ZoomClientOptions): ZoomApi => {
  const call = createZoomCall(options);

  return {
    listUserSmsSessions: async (zoomUserId, query, pageToken) => {
      const page = await call({
        template: '/phone/users/{userId}/sms/sessions',
        path: `/phone/users/${encodeURIComponent(zoomUserId)}/sms/sessions`,
        zoomUser: zoomUserId,
        query: { ...toSmsSessionsParams(query, pageToken) },
        schema: zoomSmsSessionsPageSchema,
      });
      return sessionsPageFromZoom(page);
    },
    getUser: async (zoomUserIdOrEmail) =>
      accountUserFromZoom(
        await call({
          template: '/users/{userId}',
          path: `/users/${encodeURIComponent(zoomUserIdOrEmail)}`,
          zoomUser: zoomUserIdOrEmail,
          schema: zoomUserSchema,
        }),
      ),
    getPhoneUser: async (zoomUserIdOrEmail) =>
      phoneProfileFromZoom(
        await call({
          template: '/phone/users/{userId}',
          path: `/phone/users/${encodeURIComponent(zoomUserIdOrEmail)}`,
          zoomUser: zoomUserIdOrEmail,
          schema: zoomPhoneUserSchema,
        }),
      ),
    getSmsSessionDetails: async (sessionId, request) => {
      const page = await call({
        template: '/phone/sms/sessions/{sessionId}',
        path: `/phone/sms/sessions/${encodeURIComponent(sessionId)}`,
        query: { ...toSessionDetailsParams(request) },
        schema: zoomSmsSessionDetailsSchema,
      });
      return messagesPageFromZoom(page, sessionId);
    },
    sendSms: async (request) => call(sendSmsRequest(request)),
    listSharedLines: async (kind, pageToken) => call(sharedLinesRequest(kind, pageToken)),
  };
};
