import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInbox } from '../../src/cli/inbox-check.js';
import { ZOOM_SMS_EVENTS } from '../../src/zoom-events/schemas.js';

const config = (webhookSecretToken: string | undefined, appToken?: string) => ({
  port: 3000,
  slack: {
    botToken: 'xoxb-x',
    signingSecret: 's',
    appToken,
    apiUrl: 'https://slack.com/api/',
    allowedTeamIds: [],
  },
  inbox: { webhookSecretToken, notifyDefault: false, showText: true, channelPostsPerSecond: 1 },
});

describe('checkInbox', () => {
  it('skips without ZOOM_WEBHOOK_SECRET_TOKEN and says how to turn notifications on', () => {
    const result = checkInbox(config(undefined));
    expect(result.status).toBe('skip');
    expect(result.summary).toContain('ZOOM_WEBHOOK_SECRET_TOKEN is not set');
    expect(result.fix).toContain('https://YOUR-HOST/zoom/events');
    expect(result.fix).toContain(
      'events phone.sms_received, phone.sms_sent and phone.sms_sent_failed;',
    );
  });

  it('names every event the endpoint handles, as the README does wherever it lists them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const lists = readme
      .split('\n')
      .filter((line) => line.includes('`phone.sms_received`') && line.includes('`phone.sms_sent`'));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const event of ZOOM_SMS_EVENTS) {
      expect(checkInbox(config(undefined)).fix).toContain(event);
      for (const line of lists) expect(line).toContain(`\`${event}\``);
    }
  });

  it('passes with the Secret Token, never printing it, and reminds Socket Mode that Zoom must reach the path', () => {
    const secret = 'super-secret-token-1';
    const http = checkInbox(config(secret));
    expect(http.status).toBe('pass');
    expect(JSON.stringify(http)).not.toContain(secret);
    expect(checkInbox(config(secret, 'xapp-1')).summary).toContain('Socket Mode');
  });
});
