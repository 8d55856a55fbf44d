import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Timeline } from './timeline.js';

/**
 * A `response_url` takes up to five answers within 30 minutes.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const RESPONSE_URL_MAX_USES = 5;
/** See {@link RESPONSE_URL_MAX_USES}. */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

/** What an app may post to a `response_url`. */
const responseBodySchema = z.object({
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  delete_original: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

const isTrue = (flag: boolean | 'true' | 'false' | undefined) => flag === true || flag === 'true';

/** Slack's answer to a post on a `response_url`. */
export interface ResponseUrlAnswer {
  readonly status: number;
  readonly body: string;
}

/** Issues `response_url`s and applies what the app posts to them. */
export interface ResponseUrls {
  /**
   * A fresh URL for one command (no `sourceTs`) or one click on message `sourceTs`, answered on
   * behalf of `userId`.
   */
  issue(input: {
    userId: string;
    sourceTs?: string | undefined;
    /** The browser tab that asked, so a private answer shows there only. */
    visitor?: string | undefined;
  }): string;
  /** Applies a post to the URL with this id (the last path segment). */
  accept(id: string, rawBody: string): ResponseUrlAnswer;
}

interface Issued {
  readonly userId: string;
  readonly visitor: string | undefined;
  readonly issuedAt: number;
  /** The message a click was on, then the last message this URL posted. */
  target: string | undefined;
  uses: number;
}

/**
 * Slack's `response_url`s for the playground: an ephemeral answer goes to the person who asked,
 * `replace_original` replaces the message a button was on (or the URL's own last answer),
 * `delete_original` removes it, `in_channel` shows it to everyone. A URL past its five uses or
 * 30 minutes answers 404, as Slack's does, and the app's `respond()` then throws.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const createResponseUrls = (options: {
  readonly clock: Clock;
  readonly timeline: Timeline;
  /** The origin the app reaches the playground's Slack at, e.g. `http://127.0.0.1:3000`. */
  readonly origin: () => string;
}): ResponseUrls => {
  const issued = new Map<string, Issued>();
  const { timeline } = options;

  const forget = (now: number) => {
    for (const [id, entry] of issued) {
      if (now - entry.issuedAt > RESPONSE_URL_TTL_MS) issued.delete(id);
    }
  };

  return {
    issue: ({ userId, sourceTs, visitor }) => {
      const now = options.clock.now().getTime();
      forget(now);
      const id = randomUUID();
      issued.set(id, { userId, visitor, issuedAt: now, target: sourceTs, uses: 0 });
      return `${options.origin()}/response/${id}`;
    },
    accept: (id, rawBody) => {
      const entry = issued.get(id);
      const now = options.clock.now().getTime();
      if (entry === undefined || now - entry.issuedAt > RESPONSE_URL_TTL_MS) {
        return { status: 404, body: 'expired_url' };
      }
      if (entry.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: 'used_url' };
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { status: 400, body: 'invalid_payload' };
      }
      const parsed = responseBodySchema.safeParse(json);
      if (!parsed.success) return { status: 400, body: 'invalid_payload' };
      const answer = parsed.data;
      entry.uses += 1;
      if (isTrue(answer.delete_original)) {
        if (entry.target !== undefined) timeline.remove(entry.target);
        return { status: 200, body: 'ok' };
      }
      if (answer.text === undefined && answer.blocks === undefined) {
        return { status: 400, body: 'no_text' };
      }
      const content = { text: answer.text ?? '', blocks: answer.blocks };
      if (isTrue(answer.replace_original) && entry.target !== undefined) {
        if (timeline.replace(entry.target, content) !== undefined)
          return { status: 200, body: 'ok' };
      }
      const posted = timeline.post({
        ...content,
        author: { kind: 'app' },
        visibleTo: answer.response_type === 'in_channel' ? undefined : entry.userId,
        visitor: entry.visitor,
      });
      entry.target = posted.ts;
      return { status: 200, body: 'ok' };
    },
  };
};
