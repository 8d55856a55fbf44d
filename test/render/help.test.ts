import { describe, expect, it } from 'vitest';
import { homeDeepLink, renderHelp } from '../../src/render/help.js';
import { renderHelpSyntax } from '../../src/render/help-syntax.js';
import type { RenderContext } from '../../src/render/types.js';
import { HELP_ACTION_IDS } from '../../src/surface/ids.js';
import {
  expectValidMessage,
  expectValidModal,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };
const home = { teamId: 'T0001', appId: 'A0001' };
const admin = { isAdmin: true, admins: ['U0ALICE'], workspaceAdmins: false };
const member = { ...admin, isAdmin: false };

describe('renderHelp', () => {
  it('shows a member five examples and three buttons, and no admin commands', async () => {
    const message = renderHelp(ctx, { isAdmin: false, home });
    expectValidMessage(message);
    await expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(
      './__snapshots__/help-member.json',
    );
    const text = visibleText(message);
    const examples = visibleText({ blocks: message.blocks.slice(0, 1) })
      .split('\n')
      .filter((line) => line.startsWith('/sms-sessions'));
    expect(examples).toHaveLength(5);
    expect(text).toContain('/sms-sessions from:2026-11-12 to:2026-11-26');
    expect(text).toContain('/sms-sessions since:3m');
    for (const adminOnly of ['For admins', '@person', 'audit', 'link', 'zoom:', 'admins only']) {
      expect(text).not.toContain(adminOnly);
    }
    expect(findButtons(message).map((b) => [b.text, b.actionId])).toEqual([
      ['Show my conversations', HELP_ACTION_IDS.listMine],
      ['Open Home', HELP_ACTION_IDS.openHome],
      ['Full syntax', HELP_ACTION_IDS.fullSyntax],
    ]);
    expect(message.blocks.length).toBeLessThanOrEqual(4);
  });

  it('adds the admin commands for an admin', async () => {
    const message = renderHelp(ctx, { isAdmin: true, home });
    expectValidMessage(message);
    await expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(
      './__snapshots__/help-admin.json',
    );
    const text = visibleText(message);
    expect(text).toContain('For admins');
    expect(text).toContain("/sms-sessions @person  someone else's conversations");
  });

  it('links Open Home to the app Home tab, and leaves it out without ids', () => {
    expect(homeDeepLink(home)).toBe('slack://app?team=T0001&id=A0001&tab=home');
    expect(homeDeepLink({ teamId: 'T0001&x=1', appId: 'A0001' })).toBeUndefined();
    const withoutHome = renderHelp(ctx, { isAdmin: false });
    expect(findButtons(withoutHome).map((b) => b.text)).toEqual([
      'Show my conversations',
      'Full syntax',
    ]);
  });
});

describe('renderHelpSyntax', () => {
  it('documents the grammar, every option and examples, for a member without admin commands', async () => {
    const modal = renderHelpSyntax({ ...ctx, viewer: member });
    expectValidModal(modal);
    await expect(JSON.stringify(modal, null, 2)).toMatchFileSnapshot(
      './__snapshots__/help-syntax-member.json',
    );
    const text = visibleText(modal);
    expect(text).toContain(
      '/sms-sessions [person] [from:DATE] [to:DATE | since:SPAN] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]\n/sms-sessions help',
    );
    for (const fragment of [
      '/sms-sessions whoami',
      'YYYY-MM-DD is a whole day in your Slack time zone (America/New_York)',
      'YYYY-MM-DDTHH:mm:ssZ',
      'since: instead of from:/to:',
      'from alone: the 30 days after it',
      'No dates: the past 30 days',
      'user (your own number only), call_queue or auto_receptionist',
      'last message (the default), sent, received or sent_received',
      'phone:"+1 (810) 800-1001"',
      '1 to 100 (default 10)',
    ]) {
      expect(text).toContain(fragment);
    }
    for (const adminOnly of ['For admins', 'link @person', 'zoom:', 'audit']) {
      expect(text).not.toContain(adminOnly);
    }
    expect(text).not.toMatch(/15 minutes|page links/);
  });

  it('adds the admin commands for an admin', async () => {
    const modal = renderHelpSyntax({ ...ctx, viewer: admin });
    expectValidModal(modal);
    await expect(JSON.stringify(modal, null, 2)).toMatchFileSnapshot(
      './__snapshots__/help-syntax-admin.json',
    );
    const text = visibleText(modal);
    expect(text).toContain('/sms-sessions link @person zoom-email-or-user-id');
    expect(text).toContain('an @mention of one person, or zoom:EMAIL');
  });

  it('gives example dates that are a valid past window in the viewer time zone', () => {
    const text = visibleText(
      renderHelpSyntax({ now: new Date('2026-11-27T03:00:00Z'), timeZone: 'America/New_York' }),
    );
    expect(text).toContain('/sms-sessions from:2026-11-12 to:2026-11-26');
  });

  it('names UTC when the viewer time zone is unknown', () => {
    const text = visibleText(renderHelpSyntax({ now: ctx.now, timeZone: 'Mars/Olympus_Mons' }));
    expect(text).toContain('your Slack time zone (UTC)');
  });
});
