import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';

/**
 * A `trigger_id` opens one modal, within three seconds of the click that made it.
 * https://docs.slack.dev/interactivity/handling-user-interaction#modal_responses
 */
export const TRIGGER_TTL_MS = 3_000;

/** Issues the `trigger_id`s sent with commands and clicks, and redeems them once. */
export interface Triggers {
  issue(userId: string): string;
  /** The person the trigger belongs to, or Slack's error for it. */
  redeem(triggerId: string): { ok: true; userId: string } | { ok: false; error: string };
}

/** `trigger_id`s as Slack handles them: single-use, and only for three seconds. */
export const createTriggers = (clock: Clock): Triggers => {
  const issued = new Map<string, { userId: string; at: number }>();
  return {
    issue: (userId) => {
      const at = clock.now().getTime();
      for (const [id, entry] of issued) if (at - entry.at > TRIGGER_TTL_MS) issued.delete(id);
      const id = `${Math.floor(at / 1000)}.${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      issued.set(id, { userId, at });
      return id;
    },
    redeem: (triggerId) => {
      const entry = issued.get(triggerId);
      if (entry === undefined) return { ok: false, error: 'invalid_trigger_id' };
      issued.delete(triggerId);
      if (clock.now().getTime() - entry.at > TRIGGER_TTL_MS) {
        return { ok: false, error: 'expired_trigger_id' };
      }
      return { ok: true, userId: entry.userId };
    },
  };
};
