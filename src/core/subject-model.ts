import type { Subject } from '../domain/subject.js';
import type { SubjectModel } from '../render/types.js';
import type { IdentityResolver } from '../users/resolve-identity.js';

/**
 * Whose sessions a listing or feature is about, ready to render: a Zoom user named directly
 * (`zoom:` targets, admins only) as it is, a Slack person resolved to their Zoom user now (link,
 * then profile email), so a link changed meanwhile applies at once.
 * @throws AppError `NOT_LINKED` when a Slack person has no Zoom user.
 */
export const resolveSubjectModel = async (
  identities: IdentityResolver,
  subject: Subject,
  isSelf: boolean,
): Promise<SubjectModel> => {
  if (subject.kind === 'zoom-user') {
    return { zoomUser: subject.zoomUser, isSelf: false, resolvedBy: 'zoom-target' };
  }
  const identity = await identities.resolve(subject.slackUserId);
  return {
    slackUserId: subject.slackUserId,
    zoomUser: identity.zoomUser,
    isSelf,
    resolvedBy: identity.how,
  };
};
