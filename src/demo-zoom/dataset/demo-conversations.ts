/** One line of a scripted conversation: who speaks (`in`: the contact) and what they say. */
export interface ScriptLine {
  readonly direction: 'in' | 'out';
  readonly text: string;
}

const inbound = (text: string): ScriptLine => ({ direction: 'in', text });
const outbound = (text: string): ScriptLine => ({ direction: 'out', text });

const LONG_TEXT =
  'Hello again, sorry for the long message. I tried the steps you sent yesterday: restarted ' +
  'the router, unplugged the extender, moved the base station next to the window and waited ' +
  'ten minutes each time. The light still goes orange after about five minutes and the ' +
  'laptop says "connected, no internet". My neighbour on the same street has the same ' +
  'problem since Tuesday, so maybe it is not my equipment? I work from home on Thursdays and ' +
  'Fridays, so if a technician could come before 9:00 or after 17:30 that would be ideal.';

/**
 * Conversations a small business really has over SMS. Several carry text that must be escaped
 * or that looks like markup (`<`, `>`, `&`, `*bold*`, a URL with `&`), non-Latin scripts, emoji
 * and one message long enough to need truncating in a list.
 */
export const DEMO_CONVERSATIONS: readonly (readonly ScriptLine[])[] = [
  [
    inbound('Hi, can I move my appointment on Thursday to 3pm?'),
    outbound("Sure — you're booked for Thursday at 3:00 PM."),
    inbound('Perfect, thanks! 🙏'),
    outbound('See you then.'),
  ],
  [
    inbound('Is order #4821 ready for pickup?'),
    outbound("Yes! It's at the front desk until 6pm."),
    inbound('On my way'),
  ],
  [
    inbound("My internet's been down since this morning 😩"),
    outbound('Sorry about that. Can you restart the router and tell me what the lights show?'),
    inbound('Orange light blinking'),
    outbound("Thanks — I've opened ticket #A-1093, a technician will call you today."),
    inbound(LONG_TEXT),
    outbound('Understood. Booked for Friday 08:00–09:00.'),
  ],
  [
    outbound('Reminder: invoice INV-2207 (€1,250.00) is due on Friday.'),
    inbound('Paid this morning, ref 88-1123'),
    outbound('Received, thank you!'),
  ],
  [
    inbound('Prices <today> only: 2 > 1 & 3 < 4?'),
    outbound('*Not* bold, _not_ italic, ~not~ struck, `not code` — just our promo text.'),
    inbound('<@U0123ABC> <!channel> lol'),
  ],
  [
    inbound('こんにちは、明日の予約を確認したいです。'),
    outbound('はい、明日10時で承っております。'),
    inbound('ありがとうございます！'),
  ],
  [
    inbound('¿Puedo pagar con tarjeta?'),
    outbound('¡Claro que sí! Aceptamos todas las tarjetas.'),
    inbound('Perfecto, gracias.'),
  ],
  [
    outbound("Here's the intake form: https://example.com/forms/intake?id=42&lang=en"),
    inbound('Done ✅'),
    outbound('Got it, thanks.'),
  ],
  [
    outbound('Your package will arrive between 2–4 PM today.'),
    inbound('Can you leave it with the neighbour at #12?'),
    outbound('Noted, we will leave it at #12.'),
    inbound('👍'),
  ],
  [inbound('STOP'), outbound('You have been unsubscribed and will receive no more messages.')],
  [
    inbound('Hey, is this still Sam’s number?'),
    outbound('No, sorry — this is the front desk of Example Clinic.'),
    inbound('Oops, my bad!'),
  ],
  [
    outbound('Hi! Your table for 4 is confirmed for Saturday 19:30.'),
    inbound('Can we make it 6 people?'),
    outbound('Yes, updated to 6. See you Saturday!'),
    inbound('Great 🎉'),
  ],
];

/** Short replies that stretch a conversation past its script. */
export const DEMO_FOLLOW_UPS: readonly ScriptLine[] = [
  inbound('Thanks!'),
  outbound('You are welcome.'),
  inbound('One more question: are you open on Sunday?'),
  outbound('Sunday 10:00–14:00.'),
  inbound('ok'),
  outbound('Anything else we can help with?'),
];
