import { describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../src/core/export.js';
import { AppError } from '../../src/errors.js';
import { followingCursor, type PageCursor, startCursor } from '../../src/query/cursor.js';
import { ADA, ALICE, BOB, chatOf, createFeatures } from './features-harness.js';

const many = (count: number) => Array.from({ length: count }, (_, i) => chatOf(ALICE, i + 1));

const cursor: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: ALICE },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token: 'page-3-token',
  trail: ['', 't2'],
  page: 3,
};

const collect = async (f: ReturnType<typeof createFeatures>, actor = ALICE) => {
  const progress: ExportProgress[] = [];
  const { result } = await f.exporter.collect(actor, cursor, async (p) => {
    progress.push(p);
  });
  return { result, progress };
};

describe('createExportCore: collect', () => {
  it('reads every page from the first, 100 at a time, telling progress after each', async () => {
    const f = createFeatures(many(250));
    const { result, progress } = await collect(f);
    expect(result.sessions).toHaveLength(250);
    expect(result.stop).toEqual({ kind: 'complete' });
    expect(result.query.pageSize).toBe(100);
    expect(progress).toEqual([
      { sessions: 0, pages: 0 },
      { sessions: 100, pages: 1 },
      { sessions: 200, pages: 2 },
      { sessions: 250, pages: 3 },
    ]);
    expect(f.zoom.calls.map((c) => c.kind)).toEqual(['list', 'list', 'list']);
    const [entry] = await f.audit();
    expect(entry).toMatchObject({
      action: 'export',
      allowed: true,
      resultCount: 250,
      filters: { cap: 2000, pages: 3, size: 100 },
    });
  });

  it('stops at the cap and says so', async () => {
    const f = createFeatures(many(250), { exportMaxSessions: 150 });
    const { result } = await collect(f);
    expect(result.sessions).toHaveLength(150);
    expect(result.stop).toEqual({ kind: 'cap' });
    expect(result.cap).toBe(150);
    expect(f.zoom.count('list')).toBe(2);
  });

  it('is complete when the last session is exactly the cap', async () => {
    const f = createFeatures(many(200), { exportMaxSessions: 200 });
    const { result } = await collect(f);
    expect(result.sessions).toHaveLength(200);
    expect(result.stop).toEqual({ kind: 'complete' });
  });

  it('keeps what it read when Zoom fails midway, and records why', async () => {
    const f = createFeatures(many(250));
    const { result } = await f.exporter.collect(ALICE, cursor, async (p) => {
      if (p.pages === 1) f.zoom.failNext('list', new AppError('ZOOM_UNAVAILABLE', 'down'));
    });
    expect(result.sessions).toHaveLength(100);
    expect(result.stop).toMatchObject({ kind: 'failed', error: { code: 'ZOOM_UNAVAILABLE' } });
    expect(await f.audit()).toEqual([
      expect.objectContaining({ resultCount: 100, reason: 'ZOOM_UNAVAILABLE', allowed: true }),
    ]);
  });

  it('fails outright when not even the first page comes', async () => {
    const f = createFeatures(many(5));
    f.zoom.failNext('list', new AppError('ZOOM_RATE_LIMITED', 'busy'));
    await expect(collect(f)).rejects.toMatchObject({ code: 'ZOOM_RATE_LIMITED' });
  });

  it('refuses a member someone else’s listing before Zoom or any progress', async () => {
    const f = createFeatures(many(5));
    const progress: ExportProgress[] = [];
    await expect(
      f.exporter.collect(BOB, cursor, async (p) => {
        progress.push(p);
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(progress).toEqual([]);
    expect(f.zoom.calls).toEqual([]);
  });

  it('lets an admin export someone else’s listing', async () => {
    const f = createFeatures(many(5));
    const { result } = await collect(f, ADA);
    expect(result.sessions).toHaveLength(5);
  });

  it('reads every month of a range asked a month at a time, newest first, from its first', async () => {
    const f = createFeatures(many(30));
    const quarter = startCursor(
      cursor.subject,
      { ...cursor.query, from: '2026-08-01T00:00:00Z', to: '2026-10-31T23:59:59Z' },
      'UTC',
    );
    const inSeptember = followingCursor(quarter, {
      sessions: [{}],
      nextPageToken: '',
    }) as PageCursor;
    const { result } = await f.exporter.collect(ALICE, inSeptember);
    expect(f.zoom.calls.map((c) => c.query)).toEqual([
      expect.objectContaining({ from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z' }),
      expect.objectContaining({ from: '2026-09-01T00:00:00Z', to: '2026-09-30T23:59:59Z' }),
      expect.objectContaining({ from: '2026-08-01T00:00:00Z', to: '2026-08-31T23:59:59Z' }),
    ]);
    expect(result.sessions).toHaveLength(90);
    expect(result.pages).toBe(3);
    expect(result.query).toMatchObject({
      from: '2026-08-01T00:00:00Z',
      to: '2026-10-31T23:59:59Z',
    });
  });
});
