import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/core/export.js';
import { AppError } from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import {
  exportFileName,
  exportStatusLine,
  renderExportComment,
  renderExportOutcome,
  renderExportProgress,
} from '../../src/render/export-messages.js';
import type { RenderContext } from '../../src/render/types.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC' };

const listCursor: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: 'U0ALEX001' },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T00:00:00Z',
    to: '2026-11-26T23:59:59Z',
    pageSize: 10,
  },
  token: 'tok-3',
  trail: ['', 'tok-2'],
  page: 3,
};

const result = (count: number, stop: ExportResult['stop'], pages = 1): ExportResult => ({
  subject: { slackUserId: 'U0ALEX001', zoomUser: 'alex@example.com', isSelf: true },
  query: { ...listCursor.query, pageSize: 100 },
  sessions: Array.from({ length: count }, (_, i) => sessionFromZoom({ session_id: `s${i}` })),
  pages,
  cap: 2000,
  stop,
});

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

describe('renderExportProgress', () => {
  it('says it has started and where the file will be, without the cap', () => {
    const start = renderExportProgress();
    expectValidMessage(start);
    expect(start.text).toContain('in your direct messages with SMS Conversations');
    expect(start.text).not.toContain('2,000');
  });
});

describe('renderExportComment', () => {
  it('says whose, which search and how many, and the cap only when it matters', () => {
    const comment = renderExportComment(result(250, { kind: 'complete' }, 3), ctx);
    expect(comment).toContain('SMS conversations of <@U0ALEX001> (Oct 27, 2026 – Nov 26, 2026');
    expect(comment).toContain(': 250 conversations.');
    expect(comment).not.toContain('2,000');
    expect(comment).not.toContain('not in the file');
  });

  it('says what is missing when the cap was reached', () => {
    const comment = renderExportComment(result(2000, { kind: 'cap' }, 20), ctx);
    expect(comment).toContain('reached its cap of 2,000 conversations');
  });

  it('says what was exported and what was not when Zoom failed midway', () => {
    const failed = result(300, { kind: 'failed', error: new AppError('ZOOM_UNAVAILABLE', 'x') }, 3);
    expect(renderExportComment(failed, ctx)).toContain(
      "stopped early (Zoom isn't answering): the file has the first 3 pages (300 conversations); the rest of the conversations were not exported",
    );
  });
});

describe('renderExportOutcome', () => {
  it('says the CSV was sent and links the file, with no button (the listing stays)', async () => {
    const link = 'https://example.slack.com/files/U0ALEX001/F123/sms.csv';
    const message = renderExportOutcome(result(250, { kind: 'complete' }, 3), ctx, link);
    expectValidMessage(message);
    await snapshot('export-done', message);
    expect(visibleText(message)).toContain(
      'CSV sent to your direct messages: all 250 conversations · Open file',
    );
    expect(JSON.stringify(message.blocks)).toContain(`<${link}|Open file>`);
    expect(findButtons(message)).toEqual([]);
  });

  it('warns when the export is partial', async () => {
    const failed = result(100, { kind: 'failed', error: new AppError('ZOOM_RATE_LIMITED', 'x') });
    const message = renderExportOutcome(failed, ctx);
    expectValidMessage(message);
    await snapshot('export-partial', message);
    expect(visibleText(message)).toMatch(
      /^:warning: CSV sent to your direct messages: 100 conversations/,
    );
    expect(visibleText(message)).toContain('the rest of the conversations were not exported');
  });

  it('says no file was sent when Slack refused the upload', () => {
    const message = renderExportOutcome(
      result(5, { kind: 'complete' }),
      ctx,
      undefined,
      new AppError('SLACK_UPLOAD_FAILED', 'x', { detail: { value: 'missing_scope' } }),
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain('missing_scope');
    expect(visibleText(message)).toContain('no file was sent');
  });

  it('says there was nothing to export', () => {
    const message = renderExportOutcome(result(0, { kind: 'complete' }), ctx);
    expectValidMessage(message);
    expect(visibleText(message)).toContain('nothing to export');
  });
});

describe('exportStatusLine', () => {
  it('says an export has started, then how many it has read so far', () => {
    expect(exportStatusLine({ kind: 'running', sessions: 0 }, ctx, 300)).toBe(
      ':hourglass_flowing_sand: Exporting these SMS conversations to a CSV file…',
    );
    expect(exportStatusLine({ kind: 'running', sessions: 1200 }, ctx, 300)).toBe(
      ':hourglass_flowing_sand: Exporting… 1,200 so far',
    );
  });

  it('ends with the file sent and a link to it, leaving out a link too long for the line', () => {
    const ended = (fileLink: string) =>
      exportStatusLine(
        { kind: 'ended', result: result(2000, { kind: 'cap' }, 20), fileLink },
        ctx,
        300,
      );
    const short = ended('https://example.slack.com/files/U0ALEX001/F123/sms.csv');
    expect(short).toMatch(
      /^:warning: CSV sent to your direct messages: 2,000 conversations · <https:[^|]+\|Open file>\nThis export reached its cap/,
    );
    const long = ended(`https://example.slack.com/files/${'x'.repeat(300)}.csv`);
    expect(long).not.toContain('Open file');
    expect(long).toContain('reached its cap of 2,000 conversations');
    expect(long.length).toBeLessThanOrEqual(300);
  });

  it('says why an export could not start, within its share', () => {
    const line = exportStatusLine(
      {
        kind: 'failed',
        error: new AppError('ZOOM_RATE_LIMITED', 'x', { detail: { retryAfterMs: 30_000 } }),
      },
      ctx,
      300,
    );
    expect(line).toBe(
      ":warning: Couldn't export: Zoom is busy. Your Zoom account has made too many requests for now. Try again in about 30 seconds.",
    );
    expect(
      exportStatusLine({ kind: 'failed', error: new AppError('ZOOM_UNAVAILABLE', 'x') }, ctx, 40),
    ).toHaveLength(40);
  });
});

describe('exportFileName', () => {
  it('names the window in the viewer’s days, not the person', () => {
    expect(exportFileName(result(1, { kind: 'complete' }), ctx)).toBe(
      'sms-conversations-2026-10-27-to-2026-11-26.csv',
    );
    const late = { ...result(1, { kind: 'complete' }) };
    const evening = {
      ...late,
      query: { ...late.query, from: '2026-11-01T04:00:00Z', to: '2026-11-27T04:59:59Z' },
    };
    expect(exportFileName(evening, { timeZone: 'America/New_York' })).toBe(
      'sms-conversations-2026-11-01-to-2026-11-26.csv',
    );
  });
});
