import type {
  ActionsBlock,
  ContextBlock,
  InputBlock,
  KnownBlock,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { type HomeFilters, PHONE_INPUT_MAX_CHARS, subjectOf } from '../core/home-filters.js';
import {
  DEFAULT_RANGE_DAYS,
  FILTER_TYPES,
  type FilterType,
  SESSION_TYPES,
  type SessionType,
} from '../query/types.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../surface/ids.js';
import { filterTypeLabel, sessionTypeLabel } from './format.js';
import { mrkdwn } from './session-list.js';

/** What the filter controls show: the viewer's filters, and whether they may pick a person. */
export interface HomeControlsModel {
  /** The Slack user whose Home tab this is. */
  readonly viewer: string;
  /** Admins only: a user picker to look at someone else's conversations. */
  readonly canPickUser: boolean;
  readonly filters: HomeFilters;
  /** Whether text notifications are on for the viewer; no switch is shown when absent. */
  readonly notify?: boolean;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const sessionTypeOption = (type: SessionType): PlainTextOption => ({
  text: plain(sessionTypeLabel(type)),
  value: type,
});

const filterTypeOption = (type: FilterType): PlainTextOption => ({
  text: plain(capitalised(filterTypeLabel(type))),
  value: type,
});

const personPicker = (model: HomeControlsModel): SectionBlock => {
  const subject = subjectOf(model.filters, model.viewer);
  return {
    type: 'section',
    block_id: HOME_BLOCK_IDS.person,
    text: mrkdwn('*Whose conversations*\nAdmins can look at anyone’s.'),
    accessory: {
      type: 'users_select',
      action_id: HOME_ACTION_IDS.pickUser,
      placeholder: plain('Pick a person'),
      ...(SLACK_USER_ID.test(subject) ? { initial_user: subject } : {}),
    },
  };
};

const filterActions = ({ filters }: HomeControlsModel): ActionsBlock => ({
  type: 'actions',
  block_id: HOME_BLOCK_IDS.filters,
  elements: [
    {
      type: 'static_select',
      action_id: HOME_ACTION_IDS.sessionType,
      placeholder: plain('Type'),
      options: SESSION_TYPES.map(sessionTypeOption),
      initial_option: sessionTypeOption(filters.sessionType),
    },
    {
      type: 'static_select',
      action_id: HOME_ACTION_IDS.filterType,
      placeholder: plain('Dates match'),
      options: FILTER_TYPES.map(filterTypeOption),
      initial_option: filterTypeOption(filters.filterType),
    },
    {
      type: 'datepicker',
      action_id: HOME_ACTION_IDS.from,
      placeholder: plain('From'),
      ...(filters.from === undefined ? {} : { initial_date: filters.from }),
    },
    {
      type: 'datepicker',
      action_id: HOME_ACTION_IDS.to,
      placeholder: plain('To'),
      ...(filters.to === undefined ? {} : { initial_date: filters.to }),
    },
    { type: 'button', action_id: HOME_ACTION_IDS.refresh, text: plain('Refresh') },
  ],
});

const phoneInput = ({ filters }: HomeControlsModel): InputBlock => ({
  type: 'input',
  block_id: HOME_BLOCK_IDS.phone,
  dispatch_action: true,
  optional: true,
  label: plain('Phone number'),
  hint: plain('Press Enter to apply. Leave it empty for every number.'),
  element: {
    type: 'plain_text_input',
    action_id: HOME_ACTION_IDS.phone,
    max_length: PHONE_INPUT_MAX_CHARS,
    placeholder: plain('e.g. +1 415 555 0100'),
    dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
    ...(filters.phone === undefined ? {} : { initial_value: filters.phone }),
  },
});

const datesHint: ContextBlock = {
  type: 'context',
  elements: [
    mrkdwn(
      `Dates are whole days in your time zone; a range of several months is listed a month at a time, newest first. Without dates: the past ${DEFAULT_RANGE_DAYS} days.`,
    ),
  ],
};

/**
 * The Home tab's filter controls, showing the viewer's current filters: for admins only, a user
 * picker (`users_select`) for whose conversations to show; the session type and "dates match"
 * selects, the From and To date pickers and **Refresh**, each of which sends a `block_actions`
 * payload at once; the phone number input, sent when Enter is pressed (`dispatch_action`); and a
 * line on how dates are read. Everyone else never sees the picker. Pure; at most four blocks.
 * https://docs.slack.dev/surfaces/app-home
 * https://docs.slack.dev/reference/block-kit/blocks/input-block
 */
export const renderHomeControls = (model: HomeControlsModel): KnownBlock[] => [
  ...(model.canPickUser ? [personPicker(model)] : []),
  filterActions(model),
  phoneInput(model),
  datesHint,
];
