import type { InboxEvent, InboxEventKind } from '../../domain/inbox.js';

/** How long a text waits in memory for its delivery before only Zoom can tell it again. */
export const MESSAGE_TEXT_TTL_MS = 15 * 60 * 1000;

/** Texts held at once; the oldest go first when more arrive (a burst never grows memory without bound). */
export const MESSAGE_TEXTS_MAX = 5_000;

/**
 * Which held event a job means: a text's failure is reported under the same message id as the
 * text itself, and both may wait at once, so the kind is part of the key.
 */
export interface HeldTextRef {
  readonly kind: InboxEventKind;
  readonly messageId: string;
}

/** The {@link HeldTextRef} of an event. */
export const heldTextRefOf = (event: InboxEvent): HeldTextRef => ({
  kind: event.kind,
  messageId: event.message.id,
});

/**
 * The texts of events this process received, in memory only and briefly: the store-backed queue
 * holds ids, never a text (message text is never stored), so the delivery reads the text here.
 * A delivery run by another replica, or after a restart, finds nothing and says so instead.
 */
export interface MessageTexts {
  remember(event: InboxEvent): void;
  /** The event as received, while it is held (a job is a {@link HeldTextRef}). */
  recall(ref: HeldTextRef): InboxEvent | undefined;
  /** Drops a text once it was delivered everywhere it goes. */
  forget(ref: HeldTextRef): void;
}

const keyOf = (ref: HeldTextRef): string => `${ref.kind}:${ref.messageId}`;

/** A bounded, expiring map of received events. */
export const createMessageTexts = (now: () => number): MessageTexts => {
  const held = new Map<string, { event: InboxEvent; expiresAtMs: number }>();
  return {
    remember: (event) => {
      const key = keyOf(heldTextRefOf(event));
      held.delete(key);
      held.set(key, { event, expiresAtMs: now() + MESSAGE_TEXT_TTL_MS });
      for (const [id, entry] of held) {
        if (held.size <= MESSAGE_TEXTS_MAX && entry.expiresAtMs > now()) break;
        held.delete(id);
      }
    },
    recall: (ref) => {
      const entry = held.get(keyOf(ref));
      return entry !== undefined && entry.expiresAtMs > now() ? entry.event : undefined;
    },
    forget: (ref) => {
      held.delete(keyOf(ref));
    },
  };
};
