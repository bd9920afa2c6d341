/**
 * Smaller console hardening (issue 19, item 4): the BullMQ board gets the console's headers,
 * a crafted return path cannot break sign-in, cookies are set once, and failed sign-ins are
 * logged under keyed hashes rather than the typed username or the address.
 */
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { connectTestRedis } from '../../support/redis';
import { keptAliveSeconds } from '../../support/keep-alive';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-hardening', env: { CONSOLE_TRUST_PROXY: 'true' } });
  await h.account('imani', 'supervisor');
  await h.account('jabari', 'agent');
});
afterAll(() => h?.close());

const sessions = () => h.store.agents['models'].ConsoleSession.countDocuments({});

describe('console hardening', () => {
  // README puts Caddy in front, which keeps an idle connection to the console for 2 minutes: were
  // the console to close it first, an agent's action could be written into a closed connection and
  // answered 502 by the proxy (Fastify's default is 72 s).
  it('keeps an idle connection open longer than the TLS proxy keeps it (2 minutes)', async () => {
    const page = await h.browser().get('/signin');
    expect(page.statusCode).toBe(200);
    expect(keptAliveSeconds(page.headers['keep-alive'])).toBeGreaterThan(120);
  });

  // Sign-in is open to anyone who reaches the console: a stranger who sends a form's headers and
  // then its body a byte at a time must not hold the connection for ever (Fastify's default: no
  // limit), nor could thousands of them. Node checks every 30 s, so such a request ends within 90 s.
  it('gives a request at most a minute to arrive whole, so a trickled sign-in form is not held for ever', () => {
    const { requestTimeout, headersTimeout } = h.app.server;
    expect(requestTimeout).toBeGreaterThan(0);
    expect(requestTimeout).toBeLessThanOrEqual(60_000);
    expect(headersTimeout).toBeLessThanOrEqual(requestTimeout);
  });

  it('serves the BullMQ board with the console CSP and X-Frame-Options', async () => {
    const b = h.browser();
    await b.signIn('imani');
    const board = await b.get('/admin/queues');
    expect(board.statusCode).toBe(200);
    expect(board.headers['content-security-policy']).toContain("default-src 'self'");
    expect(board.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(board.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['no Origin', undefined],
    ['another site', 'https://evil.example'],
    ['Origin: null (a sandboxed frame, a redirect from another site)', 'null'],
    ['an Origin that is no URL', 'not a url'],
  ])('refuses a change through the BullMQ board from %s with 403 (a refusal, not a server error)', async (_what, origin) => {
    const b = h.browser();
    await b.signIn('imani');
    const res = await fetch(`${h.base}/admin/queues/api/queues/tickets/pause`, { method: 'PUT', headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(origin ? { origin } : {}) } });
    expect([res.status, await res.text()]).toEqual([403, 'Forbidden']);
    // From the console's own page, the same call goes through (the board itself is read-only).
    const own = await fetch(`${h.base}/admin/queues/api/queues/tickets/pause`, { method: 'PUT', headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: h.base } });
    expect(own.status).toBe(200);
  });

  it.each(['/%00x', '/queue%0d%0aSet-Cookie:%20x=1', '/%7f', '/tickets/%C3%A9'])('signs in with next=%s without a 500, going to the queue instead', async (next) => {
    const b = h.browser();
    const form = await b.get(`/signin?next=${next}`);
    expect(form.statusCode).toBe(200);
    const res = await b.post('/signin', { username: 'jabari', password: PASSWORD, next: decodeURIComponent(next) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/queue');
    expect((await b.get('/queue')).statusCode).toBe(200);
  });

  it('creates no session record for a sign-in it cannot finish', async () => {
    const before = await sessions();
    const b = h.browser();
    await b.get('/signin');
    const res = await b.post('/signin', { username: 'jabari', password: PASSWORD, next: '/\u0000x' });
    expect(res.statusCode).toBe(303);
    // Exactly one new session, the one the browser holds.
    expect(await sessions()).toBe(before + 1);
  });

  it('sends each cookie once when signing in and when changing the password', async () => {
    const b = h.browser();
    await b.get('/signin');
    const signin = await b.post('/signin', { username: 'jabari', password: PASSWORD });
    expect(signin.statusCode).toBe(303);
    const names = (cookies: { name: string }[]) => cookies.map((c) => c.name).sort();
    expect(names(signin.cookies)).toEqual(['ripoti_device', 'ripoti_presession', 'ripoti_session']);
    // The browser is known to the account from now on (its lock-out does not hold it): never readable by scripts.
    expect(signin.cookies.find((c) => c.name === 'ripoti_device')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    await b.get('/account');
    // A password refused says which way it is wrong, on the page in the agent's language.
    const tooLong = 'x'.repeat(201);
    const long = await b.post('/account/password', { current_password: PASSWORD, new_password: tooLong, confirm_password: tooLong });
    expect(long.headers.location).toBe('/account?err=password_long');
    expect((await b.get('/account?err=password_long')).body).toContain('A password can have at most 200 characters.');
    const short = await b.post('/account/password', { current_password: PASSWORD, new_password: 'short', confirm_password: 'short' });
    expect(short.headers.location).toBe('/account?err=password_short');
    const changed = await b.post('/account/password', { current_password: PASSWORD, new_password: 'a new long password', confirm_password: 'a new long password' });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account?ok=password_changed');
    // The reset forgot every browser the account knew; this one, where it was made, is known again.
    expect(names(changed.cookies)).toEqual(['ripoti_device', 'ripoti_presession', 'ripoti_session']);
    expect((await b.get('/account')).statusCode).toBe(200);
    await h.store.agents.setPassword((await h.store.agents.findByUsername('jabari'))!._id, PASSWORD);
  });

  it('logs a failed sign-in with keyed hashes of the username and the address, never either in clear', async () => {
    const lines: unknown[] = [];
    const spy = jest.spyOn(h.logger, 'info').mockImplementation(((obj: unknown, msg?: string) => {
      lines.push({ obj, msg });
    }) as never);
    try {
      for (const from of ['192.0.2.44', '192.0.2.44', '192.0.2.45']) {
        const b = h.browser();
        await b.get('/signin');
        await b.post('/signin', { username: 'Imani-Typo', password: 'not the password' }, { headers: { 'x-forwarded-for': from } });
      }
    } finally {
      spy.mockRestore();
    }
    const refused = lines.filter((l) => (l as { msg?: string }).msg === 'console sign-in refused').map((l) => (l as { obj: Record<string, unknown> }).obj);
    expect(refused).toHaveLength(3);
    const text = JSON.stringify(refused);
    for (const clear of ['imani-typo', 'Imani-Typo', '192.0.2.44', '192.0.2.45']) expect(text).not.toContain(clear);
    for (const r of refused) {
      expect(r.user).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(r.address).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
    // The same account and address give the same hash, so attempts can be followed in the log.
    expect(new Set(refused.map((r) => r.user)).size).toBe(1);
    expect(refused[0].address).toBe(refused[1].address);
    expect(refused[1].address).not.toBe(refused[2].address);
  });

  it('counts sign-ins per address in Redis under a keyed hash, not the address', async () => {
    const { redis, cleanup } = await connectTestRedis('console-hardening-keys');
    try {
      const keys = await redis.keys(`${h.prefix}:rl:signin-ip*`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const key of keys) expect(key).not.toMatch(/192\.0\.2\.4[45]|127\.0\.0\.1/);
    } finally {
      await cleanup();
    }
  });
});
