import type { ViewerModel } from '../render/types.js';
import type { AccessPolicy } from '../users/access.js';

/**
 * The reader of an answer as renderers need them: whether they are an admin of the app (so
 * they see Zoom's error codes and the admin commands) and who the admins are (so a refusal can
 * name them). One role check, cached by the policy for workspace admins.
 */
export const viewerModel = async (access: AccessPolicy, actor: string): Promise<ViewerModel> => {
  const roster = access.roster();
  return {
    isAdmin: await access.isAdmin(actor),
    admins: roster.slackUserIds,
    workspaceAdmins: roster.workspaceAdmins,
  };
};
