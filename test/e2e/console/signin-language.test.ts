/**
 * The language switch on the sign-in page. An agent who tapped "Kiswahili" there and signed in got
 * the queue in English: the account's saved language (English by default) won. A language tapped
 * on the sign-in page in this visit now wins and is saved to the account, as the switch does once
 * signed in. On a shared call-centre PC the language the previous agent left behind (a cookie) is
 * not the next agent's choice: their own saved language stands unless they tap one themselves.
 */
import type { Browser, Page } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';

const env = consoleInChromium({ label: 'console-signin-language' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

async function newPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { page, close: () => context.close() };
}

/** Fills the sign-in form in whichever language it shows. */
async function submitSignIn(page: Page, username: string, password: string, lang: 'en' | 'sw'): Promise<void> {
  await page.getByLabel(lang === 'sw' ? 'Jina la mtumiaji' : 'Username').fill(username);
  await page.getByLabel(lang === 'sw' ? 'Nenosiri' : 'Password').fill(password);
  await page.getByRole('button', { name: lang === 'sw' ? 'Ingia' : 'Sign in', exact: true }).click();
}

const savedLanguage = async (username: string) => (await h.store.agents.findByUsername(username))?.language;

it('Kiswahili tapped on the sign-in page is the queue\'s language after signing in, even after a mistyped password, and is saved', async () => {
  await h.account('wanjiku', 'agent');
  const { page, close } = await newPage();
  await page.goto(`${h.base}/signin`);
  await page.getByRole('button', { name: 'Kiswahili' }).click();
  await page.locator('html[lang="sw"]').waitFor({ state: 'attached' });
  await submitSignIn(page, 'wanjiku', 'not the password', 'sw');
  await page.getByText('Imeshindikana kuingia.', { exact: false }).waitFor();
  await submitSignIn(page, 'wanjiku', PASSWORD, 'sw');
  await page.waitForURL(`${h.base}/queue`);
  await page.getByRole('heading', { name: 'Foleni' }).waitFor();
  expect(await savedLanguage('wanjiku')).toBe('sw');
  await close();
});

it('on a shared PC, the language the previous agent left on the sign-in page does not replace the next agent\'s own', async () => {
  await h.account('otieno', 'agent');
  await h.account('akinyi', 'agent');
  const { page, close } = await newPage();
  // Otieno works in Kiswahili (tapped on the sign-in page), then signs out.
  await page.goto(`${h.base}/signin`);
  await page.getByRole('button', { name: 'Kiswahili' }).click();
  await page.locator('html[lang="sw"]').waitFor({ state: 'attached' });
  await submitSignIn(page, 'otieno', PASSWORD, 'sw');
  await page.getByRole('heading', { name: 'Foleni' }).waitFor();
  await page.getByRole('button', { name: 'Ondoka' }).click();
  await page.waitForURL(`${h.base}/signin`);
  // Akinyi sits down: the page is in Kiswahili, but she taps nothing; her account reads English.
  await page.locator('html[lang="sw"]').waitFor({ state: 'attached' });
  await submitSignIn(page, 'akinyi', PASSWORD, 'sw');
  await page.waitForURL(`${h.base}/queue`);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  expect(await savedLanguage('akinyi')).toBe('en');

  // Next morning Otieno taps English on the sign-in page: he gets it, and it is saved.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${h.base}/signin`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  await submitSignIn(page, 'otieno', PASSWORD, 'en');
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  expect(await savedLanguage('otieno')).toBe('en');
  await close();
});
