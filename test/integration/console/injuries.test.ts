/**
 * Injuries and medical evidence on the console's ticket page (the "For the agency" card): whether
 * anyone was hurt and treated, and whether there is a P3 form (after sexual violence: or a PRC
 * form) or a medical report, in the agent's language; after a killing, of anyone else. Nothing is
 * shown where the question is not asked.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { CategoryCode, Injuries } from '../../../src/domain';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-injuries' });
  await h.account('wafula', 'agent');
});

afterAll(async () => {
  await h?.close();
});

/** The "For the agency" card of a report stored with these injury answers, as the signed-in agent reads it. */
async function agencyCard(category: CategoryCode, injuries: Injuries | undefined, lang: 'en' | 'sw' = 'en'): Promise<string> {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id, { category }), ...(injuries ? { injuries } : {}) });
  // Held by the agent (an agent reads the tickets they hold).
  const me = await h.store.agents.findByUsername('wafula');
  await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: me!._id.toString() }, { assignee: me!._id.toString() });
  const agent = h.browser();
  await agent.signIn('wafula');
  if (lang === 'sw') await agent.post('/language', { lang: 'sw', back: '/queue' });
  const page = (await agent.get(`/tickets/${report._id.toString()}`)).body;
  const card = /<article class="card" data-testid="agency-details"[\s\S]*?<\/article>/.exec(page)?.[0] ?? '';
  // Back to English for the next test's agent (the language is the account's).
  if (lang === 'sw') await agent.post('/language', { lang: 'en', back: '/queue' });
  return card.replace(/\s+/g, ' ');
}

it('shows who was hurt, without medical help yet, and that there is no P3 form yet', async () => {
  const card = await agencyCard('p_force', { hurt: 'untreated', record: 'not_yet' });
  expect(card).toContain('<dt>Anyone hurt</dt><dd>Yes, no medical help yet</dd>');
  expect(card).toContain('<dt>P3 form or medical report</dt><dd>Not yet</dd>');
});

it('in Swahili for a Swahili-speaking agent', async () => {
  const card = await agencyCard('p_force', { hurt: 'treated', record: 'yes' }, 'sw');
  expect(card).toContain('<dt>Kuna aliyeumia</dt><dd>Ndio, amepata matibabu</dd>');
  expect(card).toContain('<dt>Fomu ya P3 au ripoti ya daktari</dt><dd>Ipo</dd>');
});

it('after sexual violence names the PRC form the reporter was asked about, in English and Swahili', async () => {
  const en = await agencyCard('p_sexual', { hurt: 'none', record: 'not_yet' });
  expect(en).toContain('<dt>P3 or PRC form (post-rape care), or medical report</dt><dd>Not yet</dd>');
  expect(en).not.toContain('<dt>P3 form or medical report</dt>');
  const sw = await agencyCard('p_sexual', { hurt: 'treated', record: 'yes' }, 'sw');
  expect(sw).toContain('<dt>Fomu ya P3 au ya PRC (huduma baada ya ubakaji), au ripoti ya daktari</dt><dd>Ipo</dd>');
});

it('after a killing, says whether anyone else was hurt', async () => {
  const card = await agencyCard('p_killing', { hurt: 'none' });
  expect(card).toContain('<dt>Anyone else hurt (besides anyone killed)</dt><dd>No one else was hurt</dd>');
  expect(card).not.toContain('P3 form');
});

it('nothing where the reporter skipped it or the category does not ask', async () => {
  expect(await agencyCard('p_force', undefined)).not.toContain('Anyone hurt');
  expect(await agencyCard('p_bribery', { hurt: 'treated', record: 'yes' })).not.toContain('Anyone hurt');
});
