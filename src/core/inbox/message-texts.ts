import type { InboxEvent } from '../../domain/inbox.js';

/** How long a text waits in memory for its delivery before only Zoom can tell it again. */
export const MESSAGE_TEXT_TTL_MS = 15 * 60 * 1000;

/** Texts held at once; the oldest go first when more arrive (a burst never grows memory without bound). */
export const MESSAGE_TEXTS_MAX = 5_000;

/**
 * The texts of events this process received, in memory only and briefly: the store-backed queue
 * holds ids, never a text (message text is never stored), so the delivery reads the text here.
 * A delivery run by another replica, or after a restart, finds nothing and says so instead.
 */
export interface MessageTexts {
  remember(event: InboxEvent): void;
  /** The event as received, while it is held. */
  recall(messageId: string): InboxEvent | undefined;
  /** Drops a text once it was delivered everywhere it goes. */
  forget(messageId: string): void;
}

/** A bounded, expiring map of received events. */
export const createMessageTexts = (now: () => number): MessageTexts => {
  const held = new Map<string, { event: InboxEvent; expiresAtMs: number }>();
  return {
    remember: (event) => {
      held.delete(event.message.id);
      held.set(event.message.id, { event, expiresAtMs: now() + MESSAGE_TEXT_TTL_MS });
      for (const [id, entry] of held) {
        if (held.size <= MESSAGE_TEXTS_MAX && entry.expiresAtMs > now()) break;
        held.delete(id);
      }
    },
    recall: (messageId) => {
      const entry = held.get(messageId);
      return entry !== undefined && entry.expiresAtMs > now() ? entry.event : undefined;
    },
    forget: (messageId) => {
      held.delete(messageId);
    },
  };
};
