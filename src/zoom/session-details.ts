import { AppError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../query/types.js';

/** Which end of a conversation a page starts from (Zoom's `sort`: `1` ascending, `2` descending). */
export type MessageOrder = 'oldest-first' | 'newest-first';

/**
 * One page of one session's messages, as the app asks for it. `from`/`to` are UTC instants
 * (`YYYY-MM-DDTHH:mm:ssZ`) at most a month apart: Zoom answers "one month's worth of data at
 * once" and looks at the past 30 days when no window is given, so the app always sends one.
 */
export interface SessionDetailsRequest {
  readonly from: string;
  readonly to: string;
  /** 1 to 100. */
  readonly pageSize: number;
  /** `''` or absent for the first page. */
  readonly pageToken?: string;
  readonly order: MessageOrder;
}

/** Query parameters of `GET /phone/sms/sessions/{sessionId}`, named as Zoom names them. */
export interface SessionDetailsParams {
  readonly page_size: number;
  readonly from: string;
  readonly to: string;
  readonly sort: 1 | 2;
  readonly next_page_token?: string;
}

/**
 * Maps a {@link SessionDetailsRequest} to Zoom's query parameters for "Get SMS session details"
 * (spec/zoom/phone-sms-openapi.json, operation `smsSessionDetails`). Every parameter is sent
 * explicitly so Zoom's defaults (30 a page, the past 30 days, oldest first) never decide what a
 * person reads. https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
 * @throws AppError `INTERNAL` when `pageSize` is outside 1–100: the app chooses it, never a person.
 */
export const toSessionDetailsParams = (request: SessionDetailsRequest): SessionDetailsParams => {
  const { pageSize } = request;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new AppError('INTERNAL', `Session details page size out of range: ${pageSize}`);
  }
  return {
    page_size: pageSize,
    from: request.from,
    to: request.to,
    sort: request.order === 'oldest-first' ? 1 : 2,
    ...(request.pageToken ? { next_page_token: request.pageToken } : {}),
  };
};
