import { describe, expect, it } from 'vitest';
import { renderWho, renderWhoAmI } from '../../src/render/identity-resolution.js';
import type { RenderContext } from '../../src/render/types.js';
import type { Resolution } from '../../src/users/resolve-identity.js';
import { expectValidMessage, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const BOB = 'U0BOB0001';

const linked: Resolution = {
  kind: 'link',
  identity: { slackUserId: BOB, zoomUser: 'bob.zoom@example.org', how: 'link' },
  link: {
    slackUserId: BOB,
    zoomUser: 'bob.zoom@example.org',
    setBy: 'U0ADMIN01',
    setAt: '2026-11-20T15:30:00.000Z',
  },
};
const byEmail: Resolution = {
  kind: 'email',
  identity: { slackUserId: BOB, zoomUser: 'bob@example.com', how: 'email' },
};
const noEmail: Resolution = { kind: 'none', slackUserId: BOB, reason: 'no-email' };
const deactivated: Resolution = { kind: 'none', slackUserId: BOB, reason: 'deactivated' };

describe('renderWho', () => {
  it.each([
    [
      'linked',
      linked,
      'bob.zoom@example.org, linked by an admin (@U0ADMIN01, Nov 20, 2026 at 10:30 AM)',
    ],
    ['email', byEmail, 'bob@example.com, matched by the email on the Slack profile'],
    ['no-email', noEmail, 'no Zoom user: the Slack profile shows no email'],
    ['deactivated', deactivated, 'no Zoom user: the Slack account is deactivated'],
  ])('explains a person who resolves by %s', async (name, resolution, expected) => {
    const message = renderWho(resolution, ctx);
    expectValidMessage(message);
    await snapshot(`identity-who-${name}`, message);
    const text = visibleText(message);
    expect(text).toContain(`@${BOB} → `);
    expect(text).toContain(expected);
    expect(text).toContain('a link set by an admin, then the email on the Slack profile');
  });

  it('tells how to fix a person who does not resolve', () => {
    expect(visibleText(renderWho(noEmail, ctx))).toContain('/sms-sessions link');
  });

  it('escapes a stored Zoom user so it can never become a mention or a link', () => {
    const hostile: Resolution = {
      ...linked,
      link: { ...linked.link, zoomUser: '<!channel>&<@U1>' },
    };
    const message = renderWho(hostile, ctx);
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt;&amp;&lt;@U1&gt;');
  });
});

describe('renderWhoAmI', () => {
  it('tells a person without a Zoom Phone licence exactly that', async () => {
    const viewer = { isAdmin: false, admins: ['U0ADMIN01'], workspaceAdmins: false };
    const message = renderWhoAmI(
      { resolution: byEmail, role: 'member', phone: 'none' },
      { ...ctx, viewer },
    );
    expectValidMessage(message);
    await snapshot('identity-whoami-no-licence', message);
    expect(visibleText(message)).toContain(
      'You have no Zoom Phone licence, so there are no SMS conversations to show.',
    );
  });

  it.each([
    [
      'member',
      byEmail,
      'member',
      "You may see your own SMS conversations. To look at someone else's, ask @U0ADMIN01.",
    ],
    ['admin', linked, 'admin', 'You are an admin of this app'],
    ['workspace-admin', noEmail, 'workspace-admin', 'as a Slack workspace admin or owner'],
  ] as const)(
    'tells a %s how they resolve and what they may see',
    async (name, resolution, role, expected) => {
      const viewer = { isAdmin: role !== 'member', admins: ['U0ADMIN01'], workspaceAdmins: false };
      const message = renderWhoAmI({ resolution, role }, { ...ctx, viewer });
      expectValidMessage(message);
      await snapshot(`identity-whoami-${name}`, message);
      const text = visibleText(message);
      expect(text).toMatch(/^You → /);
      expect(text).toContain(expected);
      expect(message.text).toMatch(/^You → /);
      expect(JSON.stringify(message)).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    },
  );
});
