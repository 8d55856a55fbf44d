import type { QueueNotice } from '../interim-notice.js';
import type { RenderedMessage } from './types.js';

const aboutHowLong = (ms: number): string => {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `about ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/**
 * The interim answer while a request waits its turn for Zoom: how many requests are ahead and
 * about how long it will take, and that the page will replace this note. It goes out through the
 * request's own `response_url` (one of its five uses), and the final answer replaces it.
 * Pure; one section block.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const renderQueuedNote = (notice: QueueNotice): RenderedMessage => {
  const ahead = `${notice.ahead} request${notice.ahead === 1 ? '' : 's'}`;
  const text = `You're in line for Zoom behind ${ahead}: ${aboutHowLong(notice.estimatedWaitMs)}. Zoom answers only a few requests a second for the whole workspace; your page will replace this note as soon as it arrives.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:hourglass_flowing_sand: ${text}` } },
    ],
  };
};
