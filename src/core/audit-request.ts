import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Which audit entries an answer shows, so **Show details** / **Hide details** can ask again for
 * the same ones. Untrusted when it comes back: the clicker is checked as an admin again.
 */
export interface AuditRequest {
  readonly subjectSlackUserId?: string;
  /** 1 to the most one answer shows. */
  readonly limit: number;
  /** Show each entry's raw record. */
  readonly details: boolean;
}

/** The most entries one request may ask for (the renderer shows at most this many). */
const AUDIT_REQUEST_MAX_ENTRIES = 20;

const wireSchema = z.strictObject({
  s: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,20}$/)
    .optional(),
  n: z.number().int().min(1).max(AUDIT_REQUEST_MAX_ENTRIES),
  d: z.boolean(),
});

/** The button value for `request`: a few dozen characters of JSON. */
export const encodeAuditRequest = (request: AuditRequest): string =>
  JSON.stringify({
    ...(request.subjectSlackUserId === undefined ? {} : { s: request.subjectSlackUserId }),
    n: Math.min(Math.max(1, request.limit), AUDIT_REQUEST_MAX_ENTRIES),
    d: request.details,
  });

/**
 * Reads a details button's value back.
 * @throws AppError `BAD_BUTTON` when it is not one the app wrote.
 */
export const decodeAuditRequest = (value: string): AuditRequest => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (cause) {
    throw new AppError('BAD_BUTTON', 'Audit button value is not JSON', { cause });
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) throw new AppError('BAD_BUTTON', 'Audit button value is not a request');
  const { s, n, d } = parsed.data;
  return { limit: n, details: d, ...(s === undefined ? {} : { subjectSlackUserId: s }) };
};
