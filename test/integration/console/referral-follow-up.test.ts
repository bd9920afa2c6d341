/**
 * A case with an agency for weeks: "My tickets" and the ticket page say how long, and ask its
 * holder to follow it up once the reporter has heard nothing from us for two weeks.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-referral-follow-up' });
  await h.account('achieng', 'agent');
  await h.store.agents.setLanguage((await h.account('baraka', 'agent'))._id, 'sw');
  await h.account('wanjiru', 'supervisor');
});

afterAll(async () => {
  await h?.close();
});

/** A ticket the agent took and referred to IPOA, made `days` old along with the messages sent then. */
async function referredDaysAgo(b: ReturnType<ConsoleHarness['browser']>, days: number): Promise<string> {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  expect((await b.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' })).statusCode).toBe(303);
  const then = new Date(Date.now() - days * DAY);
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { 'referral.at': then } });
  // Through the driver: mongoose keeps `createdAt` from being changed.
  await h.store.models.Message.collection.updateMany({ reportId: report._id }, { $set: { createdAt: then } });
  return id;
}

const inMine = (page: string, id: string) => page.slice(page.indexOf(`id="mine-${id}"`), page.indexOf('</li>', page.indexOf(`id="mine-${id}"`)));

it('says how long each case has been with the agency, and asks to follow up the one whose reporter heard nothing for two weeks', async () => {
  const b = h.browser();
  await b.signIn('achieng');
  const fresh = await referredDaysAgo(b, 3);
  const old = await referredDaysAgo(b, 16);

  const queue = (await b.get('/queue')).body;
  expect(inMine(queue, fresh)).toContain('With IPOA for 3 days');
  expect(inMine(queue, fresh)).not.toContain('data-testid="follow-up"');
  expect(inMine(queue, old)).toContain('With IPOA for 16 days');
  expect(inMine(queue, old)).toMatch(/data-testid="follow-up" title="The reporter has heard nothing from us for 16 days\. Ask IPOA for news and tell the reporter[^"]*">Follow up</);
  const page = (await b.get(`/tickets/${old}`)).body;
  expect(page).toContain('data-testid="follow-up"');
  // The supervisor's list of referred cases marks the same one, and only it.
  const sup = h.browser();
  await sup.signIn('wanjiru');
  const row = (list: string, id: string) => list.slice(list.indexOf(`/tickets/${id}"`), list.indexOf('</tr>', list.indexOf(`/tickets/${id}"`)));
  const referred = (await sup.get('/supervisor/tickets?status=referred')).body;
  expect(row(referred, old)).toContain('data-testid="follow-up"');
  expect(row(referred, fresh)).toContain('IPOA');
  expect(row(referred, fresh)).not.toContain('data-testid="follow-up"');

  // The bot's own notices (a consent answer's thanks) and an answer the reporter never got (the bot
  // blocked) are no news from staff: still to follow up.
  await h.store.messages.addOutgoing(old, { notice: { key: 'consentYes', vars: { agency: 'IPOA' } } });
  const refused = await h.store.messages.addOutgoing(old, { text: 'Any news from your side?' });
  await h.store.models.Message.updateOne({ _id: refused._id }, { $set: { delivery: 'failed' } });
  expect(inMine((await b.get('/queue')).body, old)).toContain('data-testid="follow-up"');
  expect((await b.get(`/tickets/${old}`)).body).toContain('data-testid="follow-up"');

  // The agent tells the reporter the case is still with IPOA: nothing to follow up for two weeks.
  const sent = await b.post(`/tickets/${old}/reply`, { text: 'IPOA still has your case; they told us it is being investigated.' });
  expect(sent.statusCode).toBe(303);
  const after = (await b.get('/queue')).body;
  expect(inMine(after, old)).toContain('With IPOA for 16 days');
  expect(inMine(after, old)).not.toContain('data-testid="follow-up"');
});

it('says a case referred today was sent today', async () => {
  const b = h.browser();
  await b.signIn('achieng');
  const id = await referredDaysAgo(b, 0);
  expect(inMine((await b.get('/queue')).body, id)).toContain('Sent to IPOA today');
});

it('says nothing of an agency once the case is taken back from it', async () => {
  const b = h.browser();
  await b.signIn('achieng');
  const id = await referredDaysAgo(b, 20);
  expect((await b.post(`/tickets/${id}/status`, { status: 'in_progress', note: '' })).statusCode).toBe(303);
  const queue = (await b.get('/queue')).body;
  expect(inMine(queue, id)).not.toContain('data-testid="with-agency"');
  expect(inMine(queue, id)).not.toContain('data-testid="follow-up"');
});

it('says it in Swahili to staff who read the console in Swahili', async () => {
  const b = h.browser();
  await b.signIn('baraka');
  const id = await referredDaysAgo(b, 15);
  const queue = (await b.get('/queue')).body;
  expect(inMine(queue, id)).toContain('Imekaa kwa IPOA siku 15');
  expect(inMine(queue, id)).toContain('>Fuatilia<');
});
