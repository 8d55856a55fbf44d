import type { DemoResponse } from '../responses.js';
import { validationError } from '../responses.js';
import type { DemoLine } from '../types.js';

/** Zoom's largest `page_size` for both list operations (spec: maximum 100 on the receptionists). */
const MAX_PAGE_SIZE = 100;

/**
 * "List call queues" (`GET /phone/call_queues`) and "List auto receptionists" (`GET
 * /phone/auto_receptionists`), the fields of spec/zoom/phone-sms-events-and-send.json the demo
 * models: one page (the demo has few lines), `page_size` 1–100.
 */
export const listSharedLines = (input: {
  readonly kind: 'call-queues' | 'auto-receptionists';
  readonly lines: readonly DemoLine[];
  readonly query: URLSearchParams;
}): DemoResponse => {
  const raw = input.query.get('page_size');
  const pageSize = raw === null ? 30 : Number(raw);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return validationError('page_size', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  const shown = input.lines.slice(0, pageSize);
  const items =
    input.kind === 'call-queues'
      ? shown.map((line) => ({
          id: line.id,
          name: line.name,
          phone_numbers: [
            { id: `${line.id}-n`, number: `+${line.phoneNumber}`, source: 'internal' },
          ],
          status: 'active',
        }))
      : shown.map((line) => ({ id: line.id, name: line.name }));
  return {
    status: 200,
    body: {
      [input.kind === 'call-queues' ? 'call_queues' : 'auto_receptionists']: items,
      next_page_token: '',
      page_size: pageSize,
      total_records: input.lines.length,
    },
  };
};
