import { invalidArgs } from '../errors.js';
import { MAX_PAGE_SIZE, type SessionQuery } from '../query/types.js';

/**
 * Query parameters of `GET /phone/users/{userId}/sms/sessions`, named as Zoom names them
 * (spec/zoom/phone-sms-openapi.json, operation `userSmsSession`).
 */
export interface SmsSessionsParams {
  readonly page_size: number;
  readonly session_type: SessionQuery['sessionType'];
  readonly filter_type: SessionQuery['filterType'];
  readonly from: string;
  readonly to: string;
  readonly phone_number?: string;
  readonly next_page_token?: string;
}

/**
 * Maps the domain's {@link SessionQuery} (and Zoom's opaque page token) to Zoom's query
 * parameters. Every parameter is sent explicitly, so Zoom's defaults (30 per page, the past
 * 30 days) never decide what a person sees, and a later page repeats exactly the same question.
 * `next_page_token` is omitted for the first page (`''` or absent), as Zoom expects.
 *
 * @throws AppError `INVALID_ARGS` (`bad-size`) when `pageSize` is not an integer from 1 to
 * {@link MAX_PAGE_SIZE}: Zoom's documented maximum is 100, checked here rather than left to a
 * Zoom 400 that would reach the person as a generic failure.
 */
export const toSmsSessionsParams = (query: SessionQuery, pageToken?: string): SmsSessionsParams => {
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE) {
    throw invalidArgs('bad-size', { value: String(query.pageSize), limit: MAX_PAGE_SIZE });
  }
  return {
    page_size: query.pageSize,
    session_type: query.sessionType,
    filter_type: query.filterType,
    from: query.from,
    to: query.to,
    ...(query.phoneNumber === undefined ? {} : { phone_number: query.phoneNumber }),
    ...(pageToken ? { next_page_token: pageToken } : {}),
  };
};
