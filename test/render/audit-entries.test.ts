import { describe, expect, it } from 'vitest';
import {
  AUDIT_ENTRY_MAX_CHARS,
  AUDIT_MAX_ENTRIES,
  renderAuditEntries,
} from '../../src/render/audit-entries.js';
import type { RenderContext } from '../../src/render/types.js';
import type { AuditEntry } from '../../src/store/types.js';
import { expectValidMessage, visibleText } from '../helpers/block-kit.js';

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
  it('shows who did what to whom, when, with the outcome and the filters, newest first', async () => {
    const message = renderAuditEntries({ entries: [listed, refused, zoomFailed, linked] }, ctx);
    expectValidMessage(message);
    await snapshot('audit-entries', message);
    const lines = visibleText(message).split('\n');
    expect(lines[0]).toBe('Audit trail');
    expect(lines).toContain(
      'Nov 26, 2026 at 5:59 AM · @U0ADMIN01 listed @U0ALICE01 (alice@example.com) · :white_check_mark: 7 shown',
    );
    expect(lines).toContain(
      'filter:last_message_time from:2026-10-27T12:00:00Z page:1 size:10 to:2026-11-26T12:00:00Z type:user',
    );
    expect(lines).toContain(
      'Nov 26, 2026 at 5:00 AM · @U0BOB0001 paged through @U0ALICE01 · :no_entry: refused FORBIDDEN',
    );
    expect(visibleText(message)).toContain(
      '@U0ADMIN01 listed Zoom user carol@example.com · :warning: failed ZOOM_UNAVAILABLE',
    );
    expect(visibleText(message)).toContain(
      '@U0ADMIN01 linked @U0BOB0001 (bob.zoom@example.org) · :white_check_mark: done',
    );
  });

  it('says how many refusals one entry stands for', () => {
    const message = renderAuditEntries(
      { entries: [{ ...refused, reason: 'SLOW_DOWN', count: 90 }] },
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain(':no_entry: refused SLOW_DOWN ×90 within a minute');
  });

  it('says so when there are no entries about the person', async () => {
    const message = renderAuditEntries({ entries: [], subjectSlackUserId: 'U0ALICE01' }, ctx);
    expectValidMessage(message);
    await snapshot('audit-entries-empty', message);
    expect(visibleText(message)).toBe('No audit entries about @U0ALICE01 yet.');
  });

  it('shows a verb for every known action and never one inherited from Object', () => {
    const message = renderAuditEntries({ entries: [{ ...linked, action: 'constructor' }] }, ctx);
    expect(visibleText(message)).toContain('did constructor to');
  });

  it('names an unknown action and escapes stored values', () => {
    const odd: AuditEntry = {
      ...listed,
      action: 'x<!channel>',
      subjectZoomUser: '<@U999>&',
      filters: { note: '`<!here>`' },
    };
    const message = renderAuditEntries({ entries: [odd] }, ctx);
    expectValidMessage(message);
    const raw = JSON.stringify(message.blocks);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<!here>');
    expect(raw).not.toContain('<@U999>');
    expect(visibleText(message)).toContain('did x<!channel> to');
  });

  it('stays inside Slack’s limits with the most entries and the longest values', () => {
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
    const message = renderAuditEntries(
      {
        entries: Array.from({ length: AUDIT_MAX_ENTRIES + 5 }, (_, i) => ({ ...long, id: `${i}` })),
      },
      ctx,
    );
    expectValidMessage(message);
    expect(message.blocks).toHaveLength(AUDIT_MAX_ENTRIES + 2);
    for (const block of message.blocks.slice(2)) {
      const text = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect(text.length).toBeLessThanOrEqual(AUDIT_ENTRY_MAX_CHARS);
    }
  });
});
