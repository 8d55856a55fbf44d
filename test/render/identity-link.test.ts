import { describe, expect, it } from 'vitest';
import type { LinkOutcome, UnlinkOutcome } from '../../src/core/identity.js';
import { renderLinkOutcome, renderUnlinkOutcome } from '../../src/render/identity-link.js';
import type { RenderContext } from '../../src/render/types.js';
import { expectValidMessage, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'Europe/Paris' };

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const BOB = 'U0BOB0001';
const link = {
  slackUserId: BOB,
  zoomUser: 'carol@example.com',
  setBy: 'U0ADMIN01',
  setAt: '2026-11-26T12:00:00.000Z',
};

describe('renderLinkOutcome', () => {
  it.each<[string, LinkOutcome, string[]]>([
    [
      'linked',
      { kind: 'linked', link, zoomName: 'Carol <Zoom> & Co' },
      [`Linked @${BOB} to Zoom user carol@example.com (Carol <Zoom> & Co)`, 'To undo'],
    ],
    [
      'relinked',
      {
        kind: 'linked',
        link,
        previous: {
          ...link,
          zoomUser: 'old@example.com',
          setBy: 'U0OTHER01',
          setAt: '2026-01-05T08:00:00.000Z',
        },
      },
      ['It replaces the link to old@example.com set by @U0OTHER01 (Jan 5, 2026 at 9:00 AM)'],
    ],
    [
      'refused-no-user',
      { kind: 'refused', slackUserId: BOB, zoomUser: 'nobody@example.com', reason: 'no-zoom-user' },
      [`Not linked. Zoom has no user nobody@example.com, so @${BOB} was not linked.`],
    ],
    [
      'refused-no-phone',
      { kind: 'refused', slackUserId: BOB, zoomUser: 'dave@example.com', reason: 'no-zoom-phone' },
      ['The Zoom user dave@example.com has no Zoom Phone', 'assign a Zoom Phone license'],
    ],
  ])('renders a link that was %s', async (name, outcome, expected) => {
    const message = renderLinkOutcome(outcome, ctx);
    expectValidMessage(message);
    await snapshot(`identity-link-${name}`, message);
    for (const part of expected) expect(visibleText(message)).toContain(part);
  });

  it('does not mention a replaced link when it named the same Zoom user', () => {
    const message = renderLinkOutcome({ kind: 'linked', link, previous: link }, ctx);
    expect(visibleText(message)).not.toContain('replaces');
  });
});

describe('renderUnlinkOutcome', () => {
  it.each<[string, UnlinkOutcome, string[]]>([
    [
      'removed',
      {
        slackUserId: BOB,
        removed: link,
        now: {
          kind: 'email',
          identity: { slackUserId: BOB, zoomUser: 'bob@example.com', how: 'email' },
        },
      },
      [
        `Unlinked @${BOB} from Zoom user carol@example.com.`,
        'Now: @U0BOB0001 → Zoom user bob@example.com, matched by the email',
      ],
    ],
    [
      'nothing',
      { slackUserId: BOB, now: { kind: 'none', slackUserId: BOB, reason: 'no-email' } },
      [`@${BOB} had no link, so nothing changed.`, 'no Zoom user'],
    ],
  ])('renders an unlink that %s', async (name, outcome, expected) => {
    const message = renderUnlinkOutcome(outcome, ctx);
    expectValidMessage(message);
    await snapshot(`identity-unlink-${name}`, message);
    for (const part of expected) expect(visibleText(message)).toContain(part);
  });
});
