import { describe, expect, it } from 'vitest';
import { replyParties } from '../../src/core/reply/reply-parties.js';
import type { Participant, SmsMessage } from '../../src/domain/sms.js';

const line = (id: string, phoneNumber: string): Participant => ({
  phoneNumber,
  isOwner: false,
  owner: { id, kind: 'call_queue' },
});
const contact = (phoneNumber: string): Participant => ({ phoneNumber, isOwner: false });
const message = (sender: Participant, recipients: Participant[]): SmsMessage => ({
  id: 'm',
  direction: 'in',
  status: 'received',
  isGroup: recipients.length > 1,
  sender,
  recipients,
  attachments: [],
});

describe('replyParties', () => {
  it('sends from the line’s number to every other participant, each once', () => {
    const queue = line('Q1', '+14155550120');
    const messages = [
      message(contact('+12025550143'), [queue, contact('+13125550187')]),
      message(queue, [contact('+12025550143'), contact('+13125550187')]),
    ];
    expect(replyParties(messages, 'Q1')).toEqual({
      from: '+14155550120',
      to: ['+12025550143', '+13125550187'],
    });
  });

  it('never texts another number of the account, and needs both sides', () => {
    const mine = line('U1', '+14155550101');
    const colleague = line('U2', '+14155550102');
    expect(replyParties([message(contact('+12025550143'), [mine, colleague])], 'U1')).toEqual({
      from: '+14155550101',
      to: ['+12025550143'],
    });
    expect(replyParties([message(contact('+12025550143'), [colleague])], 'U1')).toBeUndefined();
    expect(replyParties([message(mine, [colleague])], 'U1')).toBeUndefined();
    expect(replyParties([], 'U1')).toBeUndefined();
  });
});
