import { randomUUID } from 'node:crypto';
import { HOME_FILTERS_IDS } from '../../src/surface/home-ids.js';
import { viewSubmissionBody } from './slack-requests.js';

/** What a person leaves in the Filters… modal's inputs when they press Apply. */
export interface FiltersForm {
  readonly type?: string;
  readonly match?: string;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly phone?: string | null;
}

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

/**
 * The form body of the Filters… modal's `view_submission`, exactly as Slack posts it: every
 * input's state (untouched ones with their defaults: every type, last message, no dates, no
 * number). https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
export const filtersSubmissionBody = (userId: string, form: FiltersForm): string => {
  const ids = HOME_FILTERS_IDS;
  return viewSubmissionBody({
    user_id: userId,
    view: {
      id: `VFILTERS${randomUUID().slice(0, 6).toUpperCase()}`,
      hash: `hash-${randomUUID()}`,
      callback_id: ids.callbackId,
      private_metadata: '',
      state: {
        values: {
          [ids.typeBlock]: {
            [ids.typeAction]: {
              type: 'static_select',
              selected_option: option(form.type ?? 'all'),
            },
          },
          [ids.matchBlock]: {
            [ids.matchAction]: {
              type: 'static_select',
              selected_option: option(form.match ?? 'last_message_time'),
            },
          },
          [ids.fromBlock]: {
            [ids.fromAction]: { type: 'datepicker', selected_date: form.from ?? null },
          },
          [ids.toBlock]: { [ids.toAction]: { type: 'datepicker', selected_date: form.to ?? null } },
          [ids.phoneBlock]: {
            [ids.phoneAction]: { type: 'plain_text_input', value: form.phone ?? null },
          },
        },
      },
    },
  });
};
