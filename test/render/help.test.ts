import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../src/render/help.js';
import type { RenderContext } from '../../src/render/types.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

describe('renderHelp', () => {
  it('documents the grammar, every option and examples', async () => {
    const message = renderHelp(ctx);
    expectValidMessage(message);
    await expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot('./__snapshots__/help.json');

    const text = visibleText(message);
    expect(text).toContain(
      '/sms-sessions [target] [from:DATE] [to:DATE | since:SPAN] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]\n/sms-sessions help',
    );
    for (const fragment of [
      'me (the default), an @mention of one person, or zoom:EMAIL (both admins only)',
      '/sms-sessions whoami',
      '/sms-sessions link @person zoom-email-or-user-id',
      'YYYY-MM-DD is a whole day in your Slack time zone (America/New_York)',
      'YYYY-MM-DDTHH:mm:ssZ',
      'A range longer than 31 days is listed a month at a time',
      'since: instead of from:/to:',
      'from alone: the 30 days after it',
      'No dates: the past 30 days',
      'user (direct conversations, the default), call_queue, auto_receptionist or all',
      'last message (the default), sent, received or sent_received',
      'phone:"+1 (810) 800-1001"',
      '1 to 100 (default 10)',
    ]) {
      expect(text).toContain(fragment);
    }
    expect(findButtons(message)).toEqual([]);
    expect(message.text).toContain('/sms-sessions [target]');
  });

  it('gives example dates that are a valid past window in the viewer time zone', () => {
    const text = visibleText(
      renderHelp({ now: new Date('2026-11-27T03:00:00Z'), timeZone: 'America/New_York' }),
    );
    expect(text).toContain('/sms-sessions from:2026-11-12 to:2026-11-26');
  });

  it('names UTC when the viewer time zone is unknown', () => {
    const text = visibleText(renderHelp({ now: ctx.now, timeZone: 'Mars/Olympus_Mons' }));
    expect(text).toContain('your Slack time zone (UTC)');
  });
});
