import { describe, expect, it } from 'vitest';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import { escapeCommandText, slashCommandBody } from '../../src/playground/slack-payloads.js';

const people = createPlaygroundPeople();

describe('escapeCommandText', () => {
  it('escapes &, < and > and turns @handles of members into mentions, as should_escape does', () => {
    expect(escapeCommandText('@bob phone:"<1> & 2" @nobody me@zoe', people)).toBe(
      '<@U0BOB|bob> phone:"&lt;1&gt; &amp; 2" @nobody me@zoe',
    );
  });
});

describe('slashCommandBody', () => {
  it('is the form Slack posts, with the command, the person and the response_url', () => {
    const [alice] = people;
    if (alice === undefined) throw new Error('no demo people');
    const form = new URLSearchParams(
      slashCommandBody({
        person: alice,
        text: 'size:5',
        responseUrl: 'http://x/r/1',
        triggerId: '1.2',
      }),
    );
    expect(Object.fromEntries(form)).toMatchObject({
      command: '/sms-sessions',
      text: 'size:5',
      user_id: 'U0ALICE',
      user_name: 'alice',
      response_url: 'http://x/r/1',
      channel_id: 'C0GENERAL',
    });
  });
});

describe('createPlaygroundPeople', () => {
  it('has the demo Zoom people, one admin, and gives Alice a real email only when asked', () => {
    expect(people.map((person) => person.handle)).toEqual([
      'alice',
      'bob',
      'zoe',
      'jose',
      'renee',
      'kai',
      'wei',
      'priya',
    ]);
    expect(people.filter((person) => person.isAdmin).map((person) => person.id)).toEqual([
      'U0ALICE',
    ]);
    expect(createPlaygroundPeople({ adminEmail: 'me@corp.test' })[0]?.email).toBe('me@corp.test');
  });
});
