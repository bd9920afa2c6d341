/**
 * A chief's or county askari's (kanjo's) abuse on the ticket page: IPOA oversees the police only,
 * so it is not the agency that comes chosen. A kanjo's bribe demand comes with EACC chosen, their
 * beating with the Ombudsman (CAJ), each with a line saying they are not the police, in the
 * agent's language; the police's own case still comes with IPOA, a chief's askari (Administration
 * Police) among them. The agent can refer to CAJ.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { CategoryCode } from '../../../src/domain';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-not-police' });
  await h.account('akinyi', 'agent');
});

afterAll(async () => {
  await h?.close();
});

/** The refer form of a report with this story, held by the signed-in agent, and the agent. */
async function referForm(category: CategoryCode, story: string, lang: 'en' | 'sw' = 'en') {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id, { category }), description: { text: story } });
  const me = await h.store.agents.findByUsername('akinyi');
  await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: me!._id.toString() }, { assignee: me!._id.toString() });
  const agent = h.browser();
  await agent.signIn('akinyi');
  if (lang === 'sw') await agent.post('/language', { lang: 'sw', back: '/queue' });
  const page = (await agent.get(`/tickets/${report._id.toString()}`)).body;
  if (lang === 'sw') await agent.post('/language', { lang: 'en', back: '/queue' });
  const form = /<form method="post" action="\/tickets\/[^"]+\/refer"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
  const checked = form.match(/name="agency" value="(\w+)"[^>]* checked>/g)?.map((m) => /value="(\w+)"/.exec(m)?.[1]);
  return { id: report._id.toString(), agent, form: form.replace(/\s+/g, ' '), checked };
}

it('a kanjo asking for a bribe: EACC chosen, not IPOA, and "not the police" said beside it', async () => {
  const { form, checked } = await referForm('p_bribery', 'Kanjo wamenikula 2k ju ya mboga pale stage');
  expect(checked).toEqual(['EACC']);
  expect(form).toMatch(/value="EACC" [^>]* checked> <span>EACC \([^<]+\) <span class="muted">· usual for this type of case<\/span>/);
  expect(form).toContain('Not the police: IPOA does not oversee chiefs or county askaris.');
  expect(form).toContain('data-usual="EACC"');
});

it("a chief beating someone: the Ombudsman (CAJ) chosen, said in Swahili to a Swahili-speaking agent", async () => {
  const { form, checked } = await referForm('p_force', 'Chifu wetu alimpiga baba yangu kofi mbele ya watu', 'sw');
  expect(checked).toEqual(['CAJ']);
  expect(form).toContain('CAJ (Tume ya Haki ya Kiutawala, Ombudsman)');
  expect(form).toContain('Si polisi: IPOA haiwasimamii machifu wala askari wa kaunti.');
});

it('the police, named beside the chief, still come with IPOA and no such line', async () => {
  const { form, checked } = await referForm('p_force', 'The chief called the police and they beat us');
  expect(checked).toEqual(['IPOA']);
  expect(form).not.toContain('data-testid="not-police"');
});

it("a chief's askari (the Administration Police posted to chiefs) beating someone: IPOA and no such line (they were read as the chief's own men: CAJ, \"not the police\")", async () => {
  const { form, checked } = await referForm('p_force', 'Chifu na askari wake walimpiga baba yangu', 'sw');
  expect(checked).toEqual(['IPOA']);
  expect(form).not.toContain('data-testid="not-police"');
});

it('the agent refers it to the Ombudsman: the ticket says so', async () => {
  const { id, agent } = await referForm('p_force', 'county askaris took my mboga and beat me');
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'CAJ', note: '' })).statusCode).toBe(303);
  expect((await h.store.reports.findById(id))?.referral?.agency).toBe('CAJ');
  expect((await agent.get(`/tickets/${id}`)).body).toContain('Referred to Ombudsman (CAJ)');
});

it('a gate askari (a private guard) beating someone: the ODPP chosen, not IPOA nor the Ombudsman, and said why, in the agent\'s language', async () => {
  const en = await referForm('p_force', 'Askari wa gate alinipiga kofi nikitoka supermarket');
  expect(en.checked).toEqual(['ODPP']);
  expect(en.form).toContain('Not the police: IPOA does not oversee private guards or watchmen.');
  expect(en.form).not.toContain('IPOA does not oversee chiefs');
  const sw = await referForm('p_force', 'the watchman at our gate beat my son', 'sw');
  expect(sw.checked).toEqual(['ODPP']);
  expect(sw.form).toContain('Si polisi: IPOA haiwasimamii walinzi wala askari wa gate.');
});

it('"askari" alone, or police named beside a guard: the police, IPOA and no such line', async () => {
  for (const story of ['Askari walinipiga usiku wakanichukua simu', 'The security guard called the police and they beat me']) {
    const { form, checked } = await referForm('p_force', story);
    expect([story, checked]).toEqual([story, ['IPOA']]);
    expect(form).not.toContain('data-testid="not-police"');
  }
});
