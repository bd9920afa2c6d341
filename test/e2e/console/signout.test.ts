/**
 * "Sign out" (and the language switch) on a page whose session already ended elsewhere (signed out everywhere from a phone,
 * a password reset, the session's hours run out): the agent at a shared PC still means to leave
 * nothing behind. It answered "This form has expired" and left the console's storage (unsent
 * reply drafts) in the browser; it now signs out as usual. A form from another site still cannot.
 */
import { consoleInChromium, PASSWORD } from '../../support/console-harness';

const env = consoleInChromium({ label: 'console-signout' });

it('signs out (and empties the console\'s storage in this browser) from a page whose session ended elsewhere', async () => {
  const h = env.h();
  await h.account('wambui', 'agent');
  const context = await env.browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.base}/signin`);
  await page.getByLabel('Username').fill('wambui');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${h.base}/queue`);
  await page.goto(`${h.base}/account`);
  // A reply draft the page keeps for this tab (src/console/public/ticket.js).
  await page.evaluate(() => window.sessionStorage.setItem('ripoti:draft:x:reply-text', 'Tuko njiani'));

  // From her phone she signs out everywhere.
  const phone = h.browser();
  expect((await phone.signIn('wambui')).statusCode).toBe(303);
  await phone.get('/account');
  expect((await phone.post('/signout-everywhere')).statusCode).toBe(303);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${h.base}/signin`);
  expect(await page.getByRole('heading', { name: 'This form has expired' }).count()).toBe(0);
  expect(await page.evaluate(() => window.sessionStorage.getItem('ripoti:draft:x:reply-text'))).toBeNull();
  await context.close();
});

it('switches to Kiswahili from a page whose session ended elsewhere: the sign-in page says so in Kiswahili, not "This form has expired"', async () => {
  const h = env.h();
  await h.account('chepkoech', 'agent');
  const context = await env.browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.base}/signin`);
  await page.getByLabel('Username').fill('chepkoech');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${h.base}/queue`);
  await page.goto(`${h.base}/account`);
  const phone = h.browser();
  expect((await phone.signIn('chepkoech')).statusCode).toBe(303);
  await phone.get('/account');
  expect((await phone.post('/signout-everywhere')).statusCode).toBe(303);

  await page.getByRole('button', { name: 'Kiswahili' }).click();
  await page.waitForURL(/\/signin\?next=%2Faccount&ended=1$/);
  await page.getByText('Muda wako wa kuingia umekwisha.', { exact: false }).waitFor();
  expect(await page.getByRole('heading', { name: 'This form has expired' }).count()).toBe(0);
  await context.close();
});

it('still refuses a sign-out posted from another site', async () => {
  const h = env.h();
  await h.account('kerubo', 'agent');
  const b = h.browser();
  await b.signIn('kerubo');
  const forged = await b.post('/signout', {}, { csrf: false, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(forged.statusCode).toBe(403);
  expect((await b.get('/queue')).statusCode).toBe(200);
  // Without the session cookie (as SameSite=Strict sends none cross-site), it clears nothing either.
  const bare = await fetch(`${h.base}/signout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, body: '', redirect: 'manual' });
  expect(bare.status).toBe(403);
  expect(bare.headers.get('clear-site-data')).toBeNull();
});
