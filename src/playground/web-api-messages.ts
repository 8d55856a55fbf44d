import { stringArg, type WebApiArgs } from './web-api-args.js';
import { fail, type WebApiDeps, type WebApiMethod, type WebApiResult } from './web-api-types.js';
import { appHomeChannelId, PLAYGROUND_WORKSPACE } from './workspace.js';

/**
 * `chat.postMessage` (with `thread_ts`, a reply in a thread), `chat.postEphemeral`, `chat.update` and the upload flow
 * (`files.getUploadURLExternal`, `files.completeUploadExternal`). A message to a person or to
 * their direct messages with the app lands in the channel, shown to that person only.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const messageMethods = (deps: WebApiDeps): Record<string, WebApiMethod> => {
  const { timeline, people } = deps;
  const recipientOf = (channel: string) =>
    people.find((person) => person.id === channel || appHomeChannelId(person.id) === channel)?.id;

  const postTo = (args: WebApiArgs, visibleTo: string | undefined): WebApiResult => {
    const channel = stringArg(args, 'channel');
    const text = stringArg(args, 'text');
    const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
    if (channel === undefined) return fail('channel_not_found');
    if (text === undefined && blocks === undefined) return fail('no_text');
    const inChannel = channel === PLAYGROUND_WORKSPACE.channel.id;
    const reader = visibleTo ?? (inChannel ? undefined : recipientOf(channel));
    if (!inChannel && reader === undefined) return fail('channel_not_found');
    const threadTs = stringArg(args, 'thread_ts');
    const parent = threadTs === undefined ? undefined : timeline.get(threadTs);
    if (threadTs !== undefined && (parent === undefined || parent.visibleTo !== reader)) {
      return fail('thread_not_found');
    }
    const message = timeline.post({
      text: text ?? '',
      blocks,
      author: { kind: 'app' },
      visibleTo: reader,
      visitor: reader === undefined ? undefined : deps.visitors?.of(reader),
      threadTs: parent?.threadTs ?? parent?.ts,
    });
    return { ok: true, channel, ts: message.ts, message_ts: message.ts };
  };

  return {
    'chat.postMessage': (args) => postTo(args, undefined),
    'chat.postEphemeral': (args) => {
      const user = people.find((person) => person.id === stringArg(args, 'user'));
      return user === undefined ? fail('user_not_in_channel') : postTo(args, user.id);
    },
    'chat.update': (args) => {
      const ts = stringArg(args, 'ts') ?? '';
      const current = timeline.get(ts);
      if (current === undefined) return fail('message_not_found');
      if (current.visibleTo !== undefined) return fail('cant_update_message');
      const blocks = Array.isArray(args.blocks) ? args.blocks : current.blocks;
      timeline.replace(ts, { text: stringArg(args, 'text') ?? current.text, blocks });
      return { ok: true, channel: stringArg(args, 'channel'), ts };
    },
    'files.getUploadURLExternal': (args) => {
      const filename = stringArg(args, 'filename');
      if (filename === undefined || stringArg(args, 'length') === undefined) {
        return fail('invalid_arguments');
      }
      const { fileId, uploadUrl } = deps.files.reserve(filename);
      return { ok: true, upload_url: uploadUrl, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => {
      const entries = Array.isArray(args.files) ? args.files : [];
      const completed = deps.files.complete(
        entries.map((entry: { id?: unknown; title?: unknown }) => ({
          id: String(entry.id),
          title: typeof entry.title === 'string' ? entry.title : undefined,
        })),
      );
      if (!completed.ok) return fail(completed.error);
      const channel = stringArg(args, 'channel_id');
      if (channel !== undefined) {
        const inChannel = channel === PLAYGROUND_WORKSPACE.channel.id;
        const reader = inChannel ? undefined : recipientOf(channel);
        if (!inChannel && reader === undefined) return fail('channel_not_found');
        timeline.post({
          text: stringArg(args, 'initial_comment') ?? '',
          author: { kind: 'app' },
          visibleTo: reader,
          visitor: reader === undefined ? undefined : deps.visitors?.of(reader),
          files: completed.files,
        });
      }
      return { ok: true, files: completed.files.map(({ id, title }) => ({ id, title })) };
    },
  };
};
