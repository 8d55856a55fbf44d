import { z } from 'zod';
import type { RoutableLineKind, SharedLine, SharedLinesPage } from '../domain/inbox.js';
import type { ZoomRequest } from './zoom-request.js';

/** Lines asked for a page: Zoom's most (`page_size` maximum 100 for both operations). */
export const SHARED_LINES_PAGE_SIZE = 100;

const lineSchema = z.object({ id: z.string().optional(), name: z.string().optional() });

/** 200 body of `GET /phone/call_queues` ("List call queues"), what the app reads of it. */
export const zoomCallQueuesSchema = z.object({
  call_queues: z.array(lineSchema).optional(),
  next_page_token: z.string().optional(),
});

/** 200 body of `GET /phone/auto_receptionists` ("List auto receptionists"). */
export const zoomAutoReceptionistsSchema = z.object({
  auto_receptionists: z.array(lineSchema).optional(),
  next_page_token: z.string().optional(),
});

const toLines = (
  kind: RoutableLineKind,
  lines: readonly z.infer<typeof lineSchema>[] = [],
): SharedLine[] =>
  lines.flatMap((line) =>
    line.id === undefined || line.id === ''
      ? []
      : [{ id: line.id, kind, name: line.name?.trim() || line.id }],
  );

/**
 * One page of the account's call queues or auto receptionists (spec/zoom/phone-sms-events-and-send.json,
 * `listCallQueues` / `listAutoReceptionists`; scopes `phone:read:admin` or granular
 * `phone:read:list_call_queues:admin` and `phone:read:list_auto_receptionists:admin`), mapped into
 * the domain's {@link SharedLine}s. https://developers.zoom.us/docs/api/phone/#tag/call-queues
 */
export const sharedLinesRequest = (
  kind: RoutableLineKind,
  pageToken?: string,
): ZoomRequest<SharedLinesPage> => {
  const query = {
    page_size: SHARED_LINES_PAGE_SIZE,
    ...(pageToken ? { next_page_token: pageToken } : {}),
  };
  return kind === 'call_queue'
    ? {
        template: '/phone/call_queues',
        path: '/phone/call_queues',
        query,
        schema: zoomCallQueuesSchema.transform((page) => ({
          lines: toLines('call_queue', page.call_queues),
          nextPageToken: page.next_page_token ?? '',
        })),
      }
    : {
        template: '/phone/auto_receptionists',
        path: '/phone/auto_receptionists',
        query,
        schema: zoomAutoReceptionistsSchema.transform((page) => ({
          lines: toLines('auto_receptionist', page.auto_receptionists),
          nextPageToken: page.next_page_token ?? '',
        })),
      };
};
