/**
 * The `key:value` options of a `/sms-sessions` listing, in the order the help text shows them.
 * Shared by the command's grammar (src/slack/commands/grammar.ts), which parses them, and the
 * renderers, which name them in help and error text, so neither imports the other.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export const COMMAND_OPTIONS = ['from', 'to', 'since', 'type', 'filter', 'phone', 'size'] as const;

/** One of {@link COMMAND_OPTIONS}. */
export type CommandOption = (typeof COMMAND_OPTIONS)[number];
