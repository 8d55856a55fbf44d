import type { ShareCore } from '../core/share.js';
import type { SessionsPageOptions } from '../render/sessions-page.js';

/**
 * What a listing message offers as the app is configured: Share to channel only when
 * `SHARE_ENABLED`, saying whether numbers will be masked (`SHARE_MASK_NUMBERS`).
 */
export const listingOptions = (sharing: Pick<ShareCore, 'policy'>): SessionsPageOptions =>
  sharing.policy.enabled ? { share: { maskNumbers: sharing.policy.maskNumbers } } : {};
