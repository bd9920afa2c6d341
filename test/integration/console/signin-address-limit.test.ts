/**
 * Brute force across accounts: failed sign-ins are counted per address as well as per account,
 * so one network guessing many usernames is stopped while agents elsewhere still sign in.
 */
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-signin-ip', env: { SIGNIN_FAILURES_PER_ADDRESS: '3', CONSOLE_TRUST_PROXY: 'true' } });
  await h.account('gathoni', 'agent');
  await h.account('halima', 'agent');
});
afterAll(() => h?.close());

async function attempt(from: string, username: string, password: string) {
  const b = h.browser();
  await b.get('/signin');
  return b.post('/signin', { username, password }, { headers: { 'x-forwarded-for': from } });
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
});
