import type { HomeView, KnownBlock } from '@slack/types';
import type { UnansweredConversation } from '../core/inbox/unanswered.js';
import type { AppError } from '../errors.js';
import { HOME_BLOCK_IDS, HOME_CALLBACK_ID } from '../surface/home-ids.js';
import type { ErrorRecovery } from './error-message.js';
import { type HomeControlsModel, renderHomeControls } from './home-controls.js';
import { renderHomeError } from './home-error.js';
import { type HomeListingOptions, renderHomeIdentity, renderHomeListing } from './home-listing.js';
import { renderHomeNotify } from './home-notify.js';
import { renderHomeUnanswered, UNANSWERED_MAX_BLOCKS } from './home-unanswered.js';
import { mrkdwn } from './session-list.js';
import type { RenderContext, SessionsPageModel } from './types.js';

/** The app's name, as Slack shows it (docs/wording.md). */
const HEADER_TEXT = 'SMS Conversations';

/**
 * Most blocks a Home view can have, by construction: header, the conversations waiting for a
 * reply ({@link UNANSWERED_MAX_BLOCKS}), the notification switch, identity, three controls,
 * divider and a listing of at most 45 (notice, frame, notes, 40 for sessions, pager, Export and
 * Share); under the 100 Slack allows. https://docs.slack.dev/surfaces/app-home
 */
export const HOME_VIEW_MAX_BLOCKS = 52 + UNANSWERED_MAX_BLOCKS;

/** What the Home tab shows under its controls once the answer is known. */
export type HomeBody =
  | { readonly kind: 'listing'; readonly page: SessionsPageModel }
  | { readonly kind: 'error'; readonly error: AppError; readonly recovery: ErrorRecovery };

/** Everything {@link renderHomeView} needs. */
export interface HomeViewModel extends HomeControlsModel {
  readonly body: HomeBody;
  /** A notice above the listing, and whether Share is offered (see {@link HomeListingOptions}). */
  readonly listing?: HomeListingOptions;
  /** The viewer's own conversations waiting for a reply, newest first; none shown when absent. */
  readonly unanswered?: readonly UnansweredConversation[];
}

/**
 * A person without a Zoom Phone licence, looking at their own tab (an admin may still pick
 * someone else): filters would change nothing, so the tab is only the explanation.
 */
const unlicensedSelf = (model: HomeViewModel): AppError | undefined =>
  model.body.kind === 'error' &&
  model.body.error.code === 'ZOOM_PHONE_NOT_ENABLED' &&
  model.filters.subject === undefined &&
  !model.canPickUser
    ? model.body.error
    : undefined;

const header: KnownBlock = {
  type: 'header',
  text: { type: 'plain_text', text: HEADER_TEXT, emoji: true },
};

const homeView = (blocks: KnownBlock[]): HomeView => ({
  type: 'home',
  callback_id: HOME_CALLBACK_ID,
  blocks,
});

/**
 * The Home tab while Zoom is asked, published at once so the person sees their click was taken:
 * the header, the controls already showing the new filters, and "Loading…". Pure.
 * https://docs.slack.dev/surfaces/app-home
 */
export const renderHomeLoading = (model: HomeControlsModel, ctx: RenderContext): HomeView =>
  homeView([
    header,
    ...(model.notify === undefined ? [] : [renderHomeNotify(model.notify)]),
    ...renderHomeControls(model, ctx),
    { type: 'divider' },
    {
      type: 'section',
      block_id: HOME_BLOCK_IDS.loading,
      text: mrkdwn(':hourglass_flowing_sand: Loading SMS conversations…'),
    },
  ]);

/**
 * A person's App Home tab for `views.publish`: a header; first, the viewer's own conversations
 * waiting for a reply, with Reply and Open; with a listing, who it is about in
 * Zoom and how the app found them; the filters in one line with Filters… and Clear filters (the
 * admin's user picker too); then one page of conversations with Previous / Next, Export CSV and
 * Share to channel, or what went wrong and what to do.
 * Every state keeps the controls, so the person can always change course, except a person
 * without a Zoom Phone licence on their own tab, who sees only the explanation.
 *
 * Pure, and within a Home view's limits by construction: at most {@link HOME_VIEW_MAX_BLOCKS}
 * blocks, every text inside its limit whatever Zoom returns.
 * https://docs.slack.dev/surfaces/app-home
 * https://docs.slack.dev/reference/methods/views.publish
 */
export const renderHomeView = (model: HomeViewModel, ctx: RenderContext): HomeView => {
  const { body } = model;
  const unlicensed = unlicensedSelf(model);
  if (unlicensed !== undefined) return homeView([header, ...renderHomeError(unlicensed, ctx, {})]);
  return homeView([
    header,
    ...renderHomeUnanswered({ viewer: model.viewer, conversations: model.unanswered ?? [] }, ctx),
    ...(model.notify === undefined ? [] : [renderHomeNotify(model.notify)]),
    ...[body.kind === 'listing' ? renderHomeIdentity(body.page.subject) : undefined].filter(
      (block) => block !== undefined,
    ),
    ...renderHomeControls(model, ctx),
    { type: 'divider' },
    ...(body.kind === 'listing'
      ? renderHomeListing(body.page, ctx, model.listing)
      : renderHomeError(body.error, ctx, body.recovery)),
  ]);
};
