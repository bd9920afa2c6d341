/**
 * All tickets had no priority filter: in a surge a supervisor could not list the urgent tickets
 * alone. The list, its choice kept in the export link and the pages, in English and Kiswahili.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-priority-filter' });
});

afterAll(async () => {
  await h?.close();
});

/** The references listed in the All tickets table. */
function listed(page: string): string[] {
  const table = /<table class="list stack">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
  return [...table.matchAll(/>(R-[2-9A-Z]{4}-[2-9A-Z]{4})</g)].map((m) => m[1]).sort();
}

/** The priority list's options as shown, and which one is chosen. */
function priorityChoices(page: string): { shown: string[]; chosen: string | undefined } {
  const select = /<select name="priority">[\s\S]*?<\/select>/.exec(page)?.[0] ?? '';
  const options = [...select.matchAll(/<option value="([^"]*)"\s*(selected)?>([^<]*)<\/option>/g)];
  return { shown: options.map((m) => m[3]), chosen: options.find((m) => m[2])?.[1] };
}

it('a supervisor lists the urgent tickets alone, and the choice stays in the export link; in Kiswahili too', async () => {
  const urgent = await seedReport(h.store, { category: 'p_force', priority: 1, dangerNow: true });
  const high = await seedReport(h.store, { category: 'p_arrest', priority: 2 });
  const normal = await seedReport(h.store, { category: 'p_bribery', priority: 3 });
  const amina = await h.account('amina', 'supervisor');
  const desk = h.browser();
  await desk.signIn('amina');

  const all = (await desk.get('/supervisor/tickets')).body;
  expect(listed(all)).toEqual([urgent.report.reference, high.report.reference, normal.report.reference].sort());
  expect(priorityChoices(all)).toEqual({ shown: ['Any', 'Urgent', 'High', 'Normal', 'Low'], chosen: undefined });

  const page = (await desk.get('/supervisor/tickets?priority=urgent')).body;
  expect(listed(page)).toEqual([urgent.report.reference]);
  expect(priorityChoices(page).chosen).toBe('urgent');
  expect(page).toMatch(/href="\/supervisor\/tickets\.csv\?[^"]*priority=urgent/);
  expect(listed((await desk.get('/supervisor/tickets?priority=high')).body)).toEqual([high.report.reference]);

  await h.store.agents.setLanguage(amina._id, 'sw');
  const sw = (await desk.get('/supervisor/tickets?priority=normal')).body;
  expect(listed(sw)).toEqual([normal.report.reference]);
  expect(sw).toContain('Kipaumbele<select name="priority">');
  expect(priorityChoices(sw)).toEqual({ shown: ['Zote', 'Dharura', 'Juu', 'Kawaida', 'Chini'], chosen: 'normal' });
});
