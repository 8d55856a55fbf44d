import type { Button } from '@slack/types';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { SESSION_ACTION_IDS } from '../surface/ids.js';

/** The button's text; counted in `LIST_ACTIONS_MAX_CHARS` (src/render/limits.ts). */
export const EXPORT_BUTTON_TEXT = 'Export CSV';

/**
 * "Export CSV" under a listing: its value is the page cursor shown, so the export repeats the
 * same query from its first page (re-authorised when clicked) and its last message can lead back
 * to this very page. https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const exportButton = (cursor: PageCursor): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: EXPORT_BUTTON_TEXT },
  action_id: SESSION_ACTION_IDS.exportCsv,
  value: encodeCursor(cursor),
});
