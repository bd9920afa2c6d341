/**
 * A ticket whose reporter asked us to delete their details (/forget: ForgetService), seen at the
 * console: the page and the queue say they cannot be reached, the history says why without who,
 * no reply box is offered, and a reply sent from a page opened before is refused, said why.
 */
import { ForgetService } from '../../../src/services/forget-service';
import { withheldMarks } from '../../../src/services/withheld-marks';
import { Translator } from '../../../src/i18n';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-forgotten' });
  await h.account('achieng', 'agent');
});

afterAll(async () => {
  await h?.close();
});

/** A report of this Telegram user's, taken by the agent achieng (signed in): the ticket's page is theirs to open. */
async function takenTicket(telegramUserId: number) {
  const who = await reporter(h.store, { telegramUserId });
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('achieng');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  return { report, id, agent };
}

it('the open ticket says the reporter asked to be forgotten and cannot be reached; a reply is refused with that reason', async () => {
  const telegramUserId = 8_800_001;
  const { report, id, agent } = await takenTicket(telegramUserId);
  const before = (await agent.get(`/tickets/${id}`)).body;
  expect(before).toContain('id="reply-form"');
  expect(before).not.toContain('data-testid="forgotten"');
  expect(before).toContain('<option value="waiting_reporter">');

  const translator = await Translator.create();
  const forgetting = new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(translator, language), forget: async () => undefined });
  expect(await forgetting.forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 1, open: 1 });

  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('Reporter asked to be forgotten: cannot be reached');
  expect(page).toContain('The reporter asked us to delete their details: their name and number are gone, and nobody can write to them about this report any more. The report stays.');
  expect(page).toContain('The reporter asked us to delete their details');
  // No reply box: the policy offers none. Notes and status changes stay.
  expect(page).not.toContain('id="reply-form"');
  expect(page).toContain(`action="/tickets/${id}/note"`);
  // Nor "waiting for the reporter": nobody can be asked, so its notice could never go.
  expect(page).toContain('<option value="resolved">');
  expect(page).not.toContain('<option value="waiting_reporter">');
  // The queue's list of the agent's tickets says it too.
  expect((await agent.get('/queue')).body).toContain('data-testid="forgotten"');

  // A reply typed in a page opened before: refused, said why, nothing stored.
  const messages = await h.store.models.Message.countDocuments({ reportId: report._id });
  const refused = await agent.post(`/tickets/${id}/reply`, { text: 'Are you safe now?' }, { headers: { 'x-requested-with': 'fetch' } });
  expect(refused.statusCode).toBe(409);
  expect(refused.json()).toEqual({ ok: false, message: 'The reporter asked us to delete their details, so they can no longer be reached: nothing was sent to them. The report stays; add a note instead.' });
  const plain = await agent.post(`/tickets/${id}/reply`, { text: 'Are you safe now?' });
  expect(plain.headers.location).toBe(`/tickets/${id}?err=refused_reporter_forgotten`);
  expect(await h.store.models.Message.countDocuments({ reportId: report._id })).toBe(messages);

  // A status form opened before: refused, said why, the ticket unchanged.
  const waiting = await agent.post(`/tickets/${id}/status`, { status: 'waiting_reporter', note: '' }, { headers: { 'x-requested-with': 'fetch' } });
  expect(waiting.statusCode).toBe(409);
  expect(waiting.json()).toEqual({ ok: false, message: 'The reporter asked us to delete their details, so they can no longer be reached: nothing was sent to them. The report stays; add a note instead.' });
  expect((await h.store.reports.findById(id))?.status).toBe('assigned');
});

it('a referred ticket whose reporter said yes and then asked to be forgotten: its agency section says so instead of the answer, in Kiswahili too, and asks nothing', async () => {
  const telegramUserId = 8_800_002;
  const { report, id, agent } = await takenTicket(telegramUserId);
  await agent.get(`/tickets/${id}`);
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' })).statusCode).toBe(303);
  await h.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency: 'IPOA', answer: 'yes', covers: 'name_phone' });
  const before = (await agent.get(`/tickets/${id}`)).body;
  expect(before).toContain('The reporter agreed on');
  expect(before).toContain('data-testid="ask-consent"');

  const translator = await Translator.create();
  const forgetting = new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(translator, language), forget: async () => undefined });
  await forgetting.forget({ telegramUserId, chatId: telegramUserId });

  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('data-testid="consent-state">The reporter asked us to delete their details: nothing about who they are goes to this agency, whatever they answered before, and they can no longer be asked.</p>');
  expect(page).not.toContain('The reporter agreed on');
  expect(page).not.toContain('data-testid="ask-consent"');
  await agent.post('/language', { lang: 'sw', back: `/tickets/${id}` });
  expect((await agent.get(`/tickets/${id}`)).body).toContain('data-testid="consent-state">Mripoti aliomba tufute maelezo yake: hakuna chochote cha utambulisho wake kitakachopelekwa kwa taasisi hii, hata kama alikubali awali, na hawezi tena kuulizwa.</p>');
  // A question asked from a page opened before: refused, said why, nothing sent.
  const refused = await agent.post(`/tickets/${id}/consent`, {}, { headers: { 'x-requested-with': 'fetch' } });
  expect(refused.statusCode).toBe(409);
  expect((await h.store.reports.history(id)).filter((e) => e.type === 'consent_asked')).toEqual([]);
});

it('the language the reporter chose goes with their details: the page no longer says what they read now, only what the report was written in', async () => {
  const telegramUserId = 8_800_003;
  const { id, agent } = await takenTicket(telegramUserId);
  // The console in English (the test before chose Kiswahili for this account).
  await agent.post('/language', { lang: 'en', back: `/tickets/${id}` });
  // Written in English; Kiswahili chosen since (the record is where agents' messages read it).
  await h.store.reporters.setLanguageOf(telegramUserId, 'sw');
  expect((await agent.get(`/tickets/${id}`)).body).toContain('now reads and writes in Swahili');

  const translator = await Translator.create();
  const forgetting = new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(translator, language), forget: async () => undefined });
  await forgetting.forget({ telegramUserId, chatId: telegramUserId });

  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).not.toContain('now reads and writes');
  expect(page).toContain('data-testid="reporter-language">Writes in English.</p>');
  const report = await h.store.reports.findById(id);
  const record = await h.store.models.Reporter.findById(report!.reporterId).lean();
  expect(record).not.toHaveProperty('language');
});

it('taken and closed after the reporter asked to be forgotten, the ticket stores no notice for them: nobody is left to tell, and its conversation shows none "not delivered"', async () => {
  const telegramUserId = 8_800_004;
  const who = await reporter(h.store, { telegramUserId });
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  const translator = await Translator.create();
  const forgetting = new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(translator, language), forget: async () => undefined });
  await forgetting.forget({ telegramUserId, chatId: telegramUserId });

  const agent = h.browser();
  await agent.signIn('achieng');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  expect((await agent.post(`/tickets/${id}/status`, { status: 'resolved', note: '' })).headers.location).toBe(`/tickets/${id}?ok=status_changed`);
  expect((await h.store.reports.findById(id))?.status).toBe('resolved');
  // Not "taken", "resolved" nor the rating question: each would only fail.
  expect(await h.store.models.Message.find({ reportId: report._id, direction: 'to_reporter' }).lean()).toEqual([]);
});
