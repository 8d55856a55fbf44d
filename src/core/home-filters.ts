import { z } from 'zod';
import { AppError } from '../errors.js';
import { isCalendarDay } from '../query/calendar-day.js';
import { normalizePhoneNumber } from '../query/phone.js';
import { FILTER_TYPES, type ListArgs, SESSION_TYPES } from '../query/types.js';

/** Characters of a phone number as typed in the Filters… modal (the input's `max_length`). */
export const PHONE_INPUT_MAX_CHARS = 40;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * The filters of a person's App Home tab, as they chose them, kept between visits. Read back
 * from the store through this schema, so a value from an older release or a damaged entry
 * falls back to the defaults instead of breaking the tab.
 */
export const homeFiltersSchema = z.object({
  /** Whose conversations (admins only); absent means the viewer's own. */
  subject: z.string().regex(SLACK_USER_ID).optional(),
  sessionType: z.enum(SESSION_TYPES),
  filterType: z.enum(FILTER_TYPES),
  /** First day of the window, `YYYY-MM-DD` in the viewer's time zone (a date picker's value). */
  from: z.string().refine(isCalendarDay).optional(),
  /** Last day of the window, likewise. */
  to: z.string().refine(isCalendarDay).optional(),
  /** The phone number exactly as typed, normalised only when the query is built. */
  phone: z.string().min(1).max(PHONE_INPUT_MAX_CHARS).optional(),
});

/** See {@link homeFiltersSchema}. */
export type HomeFilters = z.infer<typeof homeFiltersSchema>;

/**
 * The defaults, as the command's: everything the person can see (`all`), by last message time,
 * the past 30 days.
 */
export const DEFAULT_HOME_FILTERS: HomeFilters = {
  sessionType: 'all',
  filterType: 'last_message_time',
};

/** Stored filters, or the defaults when there are none or they cannot be read. */
export const parseHomeFilters = (raw: unknown): HomeFilters => {
  const parsed = homeFiltersSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_HOME_FILTERS;
};

/**
 * One filter changed (an input of the Filters… modal, or the admin's person picker), with the
 * value from the payload. Payload values are untrusted: {@link applyFilterChange} accepts only
 * what the inputs can produce.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export type HomeFilterChange =
  | { readonly kind: 'session-type'; readonly value: string | undefined }
  | { readonly kind: 'filter-type'; readonly value: string | undefined }
  | { readonly kind: 'from'; readonly date: string | null | undefined }
  | { readonly kind: 'to'; readonly date: string | null | undefined }
  | { readonly kind: 'phone'; readonly text: string | null | undefined }
  | { readonly kind: 'subject'; readonly slackUserId: string | null | undefined };

const altered = (what: string): AppError =>
  new AppError('BAD_BUTTON', `Home control value is not one the view offers: ${what}`);

const oneOf = <T extends string>(values: readonly T[], value: string | undefined, what: string) => {
  const found = values.find((known) => known === value);
  if (found === undefined) throw altered(what);
  return found;
};

const day = (date: string | null | undefined, what: string): string | undefined => {
  if (date === null || date === undefined || date === '') return undefined;
  if (!isCalendarDay(date)) throw altered(what);
  return date;
};

type OptionalFilter = 'from' | 'to' | 'phone' | 'subject';

const withOptional = (
  filters: HomeFilters,
  key: OptionalFilter,
  value: string | undefined,
): HomeFilters => {
  const next: HomeFilters = { ...filters };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

/**
 * The filters after one control changed. A cleared date picker or an emptied phone field
 * removes that filter; a phone number is kept as typed (trimmed, cut to
 * {@link PHONE_INPUT_MAX_CHARS}) and checked when the query is built, so the person sees what
 * they typed next to the explanation. Picking another person starts from
 * {@link DEFAULT_HOME_FILTERS}. Who may be picked is not decided here.
 * @throws AppError `BAD_BUTTON` when a value is one no control offers (an altered payload).
 */
export const applyFilterChange = (filters: HomeFilters, change: HomeFilterChange): HomeFilters => {
  switch (change.kind) {
    case 'session-type':
      return { ...filters, sessionType: oneOf(SESSION_TYPES, change.value, 'session type') };
    case 'filter-type':
      return { ...filters, filterType: oneOf(FILTER_TYPES, change.value, 'filter type') };
    case 'from':
      return withOptional(filters, 'from', day(change.date, 'from date'));
    case 'to':
      return withOptional(filters, 'to', day(change.date, 'to date'));
    case 'phone': {
      const text = (change.text ?? '').trim().slice(0, PHONE_INPUT_MAX_CHARS);
      return withOptional(filters, 'phone', text === '' ? undefined : text);
    }
    case 'subject': {
      // Another person starts from clean filters: one person's phone number or window says
      // nothing about another's conversations, and carried over would hide them.
      const id = change.slackUserId ?? undefined;
      if (id !== undefined && !SLACK_USER_ID.test(id)) throw altered('user');
      if (id === filters.subject) return filters;
      return withOptional(DEFAULT_HOME_FILTERS, 'subject', id);
    }
  }
};

/**
 * What the Filters… modal submitted, one value per input (`view_submission` → `state.values`):
 * untrusted, checked by {@link applyFiltersForm}.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export interface HomeFiltersForm {
  readonly sessionType: string | undefined;
  readonly filterType: string | undefined;
  readonly from: string | null | undefined;
  readonly to: string | null | undefined;
  readonly phone: string | null | undefined;
}

/**
 * The filters the Filters… modal asks for, every one at once, the person picked by an admin
 * kept: an empty date or phone number removes that filter (see {@link applyFilterChange}).
 * @throws AppError `BAD_BUTTON` when a value is one no input offers (an altered payload).
 */
export const applyFiltersForm = (filters: HomeFilters, form: HomeFiltersForm): HomeFilters =>
  (
    [
      { kind: 'session-type', value: form.sessionType },
      { kind: 'filter-type', value: form.filterType },
      { kind: 'from', date: form.from },
      { kind: 'to', date: form.to },
      { kind: 'phone', text: form.phone },
    ] as const
  ).reduce<HomeFilters>((next, change) => applyFilterChange(next, change), filters);

/** The defaults again ("Clear filters"), for the same person: an admin's pick stays. */
export const clearFilters = (filters: HomeFilters): HomeFilters =>
  withOptional(DEFAULT_HOME_FILTERS, 'subject', filters.subject);

/** Whether any filter differs from the defaults (whose conversations is not a filter). */
export const hasFilters = (filters: HomeFilters): boolean =>
  filters.sessionType !== DEFAULT_HOME_FILTERS.sessionType ||
  filters.filterType !== DEFAULT_HOME_FILTERS.filterType ||
  filters.from !== undefined ||
  filters.to !== undefined ||
  filters.phone !== undefined;

/** The Slack person whose conversations the filters ask for. */
export const subjectOf = (filters: HomeFilters, viewer: string): string =>
  filters.subject ?? viewer;

/**
 * The filters as a viewer may use them: someone who is not (or no longer) an admin always sees
 * their own conversations, whatever was stored, so losing the admin role never leaves a Home
 * tab stuck on someone else's refusal.
 */
export const filtersForViewer = (
  filters: HomeFilters,
  viewer: string,
  isAdmin: boolean,
): HomeFilters =>
  filters.subject === undefined || filters.subject === viewer || isAdmin
    ? filters
    : withOptional(filters, 'subject', undefined);

/**
 * The same request the command would make (`ListArgs`), so the Home tab goes through the same
 * `SessionsCore.start`: long ranges asked a month at a time, the reading of dates in the
 * viewer's zone and their messages are shared. Dates are whole days in the viewer's time zone, as the date pickers give.
 * @throws AppError `INVALID_ARGS` / `bad-phone` when the typed phone number is not one.
 */
export const toListArgs = (filters: HomeFilters, viewer: string): ListArgs => {
  const subject = subjectOf(filters, viewer);
  return {
    target: subject === viewer ? { kind: 'self' } : { kind: 'slack-user', userId: subject },
    sessionType: filters.sessionType,
    filterType: filters.filterType,
    ...(filters.from === undefined ? {} : { from: { kind: 'day', date: filters.from } }),
    ...(filters.to === undefined ? {} : { to: { kind: 'day', date: filters.to } }),
    ...(filters.phone === undefined ? {} : { phoneNumber: normalizePhoneNumber(filters.phone) }),
  };
};
