import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from '../../src/query/phone.js';
import {
  zoomPhoneUserSchema,
  zoomSmsSessionsPageSchema,
  zoomUserSchema,
} from '../../src/zoom/schemas.js';
import {
  accountUserFromZoom,
  lineOwnerFromZoom,
  messageFromZoom,
  messagesPageFromZoom,
  phoneFromZoom,
  phoneProfileFromZoom,
  sessionFromZoom,
  sessionsPageFromZoom,
} from '../../src/zoom/to-domain.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/zoom/${name}`, import.meta.url), 'utf8'));

describe('phoneFromZoom', () => {
  it.each([
    ['14155550100', '+14155550100'],
    ['442079460958', '+442079460958'],
    ['+33612345678', '+33612345678'],
    [' 18108001001 ', '+18108001001'],
    ['12345', '12345'],
    ['not a number', 'not a number'],
    ['', ''],
  ])('writes %j as %j', (zoom, domain) => {
    expect(phoneFromZoom(zoom)).toBe(domain);
  });

  it.each(['14155550100', '442079460958', '33612345678', '18108001001', '12345', '1'.repeat(40)])(
    'is shown exactly as Zoom’s own form of %s was',
    (zoom) => {
      expect(formatPhoneNumber(phoneFromZoom(zoom))).toBe(formatPhoneNumber(zoom));
    },
  );
});

describe('sessionsPageFromZoom', () => {
  it('maps a listing fixture into the app’s own nouns, numbers in E.164', () => {
    const page = sessionsPageFromZoom(
      zoomSmsSessionsPageSchema.parse(fixture('sessions-page-1.json')),
    );
    expect(page.nextPageToken).not.toBe('');
    expect(page.sessions.length).toBeGreaterThan(0);
    for (const session of page.sessions) {
      expect(session.id).not.toBe('');
      for (const participant of session.participants) {
        if (participant.phoneNumber !== undefined) expect(participant.phoneNumber).toMatch(/^\+/);
      }
    }
  });

  it('reads an empty body as an empty last page', () => {
    expect(sessionsPageFromZoom({})).toEqual({ sessions: [], nextPageToken: '' });
  });
});

describe('sessionFromZoom', () => {
  it('keeps a kind Zoom added later as it came, and an absent id as ""', () => {
    expect(sessionFromZoom({ session_type: 'fax_line' })).toEqual({
      id: '',
      kind: 'other',
      rawKind: 'fax_line',
      participants: [],
    });
    expect(sessionFromZoom({ session_id: 's', session_type: 'call_queue' }).kind).toBe(
      'call_queue',
    );
  });

  it('marks the owner, and only the owner', () => {
    const session = sessionFromZoom({
      session_id: 's',
      participants: [
        { display_name: 'Me', is_session_owner: true, owner: { id: 'u1', type: 'user' } },
        { display_name: 'Dana' },
      ],
    });
    expect(session.participants.map((p) => p.isOwner)).toEqual([true, false]);
    expect(session.participants[0]?.owner).toEqual({ id: 'u1', kind: 'user' });
  });
});

describe('lineOwnerFromZoom', () => {
  it.each([
    [{ type: 'callQueue' }, { kind: 'call_queue' }],
    [{ type: 'autoReceptionist' }, { kind: 'auto_receptionist' }],
    [{ type: 'sharedLineGroup' }, { kind: 'shared_line_group' }],
    [{ type: 'commonArea' }, { kind: 'other', rawKind: 'commonArea' }],
    [{}, { kind: 'other' }],
  ])('maps %j to %j', (zoom, domain) => {
    expect(lineOwnerFromZoom(zoom)).toEqual(domain);
  });
});

describe('messageFromZoom', () => {
  it.each([
    ['received', { status: 'received' }],
    ['sent', { status: 'sent' }],
    ['delivered', { status: 'delivered' }],
    ['failed_to_send', { status: 'failed', failure: 'send' }],
    ['failed_to_deliver', { status: 'failed', failure: 'deliver' }],
    ['unknown', { status: 'unknown', rawStatus: 'unknown' }],
    ['queued', { status: 'unknown', rawStatus: 'queued' }],
    [undefined, { status: 'unknown' }],
  ])('reads delivery status %j', (deliveryStatus, expected) => {
    const message = messageFromZoom(
      deliveryStatus === undefined ? {} : { delivery_status: deliveryStatus },
    );
    expect({
      status: message.status,
      ...(message.failure === undefined ? {} : { failure: message.failure }),
      ...(message.rawStatus === undefined ? {} : { rawStatus: message.rawStatus }),
    }).toEqual(expected);
  });

  it('maps direction, group texts, parties and attachments', () => {
    const message = messageFromZoom(
      {
        message_id: 'm1',
        date_time: '2026-11-26T11:00:00Z',
        direction: 'In',
        message: 'Hi',
        message_type: 4,
        sender: { display_name: 'Dana', phone_number: '18108001001' },
        to_members: [{ phone_number: '14155550100', owner: { type: 'user' } }],
        attachments: [
          { id: 'a1', name: 'a.jpg', type: 'JPG', size: 10, download_url: 'https://x/a' },
          { type: 'AUDIO' },
          { type: 'OTHER' },
        ],
      },
      'session-1',
    );
    expect(message).toEqual({
      id: 'm1',
      sessionId: 'session-1',
      sentAt: '2026-11-26T11:00:00Z',
      direction: 'in',
      text: 'Hi',
      status: 'unknown',
      isGroup: true,
      sender: { name: 'Dana', phoneNumber: '+18108001001', isOwner: false },
      recipients: [{ phoneNumber: '+14155550100', isOwner: false, owner: { kind: 'user' } }],
      attachments: [
        {
          id: 'a1',
          name: 'a.jpg',
          sizeBytes: 10,
          kind: 'image',
          rawType: 'JPG',
          openUrl: 'https://x/a',
        },
        { kind: 'audio', rawType: 'AUDIO' },
        { kind: 'file', rawType: 'OTHER' },
      ],
    });
    expect(messageFromZoom({ direction: 'Sideways' })).toMatchObject({
      direction: 'unknown',
      rawDirection: 'Sideways',
    });
    expect(messageFromZoom({}).rawDirection).toBeUndefined();
  });

  it('reads a details page, last page = ""', () => {
    expect(messagesPageFromZoom({ sms_histories: [{ message_id: 'm' }] }, 's')).toEqual({
      messages: [
        {
          id: 'm',
          sessionId: 's',
          direction: 'unknown',
          status: 'unknown',
          isGroup: false,
          recipients: [],
          attachments: [],
        },
      ],
      nextPageToken: '',
    });
  });
});

describe('accountUserFromZoom / phoneProfileFromZoom', () => {
  it('names a user by display name, else first and last name', () => {
    const user = zoomUserSchema.parse(fixture('user.json'));
    expect(accountUserFromZoom(user)).toMatchObject({ id: user.id, email: user.email });
    expect(accountUserFromZoom({ id: 'u', first_name: 'Ada', last_name: 'Lovelace' })).toEqual({
      id: 'u',
      name: 'Ada Lovelace',
    });
    expect(accountUserFromZoom({ id: 'u', display_name: '  ' })).toEqual({ id: 'u' });
  });

  it('keeps the phone profile’s numbers in E.164', () => {
    const profile = phoneProfileFromZoom(zoomPhoneUserSchema.parse(fixture('phone-user.json')));
    expect(profile.phoneNumbers).toEqual(['+14232058798']);
  });
});
