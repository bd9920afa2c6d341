/**
 * What a person sees when a full-page form or link fails: a page in their language saying what
 * happened and whether anything was saved, never a bare English line.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import { TelegramDouble } from '../../support/telegram';

let tg: TelegramDouble;
let h: ConsoleHarness;

beforeAll(async () => {
  tg = await TelegramDouble.start();
  h = await createConsoleHarness({ label: 'console-errors', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
  await h.account('neema', 'admin');
  await h.account('baraka', 'agent');
  await h.account('juma', 'agent');
});

afterAll(async () => {
  await h?.close();
  await tg?.stop();
});

async function inSwahili(username: string) {
  const b = h.browser();
  await b.signIn(username);
  await b.post('/language', { lang: 'sw', back: '/queue' });
  return b;
}

it('answers a form too long to accept with a page in the person\'s language that says nothing was changed', async () => {
  const b = await inSwahili('neema');
  const res = await b.post('/admin/agents', { username: 'kubwa', name: 'Kubwa', role: 'agent', password: 'a long enough password', note: 'x'.repeat(70_000) });
  expect(res.statusCode).toBe(413);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.body).toContain('Ulichotuma ni kirefu mno');
  expect(res.body).toContain('hakuna kilichobadilishwa');
  expect(await h.store.agents.findByUsername('kubwa')).toBeNull();
});

it('answers a form it cannot read with a page in the person\'s language', async () => {
  const b = await inSwahili('neema');
  const res = await b.post('/queue/take', {}, { headers: { 'content-type': 'application/json' } });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Ombi hilo halikueleweka');
});

it('answers a failure on our side with a page in the person\'s language that says to check before repeating', async () => {
  const b = await inSwahili('baraka');
  const take = jest.spyOn(h.tickets, 'takeNext').mockRejectedValueOnce(new Error('connection reset'));
  try {
    const res = await b.post('/queue/take');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Hitilafu imetokea upande wetu');
    expect(res.body).toContain('Huenda hatua yako ya mwisho haikuhifadhiwa');
    // Its language switch comes back to the queue, not to the address the form was sent to.
    expect(res.body).toContain('<input type="hidden" name="back" value="/queue">');
  } finally {
    take.mockRestore();
  }
  const en = h.browser();
  await en.signIn('juma');
  jest.spyOn(h.tickets, 'takeNext').mockRejectedValueOnce(new Error('connection reset'));
  expect((await en.post('/queue/take')).body).toContain('Something went wrong on our side');
});

it('tells a person whose session ended before they sent a form that it was not saved, in the language they chose', async () => {
  const b = await inSwahili('baraka');
  await b.post('/signout');
  const res = await b.post('/queue/take', {}, { headers: { accept: 'text/html' } });
  expect(res.statusCode).toBe(401);
  expect(res.body).toContain('Umetolewa kwenye akaunti');
  // A script still gets its short answer, which it turns into "sign in again" itself.
  const fromScript = await b.post('/queue/take', {}, { headers: { accept: '*/*', 'x-requested-with': 'fetch' } });
  expect(fromScript.statusCode).toBe(401);
  expect(fromScript.headers['content-type']).toMatch(/^text\/plain/);
});

it('says in the agent\'s language when Telegram does not give an evidence file', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id), evidence: [{ kind: 'document', fileId: 'BQAC-no-such-file', fileUniqueId: 'y', fileName: 'barua.pdf' }] });
  const b = await inSwahili('baraka');
  expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${report._id.toString()}`);
  const res = await b.get(`/tickets/${report._id.toString()}/evidence/0`);
  expect(res.statusCode).toBe(502);
  expect(res.body).toContain('Telegram haikutupa faili hili');
  expect(res.body).not.toContain(tg.token);
});
