/**
 * The whole playground as a visitor uses it: Ripoti's bot, workers and console against the
 * Telegram double and an in-memory MongoDB-compatible server. One report is played through the
 * chat page in Kiswahili (with a photo from disk), then the demo account signs in to the console
 * and takes the ticket with that reference.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import IORedis from 'ioredis';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../../support/redis';
import { freePort } from '../../support/ports';
import { artifactPath, launchChromium, makePng, phonePage } from '../../support/browser';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const botRow = (page: Page, text: string | RegExp) => page.locator('.row.bot', { hasText: text });
/** The newest inline button with this label (older messages may carry the same one). */
const tap = (page: Page, label: string) => page.locator('#messages').getByRole('button', { name: label, exact: true }).last().click();
const key = (page: Page, label: string) => page.locator('#reply-keyboard').getByRole('button', { name: label }).click();
/**
 * Screenshots shown in the README ("The reporter's bot") are kept in the repository, next to this
 * test; `UPDATE_README_SHOTS=1` refreshes them (otherwise they go to test-artifacts/ only, so a
 * test run leaves the working tree clean).
 */
const README_SHOTS = join(__dirname, 'screenshots');
async function readmeShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(name) });
  if (!process.env.UPDATE_README_SHOTS) return;
  mkdirSync(README_SHOTS, { recursive: true });
  copyFileSync(artifactPath(name), join(README_SHOTS, name));
}

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  chatUrl: string;
  consoleUrl: string;
  username: string;
  password: string;
  exited: Promise<number | null>;
}

/**
 * Runs the CLI exactly as `npm run playground` does (tsx, run.ts), in its own process: the way a
 * visitor starts it, and Ctrl-C is a real SIGINT. Resolves once it printed the URLs.
 */
async function startCli(args: string[], env: Record<string, string>): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'playground/run.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start within 60 s; it printed:\n${out}`)), 60_000);
    const check = () => {
      if (/Console sign-in:.*\n/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited (${code}) before it was ready; it printed:\n${out}`));
    });
  });
  const grab = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) throw new Error(`${re} not found in:\n${out}`);
    return m[1];
  };
  return {
    child,
    output: () => out,
    chatUrl: grab(/Chat \(pretend Telegram\):\s+(\S+)/),
    consoleUrl: grab(/Agents' console:\s+(\S+)/),
    username: grab(/Console sign-in:\s+(\S+) \//),
    password: grab(/Console sign-in:\s+\S+ \/ (\S+)/),
    exited,
  };
}

describe('playground (npm run playground: all roles of Ripoti)', () => {
  const prefix = uniquePrefix('playground');
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    const [port, consolePort] = [await freePort(), await freePort()];
    // MONGODB_URI is emptied so that the playground starts its own in-memory server, as it does
    // for a visitor.
    cli = await startCli(['--port', String(port), '--console-port', String(consolePort)], { REDIS_PREFIX: prefix, REDIS_URL, MONGODB_URI: '', LOG_LEVEL: 'warn' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (cli && cli.child.exitCode === null) {
      cli.child.kill('SIGKILL');
      await cli.exited;
    }
    const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  });

  it('files a report through the chat page and an agent takes it at the console', async () => {
    const { page, errors } = await phonePage(browser);
    await page.goto(cli.chatUrl);
    await page.getByRole('heading', { name: 'Try Ripoti' }).waitFor();
    await page.getByLabel('Your first name').fill('Wanjiku');
    await page.getByText('Kiswahili').click();
    await page.locator('#setup').getByLabel(/Phone number/).fill('+254722333444');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByRole('button', { name: 'START', exact: true }).click();
    // The first message offers both languages; one tap chooses Kiswahili and what to report.
    await botRow(page, 'Welcome to Ripoti').waitFor();
    await readmeShot(page, 'playground-chat-first-message.png');

    await tap(page, '🚓 Makosa ya polisi');
    await tap(page, 'Polisi kuitisha hongo au pesa');
    // Danger first: "yes" shows the numbers at once.
    await botRow(page, 'Je, kuna mtu yuko hatarini').waitFor();
    await tap(page, '🚨 Ndio');
    await botRow(page, '999 · 112 · 911').waitFor();
    await botRow(page, 'Tueleze kilichotokea').waitFor();
    await readmeShot(page, 'playground-chat-danger.png');
    const story = 'Afisa wa polisi kwenye kizuizi aliitisha shilingi 500 kabla ya kuniachilia.';
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill(story);
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');

    // County from the inline keyboard, then the place as a shared location (reply keyboard).
    await botRow(page, 'kaunti gani').waitFor();
    await page.screenshot({ path: artifactPath('playground-chat-wizard.png') });
    await tap(page, 'Mombasa');
    await botRow(page, 'Ni wapi hasa ndani ya Mombasa').waitFor();
    await key(page, '📍 Tuma mahali nilipo');
    await page.getByRole('dialog', { name: 'Send location' }).getByRole('button', { name: 'Mombasa' }).click();
    await page.getByRole('button', { name: 'Send this location' }).click();

    await botRow(page, 'Ilitokea lini').waitFor();
    await tap(page, 'Leo');

    // Evidence: a photo from disk, added at the review.
    await botRow(page, 'Tafadhali angalia ripoti yako').waitFor();
    await tap(page, '📎 Ongeza faili');
    await botRow(page, 'Kama huna, bonyeza ‹ Sina faili').waitFor();
    await page.getByRole('button', { name: 'Attach' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Photo' }).click();
    await (await chooser).setFiles({ name: 'kizuizi.png', mimeType: 'image/png', buffer: makePng(200, 150) });
    await page.getByLabel('Caption').fill('kizuizi');
    await page.getByRole('dialog', { name: 'Send photo' }).getByRole('button', { name: 'Send' }).click();
    await botRow(page, '1 kati ya 10').waitFor();
    await tap(page, '✅ Nimemaliza');
    await botRow(page, 'Ushahidi: faili 1').waitFor();
    await readmeShot(page, 'playground-chat-review.png');

    // Sent with the phone number: Telegram's own share button, then the report goes.
    await tap(page, '📞 Tuma pamoja na nambari yangu');
    await key(page, '📱 Tuma nambari yangu ya simu');
    const ask = page.getByRole('dialog', { name: 'Share your phone number' });
    await ask.getByRole('button', { name: 'OK' }).click();
    const received = botRow(page, /Imepokelewa\. Nambari yako ya kumbukumbu ni R-/);
    await received.waitFor();
    const reference = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await received.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    await readmeShot(page, 'playground-chat.png');
    expect(errors).toEqual([]);

    // The agent's side: sign in as the demo account and take the next ticket.
    const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    agent.setDefaultTimeout(15_000);
    await agent.goto(cli.consoleUrl);
    await agent.getByLabel('Username').fill(cli.username);
    await agent.getByLabel('Password').fill(cli.password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByTestId('take-next').click();
    await agent.getByTestId('reference').filter({ hasText: reference! }).waitFor();
    await agent.screenshot({ path: artifactPath('playground-console-ticket.png') });

    // The ticket page shows what was reported, the photo among the evidence.
    const ticket = agent.locator('main');
    await ticket.getByText(story).waitFor();
    await ticket.getByText('Mombasa').first().waitFor();
    expect(await agent.locator('main img').count()).toBeGreaterThan(0);
    expect(await agent.locator('main').textContent()).toContain('kizuizi');

    // The conversation goes both ways through the bot: the agent writes, the chat page shows it
    // live; the reporter answers in the chat, the ticket shows it.
    await agent.getByPlaceholder('Write to the reporter').fill('Asante Wanjiku. Je, uliona nambari ya afisa?');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await botRow(page, 'Je, uliona nambari ya afisa?').waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Ndio, nambari 4521.');
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await agent.getByText('Ndio, nambari 4521.').waitFor();
    await page.screenshot({ path: artifactPath('playground-chat-conversation.png') });
  });

  it('stops cleanly on Ctrl-C', async () => {
    cli.child.kill('SIGINT');
    const code = await cli.exited;
    // On failure, show what the playground printed while stopping.
    if (code !== 0 || !cli.output().includes('Stopped.')) throw new Error(`exit code ${code}; the playground printed:\n${cli.output().slice(-3000)}`);
  });
});

/** Runs the CLI to its end: exit code and what it printed on each stream. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'playground/run.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Node and fastify warnings are not the playground's message. */
const ownLines = (s: string) => s.split('\n').filter((l) => l.trim() && !/DeprecationWarning|FSTDEP|--trace-warnings/.test(l));

describe('playground CLI failures', () => {
  it('exits with one line when Redis is not answering', async () => {
    const closed = await freePort();
    const { code, stdout, stderr } = await runCli([], { REDIS_URL: `redis://127.0.0.1:${closed}` });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(ownLines(stderr)).toEqual([expect.stringMatching(new RegExp(`^Redis is not answering at redis://127\\.0\\.0\\.1:${closed} \\(connect ECONNREFUSED`))]);
  });

  it('exits with one line when a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const prefix = uniquePrefix('playground_cli');
    try {
      const { code, stderr } = await runCli(['--port', String(taken), '--console-port', String(await freePort())], { REDIS_PREFIX: prefix, REDIS_URL, MONGODB_URI: '' });
      expect(code).toBe(1);
      expect(ownLines(stderr)).toEqual([`Port ${taken} is already in use: pick others with --port and --console-port.`]);
    } finally {
      blocker.close();
      const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    }
  });

  it('explains its options', async () => {
    const { code, stdout } = await runCli(['--help'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run playground -- [--port 8080] [--console-port 3000]');
    const bad = await runCli(['--port', 'eighty'], {});
    expect(bad.code).toBe(1);
    expect(ownLines(bad.stderr)).toEqual(['--port must be a port number (1-65535), not "eighty"']);
  });
});
