/**
 * Sign-in limits under parallel attempts: a slot is taken atomically before the password is
 * checked, so no burst of requests gets more password checks than the account allows (5) or
 * more attempts than the address allows (SIGNIN_FAILURES_PER_ADDRESS, 20 by default).
 */
import * as argon2 from 'argon2';
import { createConsoleHarness, PASSWORD, type ConsoleHarness, type ConsoleBrowser } from '../../support/console-harness';

let h: ConsoleHarness;
/** Every password check, in order: the hash checked against (real or the timing dummy) and whether it was the right password. */
const checked: { hash: string; right: boolean }[] = [];
/**
 * While set, each password check waits until `count` checks have begun: attempts "at the same
 * moment" overlap for sure, however little a check costs (the tests hash cheaply).
 */
let together: { count: number; begun: number; go: () => void; all: Promise<void> } | undefined;
function meet(count: number): void {
  let go: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (go = resolve));
  together = { count, begun: 0, go, all };
}

beforeAll(async () => {
  h = await createConsoleHarness({
    label: 'console-signin-race',
    env: { CONSOLE_TRUST_PROXY: 'true' },
    store: {
      agents: {
        verifyPassword: async (hash, password) => {
          checked.push({ hash, right: password === PASSWORD });
          if (together && ++together.begun >= together.count) together.go();
          await together?.all;
          return argon2.verify(hash, password);
        },
      },
    },
  });
});
afterAll(() => h?.close());

/** Browsers that have loaded the sign-in form (so each holds its CSRF cookie), ready to post. */
async function readyBrowsers(n: number): Promise<ConsoleBrowser[]> {
  const out: ConsoleBrowser[] = [];
  for (let i = 0; i < n; i++) {
    const b = h.browser();
    await b.get('/signin');
    out.push(b);
  }
  return out;
}

const post = (b: ConsoleBrowser, from: string, username: string, password: string) => b.post('/signin', { username, password }, { headers: { 'x-forwarded-for': from } });

function tally(codes: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

describe('sign-in limits under parallel attempts', () => {
  it('50 parallel guesses at one account check at most 5 passwords, and one address gets at most 20 tries', async () => {
    const agent = await h.account('wambui', 'agent');
    const browsers = await readyBrowsers(50);
    checked.length = 0;
    const codes = await Promise.all(browsers.map((b, i) => post(b, '203.0.113.50', 'wambui', i === 37 ? PASSWORD : `wrong guess number ${i}`).then((r) => r.statusCode)));

    const real = checked.filter((c) => c.hash === agent.passwordHash);
    const t = tally(codes);
    // At most 5 wrong guesses are checked (the account's limit); the right password, if it got a
    // slot, is checked too and signs in, giving back only its own slot.
    expect(real.filter((c) => !c.right).length).toBeGreaterThanOrEqual(1);
    expect(real.filter((c) => !c.right).length).toBeLessThanOrEqual(5);
    expect(real.filter((c) => c.right).length).toBe(t[303] ?? 0);
    // 20 attempts get past the address limit; the rest are told to wait.
    expect(t[429]).toBe(30);
    expect((t[401] ?? 0) + (t[303] ?? 0)).toBe(20);
    expect(t[303] ?? 0).toBeLessThanOrEqual(1);

    // One more guess from elsewhere still finds at most 5 wrong guesses checked in all (if the
    // right password took the last slot and signed in, this guess takes that slot back), and
    // after it the account is locked: the right password is refused without being checked.
    const [guess, later] = await readyBrowsers(2);
    expect((await post(guess, '198.51.100.9', 'wambui', 'one more guess')).statusCode).toBe(401);
    expect(checked.filter((c) => c.hash === agent.passwordHash && !c.right).length).toBeLessThanOrEqual(5);
    checked.length = 0;
    expect((await post(later, '198.51.100.10', 'wambui', PASSWORD)).statusCode).toBe(401);
    expect(checked.filter((c) => c.hash === agent.passwordHash)).toHaveLength(0);
  });

  it('50 parallel guesses from one address over many accounts get at most 20 tries', async () => {
    const browsers = await readyBrowsers(50);
    checked.length = 0;
    const codes = await Promise.all(browsers.map((b, i) => post(b, '203.0.113.51', `nobody-${i}`, 'guess-guess-guess').then((r) => r.statusCode)));
    expect(tally(codes)).toEqual({ 401: 20, 429: 30 });
    expect(checked.length).toBe(20);
  });

  it('a success does not wipe the failures counted beside it', async () => {
    await h.account('zawadi', 'agent');
    const browsers = await readyBrowsers(6);
    // Four wrong guesses and the right password at the same moment, then one more guess.
    meet(5);
    const codes = await Promise.all(browsers.slice(0, 5).map((b, i) => post(b, '198.51.100.30', 'zawadi', i === 2 ? PASSWORD : `wrong guess ${i}`).then((r) => r.statusCode)));
    together = undefined;
    expect(tally(codes)).toEqual({ 401: 4, 303: 1 });
    expect((await post(browsers[5], '198.51.100.31', 'zawadi', 'wrong guess 5')).statusCode).toBe(401);
    // That was the fifth failure: the account is locked, even for the right password.
    const [later] = await readyBrowsers(1);
    expect((await post(later, '198.51.100.32', 'zawadi', PASSWORD)).statusCode).toBe(401);
  });
});
