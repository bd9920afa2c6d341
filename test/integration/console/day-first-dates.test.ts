/**
 * The All tickets page's From/To boxes were `<input type="date">`: a browser set to US English
 * showed and took mm/dd/yyyy, so "05/12/2026", meant as 5 December, filtered for 12 May. The
 * boxes take the day first as Kenyan staff write it, in either language; a date that cannot be
 * read says so (in the page's language) instead of quietly filtering nothing.
 */
import type { Types } from 'mongoose';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-day-first-dates' });
  await h.account('wanjiru', 'supervisor');
  const amina = await h.account('amina', 'supervisor');
  await h.store.agents.setLanguage(amina._id, 'sw');
});

afterAll(async () => {
  await h?.close();
});

/** A report sent at `at` (UTC); its reference. */
async function sentAt(at: string): Promise<string> {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  await h.store.models.Report.collection.updateOne({ _id: report._id as Types.ObjectId }, { $set: { createdAt: new Date(at) } });
  return report.reference;
}

it('a From and To typed day first narrow the list to those Kenyan days, and the boxes show them back', async () => {
  const firstMinute = await sentAt('2026-12-04T21:30:00Z'); // 5 December, 00:30 in Nairobi
  const eveBefore = await sentAt('2026-12-04T20:30:00Z'); // 4 December, 23:30
  const inMay = await sentAt('2026-05-20T09:00:00Z'); // what "05/12/2026" read month first would take in
  const lateEvening = await sentAt('2026-12-05T20:30:00Z'); // 5 December, 23:30
  const nextDay = await sentAt('2026-12-05T21:30:00Z'); // 6 December, 00:30
  const desk = h.browser();
  await desk.signIn('wanjiru');
  const form = (await desk.get('/supervisor/tickets')).body;
  expect(form).not.toContain('type="date"');
  expect(form).toContain('name="from" value="" placeholder="dd/mm/yyyy"');

  for (const [from, to] of [['5/12/2026', '05/12/2026'], ['2026-12-05', '2026-12-05']]) {
    const page = await desk.get(`/supervisor/tickets?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(page.statusCode).toBe(200);
    for (const ref of [firstMinute, lateEvening]) expect(page.body).toContain(ref);
    for (const ref of [eveBefore, inMay, nextDay]) expect(page.body).not.toContain(ref);
    expect(page.body).toContain('name="from" value="05/12/2026"');
    expect(page.body).toContain('name="to" value="05/12/2026"');
    expect(page.body).not.toContain('role="alert"');
  }
});

it('a date that cannot be read is kept in its box with a message in English, and the list is not narrowed by it', async () => {
  const ref = await sentAt('2026-03-01T09:00:00Z');
  const desk = h.browser();
  await desk.signIn('wanjiru');
  const page = await desk.get(`/supervisor/tickets?from=${encodeURIComponent('31/02/2026')}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('name="from" value="31/02/2026"');
  expect(page.body).toContain('The date typed in “From” cannot be read. Write the day first, then the month, then the year: dd/mm/yyyy (5 December 2026 is 05/12/2026). The list below is not narrowed by that date.');
  expect(page.body).toContain(ref);
});

it('the same message reaches a supervisor reading Kiswahili', async () => {
  const desk = h.browser();
  await desk.signIn('amina');
  const page = await desk.get(`/supervisor/tickets?from=2026-12-01&to=${encodeURIComponent('12/31/2026')}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('name="from" value="01/12/2026"');
  expect(page.body).toContain('name="to" value="12/31/2026"');
  expect(page.body).toContain('Tarehe uliyoandika kwenye “Hadi” haisomeki. Iandike siku kwanza, kisha mwezi, kisha mwaka: dd/mm/yyyy (tarehe 5 Desemba 2026 ni 05/12/2026). Orodha iliyo hapa chini haijachujwa kwa tarehe hiyo.');
  expect(page.body).not.toContain('cannot be read');
});
