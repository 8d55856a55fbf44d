import { describe, expect, it } from 'vitest';
import { decodeLinkChoice, encodeLinkChoice } from '../../src/core/link-choice.js';

describe('encodeLinkChoice / decodeLinkChoice', () => {
  it('round-trips a choice, with and without the link it replaces', () => {
    const choice = { slackUserId: 'U0BOB0001', zoomUser: 'zoe@example.com' };
    expect(decodeLinkChoice(encodeLinkChoice(choice))).toEqual(choice);
    const undo = { ...choice, previous: 'old@example.com' };
    expect(decodeLinkChoice(encodeLinkChoice(undo))).toEqual(undo);
  });

  it.each([
    ['not JSON', 'nope'],
    ['a forged Slack id', '{"u":"<!channel>","z":"zoe@example.com"}'],
    ['an extra field', '{"u":"U0BOB0001","z":"zoe@example.com","admin":true}'],
    ['an empty Zoom user', '{"u":"U0BOB0001","z":""}'],
  ])('refuses %s as BAD_BUTTON', (_why, value) => {
    expect(() => decodeLinkChoice(value)).toThrow(expect.objectContaining({ code: 'BAD_BUTTON' }));
  });
});
