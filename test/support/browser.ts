/** Debian's Chromium for the browser tests (console, playground), screenshots, and a tiny PNG maker. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/**
 * Chromium's headless shell when installed (Debian's chromium-headless-shell: the same Blink and V8,
 * without the full browser's windowing and UI processes), else the full Chromium; CHROMIUM_PATH
 * overrides. The shell halves what the browser tests cost on 2 cores: the 18 files (138 tests) took
 * 241 s and 231 CPU-s against 447 s and 398 CPU-s with the full browser (2026-12-07, same machine,
 * 3 workers, every test passing both ways), and `npm test` is CPU-bound there.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A phone-sized page; browser console errors are collected so a test can show them. */
export async function phonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 780 }, deviceScaleFactor: 2, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { page, errors };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** A real PNG (a sunset-ish gradient with a stripe), so the page's JPEG conversion has work to do. */
export function makePng(width = 160, height = 120): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      const stripe = Math.abs(y - height * 0.7) < 4;
      raw[o] = stripe ? 30 : 255 - Math.floor((y / height) * 80);
      raw[o + 1] = stripe ? 30 : 120 + Math.floor((x / width) * 100);
      raw[o + 2] = stripe ? 30 : Math.floor((y / height) * 200);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Signs `page`'s browser context in without showing the sign-in page (the form posted by the
 * context's own request client, whose cookies are the pages'), then opens the queue where every
 * account lands: for tests about the desk, not about signing in (those use `signIn`). About 0.2 s
 * less than the sign-in page's load, typing and redirect in Chromium, for each such test.
 */
export async function signInDirectly(page: Page, base: string, username: string, password: string): Promise<void> {
  const form = await page.request.get(`${base}/signin`);
  const csrf = /<meta name="csrf-token" content="([^"]*)">/.exec(await form.text())?.[1];
  if (!csrf) throw new Error(`no form token on the sign-in page (${form.status()})`);
  const res = await page.request.post(`${base}/signin`, { form: { username, password, _csrf: csrf }, maxRedirects: 0 });
  if (res.status() !== 303 || res.headers().location !== '/queue') throw new Error(`sign-in of ${username} answered ${res.status()} ${res.headers().location ?? ''}`);
  await page.goto(`${base}/queue`);
}

/** Signs `page` in at the console at `base` and waits for the queue where every account lands. */
export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/queue`);
}

/** Switches the console's language as an agent does, with the language control in the top bar (it reloads the page, in the new language). */
export async function switchLanguage(page: Page, lang: 'en' | 'sw'): Promise<void> {
  await page.getByRole('button', { name: lang === 'sw' ? 'Kiswahili' : 'English', exact: true }).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** What axe-core finds wrong on the page as it is now, each rule with the elements it names (the page's context needs `bypassCSP`). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
