import { describe, expect, it } from 'vitest';
import { decodeAuditRequest } from '../../src/core/audit-request.js';
import {
  AUDIT_ENTRY_MAX_CHARS,
  AUDIT_MAX_ENTRIES,
  renderAuditEntries,
} from '../../src/render/audit-entries.js';
import type { RenderContext } from '../../src/render/types.js';
import type { AuditEntry } from '../../src/store/types.js';
import { AUDIT_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/Chicago' };

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const listed: AuditEntry = {
  id: '3',
  at: '2026-11-26T11:59:00.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0ALICE01',
  subjectZoomUser: 'alice@example.com',
  action: 'list',
  filters: {
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    type: 'user',
    filter: 'last_message_time',
    size: 10,
    page: 1,
  },
  resultCount: 7,
  allowed: true,
};

const refused: AuditEntry = {
  id: '2',
  at: '2026-11-26T11:00:00.000Z',
  actorSlackUserId: 'U0BOB0001',
  subjectSlackUserId: 'U0ALICE01',
  action: 'page',
  filters: { type: 'all', page: 2 },
  allowed: false,
  reason: 'FORBIDDEN',
};

const zoomFailed: AuditEntry = {
  id: '1',
  at: '2026-11-25T09:00:00.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectZoomUser: 'carol@example.com',
  action: 'list',
  filters: {},
  allowed: true,
  reason: 'ZOOM_UNAVAILABLE',
};

const shared: AuditEntry = {
  id: '5',
  at: '2026-11-26T11:59:30.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0ADMIN01',
  action: 'share',
  filters: {
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    page: 1,
    channel: 'C0GENERAL',
  },
  resultCount: 10,
  allowed: true,
};

const exported: AuditEntry = {
  id: '4',
  at: '2026-11-26T11:59:10.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0BOB0001',
  action: 'export',
  filters: { from: '2026-10-27T12:00:00Z', to: '2026-11-26T12:00:00Z', type: 'all', pages: 4 },
  resultCount: 34,
  allowed: true,
};

const noPhone: AuditEntry = {
  id: '6',
  at: '2026-11-26T11:58:00.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0PRIYA01',
  action: 'list',
  filters: { type: 'user', filter: 'last_message_time' },
  allowed: true,
  reason: 'ZOOM_PHONE_NOT_ENABLED',
};

const linked: AuditEntry = {
  id: '0',
  at: '2026-11-24T09:00:00.000Z',
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0BOB0001',
  subjectZoomUser: 'bob.zoom@example.org',
  action: 'link',
  filters: {},
  allowed: true,
};

describe('renderAuditEntries', () => {
  const all = [shared, exported, listed, noPhone, refused, zoomFailed, linked];

  it('says what happened in words, to the second, newest first, with no raw query or code', async () => {
    const message = renderAuditEntries({ entries: all, limit: 10 }, ctx);
    expectValidMessage(message);
    await snapshot('audit-entries', message);
    const lines = visibleText(message).split('\n');
    expect(lines[0]).toBe('Audit trail');
    expect(lines[1]).toBe('The latest 7 entries, newest first.');
    expect(lines).toContain(
      'Nov 26, 2026 at 5:59:30 AM · @U0ADMIN01 shared a page of their own conversations to #C0GENERAL · 10 shared',
    );
    expect(lines).toContain(
      "Nov 26, 2026 at 5:59:10 AM · @U0ADMIN01 exported @U0BOB0001's conversations (Oct 27, 2026 – Nov 26, 2026, every type) · 34 exported",
    );
    expect(lines).toContain(
      "Nov 26, 2026 at 5:59:00 AM · @U0ADMIN01 listed @U0ALICE01's conversations (Oct 27, 2026 – Nov 26, 2026, direct) · 7 shown",
    );
    expect(lines).toContain(
      "Nov 26, 2026 at 5:58:00 AM · @U0ADMIN01 listed @U0PRIYA01's conversations (direct) · :warning: Failed: No Zoom Phone licence",
    );
    expect(lines).toContain(
      "Nov 26, 2026 at 5:00:00 AM · @U0BOB0001 opened page 2 of @U0ALICE01's conversations (every type) · :no_entry: Refused: not an admin",
    );
    expect(lines).toContain(
      "Nov 25, 2026 at 3:00:00 AM · @U0ADMIN01 listed Zoom user carol@example.com's conversations · :warning: Failed: Zoom isn't answering",
    );
    expect(lines).toContain(
      'Nov 24, 2026 at 3:00:00 AM · @U0ADMIN01 linked @U0BOB0001 to Zoom user bob.zoom@example.org',
    );
    const raw = JSON.stringify(message.blocks);
    expect(raw).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(raw).not.toMatch(/filter:|from:|size:|page:|\bdid\b/);
    expect(raw).toContain('{time_secs}');
    expect(findButtons(message).map((b) => [b.text, b.actionId])).toEqual([
      ['Show details', AUDIT_ACTION_IDS.details],
    ]);
    expect(decodeAuditRequest(findButtons(message)[0]?.value ?? '')).toEqual({
      limit: 10,
      details: true,
    });
  });

  it('shows each entry’s raw record only with details, and offers to hide them', async () => {
    const message = renderAuditEntries(
      { entries: all, limit: 10, subjectSlackUserId: 'U0ALICE01', details: true },
      ctx,
    );
    expectValidMessage(message);
    await snapshot('audit-entries-details', message);
    const text = visibleText(message);
    expect(text).toContain(
      'list filter:last_message_time from:2026-10-27T12:00:00Z page:1 size:10 to:2026-11-26T12:00:00Z type:user zoom_user:alice@example.com',
    );
    expect(text).toContain('page page:2 type:all reason:FORBIDDEN');
    const button = findButtons(message)[0];
    expect(button?.text).toBe('Hide details');
    expect(decodeAuditRequest(button?.value ?? '')).toEqual({
      limit: 10,
      details: false,
      subjectSlackUserId: 'U0ALICE01',
    });
  });

  it('says how many refusals one entry stands for', () => {
    const message = renderAuditEntries(
      { entries: [{ ...refused, reason: 'SLOW_DOWN', count: 90 }] },
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain(
      ':no_entry: Refused: too many requests from one person (90 times within a minute)',
    );
    expect(JSON.stringify(message.blocks)).not.toContain('SLOW_DOWN');
  });

  it('says in words who replied, or tried to, from Slack', () => {
    const replied = renderAuditEntries(
      { entries: [{ ...listed, action: 'reply', filters: {} }] },
      ctx,
    );
    const opened = renderAuditEntries(
      { entries: [{ ...refused, action: 'reply-open', filters: {} }] },
      ctx,
    );
    expectValidMessage(replied);
    expect(visibleText(replied)).toContain(
      "@U0ADMIN01 replied by text in one of @U0ALICE01's conversations",
    );
    expect(visibleText(opened)).toContain(
      "@U0BOB0001 opened a reply in one of @U0ALICE01's conversations · :no_entry: Refused",
    );
    expect(visibleText(replied)).not.toContain('`reply`');
  });

  it('says so when there are no entries about the person', async () => {
    const message = renderAuditEntries({ entries: [], subjectSlackUserId: 'U0ALICE01' }, ctx);
    expectValidMessage(message);
    await snapshot('audit-entries-empty', message);
    expect(visibleText(message)).toBe('No audit entries about @U0ALICE01 yet.');
  });

  it('never takes a verb inherited from Object', () => {
    const message = renderAuditEntries({ entries: [{ ...linked, action: 'constructor' }] }, ctx);
    expect(visibleText(message)).toContain('@U0ADMIN01: constructor about @U0BOB0001');
  });

  it('names an unknown action and escapes stored values', () => {
    const odd: AuditEntry = {
      ...listed,
      action: 'x<!channel>',
      subjectZoomUser: '<@U999>&',
      filters: { note: '`<!here>`' },
    };
    for (const details of [false, true]) {
      const message = renderAuditEntries({ entries: [odd], details }, ctx);
      expectValidMessage(message);
      const raw = JSON.stringify(message.blocks);
      expect(raw).not.toContain('<!channel>');
      expect(raw).not.toContain('<!here>');
      expect(raw).not.toContain('<@U999>');
      expect(visibleText(message)).toContain('x<!channel>');
    }
  });

  it('stays inside Slack’s limits with the most entries, the longest values and details', () => {
    const long: AuditEntry = {
      ...listed,
      at: 'not a date '.repeat(30),
      actorSlackUserId: `<!channel>${'x'.repeat(300)}`,
      subjectSlackUserId: 'y'.repeat(300),
      action: `unknown-${'a'.repeat(300)}`,
      allowed: false,
      reason: 'r'.repeat(300),
      subjectZoomUser: `${'z'.repeat(240)}@example.com`,
      filters: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`key${i}`, 'v'.repeat(40)]),
      ),
    };
    for (const details of [false, true]) {
      const message = renderAuditEntries(
        {
          entries: Array.from({ length: AUDIT_MAX_ENTRIES + 5 }, (_, i) => ({
            ...long,
            id: `${i}`,
          })),
          details,
        },
        ctx,
      );
      expectValidMessage(message);
      expect(message.blocks).toHaveLength(AUDIT_MAX_ENTRIES * (details ? 2 : 1) + 3);
      const perEntry = new Map<number, number>();
      message.blocks.slice(2, -1).forEach((block, i) => {
        const text =
          block.type === 'section'
            ? (block.text?.text ?? '')
            : block.type === 'context'
              ? JSON.stringify(block.elements)
              : '';
        const entry = details ? Math.floor(i / 2) : i;
        perEntry.set(entry, (perEntry.get(entry) ?? 0) + text.length);
      });
      for (const length of perEntry.values())
        expect(length).toBeLessThanOrEqual(AUDIT_ENTRY_MAX_CHARS);
    }
  });
});
