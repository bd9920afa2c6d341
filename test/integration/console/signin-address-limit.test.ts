/**
 * Brute force across accounts: failed sign-ins are counted per address as well as per account,
 * so one network guessing many usernames is stopped while agents elsewhere still sign in.
 */
import { createConsoleHarness, PASSWORD, type ConsoleBrowser, type ConsoleHarness } from '../../support/console-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-signin-ip', env: { SIGNIN_FAILURES_PER_ADDRESS: '3', CONSOLE_TRUST_PROXY: 'true' } });
  await h.account('gathoni', 'agent');
  await h.account('halima', 'agent');
  await h.account('jeptoo', 'agent');
});
afterAll(() => h?.close());

async function attempt(from: string, username: string, password: string) {
  const b = h.browser();
  await b.get('/signin');
  return b.post('/signin', { username, password }, { headers: { 'x-forwarded-for': from } });
}

/** `b` signs in from `from` (as the proxy names it), the way the sign-in page posts. */
async function signInFrom(b: ConsoleBrowser, from: string, username: string, password: string) {
  const headers = { 'x-forwarded-for': from };
  await b.get('/signin', headers);
  return b.post('/signin', { username, password }, { headers });
}

describe('sign-in limits per address', () => {
  it('stops an address after repeated failures over different accounts, and only that address', async () => {
    const attacker = '203.0.113.7';
    for (const name of ['gathoni', 'halima', 'nobody']) expect((await attempt(attacker, name, 'guess-guess-guess')).statusCode).toBe(401);

    // Even a right password is refused from that address now, with a message saying to wait.
    const refused = await attempt(attacker, 'gathoni', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toMatch(/Too many failed sign-ins from this network\. Try again in \d+ minutes?/);

    // No single account got to its own lock-out, and an agent on another network signs in.
    expect((await h.store.agents.findByUsername('gathoni'))!.lockedUntil ?? null).toBeNull();
    expect((await attempt('198.51.100.20', 'gathoni', PASSWORD)).statusCode).toBe(303);
  });

  it('keys the limit on the address the proxy saw, not on what the client wrote before it', async () => {
    // The client writes its own X-Forwarded-For; the operator's proxy appends the real address.
    const real = '203.0.113.99';
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) expect((await attempt(`${forged}, ${real}`, 'halima', 'guess-guess-guess')).statusCode).toBe(401);
    expect((await attempt(`4.4.4.4, ${real}`, 'halima', PASSWORD)).statusCode).toBe(429);
  });

  it('counts it in metrics', async () => {
    const count = async () => Number(/ripoti_rate_limited_total\{limit="signin_address"\} (\d+)/.exec(await (await fetch(`${h.base}/metrics`)).text())?.[1] ?? 0);
    const before = await count();
    const address = '198.51.100.77';
    for (let i = 0; i < 3; i++) expect((await attempt(address, 'nobody', 'guess-guess-guess')).statusCode).toBe(401);
    expect((await attempt(address, 'nobody', 'guess-guess-guess')).statusCode).toBe(429);
    expect(await count()).toBe(before + 1);
  });

  it("lets an agent in from the browser they signed in from before when someone on the same network used up its attempts, and only with their password", async () => {
    // One public address for the whole call centre (or a proxy whose hops were not configured).
    const office = '192.0.2.50';
    const desk = h.browser();
    expect((await signInFrom(desk, office, 'jeptoo', PASSWORD)).statusCode).toBe(303);
    await desk.get('/queue');
    await desk.post('/signout');
    for (const name of ['gathoni', 'halima', 'nobody']) expect((await attempt(office, name, 'guess-guess-guess')).statusCode).toBe(401);
    expect((await attempt(office, 'gathoni', PASSWORD)).statusCode).toBe(429);

    // Jeptoo's browser still signs her in; it gives the address no attempt back, and opens no other account.
    expect((await signInFrom(desk, office, 'jeptoo', PASSWORD)).statusCode).toBe(303);
    await desk.get('/queue');
    await desk.post('/signout');
    expect((await attempt(office, 'halima', PASSWORD)).statusCode).toBe(429);
    expect((await signInFrom(desk, office, 'halima', PASSWORD)).statusCode).toBe(429);

    // Past its own five failures it is held as any other browser there.
    for (let i = 0; i < 5; i++) expect((await signInFrom(desk, office, 'jeptoo', 'guess-guess-guess')).statusCode).toBe(401);
    expect((await signInFrom(desk, office, 'jeptoo', PASSWORD)).statusCode).toBe(429);
  });
});
