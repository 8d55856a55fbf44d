import type { Participant, PhoneNumber, SmsMessage } from '../../domain/sms.js';

/** Who a reply goes from and to. */
export interface ReplyParties {
  /** The number of the session's owner: the person's, the queue's or the receptionist's. */
  readonly from: PhoneNumber;
  /** Everyone else in the conversation (at most 10, as Zoom caps a session's participants). */
  readonly to: readonly PhoneNumber[];
}

const partiesOf = (message: SmsMessage): readonly Participant[] => [
  ...(message.sender === undefined ? [] : [message.sender]),
  ...message.recipients,
];

/**
 * The numbers of a reply, read from the conversation's own recent messages (newest first): the
 * owner's is the one Zoom marks as the line `lineOwnerId` (the Zoom user of a person's session,
 * the call queue or auto receptionist of a shared one); the others are every number Zoom marks
 * as no line of the account. Pure; `undefined` when the messages do not show both sides.
 */
export const replyParties = (
  messages: readonly SmsMessage[],
  lineOwnerId: string,
): ReplyParties | undefined => {
  const everyone = messages.flatMap(partiesOf);
  const from = everyone.find((party) => party.owner?.id === lineOwnerId)?.phoneNumber;
  if (from === undefined) return undefined;
  const to = [
    ...new Set(
      everyone
        .filter((party) => party.owner === undefined && party.phoneNumber !== undefined)
        .map((party) => party.phoneNumber as PhoneNumber),
    ),
  ].filter((number) => number !== from);
  return to.length === 0 ? undefined : { from, to: to.slice(0, 10) };
};
