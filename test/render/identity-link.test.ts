import { describe, expect, it } from 'vitest';
import type { LinkOutcome, UnlinkOutcome } from '../../src/core/identity-types.js';
import { decodeLinkChoice } from '../../src/core/link-choice.js';
import { renderLinkOutcome, renderUnlinkOutcome } from '../../src/render/identity-link.js';
import type { RenderContext } from '../../src/render/types.js';
import { LINK_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

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
      [`Linked @${BOB} to Zoom user carol@example.com (Carol <Zoom> & Co)`],
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
      ['The Zoom user dave@example.com has no Zoom Phone licence', 'assign a Zoom Phone licence'],
    ],
    [
      'unconfirmed',
      {
        kind: 'unconfirmed',
        slackUserId: BOB,
        zoomUser: 'zoe@example.com',
        zoomName: 'Zoë Ångström',
        slackName: 'Bob Okafor',
      },
      [
        `Link @${BOB} to Zoom user zoe@example.com (Zoë Ångström)?`,
        "don't look like @U0BOB0001's Slack profile (Bob Okafor). Nothing is linked until you choose.",
      ],
    ],
  ])('renders a link that was %s', async (name, outcome, expected) => {
    const message = renderLinkOutcome(outcome, ctx);
    expectValidMessage(message);
    await snapshot(`identity-link-${name}`, message);
    for (const part of expected) expect(visibleText(message)).toContain(part);
  });

  it('offers Undo on a link, which unlinks, or puts back the link it replaced', () => {
    const undoOf = (outcome: LinkOutcome) => {
      const buttons = findButtons(renderLinkOutcome(outcome, ctx));
      expect(buttons.map((b) => [b.text, b.actionId])).toEqual([['Undo', LINK_ACTION_IDS.undo]]);
      return decodeLinkChoice(buttons[0]?.value ?? '');
    };
    expect(undoOf({ kind: 'linked', link })).toEqual({
      slackUserId: BOB,
      zoomUser: 'carol@example.com',
    });
    expect(
      undoOf({ kind: 'linked', link, previous: { ...link, zoomUser: 'old@example.com' } }),
    ).toEqual({
      slackUserId: BOB,
      zoomUser: 'carol@example.com',
      previous: 'old@example.com',
    });
  });

  it('asks with Link anyway and Cancel, and offers nothing on a refusal', () => {
    const question = renderLinkOutcome(
      { kind: 'unconfirmed', slackUserId: BOB, zoomUser: 'zoe@example.com', slackName: 'Bob' },
      ctx,
    );
    expect(findButtons(question).map((b) => [b.text, b.actionId])).toEqual([
      ['Link anyway', LINK_ACTION_IDS.confirm],
      ['Cancel', LINK_ACTION_IDS.cancel],
    ]);
    expect(decodeLinkChoice(findButtons(question)[0]?.value ?? '')).toEqual({
      slackUserId: BOB,
      zoomUser: 'zoe@example.com',
    });
    const refused = renderLinkOutcome(
      { kind: 'refused', slackUserId: BOB, zoomUser: 'x@example.com', reason: 'no-zoom-user' },
      ctx,
    );
    expect(findButtons(refused)).toEqual([]);
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
