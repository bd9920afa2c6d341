/**
 * Lock-out without a denial of service: anyone who knows a username can lock its account with
 * five wrong passwords, so the browser an agent signed in from before still lets them in with
 * their password (OWASP's device cookies). Only a cookie this console made, only for its own
 * account, and only until that browser has failed five times itself.
 */
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { DEVICE_COOKIE } from '../../../src/console/trusted-device';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-signin-device', env: { SIGNIN_FAILURES_PER_ADDRESS: '100' } });
  for (const name of ['wanjiku', 'otieno', 'achieng', 'wanjiku-2', 'kiptoo', 'nduta', 'rehema', 'wairimu']) await h.account(name, 'agent');
});
afterAll(() => h?.close());

/** Five wrong passwords from a stranger's browser: the account is locked for anyone new. */
async function lockOut(username: string): Promise<void> {
  const stranger = h.browser();
  for (let i = 0; i < 5; i++) expect((await stranger.signIn(username, 'not-the-password-1')).statusCode).toBe(401);
  expect((await h.browser().signIn(username)).statusCode).toBe(401);
  expect((await h.store.agents.findByUsername(username))!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
}

/** A browser that signed in as `username` once and signed out: it keeps only its device cookie. */
async function knownBrowser(username: string) {
  const b = h.browser();
  expect((await b.signIn(username)).statusCode).toBe(303);
  expect(b.cookies.get(DEVICE_COOKIE)).toMatch(/^[0-9a-f]{24}\.\d+\.\d+\.[\w-]+\.[\w-]+$/);
  await b.post('/signout');
  return b;
}

it('lets an agent in from the browser they signed in from before while a stranger has locked their account', async () => {
  const desk = await knownBrowser('wanjiku');
  await lockOut('wanjiku');
  expect((await desk.signIn('wanjiku')).statusCode).toBe(303);
  // Still locked for everyone else; the known browser did not undo the lock.
  expect((await h.browser().signIn('wanjiku')).statusCode).toBe(401);
  // The known browser still needs the password.
  await desk.post('/signout');
  const wrong = await desk.signIn('wanjiku', 'not-the-password-2');
  expect(wrong.statusCode).toBe(401);
});

it('does not open another account, nor accept a cookie that was altered', async () => {
  const desk = await knownBrowser('achieng');
  await lockOut('otieno');
  // The same browser, signing in as the locked colleague: the cookie is achieng's only.
  expect((await desk.signIn('otieno')).statusCode).toBe(401);
  // Its account id swapped for otieno's: the cookie's mark no longer fits.
  const otienoId = (await h.store.agents.findByUsername('otieno'))!._id.toString();
  const forged = h.browser();
  forged.cookies.set(DEVICE_COOKIE, desk.cookies.get(DEVICE_COOKIE)!.replace(/^[0-9a-f]{24}/, otienoId));
  expect((await forged.signIn('otieno')).statusCode).toBe(401);
});

it('treats a known browser that keeps failing as any other once it has failed five times', async () => {
  const agent = 'wanjiku-2';
  const desk = await knownBrowser(agent);
  // Its own failures do not lock the account...
  for (let i = 0; i < 5; i++) expect((await desk.signIn(agent, 'not-the-password-3')).statusCode).toBe(401);
  expect((await h.store.agents.findByUsername(agent))!.lockedUntil ?? null).toBeNull();
  // ...and past them it meets the account's lock like any browser.
  await lockOut(agent);
  expect((await desk.signIn(agent)).statusCode).toBe(401);
});

it('forgets the browsers an account knew when its sessions end (a password reset): a cookie taken before is any browser again', async () => {
  const desk = await knownBrowser('kiptoo');
  const kiptoo = (await h.store.agents.findByUsername('kiptoo'))!;
  expect(await h.store.agents.setPassword(kiptoo._id, 'a brand new password')).toBe(true);
  await lockOut('kiptoo');
  expect((await desk.signIn('kiptoo', 'a brand new password')).statusCode).toBe(401);
  // Signing in again (once the lock is over) makes it known again.
  await h.store.agents['models'].Agent.updateOne({ username: 'kiptoo' }, { $set: { lockedUntil: null, failedSignIns: 0, signInWindowAt: null } });
  expect((await desk.signIn('kiptoo', 'a brand new password')).statusCode).toBe(303);
  await desk.post('/signout');
  await lockOut('kiptoo');
  expect((await desk.signIn('kiptoo', 'a brand new password')).statusCode).toBe(303);
});

it('keeps the browser where the agent changed their own password known (the change forgets every other)', async () => {
  const desk = h.browser();
  expect((await desk.signIn('nduta')).statusCode).toBe(303);
  const other = await knownBrowser('nduta');
  await desk.get('/account');
  const changed = await desk.post('/account/password', { current_password: PASSWORD, new_password: 'nduta has a new password', confirm_password: 'nduta has a new password' });
  expect(changed.headers.location).toBe('/account?ok=password_changed');
  await desk.post('/signout');
  await lockOut('nduta');
  expect((await desk.signIn('nduta', 'nduta has a new password')).statusCode).toBe(303);
  expect((await other.signIn('nduta', 'nduta has a new password')).statusCode).toBe(401);
});

it('lets a signed-in agent whose account a stranger locked change their password where they work, with the right current password only', async () => {
  const desk = h.browser();
  expect((await desk.signIn('wairimu')).statusCode).toBe(303);
  await lockOut('wairimu');
  await desk.get('/account');
  const wrong = await desk.post('/account/password', { current_password: 'not-the-password-4', new_password: 'wairimu has a new password', confirm_password: 'wairimu has a new password' });
  expect(wrong.headers.location).toBe('/account?err=password_wrong');
  const changed = await desk.post('/account/password', { current_password: PASSWORD, new_password: 'wairimu has a new password', confirm_password: 'wairimu has a new password' });
  expect(changed.headers.location).toBe('/account?ok=password_changed');
  // The stranger's guesses were at the old password: the new one ends the lock, and the old one opens nothing.
  expect((await h.browser().signIn('wairimu', PASSWORD)).statusCode).toBe(401);
  expect((await h.browser().signIn('wairimu', 'wairimu has a new password')).statusCode).toBe(303);
});

it('leaves no session from a sign-in that checked the old password while the account was being reset', async () => {
  const rehema = (await h.store.agents.findByUsername('rehema'))!;
  const create = h.store.agents.createSession.bind(h.store.agents);
  // The reset lands between the password check (with the old password) and the session's creation.
  const race = jest.spyOn(h.store.agents, 'createSession').mockImplementationOnce(async (agent, hours) => {
    expect(await h.store.agents.setPassword(rehema._id, 'rehema has a new password')).toBe(true);
    return create(agent, hours);
  });
  const b = h.browser();
  try {
    await b.get('/signin');
    expect((await b.post('/signin', { username: 'rehema', password: PASSWORD })).statusCode).toBe(303);
  } finally {
    race.mockRestore();
  }
  const after = await b.get('/queue');
  expect(after.statusCode).toBe(303);
  expect(after.headers.location).toMatch(/^\/signin/);
  // The new password signs in, and the session holds.
  expect((await h.browser().signIn('rehema', 'rehema has a new password')).statusCode).toBe(303);
});
