/**
 * The supervisors' list says how long ago each report was sent. In Kiswahili its column was
 * headed "Umri", which reads as a person's age (how old the reporter is); it says "Tangu
 * iripotiwe" (since it was reported), as the ticket page's "iliripotiwa …" does. The English
 * said "Age"; it says the same as the Kiswahili: the column counts from the sending, reopened or not.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-age-words' });
});

afterAll(async () => {
  await h?.close();
});

it('a supervisor reading Kiswahili sees the time since the report was sent headed "Tangu iripotiwe", never "Umri"', async () => {
  const amina = await h.account('amina', 'supervisor');
  await h.store.agents.setLanguage(amina._id, 'sw');
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  const desk = h.browser();
  await desk.signIn('amina');
  const page = (await desk.get('/supervisor/tickets')).body;
  expect(page).toContain(report.reference);
  const head = /<thead>[\s\S]*?<\/thead>/.exec(page.slice(page.indexOf('class="list stack"')))?.[0] ?? '';
  expect(head).toContain('<th class="num">Tangu iripotiwe</th>');
  expect(page).toContain('data-label="Tangu iripotiwe"');
  expect(page).not.toContain('Umri');
});

it('a supervisor reading English sees the same column headed "Since reported", not the vague "Age"', async () => {
  await h.account('baraka', 'supervisor');
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  const desk = h.browser();
  await desk.signIn('baraka');
  const page = (await desk.get('/supervisor/tickets')).body;
  expect(page).toContain(report.reference);
  const head = /<thead>[\s\S]*?<\/thead>/.exec(page.slice(page.indexOf('class="list stack"')))?.[0] ?? '';
  expect(head).toContain('<th class="num">Since reported</th>');
  expect(page).toContain('data-label="Since reported"');
  expect(head).not.toContain('>Age<');
});
