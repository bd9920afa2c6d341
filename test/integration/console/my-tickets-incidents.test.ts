/**
 * "My tickets" with the reports of one incident together: an agent holding an incident's reports
 * and others saw them scattered by priority and age, each a separate line with nothing saying
 * they were one incident.
 */
import type { ReportDoc } from '../../../src/store';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-my-incidents' });
});

afterAll(async () => {
  await h?.close();
});

/** The references in My tickets as shown, each group of one incident as a list of its own. */
function mineAsShown(html: string): (string | string[])[] {
  const starts = [html.indexOf('data-testid="incident-group"'), html.indexOf('<ul class="mine">')].filter((i) => i >= 0);
  const out: (string | string[])[] = [];
  let group: string[] | null = null;
  for (const m of html.slice(Math.min(...starts)).matchAll(/data-testid="incident-group"|<\/ul>\s*<\/div>|data-reference="([^"]+)"/g)) {
    if (m[1]) (group ?? out).push(m[1]);
    else if (m[0].startsWith('data-testid')) out.push((group = []));
    else group = null;
  }
  return out;
}

it('shows an incident\'s reports together under one line, where its most urgent stands, the other tickets around it, in English and Kiswahili', async () => {
  const agent = await h.account('auma', 'agent');
  const holder = agent._id.toString();
  const take = async (r: ReportDoc) => expect(await h.store.reports.transition(r._id, 'assigned', { kind: 'agent', agentId: holder }, { assignee: holder })).not.toBeNull();
  const incidentId = (await seedReport(h.store)).report._id;
  const market: string[] = [];
  for (const priority of [2, 4] as const) {
    const { report } = await seedReport(h.store, { category: 'e_violence', county: 42, place: 'Kibuye market', priority });
    await take(report);
    expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
    market.push(report.reference);
  }
  const other = (await seedReport(h.store, { category: 'p_bribery', county: 47, priority: 3 })).report;
  await take(other);

  const desk = h.browser();
  await desk.signIn('auma', PASSWORD);
  const en = (await desk.get('/queue')).body;
  expect(mineAsShown(en)).toEqual([market, other.reference]);
  expect(en).toContain('One incident · 2 reports');
  await h.store.agents.setLanguage(agent._id, 'sw');
  const sw = (await desk.get('/queue/fragment')).body;
  expect(mineAsShown(sw)).toEqual([market, other.reference]);
  expect(sw).toContain('Tukio moja · ripoti 2');
});
