/**
 * The queue's waiting list stops at its first 200 rows while its heading counts every waiting
 * ticket: in a surge "Waiting 203" over 200 rows must say the rest are there and not shown.
 */
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-waiting-more' });
});

afterAll(async () => {
  await h?.close();
});

it('says how many waiting tickets the list does not show, in the agent\'s language, and says nothing when it shows them all', async () => {
  await h.account('mwangi', 'agent');
  const wafula = await h.account('wafula', 'agent');
  await h.store.agents.setLanguage(wafula._id, 'sw');
  const desk = h.browser();
  await desk.signIn('mwangi', PASSWORD);
  await seedReport(h.store, { place: 'Kencom' });
  expect((await desk.get('/queue')).body).not.toContain('data-testid="more-waiting"');

  for (let i = 0; i < 202; i++) await seedReport(h.store, { place: 'Kencom' });
  const page = (await desk.get('/queue')).body;
  expect(page).toMatch(/Waiting <span class="count">203<\/span>/);
  expect(page.match(/<tr class="[^"]*" data-reference=/g)).toHaveLength(200);
  expect(page).toContain('Only the first 200 are listed (most urgent, then oldest); 3 more are waiting and not shown here.');
  // The live refresh draws the same lists.
  expect((await desk.get('/queue/fragment')).body).toContain('3 more are waiting and not shown here.');

  const sw = h.browser();
  await sw.signIn('wafula', PASSWORD);
  expect((await sw.get('/queue')).body).toContain('Zinaonyeshwa 200 za kwanza tu (za dharura kwanza, kisha za zamani zaidi); tiketi nyingine 3 zinasubiri na hazionyeshwi hapa.');
});
