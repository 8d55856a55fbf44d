import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { type HomeFilters, hasFilters, subjectOf } from '../core/home-filters.js';
import { normalizePhoneNumber } from '../query/phone.js';
import { dayjs, safeTimeZone } from '../query/time-zone.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../surface/home-ids.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { slackMention } from './format.js';
import { filterTypeLabel, listingTypeLabel, phoneLabel } from './labels.js';
import { mrkdwn, SEPARATOR } from './session-list.js';
import type { RenderContext } from './types.js';

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

/** The summary of no filters at all. */
export const NO_FILTERS = 'none';

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/** Characters of a typed phone number the summary repeats when it is not a number. */
const TYPED_PHONE_MAX_CHARS = 40;

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A picked day (`YYYY-MM-DD`) as people read it: "Aug 1", with the year when it is not this one. */
const dayLabel = (date: string, ctx: RenderContext): string => {
  const day = dayjs.utc(date, 'YYYY-MM-DD', true);
  const thisYear = dayjs.utc(ctx.now.getTime()).tz(safeTimeZone(ctx.timeZone)).year();
  return day.format(day.year() === thisYear ? 'MMM D' : 'MMM D, YYYY');
};

const datesLabel = (filters: HomeFilters, ctx: RenderContext): string | undefined => {
  const { from, to } = filters;
  if (from !== undefined && to !== undefined)
    return `${dayLabel(from, ctx)} – ${dayLabel(to, ctx)}`;
  if (from !== undefined) return `From ${dayLabel(from, ctx)}`;
  if (to !== undefined) return `Until ${dayLabel(to, ctx)}`;
  return undefined;
};

/** The typed number as people read it, or as typed (escaped) when it is not one. */
const typedPhoneLabel = (typed: string): string => {
  try {
    return phoneLabel(normalizePhoneNumber(typed));
  } catch {
    return escapeMrkdwn(truncate(typed, TYPED_PHONE_MAX_CHARS));
  }
};

/**
 * The filters in one line of safe mrkdwn, for the Home tab: "Aug 1 – Nov 30 · +1 512 555 0176 ·
 * Your number" (dates, phone number, type, then which time the dates match when not the last
 * message's), or {@link NO_FILTERS}.
 */
export const filtersSummary = (model: HomeControlsModel, ctx: RenderContext): string => {
  const { filters } = model;
  const subject = subjectOf(filters, model.viewer);
  const whose = subject === model.viewer ? undefined : slackMention(subject);
  const parts = [
    datesLabel(filters, ctx),
    filters.phone === undefined ? undefined : typedPhoneLabel(filters.phone),
    filters.sessionType === 'all' ? undefined : listingTypeLabel(filters.sessionType, whose),
    filters.filterType === 'last_message_time'
      ? undefined
      : capitalised(filterTypeLabel(filters.filterType)),
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? NO_FILTERS : parts.join(SEPARATOR);
};

const personPicker = (model: HomeControlsModel): SectionBlock => {
  const subject = subjectOf(model.filters, model.viewer);
  return {
    type: 'section',
    block_id: HOME_BLOCK_IDS.person,
    text: mrkdwn('*Person:* admins can look at anyone’s SMS conversations.'),
    accessory: {
      type: 'users_select',
      action_id: HOME_ACTION_IDS.pickUser,
      placeholder: plain('Pick a person'),
      ...(SLACK_USER_ID.test(subject) ? { initial_user: subject } : {}),
    },
  };
};

const button = (text: string, actionId: string, label?: string): Button => ({
  type: 'button',
  action_id: actionId,
  text: plain(text),
  ...(label === undefined ? {} : { accessibility_label: label }),
});

const filterActions = (model: HomeControlsModel): ActionsBlock => ({
  type: 'actions',
  block_id: HOME_BLOCK_IDS.filterActions,
  elements: [
    button('Filters…', HOME_ACTION_IDS.openFilters, 'Change the filters'),
    ...(hasFilters(model.filters)
      ? [button('Clear filters', HOME_ACTION_IDS.clearFilters, 'Clear every filter')]
      : []),
    button('Refresh', HOME_ACTION_IDS.refresh, 'Show the newest SMS conversations again'),
  ],
});

/**
 * The Home tab's filters, summed up instead of laid out: for admins only, a user picker
 * (`users_select`) for whose conversations to show; one line "Filters: Aug 1 – Nov 30 · Your
 * number" (or "Filters: none"); then **Filters…** (a modal to change them), **Clear filters**
 * (only when some are set) and **Refresh**, each sending a `block_actions` payload at once.
 * Everyone else never sees the picker. Pure; at most three blocks.
 * https://docs.slack.dev/surfaces/app-home
 */
export const renderHomeControls = (model: HomeControlsModel, ctx: RenderContext): KnownBlock[] => [
  ...(model.canPickUser ? [personPicker(model)] : []),
  {
    type: 'section',
    block_id: HOME_BLOCK_IDS.filters,
    text: mrkdwn(`*Filters:* ${filtersSummary(model, ctx)}`),
  },
  filterActions(model),
];
