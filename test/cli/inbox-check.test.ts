import { describe, expect, it } from 'vitest';
import { checkInbox } from '../../src/cli/inbox-check.js';

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
    expect(result.fix).toContain('phone.sms_received');
  });

  it('passes with the Secret Token, never printing it, and reminds Socket Mode that Zoom must reach the path', () => {
    const secret = 'super-secret-token-1';
    const http = checkInbox(config(secret));
    expect(http.status).toBe('pass');
    expect(JSON.stringify(http)).not.toContain(secret);
    expect(checkInbox(config(secret, 'xapp-1')).summary).toContain('Socket Mode');
  });
});
