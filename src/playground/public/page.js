/**
 * The playground page: who the visitor is, the composer, the two tabs, and the event stream
 * that brings every answer the app posts (`response_url`) or publishes (`views.publish`).
 * The page never signs anything: it asks the playground's server, which signs as Slack does.
 */
import { createModalView } from './page-modal.js';
import { createHomeView, createTimelineView } from './page-surfaces.js';
import { browserTimeZone } from './slack-date.js';

const HOME_WAIT_MS = 5_000;

/** Commands to try: `[command, what it shows, whether only admins may run it]`. */
const SUGGESTIONS = [
  ['/sms-sessions', 'your conversations of the past 30 days', false],
  ['/sms-sessions type:user size:5', 'your own number only, five a page', false],
  ['/sms-sessions @bob', "Bob's conversations", true],
  ['/sms-sessions since:3m', 'the past three months', false],
  ['/sms-sessions help', 'five examples, and the full syntax', false],
  ['/sms-sessions size:500', 'a mistake, to see the error', false],
];

/** Where a `slack://app?…&tab=home` link (help's Open Home) takes the visitor: the Home tab. */
const isHomeLink = (url) => /^slack:\/\/app\?(.*&)?tab=home(&|$)/.test(url);

const $ = (id) => document.getElementById(id);

/**
 * This browser tab, so what only one person sees (an ephemeral answer) shows in the tab that
 * asked for it, not in every tab that picked the same person. Kept across reloads of the tab.
 */
const visitorId = () => {
  const key = 'playground.visitor';
  let id = sessionStorage.getItem(key);
  if (id === null) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(key, id);
  }
  return id;
};

const post = async (path, body) => {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await response.json();
  } catch {
    return { ok: false, error: 'the playground is not running' };
  }
};

const say = (text, isError = false) => {
  const status = $('status');
  status.setAttribute('role', isError ? 'alert' : 'status');
  status.textContent = text;
  status.classList.toggle('status-error', isError);
};

const start = async () => {
  const session = await (await fetch('/playground/session')).json();
  const admin = session.people.find((person) => person.isAdmin) ?? session.people[0];
  const requested = new URLSearchParams(location.search).get('as');
  let me = session.people.some((p) => p.id === requested) ? requested : admin.id;
  const visitor = visitorId();
  const page = {
    session,
    visitor,
    me: () => me,
    ctx: {
      people: new Map(session.people.map((person) => [person.id, person])),
      channels: new Map([[session.channel.id, session.channel.name]]),
      openLink: (url) => {
        if (isHomeLink(url)) selectTab('home');
        else if (/^https?:/.test(url)) window.open(url, '_blank', 'noopener');
      },
      timeZone: browserTimeZone(),
      get now() {
        return new Date();
      },
    },
    act: async (action) => {
      const result = await post('/playground/action', { user: me, visitor, ...action });
      if (!result.ok) say(`The app did not take that: ${result.error}`, true);
    },
    submit: async (viewId, values) => {
      const result = await post('/playground/modal-submit', { user: me, viewId, values });
      if (!result.ok) say(`The app did not take the submission: ${result.error}`, true);
    },
  };
  const timeline = createTimelineView($('timeline'), $('timeline-empty'), page);
  const home = createHomeView($('home'), page);
  $('timeline-clear').addEventListener('click', () => {
    timeline.clear();
    say('Cleared. New messages will appear here.');
  });
  const modal = createModalView($('modal'), page, async (viewId) => {
    const result = await post('/playground/modal-close', { user: me, viewId });
    if (!result.ok) say(`The modal did not close: ${result.error}`, true);
  });

  $('mode').textContent =
    session.zoom === 'demo'
      ? 'The real SMS Conversations app, with a simulated Slack and a demo Zoom account on this machine.'
      : 'The real SMS Conversations app, with a simulated Slack and YOUR REAL Zoom account.';

  const persona = $('persona');
  for (const person of session.people) {
    const option = document.createElement('option');
    option.value = person.id;
    option.textContent = `${person.displayName}${person.isAdmin ? ' (admin)' : ''}`;
    persona.append(option);
  }
  persona.value = me;
  const describe = () => {
    const person = page.ctx.people.get(me);
    $('persona-detail').textContent = `@${person.handle} · ${person.email} · ${person.timeZone}`;
  };
  describe();

  const customers = $('customer');
  session.customers.forEach((label, index) => {
    const option = document.createElement('option');
    option.value = String(index);
    option.textContent = label;
    customers.append(option);
  });
  $('customer-form').hidden = session.customers.length === 0;
  $('customer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('customer-text').value.trim();
    if (text === '') return;
    const result = await post('/playground/customer-text', {
      user: me,
      customer: Number(customers.value),
      text,
    });
    if (result.ok) {
      $('customer-text').value = '';
      selectTab('messages');
      say(
        `${customers.selectedOptions[0]?.textContent} texted ${page.ctx.people.get(me).displayName}.`,
      );
    } else {
      say(result.error, true);
    }
  });

  $('trouble-form').hidden = session.zoom !== 'demo';
  $('trouble-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const trouble = $('trouble');
    const result = await post('/playground/zoom-trouble', { trouble: trouble.value });
    if (result.ok) say(`The demo Zoom is now ${trouble.selectedOptions[0]?.textContent}.`);
    else say(result.error, true);
  });

  const suggestions = $('suggestions');
  const listSuggestions = () => {
    suggestions.replaceChildren();
    const isAdmin = page.ctx.people.get(me)?.isAdmin === true;
    for (const [command, meaning, adminsOnly] of SUGGESTIONS) {
      if (adminsOnly && !isAdmin) continue;
      suggest(command, meaning);
    }
  };
  const suggest = (command, meaning) => {
    const item = document.createElement('li');
    const use = document.createElement('button');
    use.type = 'button';
    use.className = 'suggestion';
    use.textContent = command;
    use.setAttribute('aria-describedby', `suggestion-${suggestions.children.length}`);
    const note = document.createElement('span');
    note.className = 'hint';
    note.id = `suggestion-${suggestions.children.length}`;
    note.textContent = meaning;
    use.addEventListener('click', () => {
      selectTab('messages');
      $('composer-input').value = command;
      $('composer-input').focus();
    });
    item.append(use, note);
    suggestions.append(item);
  };
  listSuggestions();

  const tabs = { messages: $('tab-messages'), home: $('tab-home') };
  let homeTimer;
  const openHome = async () => {
    home.show();
    clearTimeout(homeTimer);
    const revision = $('home').dataset.revision;
    const result = await post('/playground/home', { user: me });
    if (!result.ok) {
      home.missing(`The app did not take app_home_opened: ${result.error}`);
      return;
    }
    homeTimer = setTimeout(() => {
      if ($('home').dataset.revision === revision && revision === '0') {
        home.missing('The app has not published a Home tab for you.');
      }
    }, HOME_WAIT_MS);
  };
  const selectTab = (name) => {
    for (const [key, tab] of Object.entries(tabs)) {
      const selected = key === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
    }
    if (name === 'home') openHome();
  };
  for (const [key, tab] of Object.entries(tabs)) {
    tab.addEventListener('click', () => selectTab(key));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const other = key === 'messages' ? 'home' : 'messages';
      selectTab(other);
      tabs[other].focus();
    });
  }

  persona.addEventListener('change', () => {
    me = persona.value;
    describe();
    listSuggestions();
    timeline.rerender();
    modal.show();
    if (tabs.home.getAttribute('aria-selected') === 'true') openHome();
    else home.show();
    say(`You are now ${page.ctx.people.get(me).displayName}.`);
  });

  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('composer-input');
    const text = input.value.trim();
    if (text === '') return;
    input.disabled = true;
    const result = await post('/playground/command', { user: me, visitor, text });
    input.disabled = false;
    input.focus();
    if (result.ok) {
      input.value = '';
      say('Sent.');
    } else {
      say(result.error, true);
    }
  });

  const stream = new EventSource('/playground/stream');
  stream.addEventListener('message', (event) => {
    const data = JSON.parse(event.data);
    if (data.type === 'snapshot') {
      timeline.reset(data.messages);
      home.reset(data.homes);
      modal.reset(data.modals);
      document.body.dataset.ready = 'true';
    } else if (data.type === 'message') timeline.upsert(data.message);
    else if (data.type === 'modals') modal.upsert(data);
    else if (data.type === 'message-deleted') timeline.remove(data.ts);
    else if (data.type === 'home') home.upsert(data.home);
  });
  stream.addEventListener('error', () => say('Lost the playground; reconnecting…', true));
};

start();
