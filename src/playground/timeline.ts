import type { Clock } from '../clock.js';
import type { SharedFile } from './files.js';
import { type BlockJson, withSlackIds } from './surface-ids.js';

/** Who a message is from, as the page shows it. */
export type MessageAuthor =
  | { readonly kind: 'person'; readonly userId: string }
  | { readonly kind: 'app' }
  | { readonly kind: 'slackbot' };

/** One message in the playground's channel. */
export interface TimelineMessage {
  /** Slack's message id: Unix seconds, a dot and six digits. */
  readonly ts: string;
  readonly author: MessageAuthor;
  /** Set for an ephemeral message: only this person sees it. */
  readonly visibleTo: string | undefined;
  /**
   * The browser tab it was shown for (src/playground/visitors.ts), for messages only one person
   * sees; absent for channel messages, which every visitor sees.
   */
  readonly visitor?: string;
  readonly text: string;
  readonly blocks: readonly BlockJson[];
  /** Files shared with the message (`files.completeUploadExternal`). */
  readonly files: readonly SharedFile[];
  /** 0 when posted, +1 each time it is replaced. */
  readonly revision: number;
  /** Set for a reply in a thread: the `ts` of the thread's first message. */
  readonly threadTs?: string;
}

/** A change the page must show. */
export type TimelineChange =
  | { readonly type: 'message'; readonly message: TimelineMessage }
  | { readonly type: 'message-deleted'; readonly ts: string };

/** What a new message or a replacement carries. */
export interface MessageContent {
  readonly text: string;
  readonly blocks?: readonly unknown[] | undefined;
}

/** The channel's messages, oldest first. */
export interface Timeline {
  post(
    input: MessageContent & {
      author: MessageAuthor;
      visibleTo?: string | undefined;
      visitor?: string | undefined;
      files?: readonly SharedFile[];
      threadTs?: string | undefined;
    },
  ): TimelineMessage;
  /** @returns the new version, or undefined when the message is gone. */
  replace(ts: string, content: MessageContent): TimelineMessage | undefined;
  remove(ts: string): boolean;
  get(ts: string): TimelineMessage | undefined;
  list(): readonly TimelineMessage[];
}

/** The channel keeps its newest messages; older ones fall off, as in a long Slack scrollback. */
export const TIMELINE_MAX_MESSAGES = 200;

/**
 * The playground's `#general`: messages with Slack-shaped `ts` ids (unique and increasing on the
 * clock), ephemeral ones marked with their one reader, every change reported through `onChange`.
 */
export const createTimeline = (options: {
  readonly clock: Clock;
  readonly onChange: (change: TimelineChange) => void;
}): Timeline => {
  const messages = new Map<string, TimelineMessage>();
  let lastTsMicros = 0;
  const nextTs = () => {
    lastTsMicros = Math.max(lastTsMicros + 1, options.clock.now().getTime() * 1000);
    const seconds = Math.floor(lastTsMicros / 1_000_000);
    return `${seconds}.${String(lastTsMicros % 1_000_000).padStart(6, '0')}`;
  };
  const blocksOf = (content: MessageContent, ts: string, revision: number) =>
    withSlackIds(content.blocks ?? [], `b${ts.replace('.', '')}r${revision}-`);
  const store = (message: TimelineMessage) => {
    messages.set(message.ts, message);
    options.onChange({ type: 'message', message });
    return message;
  };

  return {
    post: (input) => {
      const ts = nextTs();
      const message = store({
        ts,
        author: input.author,
        visibleTo: input.visibleTo,
        ...(input.visitor === undefined || input.visibleTo === undefined
          ? {}
          : { visitor: input.visitor }),
        text: input.text,
        blocks: blocksOf(input, ts, 0),
        files: input.files ?? [],
        revision: 0,
        ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
      });
      while (messages.size > TIMELINE_MAX_MESSAGES) {
        const oldest = messages.keys().next().value;
        if (oldest === undefined) break;
        messages.delete(oldest);
        options.onChange({ type: 'message-deleted', ts: oldest });
      }
      return message;
    },
    replace: (ts, content) => {
      const current = messages.get(ts);
      if (current === undefined) return undefined;
      const revision = current.revision + 1;
      return store({
        ...current,
        text: content.text,
        blocks: blocksOf(content, ts, revision),
        revision,
      });
    },
    remove: (ts) => {
      const removed = messages.delete(ts);
      if (removed) options.onChange({ type: 'message-deleted', ts });
      return removed;
    },
    get: (ts) => messages.get(ts),
    list: () => [...messages.values()],
  };
};
