/**
 * With CONSOLE_SECURE_COOKIES (the console behind HTTPS), every cookie is Secure and named with
 * the `__Host-` prefix, so browsers take it only from this host over HTTPS: a sibling subdomain
 * or a plain-HTTP page cannot plant a session to fixate or a CSRF token to match. A cookie of the
 * same name without the prefix is not read.
 */
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-secure-cookies', env: { CONSOLE_SECURE_COOKIES: 'true' } });
  await h.account('makena', 'agent');
});
afterAll(() => h?.close());

it('signs in with Secure, host-only cookies named __Host-…, and reads only those', async () => {
  const b = h.browser();
  const page = await b.get('/signin');
  expect(page.cookies.map((c) => c.name)).toEqual(['__Host-ripoti_presession']);
  const signin = await b.post('/signin', { username: 'makena', password: PASSWORD });
  expect(signin.statusCode).toBe(303);
  expect(signin.cookies.map((c) => c.name).sort()).toEqual(['__Host-ripoti_device', '__Host-ripoti_presession', '__Host-ripoti_session']);
  for (const c of signin.cookies) expect(c).toMatchObject({ secure: true, path: '/', httpOnly: true });
  expect((await b.get('/queue')).statusCode).toBe(200);

  // The same session token planted without the prefix (as a sibling subdomain could): not a session.
  const planted = h.browser();
  planted.cookies.set('ripoti_session', b.cookies.get('__Host-ripoti_session')!);
  const res = await planted.get('/queue');
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toMatch(/^\/signin/);
});
