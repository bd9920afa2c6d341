/**
 * Issue 16 end to end: two reporters, one in English and one in Kiswahili, report one event
 * through the Telegram Bot API double; the real app runs as its own process (`src/main.ts all`).
 * At the console (over HTTP, like a browser without JavaScript) the queue says "1 similar", the
 * ticket page lists the other report with why in words, the agent joins them into an incident and
 * sends one answer, and BOTH reporters receive it in their own language under their own reference.
 */
import type { Store } from '../../../src/store';
import { eventually } from '../../support/bot-harness';
import { startWholeApp, type WholeApp } from '../../support/whole-app';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { ConsoleBrowser } from '../../support/console-harness';
import { formatDayEat } from '../bot/helpers';

const KEY = Buffer.alloc(32, 6);
const PASSWORD = 'kenya election desk 2027';

let tg: TelegramDouble;
let store: Store;
let base: string;
let whole: WholeApp | undefined;

beforeAll(async () => {
  whole = await startWholeApp('incident-e2e', KEY);
  ({ tg, store, base } = whole);
}, 150_000);

afterAll(async () => {
  await whole?.stop();
});

const referenceIn = (u: TelegramUser) => {
  const m = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(u.lastMessage().text ?? '');
  if (!m) throw new Error(`no reference in ${u.lastMessage().text}`);
  return m[0];
};

/**
 * Police bribery at the Kasarani roadblock, anonymously, in the reporter's language, on `day` as
 * typed (one date for both: "Today" tapped on either side of Kenyan midnight would be two days).
 */
async function report(u: TelegramUser, lang: 'en' | 'sw', day: string): Promise<string> {
  const b =
    lang === 'en'
      ? { start: '🚓 Police misconduct', cat: 'Bribery or extortion by police', no: 'No', send: '🕶 Send anonymously' }
      : { start: '🚓 Makosa ya polisi', cat: 'Polisi kuitisha hongo au pesa', no: 'Hapana', send: '🕶 Tuma bila kutaja jina langu' };
  await u.sendText('/start');
  await u.press(b.start);
  await u.press(b.cat);
  await u.press(b.no);
  await u.sendText(
    lang === 'en'
      ? 'Police officers at the Kasarani roadblock on Thika Road are demanding 500 shillings from every matatu driver.'
      : 'Polisi kwenye roadblock ya Kasarani, Thika Road, wanadai shilingi mia tano kutoka kwa kila dereva wa matatu.',
  );
  await u.sendText('Nairobi');
  await u.sendText(lang === 'en' ? 'Kasarani roadblock, Thika Road' : 'Roadblock ya Kasarani, Thika Road');
  await u.sendText(day);
  await u.press(b.send);
  return referenceIn(u);
}

it('two reporters of one event are linked, joined into one incident, answered once, each in their language', async () => {
  await store.agents.create({ username: 'amina', name: 'Amina Wanjiru', role: 'agent', password: PASSWORD });
  const mercy = tg.user({ firstName: 'Mercy', languageCode: 'en' });
  const juma = tg.user({ firstName: 'Juma', languageCode: 'sw' });
  const yesterday = formatDayEat(new Date(Date.now() - 24 * 3600 * 1000));
  const enRef = await report(mercy, 'en', yesterday);
  const swRef = await report(juma, 'sw', yesterday);
  const en = (await store.reports.findByReference(enRef))!;
  const sw = (await store.reports.findByReference(swRef))!;
  expect(sw.language).toBe('sw');

  const desk = new ConsoleBrowser(base);
  expect((await desk.signIn('amina', PASSWORD)).statusCode).toBe(303);
  // Both tickets wait in the queue, each with its badge.
  const queue = await eventually(async () => {
    const page = (await desk.get('/queue')).body;
    return page.includes(swRef) && page.includes(enRef) ? page : null;
  }, 'both tickets in the queue', 30_000);
  expect(queue.match(/data-testid="similar-badge"[^>]*>1 similar</g)).toHaveLength(2);

  // Take next: the older report, the English one.
  const taken = await eventually(async () => {
    const res = await desk.post('/queue/take');
    return res.headers.location?.startsWith('/tickets/') ? res.headers.location : null;
  }, 'a ticket to take', 30_000);
  expect(taken).toBe(`/tickets/${en._id.toString()}`);
  const page = (await desk.get(taken)).body;
  const section = page.slice(page.indexOf('data-testid="similar"'));
  expect(section).toContain('Possibly the same incident');
  expect(section).toContain(swRef);
  expect(section).toContain('Same kind of incident: Bribery or extortion by police');
  // A report the agent may not open yet: the words both places share, not what its reporter typed.
  expect(section).toMatch(/Similar place \(both name [^)]*kasarani/i);
  expect(section).not.toContain('Roadblock ya Kasarani, Thika Road');
  expect(section).toContain('Both in Nairobi');
  // The agent may open only the tickets they hold: the waiting one is named, not linked.
  expect(section).not.toContain(`href="/tickets/${sw._id.toString()}"`);

  const beforeJoin = juma.mark();
  const joined = await desk.post(`${taken}/incident/join`, { member: sw._id.toString() });
  expect(joined.headers.location).toContain('ok=incident_joined');
  const incidentPage = (await desk.get(taken)).body;
  expect(incidentPage).toContain('Incident: 2 reports');
  expect(incidentPage).toContain(`href="/tickets/${sw._id.toString()}"`);
  // Now the agent holds both: the other's place is quoted.
  expect(incidentPage).toContain('Similar place: “Kasarani roadblock, Thika Road” and “Roadblock ya Kasarani, Thika Road”');
  // Juma's report is now taken by the same agent; Juma is told so in Kiswahili.
  await juma.waitForMessage(swRef, { since: beforeJoin, timeoutMs: 30_000 });

  const mercyMark = mercy.mark();
  const jumaMark = juma.mark();
  const sent = await desk.post(`${taken}/incident/reply`, {
    text_en: 'We have passed your report about the Kasarani roadblock to IPOA.',
    text_sw: 'Tumepeleka ripoti yako kuhusu roadblock ya Kasarani kwa IPOA.',
  });
  expect(sent.headers.location).toContain('ok=incident_replied');
  const toMercy = await mercy.waitForMessage('We have passed your report', { since: mercyMark, timeoutMs: 30_000 });
  const toJuma = await juma.waitForMessage('Tumepeleka ripoti yako', { since: jumaMark, timeoutMs: 30_000 });
  expect(toMercy.text).toContain(enRef);
  expect(toMercy.text).not.toContain(swRef);
  expect(toJuma.text).toContain(swRef);
  expect(toJuma.text).not.toContain(enRef);
  expect(toJuma.text).not.toContain('We have passed');
  expect(mercy.messages().some((m) => (m.text ?? '').includes('Tumepeleka'))).toBe(false);

  // Each keeps their own ticket; the answer is in each ticket's history.
  for (const r of [en, sw]) {
    const history = (await store.reports.history(r._id)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['linked', 'incident_joined', 'incident_reply']));
  }
  expect((await store.reports.findById(sw._id))?.assignee?.toString()).toBe((await store.reports.findById(en._id))?.assignee?.toString());
}, 180_000);
