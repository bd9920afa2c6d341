/**
 * The console's Swahili calls the person who reported "mripoti" (51 texts), but 30 more said "mtoa
 * ripoti", the close confirmation among them ("Mtoa ripoti ataambiwa imefungwa"), and the incident
 * section "watoa ripoti": one person, two names on one page. Now "mripoti" (plural "waripoti") throughout.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-swahili-reporter-word' });
  const amina = await h.account('amina', 'supervisor');
  await h.store.agents.setLanguage(amina._id, 'sw');
});

afterAll(async () => {
  await h?.close();
});

it('a Swahili ticket page, its close confirmation included, says "mripoti", never "mtoa ripoti"', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  const desk = h.browser();
  await desk.signIn('amina');
  const page = await desk.get(`/tickets/${report._id.toString()}`);
  expect(page.statusCode).toBe(200);
  expect(/data-close-confirm="([^"]*)"/.exec(page.body)?.[1]).toBe('Ufunge tiketi hii? Mripoti ataambiwa imefungwa, na haiwezi kufunguliwa tena hapa.');
  expect(page.body).toMatch(/mripoti/i);
  expect(page.body).not.toMatch(/\b(mtoa|watoa) ripoti/i);
});
