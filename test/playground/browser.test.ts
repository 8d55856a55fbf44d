import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSlackDate } from '../../src/playground/public/slack-date.js';
import type { RunningPlayground } from '../../src/playground/start-playground.js';
import { startTestPlayground } from './playground-harness.js';

/** Debian's Chromium; `.ci/run` installs it (`npx playwright install` cannot download here). */
const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LAUNCH_TIMEOUT_MS = 30_000;
/** How long any one thing on the page may take to appear. */
const STEP_TIMEOUT_MS = 10_000;
const FLOW_TIMEOUT_MS = 30_000;
/** The browser's zone, far from Alice's Slack zone (New York), so date tokens must use it. */
const BROWSER_TIME_ZONE = 'Asia/Tokyo';
/**
 * The README's screenshot is rewritten only when asked (`UPDATE_SCREENSHOT=1 npm test`): the demo
 * data follows today's date, so every run would otherwise leave the checkout changed.
 */
const SCREENSHOT_PATH =
  process.env.UPDATE_SCREENSHOT === '1'
    ? fileURLToPath(new URL('../../docs/playground.png', import.meta.url))
    : join(tmpdir(), `sms-sessions-playground-${process.pid}.png`);
/** The README's screenshot of the Home tab, rewritten likewise. */
const HOME_SCREENSHOT_PATH =
  process.env.UPDATE_SCREENSHOT === '1'
    ? fileURLToPath(new URL('../../docs/home.png', import.meta.url))
    : join(tmpdir(), `sms-sessions-home-${process.pid}.png`);
const PAGE_SIZE = 5;

describe('the playground in Chromium', () => {
  let running: RunningPlayground;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
    }
    ({ playground: running, origin } = await startTestPlayground());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: BROWSER_TIME_ZONE,
      locale: 'en-US',
    });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.locator('body[data-ready="true"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const messages = () => page.getByRole('list', { name: 'Messages in #general' }).locator('li');
  const answers = () => messages().filter({ has: page.locator('.avatar-app') });
  const runCommand = async (text: string) => {
    const box = page.getByLabel('Message #general');
    await box.fill(text);
    await box.press('Enter');
  };
  const sessionRows = (message: Locator) =>
    message.getByRole('button', { name: /^Open conversation with / });

  let firstPageRows: string[] = [];

  it(
    'shows who the visitor is and marks the page as a playground with demo data',
    async () => {
      expect(await page.getByText('Playground — demo data').isVisible()).toBe(true);
      expect(await page.title()).toContain('Playground — demo data');
      const persona = page.getByLabel('You are', { exact: true });
      expect(await persona.inputValue()).toBe('U0ALICE');
      expect(await persona.locator('option:checked').textContent()).toBe('Alice Martin (admin)');
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'runs /sms-sessions and shows the first page of demo sessions in the browser’s time zone',
    async () => {
      await runCommand(`/sms-sessions size:${PAGE_SIZE}`);
      const answer = answers().last();
      await answer.getByText(`1–${PAGE_SIZE}, newest first`).waitFor();
      expect(
        await answer.getByRole('heading', { name: 'Your SMS conversations' }).isVisible(),
      ).toBe(true);
      expect(await answer.getByText('Only visible to you').count()).toBe(1);
      const rows = sessionRows(answer);
      expect(await rows.count()).toBe(PAGE_SIZE);
      firstPageRows = await answer.locator('.bk-section .bk-text').allTextContents();
      expect(firstPageRows).toHaveLength(PAGE_SIZE);

      const date = answer.locator('time.slack-date').first();
      const instant = Date.parse((await date.getAttribute('datetime')) ?? '');
      expect(await date.textContent()).toBe(
        formatSlackDate(instant / 1000, '{ago}', {
          now: new Date(),
          timeZone: BROWSER_TIME_ZONE,
        }),
      );
      expect(await answer.getByRole('button', { name: 'Next' }).count()).toBe(1);
      expect(await answer.getByRole('button', { name: 'Previous' }).count()).toBe(0);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'lands the sidebar’s one-number suggestion on conversations with that number',
    async () => {
      await runCommand('/sms-sessions phone:"+1 617 555 0118"');
      const answer = answers().last();
      await answer.getByText('with +1 617 555 0118').waitFor();
      expect(await sessionRows(answer).count()).toBeGreaterThan(0);
      await runCommand(`/sms-sessions size:${PAGE_SIZE}`);
      await answers().last().getByText(`1–${PAGE_SIZE}, newest first`).waitFor();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'clicks Next and replaces the message with page 2, keeping focus on Next',
    async () => {
      const answer = answers().last();
      const ts = await answer.getAttribute('data-ts');
      const shown = await answers().count();
      await answer.getByRole('button', { name: 'Next' }).click();
      const replaced = page.locator(`li[data-ts="${ts}"][data-revision="1"]`);
      await replaced.getByText(`${PAGE_SIZE + 1}–${2 * PAGE_SIZE}, newest first`).waitFor();
      expect(await answers().count()).toBe(shown);
      const rows = await replaced.locator('.bk-section .bk-text').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).not.toEqual(firstPageRows);
      expect(await replaced.getByRole('button', { name: 'Previous' }).isVisible()).toBe(true);
      expect(await replaced.locator(':focus').getAttribute('aria-label')).toBe(
        'Next page of SMS conversations',
      );
      await page.screenshot({ path: SCREENSHOT_PATH });
      expect(existsSync(SCREENSHOT_PATH)).toBe(true);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'asks before sharing, as Slack does, posts only once confirmed, and names the channel',
    async () => {
      expect(await page.locator('.typed-command').count()).toBe(0);
      const inChannel = () => messages().filter({ hasNot: page.getByText('Only visible to you') });
      const before = await inChannel().count();
      const share = () => answers().first().getByRole('button', { name: 'Share to channel' });
      await share().click();
      const dialog = page.getByRole('alertdialog', { name: 'Share to this channel?' });
      await dialog.waitFor();
      expect(
        await dialog.getByText('Everyone in this channel will see this page').isVisible(),
      ).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      expect(await inChannel().count()).toBe(before);

      await share().click();
      await dialog.getByRole('button', { name: 'Share', exact: true }).click();
      const receipt = answers().filter({ hasText: 'Shared to' }).last();
      await receipt.waitFor();
      expect(await receipt.textContent()).toContain('Shared to #general');
      expect(await receipt.textContent()).not.toContain('C0GENERAL');
      await expect.poll(() => inChannel().count()).toBe(before + 1);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'shows the app’s error for a bad command, and refuses what is not a command',
    async () => {
      await runCommand('/sms-sessions size:500');
      const error = answers().last();
      await error.getByText(/I couldn.t read that command/).waitFor();
      expect(await error.locator('code', { hasText: '500' }).isVisible()).toBe(true);

      await runCommand('hello');
      await page.getByRole('alert').filter({ hasText: 'not a command' }).waitFor();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'opens the Home tab from the keyboard, leads with a text waiting for a reply, and changes a filter in Filters…',
    async () => {
      await page.getByLabel('Their text').fill('Do you have my size?');
      await page.getByRole('button', { name: 'Text', exact: true }).click();
      await answers().filter({ hasText: 'Do you have my size?' }).first().waitFor();

      const messagesTab = page.getByRole('tab', { name: '# general' });
      await messagesTab.focus();
      await page.keyboard.press('ArrowRight');
      const homeTab = page.getByRole('tab', { name: /Home/ });
      expect(await homeTab.getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('[role="tab"]:focus').getAttribute('id')).toBe('tab-home');
      expect(await page.locator('#panel-messages').isHidden()).toBe(true);

      const home = page.locator('#home');
      /** The app publishes "Loading…" first, then the result: wait for a result newer than `n`. */
      const settledAfter = (n: number) =>
        expect
          .poll(
            async () =>
              Number(await home.getAttribute('data-revision')) > n &&
              !((await home.textContent()) ?? '').includes('Loading SMS conversations'),
            { timeout: STEP_TIMEOUT_MS },
          )
          .toBe(true);
      await settledAfter(0);
      await home.getByText('Today', { exact: true }).first().waitFor();
      await home.getByText('Waiting for your reply (1)').waitFor();
      expect(await home.getByRole('button', { name: /^Reply to / }).count()).toBe(1);
      await home.getByText('Filters: none').waitFor();
      expect(
        await home
          .getByRole('checkbox', { name: /Send me new texts as direct messages/ })
          .isChecked(),
      ).toBe(true);
      await page.screenshot({ path: HOME_SCREENSHOT_PATH });
      // No permanent form on the tab: the filters are changed in a modal.
      expect(await home.locator('input.bk-datepicker').count()).toBe(0);

      await home.getByRole('button', { name: 'Change the filters' }).click();
      const dialog = page.locator('dialog#modal');
      await dialog.getByRole('combobox', { name: 'Type' }).waitFor();
      for (const name of ['From', 'To', 'Phone number', 'Dates match']) {
        expect(await dialog.getByLabel(name, { exact: true }).isVisible()).toBe(true);
      }
      const revision = Number(await home.getAttribute('data-revision'));
      await dialog
        .getByRole('combobox', { name: 'Type' })
        .selectOption({ label: 'Type: Your number' });
      // Choosing sends nothing: only Apply does.
      await page.waitForTimeout(300);
      expect(Number(await home.getAttribute('data-revision'))).toBe(revision);
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await settledAfter(revision);
      await home.getByText('Filters: Your number').waitFor();
      expect(await dialog.isVisible()).toBe(false);

      const cleared = Number(await home.getAttribute('data-revision'));
      await home.getByRole('button', { name: 'Clear every filter' }).click();
      await settledAfter(cleared);
      await home.getByText('Filters: none').waitFor();

      const names = await page
        .locator('[aria-label]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
      expect(names.filter((name) => /[*_~`]|\n/.test(name))).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'offers a member no admins-only example, clears the visitor’s own view, and keeps a private answer in its own tab',
    async () => {
      await page.getByRole('tab', { name: '# general' }).click();
      const suggestions = page.locator('#suggestions');
      expect(await suggestions.getByText('/sms-sessions @bob').count()).toBe(1);
      await page.getByLabel('You are', { exact: true }).selectOption('U0BOB');
      expect(await suggestions.getByText('/sms-sessions @bob').count()).toBe(0);
      expect(await suggestions.getByText('/sms-sessions help').count()).toBe(1);

      expect(await messages().count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Clear my view' }).click();
      expect(await messages().count()).toBe(0);
      await runCommand('/sms-sessions help');
      await answers().last().getByRole('button', { name: 'Full syntax' }).waitFor();
      expect(await messages().count()).toBe(1);

      const other = await (await browser.newContext({ locale: 'en-US' })).newPage();
      await other.goto(`${origin}/?as=U0ALICE`);
      await other.locator('body[data-ready="true"]').waitFor();
      const otherMessages = other.getByRole('list', { name: 'Messages in #general' }).locator('li');
      expect(await otherMessages.count()).toBe(1);
      expect(await otherMessages.first().getByText('Only visible to you').count()).toBe(0);
      await other.close();
      expect(pageErrors).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );
  it(
    'lets a customer text Alice, and Alice reply from the modal into the DM thread',
    async () => {
      await page.getByLabel('Their text').fill('Is order 42 ready?');
      await page.getByRole('button', { name: 'Text', exact: true }).click();
      const dm = answers().filter({ hasText: 'Is order 42 ready?' }).first();
      await dm.waitFor();
      await dm.getByRole('button', { name: 'Reply' }).click();
      const dialog = page.locator('dialog#modal');
      await dialog.getByText('Is order 42 ready?').waitFor();
      const box = dialog.getByLabel('Your reply');
      await box.fill('x'.repeat(501));
      await dialog.getByRole('button', { name: 'Send' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'at most 500' }).waitFor();
      expect(await dialog.getByLabel('Your reply').inputValue()).toBe('x'.repeat(501));
      await dialog.getByLabel('Your reply').fill('Yes, come by at 5');
      await dialog.getByRole('button', { name: 'Send' }).click();
      const reply = page.locator('li.message-thread-reply', { hasText: 'Yes, come by at 5' });
      await reply.waitFor();
      expect(await reply.count()).toBe(1);
      await dialog.getByText('Sent').waitFor();
      expect(pageErrors).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );
});
