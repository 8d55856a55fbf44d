import { describe, expect, it } from 'vitest';
import { AppError, type ErrorDetail } from '../../../src/errors.js';
import { parseCommand } from '../../../src/slack/commands/grammar.js';
import { COMMAND_OPTIONS } from '../../../src/surface/command-options.js';

const refusal = (text: string): ErrorDetail => {
  try {
    parseCommand(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_ARGS');
    return (error as AppError).detail;
  }
  throw new Error(`parsed without error: ${text}`);
};

const listArgs = (text: string) => {
  const parsed = parseCommand(text);
  if (parsed.kind !== 'list') throw new Error(`not a listing: ${text}`);
  return parsed.args;
};

describe('COMMAND_OPTIONS', () => {
  it('lists every option the parser accepts when each is given a valid value', () => {
    const examples: Record<(typeof COMMAND_OPTIONS)[number], string> = {
      from: '2026-10-01',
      to: '2026-10-02',
      since: '3m',
      type: 'all',
      filter: 'sent',
      phone: '14155550100',
      size: '5',
    };
    expect(COMMAND_OPTIONS).toEqual(['from', 'to', 'since', 'type', 'filter', 'phone', 'size']);
    for (const option of COMMAND_OPTIONS) {
      expect(() => parseCommand(`${option}:${examples[option]}`)).not.toThrow();
    }
  });
});

describe('parseCommand', () => {
  it.each(['help', 'HELP', 'Help', '?', '-h', '--help', '-H', 'help me', 'help frmo:x'])(
    'asks for help when the first word is %j',
    (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'help' });
    },
  );

  it.each(['', '   ', '\t\n', 'me', 'ME', ' Me '])(
    'lists the caller’s own sessions when the text is %j',
    (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'list', args: { target: { kind: 'self' } } });
    },
  );

  it.each([
    ['<@U123ABC|jane>', 'U123ABC'],
    ['<@U123ABC>', 'U123ABC'],
    ['<@W0ABC12|jane>', 'W0ABC12'],
    ['<@U123ABC|jane doe>', 'U123ABC'],
    ["<@U123ABC|o'brien>", 'U123ABC'],
  ])('targets the mentioned person when the text is %j', (text, userId) => {
    expect(listArgs(text)).toEqual({ target: { kind: 'slack-user', userId } });
  });

  it('reads every option together with a target when all are given', () => {
    expect(
      parseCommand(
        '<@U123ABC|jane> from:2026-10-01 to:2026-10-05T10:00:00Z type:call_queue filter:sent phone:"+1 415 555 0100" size:25',
      ),
    ).toEqual({
      kind: 'list',
      args: {
        target: { kind: 'slack-user', userId: 'U123ABC' },
        from: { kind: 'day', date: '2026-10-01' },
        to: { kind: 'instant', iso: '2026-10-05T10:00:00Z' },
        sessionType: 'call_queue',
        filterType: 'sent_message_time',
        phoneNumber: '14155550100',
        pageSize: 25,
      },
    });
  });

  it('accepts key=value and keys in any case when options are written so', () => {
    expect(listArgs('FROM=2026-10-01 To:2026-10-02 SiZe=3')).toEqual({
      target: { kind: 'self' },
      from: { kind: 'day', date: '2026-10-01' },
      to: { kind: 'day', date: '2026-10-02' },
      pageSize: 3,
    });
  });

  it('splits on any whitespace when words are separated by tabs, newlines or no-break spaces', () => {
    expect(listArgs('from:2026-10-01\u00a0size:3\n\tme')).toEqual({
      target: { kind: 'self' },
      from: { kind: 'day', date: '2026-10-01' },
      pageSize: 3,
    });
  });

  it.each([
    'phone:"+1 415 555 0100"',
    "phone:'+1 415 555 0100'",
    'phone:“+1 415 555 0100”',
    'phone:”+1 415 555 0100”',
    'phone:“+1 415 555 0100“',
    'phone:‘+1 415 555 0100’',
    'phone=’+1 415 555 0100’',
  ])('keeps a quoted value whole when it is written %s', (text) => {
    expect(listArgs(text).phoneNumber).toBe('14155550100');
  });

  it.each([
    ['phone:"+1 415 555', { value: '"+1 415 555', option: 'phone' }],
    ['phone:“+1 415', { value: '“+1 415', option: 'phone' }],
    ['me "oops', { value: '"oops' }],
  ])('refuses an unclosed quote when the text is %j', (text, detail) => {
    expect(refusal(text)).toEqual({ reason: 'unclosed-quote', ...detail });
  });

  it('treats an apostrophe inside a word as a letter when it does not start the word', () => {
    expect(refusal("it's")).toEqual({ reason: 'unexpected-word', value: "it's" });
  });

  it.each([
    ['2026-10-01', { kind: 'day', date: '2026-10-01' }],
    ['2028-02-29', { kind: 'day', date: '2028-02-29' }],
    ['2026-10-01T23:59:59Z', { kind: 'instant', iso: '2026-10-01T23:59:59Z' }],
    ['"2026-10-01T00:00:00Z"', { kind: 'instant', iso: '2026-10-01T00:00:00Z' }],
  ])('reads from:%s as a date when it is a real day or instant', (value, date) => {
    expect(listArgs(`from:${value}`).from).toEqual(date);
    expect(listArgs(`to:${value}`).to).toEqual(date);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '26-1-1',
    '2026-1-1',
    '2026/10/01',
    '2026-10-01T24:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-10-01T10:00:00',
    '2026-10-01T10:00Z',
    '2026-10-01T10:00:00+02:00',
    'yesterday',
  ])('refuses the date %s when it is not a real day or instant', (value) => {
    expect(refusal(`from:${value}`)).toEqual({ reason: 'bad-date', option: 'from', value });
    expect(refusal(`to:${value}`)).toEqual({ reason: 'bad-date', option: 'to', value });
  });

  it.each([
    ['user', 'user'],
    ['USER', 'user'],
    ['all', 'all'],
    ['call_queue', 'call_queue'],
    ['call-queue', 'call_queue'],
    ['CallQueue', 'call_queue'],
    ['queue', 'call_queue'],
    ['auto_receptionist', 'auto_receptionist'],
    ['auto-receptionist', 'auto_receptionist'],
    ['autoreceptionist', 'auto_receptionist'],
    ['AR', 'auto_receptionist'],
  ])('reads type:%s as the session type %s', (value, sessionType) => {
    expect(listArgs(`type:${value}`).sessionType).toBe(sessionType);
  });

  it.each([
    ['usr', { suggestion: 'user' }],
    ['call_queu', { suggestion: 'call_queue' }],
    ['xyz', {}],
  ])('refuses type:%s and suggests the nearest type when one is close', (value, suggestion) => {
    expect(refusal(`type:${value}`)).toEqual({
      reason: 'bad-type',
      option: 'type',
      value,
      ...suggestion,
    });
  });

  it.each([
    ['last', 'last_message_time'],
    ['sent', 'sent_message_time'],
    ['Received', 'received_message_time'],
    ['sent_received', 'sent_received_message_time'],
    ['sent-received', 'sent_received_message_time'],
    ['last_message_time', 'last_message_time'],
    ['sent_message_time', 'sent_message_time'],
    ['received_message_time', 'received_message_time'],
    ['SENT_RECEIVED_MESSAGE_TIME', 'sent_received_message_time'],
  ])('reads filter:%s as the filter type %s', (value, filterType) => {
    expect(listArgs(`filter:${value}`).filterType).toBe(filterType);
  });

  it.each([
    ['recieved', { suggestion: 'received' }],
    ['snet', { suggestion: 'sent' }],
    ['newest', {}],
  ])('refuses filter:%s and suggests the nearest filter when one is close', (value, suggestion) => {
    expect(refusal(`filter:${value}`)).toEqual({
      reason: 'bad-filter',
      option: 'filter',
      value,
      ...suggestion,
    });
  });

  it.each([
    ['14155550100', '14155550100'],
    ['"(415) 555-0100"', '14155550100'],
    ['+442079460958', '442079460958'],
  ])('normalises phone:%s to Zoom’s digits %s', (value, digits) => {
    expect(listArgs(`phone:${value}`).phoneNumber).toBe(digits);
  });

  it('refuses a phone number when it cannot be a number', () => {
    expect(refusal('phone:12')).toEqual({ reason: 'bad-phone', option: 'phone', value: '12' });
  });

  it.each([
    ['1', 1],
    ['100', 100],
    ['007', 7],
  ])('reads size:%s as %i sessions a page', (value, pageSize) => {
    expect(listArgs(`size:${value}`).pageSize).toBe(pageSize);
  });

  it.each(['0', '101', '1000', '-1', '1.5', '1e2', '+5', 'ten'])(
    'refuses size:%s when it is not a whole number from 1 to 100',
    (value) => {
      expect(refusal(`size:${value}`)).toEqual({
        reason: 'bad-size',
        option: 'size',
        value,
        limit: 100,
      });
    },
  );

  it.each([
    ['frmo:2026-10-01', { option: 'frmo', value: '2026-10-01', suggestion: 'from' }],
    ['FRMO:2026-10-01', { option: 'FRMO', value: '2026-10-01', suggestion: 'from' }],
    ['szie=5', { option: 'szie', value: '5', suggestion: 'size' }],
    ['colour:red', { option: 'colour', value: 'red' }],
  ])(
    'refuses the unknown option in %j and suggests the nearest when one is close',
    (text, detail) => {
      expect(refusal(text)).toEqual({ reason: 'unknown-option', ...detail });
    },
  );

  it.each([
    ['from:2026-10-01 from:2026-10-02', { option: 'from', value: '2026-10-02' }],
    ['size:5 SIZE=6', { option: 'size', value: '6' }],
  ])('refuses an option given twice when the text is %j', (text, detail) => {
    expect(refusal(text)).toEqual({ reason: 'duplicate-option', ...detail });
  });

  it.each([
    ['from:', 'from'],
    ['TO=', 'to'],
    ['phone:""', 'phone'],
  ])('refuses an option without a value when the text is %j', (text, option) => {
    expect(refusal(text)).toEqual({ reason: 'missing-value', option, value: '' });
  });

  it.each(['@jane', '@U123ABC', '<#C123ABC|general>', '<!here>', '<@jane>', '<@U1'])(
    'refuses %j as a target when it is not a mention Slack escaped',
    (value) => {
      expect(refusal(value)).toEqual({ reason: 'bad-target', value });
    },
  );

  it.each([
    ['hlep', { value: 'hlep', suggestion: 'help' }],
    ['from 2026-10-01', { value: 'from', suggestion: 'from' }],
    ['banana', { value: 'banana' }],
    ['unlnk <@U123ABC>', { value: 'unlnk', suggestion: 'unlink' }],
    ['me <@U123ABC>', { value: '<@U123ABC>' }],
    ['<@U123ABC> me', { value: 'me' }],
    ['<@U123ABC> <@U456DEF>', { value: '<@U456DEF>' }],
    [':2026-10-01', { value: ':2026-10-01' }],
  ])('refuses the unexpected word in %j', (text, detail) => {
    expect(refusal(text)).toEqual({ reason: 'unexpected-word', ...detail });
  });
});

describe('parseCommand since:', () => {
  it.each([
    ['since:7d', { amount: 7, unit: 'day' }],
    ['since:2w', { amount: 2, unit: 'week' }],
    ['since:3m', { amount: 3, unit: 'month' }],
    ['SINCE=12M', { amount: 12, unit: 'month' }],
    ['since:"1d"', { amount: 1, unit: 'day' }],
    ['since:999d', { amount: 999, unit: 'day' }],
  ])('reads %j as a span back from now', (text, since) => {
    expect(listArgs(text)).toEqual({ target: { kind: 'self' }, since });
  });

  it('goes with the other options and a target', () => {
    expect(listArgs('<@U123ABC> since:3m type:all size:25')).toEqual({
      target: { kind: 'slack-user', userId: 'U123ABC' },
      since: { amount: 3, unit: 'month' },
      sessionType: 'all',
      pageSize: 25,
    });
  });

  it.each(['0d', '3', 'm', '3y', '1000d', '-2w', '1.5m', '3months', '３m'])(
    'refuses since:%s with bad-since',
    (value) => {
      expect(refusal(`since:${value}`)).toEqual({ reason: 'bad-since', option: 'since', value });
    },
  );

  it.each([
    ['since:3m from:2026-01-01', { option: 'from', value: '2026-01-01' }],
    ['to:2026-01-01 since:3m', { option: 'since', value: '3m' }],
    ['from:2026-01-01 to:2026-02-01 since:7d', { option: 'since', value: '7d' }],
  ])('refuses %j: since sets both ends already', (text, detail) => {
    expect(refusal(text)).toEqual({ reason: 'since-with-dates', ...detail });
  });

  it('suggests since: for a typo', () => {
    expect(refusal('snice:3m')).toMatchObject({ reason: 'unknown-option', suggestion: 'since' });
  });
});
