import type { ModalResult } from './modals.js';
import { stringArg } from './web-api-args.js';
import { fail, type WebApiDeps, type WebApiMethod } from './web-api-types.js';

const answer = (result: ModalResult) => (result.ok ? result : fail(result.error));

/**
 * `views.publish` (Home tabs), `views.open`, `views.push` and `views.update` (modals). Opening or
 * pushing needs a live `trigger_id`, which names the person the modal is for.
 * https://docs.slack.dev/reference/methods/views.open
 */
export const viewMethods = (deps: WebApiDeps): Record<string, WebApiMethod> => {
  const withTrigger = (
    args: Parameters<WebApiMethod>[0],
    open: (userId: string) => ModalResult,
  ) => {
    const redeemed = deps.triggers.redeem(stringArg(args, 'trigger_id') ?? '');
    return redeemed.ok ? answer(open(redeemed.userId)) : fail(redeemed.error);
  };
  return {
    'views.publish': (args) => {
      const userId = stringArg(args, 'user_id');
      if (userId === undefined || !deps.people.some((person) => person.id === userId)) {
        return fail('user_not_found');
      }
      return deps.homes.publish(userId, args.view, stringArg(args, 'hash'));
    },
    'views.open': (args) => withTrigger(args, (userId) => deps.modals.open(userId, args.view)),
    'views.push': (args) => withTrigger(args, (userId) => deps.modals.push(userId, args.view)),
    'views.update': (args) =>
      answer(
        deps.modals.update(stringArg(args, 'view_id') ?? '', args.view, stringArg(args, 'hash')),
      ),
  };
};
