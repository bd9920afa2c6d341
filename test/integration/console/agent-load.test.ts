/**
 * In a surge a supervisor must see who is overloaded before handing work over: "All tickets"
 * lists every active account that takes tickets with what it holds against the cap (the number
 * the cap and the hand-over list count), the fullest first, marked full at the cap, each a link
 * to that person's tickets; in the supervisor's language.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { AgentDoc } from '../../../src/store';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-agent-load', env: { MAX_TICKETS_PER_AGENT: '3' } });
});

afterAll(async () => {
  await h?.close();
});

async function takesSome(a: AgentDoc, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const who = await reporter(h.store);
    await h.reports.submit(reportInput(who._id));
    const taken = await h.tickets.takeNext({ id: a._id.toString(), role: 'agent' });
    if (!taken.ok) throw new Error(`not taken: ${taken.reason}`);
  }
}

/** The load card's rows as shown: [name, text of the row, link]. */
function loadRows(page: string): { text: string; href: string }[] {
  const card = /<section[^>]*data-testid="agent-load"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  return [...card.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
    text: m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
    href: /href="([^"]*)"/.exec(m[1])?.[1] ?? '',
  }));
}

it('shows each agent\'s load against the cap, fullest first, full marked, linked to their tickets', async () => {
  const otieno = await h.account('otieno', 'agent');
  const njeri = await h.account('njeri', 'agent');
  await h.account('kamau', 'agent');
  const gone = await h.account('gone', 'agent');
  await h.store.agents.setActive(gone._id, false);
  const sup = await h.account('baraka', 'supervisor');
  await takesSome(otieno, 3);
  await takesSome(njeri, 1);

  const desk = h.browser();
  expect((await desk.signIn('baraka')).statusCode).toBe(303);
  const rows = loadRows((await desk.get('/supervisor/tickets')).body);
  expect(rows.map((r) => r.text)).toEqual(['Otieno W. 3 of 3 · full', 'Njeri W. 1 of 3', 'Baraka W. 0 of 3', 'Kamau W. 0 of 3']);
  expect(rows[0].href).toBe(`/supervisor/tickets?agent=${otieno._id.toString()}`);

  await h.store.agents.setLanguage(sup._id, 'sw');
  const sw = loadRows((await desk.get('/supervisor/tickets')).body);
  expect(sw[0].text).toBe('Otieno W. 3 kati ya 3 · zimejaa');
});
