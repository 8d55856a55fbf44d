/**
 * Whose SMS conversations something is about: a Slack person (resolved to their Zoom user at use,
 * on every page, so a link an admin changes applies at once), or a Zoom user named directly by an
 * admin (`zoom:carol@example.com`).
 */
export type Subject =
  | { readonly kind: 'slack-user'; readonly slackUserId: string }
  | { readonly kind: 'zoom-user'; readonly zoomUser: string };
