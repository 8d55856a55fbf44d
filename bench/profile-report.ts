import type { ProfileSummary, TimeShare } from './cpu-profile.js';
import { table } from './format.js';

const PERCENT = 100;

const rows = (shares: readonly TimeShare[], busyMs: number) =>
  shares.map((share) => [
    `\`${share.name}\``,
    `${Math.round(share.ms)} ms`,
    `${((share.ms / busyMs) * PERCENT).toFixed(1)} %`,
  ]);

/** A CPU profile summary as Markdown: by area, by function (self), and the app's functions (inclusive). */
export const renderProfileReport = (summary: ProfileSummary, commands: number): string =>
  [
    `### Where the app's CPU time goes (${Math.round(summary.busyMs)} ms busy for ${commands} commands, idle excluded)`,
    '',
    '#### Self time by area',
    '',
    table(['area', 'self', 'share'], rows(summary.byArea, summary.busyMs)),
    '',
    '#### Functions with the most self time',
    '',
    table(['function', 'self', 'share'], rows(summary.topSelf, summary.busyMs)),
    '',
    "#### The app's functions, inclusive (synchronous stretches only)",
    '',
    table(['function', 'inclusive', 'share'], rows(summary.topAppInclusive, summary.busyMs)),
  ].join('\n');
