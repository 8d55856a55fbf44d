import type { DateWindowError } from './date-window.js';
import { type DemoResponse, validationError } from './responses.js';

/** Zoom's `page_size` default on the SMS operations. */
const DEFAULT_PAGE_SIZE = 30;
/** Zoom's `page_size` maximum. */
const MAX_PAGE_SIZE = 100;

/** A query parameter; an empty value counts as absent, as Zoom treats it. */
export const param = (query: URLSearchParams, name: string): string | undefined => {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
};

/** `page_size`: an integer from 1 to 100, 30 when absent; otherwise Zoom's 400 / 300. */
export const parsePageSize = (query: URLSearchParams): number | DemoResponse => {
  const text = param(query, 'page_size');
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^-?\d+$/.test(text)) return validationError('page_size', 'must be an integer');
  const size = Number(text);
  if (size > MAX_PAGE_SIZE) {
    return validationError('page_size', `must be less than or equal to ${MAX_PAGE_SIZE}`);
  }
  if (size < 1) return validationError('page_size', 'must be greater than or equal to 1');
  return size;
};

const FORMAT = "yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'";

/** The 400 / 300 for a `from`/`to` problem other than a missing `to`. */
export const dateWindowError = (error: Exclude<DateWindowError, 'missing-to'>): DemoResponse => {
  switch (error) {
    case 'bad-from':
      return validationError('from', `must be in ${FORMAT} format`);
    case 'bad-to':
      return validationError('to', `must be in ${FORMAT} format`);
    case 'reversed':
      return validationError('from', 'must not be later than to');
    case 'too-long':
      return validationError('to', 'the date range must not exceed one month');
  }
};
