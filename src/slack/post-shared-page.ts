import type { WebClient } from '@slack/web-api';
import type { SharedPageModel } from '../core/share.js';
import { renderSharedPage } from '../render/share-page.js';
import type { RenderContext } from '../render/types.js';
import { toSlackAppError } from './web-api-error.js';

/**
 * The Share core's `post` for a channel: the third-person copy of the page, with no buttons,
 * through `chat.postMessage` (no unfurls). Whichever surface the share came from (a listing
 * message or the Home tab) posts the same copy.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 * @throws AppError `SLACK_CANNOT_POST` with Slack's error (`not_in_channel`, …).
 */
export const sharedPagePoster =
  (client: WebClient, channel: string) =>
  async (model: SharedPageModel, ctx: RenderContext): Promise<void> => {
    const message = renderSharedPage(model, ctx);
    try {
      await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      throw toSlackAppError('SLACK_CANNOT_POST', error);
    }
  };
