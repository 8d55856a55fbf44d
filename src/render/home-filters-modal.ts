import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type HomeFilters, PHONE_INPUT_MAX_CHARS } from '../core/home-filters.js';
import type { AppError } from '../errors.js';
import {
  DEFAULT_RANGE_DAYS,
  FILTER_TYPES,
  type FilterType,
  SESSION_TYPES,
  type SessionType,
} from '../query/types.js';
import { HOME_FILTERS_IDS } from '../surface/home-ids.js';
import { mrkdwn } from './session-list.js';

/** The modal's title (Slack allows 24 characters). */
export const FILTERS_MODAL_TITLE = 'Filters';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/**
 * Each option says what it is, since a chosen select shows the option alone: "Type: Your number",
 * not "Your number".
 */
const SESSION_TYPE_OPTIONS: Readonly<Record<SessionType, string>> = {
  all: 'Type: All',
  user: 'Type: Your number',
  call_queue: 'Type: Call queue',
  auto_receptionist: 'Type: Auto receptionist',
};

const FILTER_TYPE_OPTIONS: Readonly<Record<FilterType, string>> = {
  last_message_time: 'Dates match: Last message',
  sent_message_time: 'Dates match: Time sent',
  received_message_time: 'Dates match: Time received',
  sent_received_message_time: 'Dates match: Sent or received',
};

const option = (labels: Readonly<Record<string, string>>, value: string): PlainTextOption => ({
  text: plain(labels[value] ?? value),
  value,
});

const select = (
  blockId: string,
  actionId: string,
  label: string,
  labels: Readonly<Record<string, string>>,
  values: readonly string[],
  chosen: string,
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plain(label),
  element: {
    type: 'static_select',
    action_id: actionId,
    options: values.map((value) => option(labels, value)),
    initial_option: option(labels, chosen),
  },
});

const datePicker = (
  blockId: string,
  actionId: string,
  label: string,
  date: string | undefined,
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: plain(label),
  element: {
    type: 'datepicker',
    action_id: actionId,
    placeholder: plain(label),
    ...(date === undefined ? {} : { initial_date: date }),
  },
});

/**
 * The Filters… modal, showing the filters as they are: type and "dates match" selects (each
 * option saying what it is), From and To date pickers, and the phone number, with Apply and
 * Cancel. Nothing is sent until Apply (`view_submission`); a date or number that cannot work is
 * answered beside its field (`response_action: "errors"`, {@link filterFieldErrors}). Pure.
 * https://docs.slack.dev/surfaces/modals
 */
export const renderHomeFiltersModal = (filters: HomeFilters): ModalView => {
  const ids = HOME_FILTERS_IDS;
  const blocks: KnownBlock[] = [
    select(
      ids.typeBlock,
      ids.typeAction,
      'Type',
      SESSION_TYPE_OPTIONS,
      SESSION_TYPES,
      filters.sessionType,
    ),
    select(
      ids.matchBlock,
      ids.matchAction,
      'Dates match',
      FILTER_TYPE_OPTIONS,
      FILTER_TYPES,
      filters.filterType,
    ),
    datePicker(ids.fromBlock, ids.fromAction, 'From', filters.from),
    datePicker(ids.toBlock, ids.toAction, 'To', filters.to),
    {
      type: 'input',
      block_id: ids.phoneBlock,
      optional: true,
      label: plain('Phone number'),
      hint: plain('Only conversations with this number. Leave it empty for every number.'),
      element: {
        type: 'plain_text_input',
        action_id: ids.phoneAction,
        max_length: PHONE_INPUT_MAX_CHARS,
        placeholder: plain('e.g. +1 415 555 0100'),
        ...(filters.phone === undefined ? {} : { initial_value: filters.phone }),
      },
    },
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Dates are whole days in your time zone; a range of several months is listed a month at a time, newest first. Without dates: the past ${DEFAULT_RANGE_DAYS} days.`,
        ),
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    title: plain(FILTERS_MODAL_TITLE),
    submit: plain('Apply'),
    close: plain('Cancel'),
    blocks,
  };
};

/**
 * Why the filters cannot be listed, beside the field to change, as `response_action: "errors"`
 * wants it (`{ [block_id]: text }`, plain text): a From date in the future, a To date before the
 * From date, dates too far apart (`detail.limit` months), a phone number that is not one, or a
 * form from an older version of the app. `undefined` for an error no field explains.
 * https://docs.slack.dev/surfaces/modals#displaying_errors
 */
export const filterFieldErrors = (error: AppError): Record<string, string> | undefined => {
  const ids = HOME_FILTERS_IDS;
  if (error.code === 'BAD_BUTTON') {
    return {
      [ids.typeBlock]:
        'This form is from an older version of the app. Close it and open Filters… again.',
    };
  }
  if (error.code !== 'INVALID_ARGS') return undefined;
  const { detail } = error;
  switch (detail.reason) {
    case 'from-in-future':
      return { [ids.fromBlock]: 'This day is in the future. Pick a day up to today.' };
    case 'from-after-to':
      return { [ids.toBlock]: 'This day is before the From date. Pick a day on or after it.' };
    case 'range-over-cap':
      return {
        [ids.fromBlock]: `The dates are ${detail.limit === undefined ? 'too far apart' : `more than ${detail.limit} months apart`}, the most listed at once. Pick a later From date or an earlier To date.`,
      };
    case 'bad-date':
      return {
        [detail.option === 'to' ? ids.toBlock : ids.fromBlock]: 'This is not a day. Pick one.',
      };
    case 'bad-phone':
      return {
        [ids.phoneBlock]:
          "This doesn't look like a phone number. Any usual way of writing one works, e.g. +1 810 800 1001.",
      };
    default:
      return undefined;
  }
};
