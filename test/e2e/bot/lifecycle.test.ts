/** Restarts, double taps, /status, voice, anonymity, edits, failures and replies after submitting. */
import { Types } from 'mongoose';
import { languageForgetter, languageKey, sessionKey } from '../../../src/bot';
import { purgeExpired } from '../../../src/services/retention';
import { reporterMessageId } from '../../../src/services/reply-id';
import { redisKeys } from '../../../src/redis-keys';
import { generateReference } from '../../../src/domain';
import { eventually, startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, callbackUpdate, lastText, pressTampered, referenceIn, submitNamed, walkTo, said, shown } from './helpers';
import { seedReport } from '../../support/report-fixtures';

let h: BotHarness;
/** How far ahead of the wall clock the bot's clock runs (a reporter who went quiet for a while). */
let later = 0;

beforeAll(async () => {
  h = await startBotHarness('bot_lifecycle', { now: () => new Date(Date.now() + later) });
});

afterAll(async () => {
  await h?.close();
});

/** An agent takes the report and closes it (resolved, unless said). */
async function closeByAgent(reportId: Types.ObjectId, to: 'resolved' | 'rejected' = 'resolved'): Promise<void> {
  const agentId = new Types.ObjectId().toString();
  await h.store.reports.transition(reportId, 'assigned', { kind: 'agent', agentId }, { assignee: agentId });
  await h.store.reports.transition(reportId, to, { kind: 'agent', agentId }, { requireAssignee: agentId });
}

async function submitAnonymous(u: Parameters<typeof walkTo>[0], lang: 'en' | 'sw' = 'en', story?: string): Promise<string> {
  await walkTo(u, 'review', lang, story);
  await u.press(lang === 'en' ? '🕶 Send anonymously' : '🕶 Tuma bila kutaja jina langu');
  return referenceIn(lastText(u));
}

describe('a bot restart in the middle of a report', () => {
  it('continues where the reporter was, with every answer kept', async () => {
    const u = h.tg.user({ firstName: 'Restart', languageCode: 'sw' });
    await walkTo(u, 'ev', 'sw', 'Polisi walinikamata bila sababu.');
    await u.sendPhoto();
    expect(lastText(u)).toContain('Faili 1 kati ya 10 limefika');

    await h.restart();

    await u.sendPhoto();
    expect(lastText(u)).toContain('2 kati ya 10'); // the count survived
    await u.press('✅ Nimemaliza');
    const review = lastText(u);
    expect(review).toContain('Polisi walinikamata bila sababu.');
    expect(review).toContain('Nakuru');
    expect(review).toContain('faili 2');
    await u.press('🕶 Tuma bila kutaja jina langu');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, place: 'Naivasha road junction', anonymous: true, language: 'sw' });
    expect(report!.evidence).toHaveLength(2);
  });
});

describe('Send', () => {
  it('tapped three times makes one report; the first two taps answer with the same reference, the third quietly', async () => {
    const u = h.tg.user({ firstName: 'Double', languageCode: 'en' });
    await walkTo(u, 'review');
    const before = h.enqueued.length;
    await Promise.all([u.press('🕶 Send anonymously'), u.press('🕶 Send anonymously'), u.press('🕶 Send anonymously')]);
    const refs = allTexts(u)
      .filter((t) => t.includes('Your reference is'))
      .map(referenceIn);
    // Received, then "we already have this" once; the third tap is answered quietly.
    expect(refs).toHaveLength(2);
    expect(allTexts(u).filter((t) => t.includes('We already have this report'))).toHaveLength(1);
    expect(refs[0]).toBe(refs[1]);
    expect(await h.store.models.Report.countDocuments({ reference: refs[0] })).toBe(1);
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
    expect(h.enqueued.length - before).toBe(1);
    // Every callback query was answered.
    expect(u.callbackAnswerDetails().slice(-3)).toHaveLength(3);
  });

  it('delivered twice as the same update (a webhook retry) is handled once', async () => {
    const u = h.tg.user({ firstName: 'Redelivered', languageCode: 'en' });
    await walkTo(u, 'review');
    const confirm = u.lastMessage().raw.reply_markup?.inline_keyboard[0][0];
    expect(confirm?.text).toBe('🕶 Send anonymously');
    const update = callbackUpdate(h.tg, u, confirm!.callback_data!, 900_000_001);
    const before = u.messages().length;
    await h.current.handleUpdate(update as Parameters<typeof h.current.handleUpdate>[0]);
    await h.current.handleUpdate(update as Parameters<typeof h.current.handleUpdate>[0]);
    const after = allTexts(u).slice(before);
    expect(after.filter((t) => t.includes('Your reference is'))).toHaveLength(1);
    expect(after.join('\n')).not.toContain('older message');
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
  });

  it('when saving fails, says nothing was saved, keeps the draft, and a second tap saves it', async () => {
    const u = h.tg.user({ firstName: 'Retry', languageCode: 'en' });
    await walkTo(u, 'review');
    h.failNextSubmits(1);
    await u.press('🕶 Send anonymously');
    expect(lastText(u)).toBe('Sorry, we could not save your report, so it is not sent yet. Your answers are kept. Please tap Send again.');
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(0);
    await u.press('🕶 Send anonymously');
    const reference = referenceIn(lastText(u));
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id, reference })).toBe(1);
    // The error was logged without the reporter's words.
    expect(h.logs.join('\n')).toContain('submit_failed');
    expect(h.logs.join('\n')).not.toContain('bribe at the junction');
  });
});

describe('a message edited after it was sent', () => {
  it('is not taken, and the reporter is told to send the correction as a new message, in their language', async () => {
    const u = h.tg.user({ firstName: 'Editor', languageCode: 'sw' });
    await walkTo(u, 'county', 'sw');
    const sent = await u.sendText('Nakur');
    await u.sendRaw({ edited_message: { ...sent, text: 'Nakuru', edit_date: sent.date + 5 } } as Parameters<typeof u.sendRaw>[0]);
    // During a report: how to correct it, the current answer or an earlier one (a new message would be added to the story).
    expect(lastText(u)).toBe(
      'Siwezi kuona mabadiliko kwenye ujumbe ambao tayari umeutuma. Kama bado ninasubiri jibu la swali hilo, litume tena. Ili kurekebisha jibu la awali au maelezo yako, bonyeza ✏️ Badilisha kabla ya kutuma ripoti.',
    );
    // Said once for a message, however often it is edited; a live location moving says nothing.
    const count = u.messages().length;
    await u.sendRaw({ edited_message: { ...sent, text: 'Nakuru!', edit_date: sent.date + 9 } } as Parameters<typeof u.sendRaw>[0]);
    const live = await u.shareLocation(-0.3031, 36.08);
    for (let i = 1; i <= 3; i++) await u.sendRaw({ edited_message: { ...live, location: { latitude: -0.3031 + i / 1000, longitude: 36.08 }, edit_date: live.date + i } } as Parameters<typeof u.sendRaw>[0]);
    expect(u.messages().length).toBe(count + 1); // the answer to the shared location only
    // The correction sent as a new message is taken; the location shared at the county question is
    // kept as the place (as it was first shared: its moves are edits), so the date is asked next.
    await u.sendText('Nakuru');
    expect(lastText(u)).toContain('📍 Nitatumia mahali ulipotuma kama mahali pa tukio kwenye ripoti yako.');
    expect(lastText(u)).toContain('Ilitokea lini?');
  });

  it('outside a report (a message to staff), the correction is to be sent as a new message', async () => {
    const u = h.tg.user({ firstName: 'Editor', languageCode: 'en' });
    await submitAnonymous(u);
    const sent = await u.sendText('The car was a white Probox KDA 123X.');
    await u.sendRaw({ edited_message: { ...sent, text: 'The car was a white Probox KDA 128X.', edit_date: sent.date + 5 } } as Parameters<typeof u.sendRaw>[0]);
    expect(lastText(u)).toBe('I cannot see changes to a message you already sent. Please send the correction as a new message.');
  });
});

describe('edit from review', () => {
  it('changes one part and returns to review; changing the kind asks the category again', async () => {
    const u = h.tg.user({ firstName: 'Editor', languageCode: 'en' });
    await walkTo(u, 'review');
    // Change, then nothing after all: back to the report as it was.
    await u.press('✏️ Change');
    expect(lastText(u)).toContain('What do you want to change?');
    await u.press('‹ Keep it as it is');
    expect(lastText(u)).toContain('Please check your report');
    expect(u.buttons()).toContain('✏️ Change');
    await u.press('✏️ Change');
    await u.press('When');
    await u.press('Yesterday');
    expect(lastText(u)).toContain('Please check your report');
    expect(lastText(u)).toContain('Yesterday (');
    await u.press('✏️ Change');
    await u.press('Type');
    await u.press('Election-related incident');
    expect(u.buttons()).toContain('Hate speech or incitement');
    await u.press('Hate speech or incitement');
    const review = lastText(u);
    expect(review).toContain('Election-related incident');
    expect(review).toContain('Hate speech or incitement');
    await u.press('✏️ Change');
    await u.press('Place');
    await u.sendText('Kiambu');
    await u.sendText('Thika stadium');
    expect(lastText(u)).toContain('Thika stadium');
    await u.press('📞 Send with my phone number');
    await u.press('📱 Send my phone number');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ kind: 'election', category: 'e_hate', county: 22, place: 'Thika stadium', when: 'yesterday', anonymous: false, priority: 3 });
  });
});

describe('the description as a voice note', () => {
  it('is stored as the report’s voice description', async () => {
    const u = h.tg.user({ firstName: 'Voice', languageCode: 'en' });
    await walkTo(u, 'desc');
    const fileId = await u.sendVoice({ durationSec: 42 });
    expect(said(u)).toBe('🎤 Voice note received.');
    expect(lastText(u)).toContain('In which county');
    await u.sendText('Nakuru');
    await u.sendText('Market');
    await u.press('Today');
    expect(lastText(u)).toContain('voice note (42 seconds)');
    await u.press('🕶 Send anonymously');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description.text).toBeUndefined();
    expect(report!.description.voice).toMatchObject({ kind: 'voice', fileId, durationSec: 42, mimeType: 'audio/ogg' });
  });

  it('keeps an account written after it beside it, shown on the review and stored with the report', async () => {
    const u = h.tg.user({ firstName: 'Voice and words', languageCode: 'en' });
    await walkTo(u, 'desc');
    const fileId = await u.sendVoice({ durationSec: 30 });
    const more = "They also took my brother's phone and his ID card at the market.";
    await u.sendText(more);
    expect(lastText(u)).toContain('I have added this to what happened');
    expect(lastText(u)).toContain('In which county');
    await u.sendText('Nakuru');
    await u.sendText('Market');
    await u.press('Today');
    expect(lastText(u)).toContain(`voice note (30 seconds)\n${more}`);
    await u.press('🕶 Send anonymously');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description).toMatchObject({ text: more, voice: { kind: 'voice', fileId, durationSec: 30 } });
  });
});

describe('danger and anonymity', () => {
  it('danger=yes shows the emergency numbers straight away and makes the report urgent', async () => {
    const u = h.tg.user({ firstName: 'Danger', languageCode: 'en' });
    await walkTo(u, 'danger');
    const count = u.messages().length;
    await u.press('🚨 Yes');
    // The danger question becomes the numbers in place; one new message says a staff member is
    // alerted already (issue 14) and asks the next question.
    expect(u.messages()).toHaveLength(count + 1);
    const texts = allTexts(u);
    const numbers = texts[count - 1];
    const [alerted, next] = texts[count].split('Tell us what happened');
    expect(numbers).toMatch(/^✓ 🚨 Yes\n\n/);
    expect(numbers).toContain('If someone is in danger, call for help now');
    expect(numbers).toContain('999 · 112 · 911  Police, ambulance, fire');
    expect(numbers).toContain('1559');
    // The GBV line and the child helpline fit sexual abuse, not a bribe.
    expect(numbers).not.toContain('1195');
    expect(numbers).not.toContain('116');
    // Straight away, before the story is asked.
    expect(alerted).toContain('A member of Ripoti staff (not the police) has been alerted now');
    expect(next).toBeDefined();
    await u.sendText('They threatened to beat me unless I paid.');
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press('Today');
    await u.press('🕶 Send anonymously');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: true, priority: 1 });
  });

  it('sexual abuse: the GBV line and the child helpline, each once, in Swahili', async () => {
    const u = h.tg.user({ firstName: 'Msaada', languageCode: 'sw' });
    await u.sendText('/start');
    await u.press('🚓 Makosa ya polisi');
    await u.press('Unyanyasaji wa kingono');
    const count = u.messages().length;
    await u.press('🚨 Ndio');
    // The question becomes the numbers in place; the alert and the next question follow in one message.
    expect(u.messages()).toHaveLength(count + 1);
    const numbers = allTexts(u)[count - 1];
    expect(numbers).toContain('Kama kuna mtu yuko hatarini, piga simu sasa hivi');
    expect(numbers).toContain('999 · 112 · 911  Polisi, ambulensi au zimamoto');
    expect(numbers).toContain('1195  Msaada kwa dhuluma za kijinsia');
    expect(numbers).toContain('116  Msaada kwa watoto, kama mtoto anahusika');
    expect(numbers).toContain('1559  IPOA');
    for (const n of ['999', '1195', '116 ', '1559']) expect(numbers.split(n)).toHaveLength(2);
  });

  it('an anonymous report stores anonymous=true and no phone', async () => {
    const u = h.tg.user({ firstName: 'Anon', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({ anonymous: true, dangerNow: false, priority: 3 });
    const identity = await h.store.reporters.identityOf(report!.reporterId);
    expect(identity?.phone).toBeUndefined();
  });
});

describe('/status', () => {
  it('shows the owner their report; anyone else gets the same not-found as an unknown reference', async () => {
    const owner = h.tg.user({ firstName: 'Owner', languageCode: 'en' });
    const reference = await submitAnonymous(owner);
    await owner.sendText(`/status ${reference.toLowerCase().replace(/-/g, ' ')}`);
    expect(lastText(owner)).toContain(reference);
    expect(lastText(owner)).toContain('Received, waiting for a member of Ripoti staff');
    expect(lastText(owner)).toContain('Your report is waiting for the next free member of staff.');

    const other = h.tg.user({ firstName: 'Nosy', languageCode: 'en' });
    await submitAnonymous(other); // a reporter too, just not this report's
    // Their own open reports follow the answer (the list, the same after either reference).
    const answer = async (ref: string) => {
      const before = other.messages().length;
      await other.sendText(`/status ${ref}`);
      return other.messages().slice(before).map(shown);
    };
    const [notFound, theirs] = await answer(reference);
    expect(notFound).toBe(`We found no report ${reference} for you. Please check the number. Reports closed more than a year or so ago are no longer shown.`);
    expect(theirs).not.toContain(reference);

    // A well-formed reference that does not exist reads exactly the same.
    const missing = generateReference();
    expect(await h.store.reports.findByReference(missing)).toBeNull();
    expect(await answer(missing)).toEqual([notFound.replace(reference, missing), theirs]);
  });

  it('a mistyped or unknown reference is followed by the reporter’s own open reports, so the right number is there to copy', async () => {
    const u = h.tg.user({ firstName: 'Agent', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    for (const wrong of ['R-ABCD-EFGH', generateReference(), 'R-12']) {
      const before = u.messages().length;
      await u.sendText(`/status ${wrong}`);
      const answers = u.messages().slice(before).map(shown);
      expect(answers[0]).toMatch(/seems wrong|We found no report|does not look like a reference/);
      expect(answers[1]).toContain('Your open reports');
      expect(answers[1]).toContain(reference);
    }
    // With no open report, the error alone: nothing to list.
    const none = h.tg.user({ firstName: 'Nobody', languageCode: 'en' });
    await none.sendText('/start');
    const before = none.messages().length;
    await none.sendText('/status R-ABCD-EFGH');
    expect(none.messages().slice(before)).toHaveLength(1);
  });

  it('tells a mistyped reference apart, in the reporter’s language', async () => {
    const u = h.tg.user({ firstName: 'Typo', languageCode: 'sw' });
    const reference = await submitAnonymous(u, 'sw');
    // One wrong character: the check character catches it.
    const body = reference.replace(/-/g, '').slice(1);
    const swapped = body[0] === 'A' ? 'B' : 'A';
    await u.sendText(`/status R-${swapped}${body.slice(1, 4)}-${body.slice(4)}`);
    expect(allTexts(u).at(-2)).toContain('Herufi moja inaonekana si sahihi. Nambari huandikwa hivi: R-7K3F-9QX2');
    await u.sendText('/status hello');
    expect(allTexts(u).at(-2)).toContain('Hiyo haionekani kama nambari ya kumbukumbu. Huandikwa hivi: R-7K3F-9QX2');
    // The example from /help copied as it is: what goes there, then their own reports.
    const before = u.messages().length;
    await u.sendText('/hali r-xxxx-xxxx');
    const answers = u.messages().slice(before).map((m) => m.text ?? '');
    expect(answers[0]).toBe('Andika nambari ya kumbukumbu ya ripoti yako badala ya R-XXXX-XXXX, kwa mfano: /hali R-7K3F-9QX2');
    expect(answers[1]).toContain(reference);
    // Without the slash it is the same question: the report's status, not a message for staff.
    await u.sendText(`Hali ${reference.toLowerCase()}`);
    expect(lastText(u)).toContain(`${reference}, `);
    expect(lastText(u)).toContain('Hali: Imepokelewa');
    // The reference alone, as copied from "received", asks the same.
    await u.sendText(`${reference}?`);
    expect(lastText(u)).toContain('Hali: Imepokelewa');
    // The command's name alone, typed: their open reports, as /hali lists them.
    for (const typed of ['hali', 'Status?']) {
      const at = u.messages().length;
      await u.sendText(typed);
      expect(u.messages().slice(at).map((m) => m.text ?? '').join('\n')).toContain(reference);
    }
    expect(await h.store.messages.listForReport((await h.store.reports.findByReference(reference))!._id)).toEqual([]);
  });

  it.each([
    ['sw', ['Ripoti zangu', '🔎 Ripoti zangu', 'Hali ya ripoti yangu?', 'ripoti yangu imefika wapi', 'status ya report yangu']],
    ['en', ['My reports', 'status of my report', 'Check my report status', 'where is my report?']],
  ] as const)('(%s) asking for their reports in words (the menu button\'s own label typed) lists them, never "added to your report"', async (lang, asks) => {
    const u = h.tg.user({ firstName: `Asks ${lang}`, languageCode: lang });
    const reference = await submitAnonymous(u, lang);
    for (const typed of asks) {
      const at = u.messages().length;
      await u.sendText(typed);
      expect([typed, u.messages().slice(at).map(shown).join('\n')]).toEqual([typed, expect.stringContaining(`${lang === 'en' ? 'Your open reports' : 'Ripoti zako ambazo bado zinashughulikiwa'}\n\n${reference}, `)]);
    }
    expect(await h.store.messages.listForReport((await h.store.reports.findByReference(reference))!._id)).toEqual([]);
  });

  it('/status no longer asks a reporter to reply once they have answered the staff member waiting for them', async () => {
    const u = h.tg.user({ firstName: 'Answered', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = (await h.store.reports.findByReference(reference))!;
    const agentId = new Types.ObjectId().toString();
    await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId }, { assignee: agentId });
    await h.store.reports.transition(report._id, 'waiting_reporter', { kind: 'agent', agentId });
    await h.store.messages.addOutgoing(report._id, { text: 'Which station were the officers from?' });
    await u.sendText(`/status ${reference}`);
    expect(lastText(u)).toContain('The staff member needs more information from you. Please read their message and reply here.');
    await u.sendText('They were from Kilimani police station.');
    await u.sendText(`/status ${reference}`);
    expect(lastText(u)).toContain('You have answered the staff member; they will write to you here.');
    expect(lastText(u)).not.toContain('Please read their message and reply here');
  });

  it('lets the reporter withdraw a report no agency has yet, after asking once more; one already referred is stopped through the staff', async () => {
    const u = h.tg.user({ firstName: 'Withdraws', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    await u.sendText(`/status ${reference}`);
    await u.press('Withdraw this report');
    expect(lastText(u)).toBe(`Withdraw report ${reference}? Ripoti staff will stop working on it, and no one will contact you about it. This cannot be undone.`);
    await u.press('No, keep it');
    expect(lastText(u)).toBe(`Report ${reference} stays open.`);
    expect((await h.store.reports.findByReference(reference))!.status).toBe('received');

    await u.sendText(`/status ${reference}`);
    await u.press('Withdraw this report');
    await u.press('Yes, withdraw it');
    expect(lastText(u)).toBe(`Report ${reference} is withdrawn. If you need help again, you can make a new report at any time.`);
    const withdrawn = (await h.store.reports.findByReference(reference))!;
    expect(withdrawn.status).toBe('withdrawn');
    expect((await h.store.reports.history(withdrawn._id)).at(-1)).toMatchObject({ type: 'status_changed', actor: { kind: 'reporter' }, data: { from: 'received', to: 'withdrawn' } });
    await u.sendText(`/status ${reference}`);
    expect(lastText(u)).toContain('Your report was withdrawn.');
    expect(u.lastMessage().replyMarkup).toBeUndefined();

    // Referred to an agency: the button is not offered, and an old one is answered plainly.
    const second = await submitAnonymous(u);
    const report = (await h.store.reports.findByReference(second))!;
    await h.store.reports.transition(report._id, 'assigned', { kind: 'system' }, { assignee: new Types.ObjectId().toString() });
    await u.sendText(`/status ${second}`);
    await u.press('Withdraw this report');
    await h.store.reports.transition(report._id, 'referred', { kind: 'system' }, { referral: { agency: 'IPOA' } });
    await u.press('Yes, withdraw it');
    expect(lastText(u)).toMatch(new RegExp(`^Report ${second} has already been sent to IPOA .*, so it cannot be withdrawn here\\. If you want it stopped, write here to the Ripoti staff\\.$`));
    expect((await h.store.reports.findByReference(second))!.status).toBe('referred');
    await u.sendText(`/status ${second}`);
    expect(u.lastMessage().replyMarkup).toBeUndefined();

    // Taken back from the agency (in progress again): the agency may still hold the case file,
    // so it is still stopped through the staff, and no button is offered.
    await h.store.reports.transition(report._id, 'in_progress', { kind: 'system' });
    await u.sendText(`/status ${second}`);
    expect(u.lastMessage().replyMarkup).toBeUndefined();
    // The button from before the referral, tapped now, is answered plainly.
    await u.press('Withdraw this report');
    await u.press('Yes, withdraw it');
    expect(lastText(u)).toMatch(new RegExp(`^Report ${second} has already been sent to IPOA `));
    expect((await h.store.reports.findByReference(second))!.status).toBe('in_progress');
  });

  it.each([
    ['en', { agency: 'IPOA' }, 'Your report was passed to IPOA (Independent Policing Oversight Authority), which handles such cases and decides how to follow them up. You can still write to Ripoti staff here.'],
    ['sw', { agency: 'OTHER', name: 'KNCHR <Tume ya Haki>' }, 'Ripoti yako imepelekwa kwa KNCHR <Tume ya Haki>, wanaoshughulikia kesi za aina hii na kuamua jinsi ya kuzifuatilia. Bado unaweza kuwaandikia wahudumu wa Ripoti hapa.'],
  ] as const)('(%s) a referred report names the agency that has it, as the referral notice did', async (lang, referral, explained) => {
    const u = h.tg.user({ firstName: `Referred ${lang}`, languageCode: lang });
    const reference = await submitAnonymous(u, lang);
    const report = (await h.store.reports.findByReference(reference))!;
    await h.store.reports.transition(report._id, 'assigned', { kind: 'system' }, { assignee: new Types.ObjectId().toString() });
    await h.store.reports.transition(report._id, 'referred', { kind: 'system' }, { referral });
    await u.sendText(`/status ${reference}`);
    expect(lastText(u).split('\n\n').at(-1)).toBe(explained);
  });

  it('alone lists the reporter’s open reports', async () => {
    const u = h.tg.user({ firstName: 'Lister', languageCode: 'en' });
    await u.sendText('/status');
    expect(lastText(u)).toBe('You have no open reports.');
    const first = await submitAnonymous(u);
    const second = await submitAnonymous(u);
    await u.sendText('/status');
    expect(lastText(u)).toContain('Your open reports');
    expect(lastText(u)).toContain(first);
    expect(lastText(u)).toContain(second);
  });
});

describe('replies from the reporter after submitting', () => {
  it('attach text, photos and voice to the open ticket and tell the console', async () => {
    const u = h.tg.user({ firstName: 'Replier', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = await h.store.reports.findByReference(reference);
    const id = report!._id.toString();

    await u.sendText('I remembered: the car was a white Probox, KDA 123X.');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
    const photo = await u.sendPhoto({ caption: 'the car' });
    const voice = await u.sendVoice({ durationSec: 7 });
    // "Where are you now?": a location shared reaches the staff as a point on a map.
    await u.shareLocation(-1.28333, 36.81667);
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);

    const messages = await h.store.messages.listForReport(id);
    expect(messages.map((m) => [m.direction, m.kind])).toEqual([
      ['from_reporter', 'text'],
      ['from_reporter', 'photo'],
      ['from_reporter', 'voice'],
      ['from_reporter', 'text'],
    ]);
    expect(messages[3].text).toBe('📍 -1.28333, 36.81667 https://www.openstreetmap.org/?mlat=-1.28333&mlon=36.81667#map=17/-1.28333/36.81667');
    expect(messages[0].text).toBe('I remembered: the car was a white Probox, KDA 123X.');
    expect(messages[1]).toMatchObject({ text: 'the car', media: { fileId: photo } });
    expect(messages[2].media).toMatchObject({ fileId: voice, durationSec: 7 });
    const history = await h.store.reports.history(id);
    expect(history.filter((e) => e.type === 'reporter_message')).toHaveLength(4);
    await eventually(() => h.events.filter((e) => e.type === 'ticket' && e.reportId === id && e.what === 'message').length === 4, 'four live message events');
  });

  it('with several open tickets, asks which one; every message sent before the choice goes to it, in order', async () => {
    const u = h.tg.user({ firstName: 'Two tickets', languageCode: 'sw' });
    const older = await submitAnonymous(u, 'sw');
    const newer = await submitAnonymous(u, 'sw');
    await u.sendText('Nina habari zaidi.');
    expect(lastText(u)).toBe('Ujumbe huu unahusu ripoti ipi?');
    const beforeDanger = allTexts(u).length;
    await u.sendText('Wamerudi tena na bunduki.');
    // "They have come back with guns": the numbers at once, before the choice.
    expect(allTexts(u)[beforeDanger]).toMatch(/^🚨 Kama kuna mtu yuko hatarini, piga simu sasa hivi:/);
    const photo = await u.sendPhoto({ caption: 'gari lao' });
    expect(lastText(u)).toBe('Ujumbe huu unahusu ripoti ipi?');
    const olderButton = u.buttons().find((b) => b.startsWith(older));
    // Each report by its reference, category and day, and 🕶 for one sent anonymously; the same
    // story and place twice, so only the minute each was sent can tell them apart, if it differs.
    expect(olderButton).toMatch(new RegExp(`^${older}( · ilitumwa \\d{2}:\\d{2})? · Polisi kuitisha hongo au pesa · \\d{2}/\\d{2}/\\d{4} · 🕶$`));
    expect(u.buttons().some((b) => b.startsWith(newer))).toBe(true);
    await u.press(olderButton!);
    // Among the three, it puts the report chosen first; the numbers are not given twice.
    expect(allTexts(u).at(-2)).not.toMatch(/^🚨/);
    expect(lastText(u)).toBe(`✅ Ujumbe wako umeongezwa kwenye ripoti yako ${older}. Tumeiweka kuwa ya dharura, kwa hivyo itashughulikiwa kwanza: mhudumu wa kwanza atakayepatikana ataishughulikia.`);
    const olderReport = await h.store.reports.findByReference(older);
    const newerReport = await h.store.reports.findByReference(newer);
    const stored = await h.store.messages.listForReport(olderReport!._id);
    expect(stored.map((m) => m.text)).toEqual(['Nina habari zaidi.', 'Wamerudi tena na bunduki.', 'gari lao']);
    expect(stored[2].media).toMatchObject({ fileId: photo });
    expect(await h.store.messages.listForReport(newerReport!._id)).toEqual([]);
    // A second tap on it (impatient, or a double tap) is the same choice: nothing sent twice, no "expired".
    const said = u.messages().length;
    await u.press(olderButton!);
    expect(u.messages()).toHaveLength(said);
    expect(await h.store.messages.listForReport(olderReport!._id)).toHaveLength(3);
  });

  it('messages waiting for "which report?" still go where the reporter chooses hours later, as long as the conversation is kept', async () => {
    const u = h.tg.user({ firstName: 'Came back', languageCode: 'sw' });
    const older = await submitAnonymous(u, 'sw');
    await submitAnonymous(u, 'sw');
    await u.sendText('Gari lao ni KDA 123X, nyeupe.');
    const photo = await u.sendPhoto({ caption: 'hii ndiyo gari' });
    expect(lastText(u)).toBe('Ujumbe huu unahusu ripoti ipi?');
    const button = u.buttons().find((b) => b.startsWith(older))!;
    later = 90 * 60_000;
    try {
      await u.press(button);
    } finally {
      later = 0;
    }
    expect(lastText(u)).toBe(`✅ Ujumbe wako umeongezwa kwenye ripoti yako ${older}. Mhudumu atausoma atakapoichukua ripoti yako.`);
    const stored = await h.store.messages.listForReport((await h.store.reports.findByReference(older))!._id);
    expect(stored.map((m) => m.text)).toEqual(['Gari lao ni KDA 123X, nyeupe.', 'hii ndiyo gari']);
    expect(stored[1].media).toMatchObject({ fileId: photo });
  });

  it('a message saying someone is in danger now gets the emergency numbers at once and puts the waiting report first; an ordinary one does not', async () => {
    const u = h.tg.user({ firstName: 'Danger later', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const id = (await h.store.reports.findByReference(reference))!._id.toString();
    const before = allTexts(u).length;
    const raisedBefore = h.raised.length;
    await u.sendText('They are here again, they are threatening us');
    const [numbers, added] = allTexts(u).slice(before);
    expect(numbers).toMatch(/^🚨 If someone is in danger, call for help now:\n\n.*999/s);
    expect(added).toBe(`✅ Added to your report ${reference}. We have marked it urgent, so it goes first: the next free member of staff will deal with it.`);
    expect(h.raised.slice(raisedBefore)).toEqual([id]);
    const raised = await h.store.reports.findById(id);
    expect([raised?.priority, raised?.escalations]).toEqual([1, 0]);
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'danger_said').map((e) => e.data)).toMatchObject([{ from: 3, to: 1 }]);
    await u.sendText('The car was a white Probox, KDA 123X.');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
    expect(allTexts(u).slice(before + 2).filter((t) => t.includes('999'))).toEqual([]);
    expect(h.raised.slice(raisedBefore)).toEqual([id]);
    // Held by an agent: the numbers still, and it is not "marked urgent" (someone has it).
    await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId: new Types.ObjectId().toString() }, { assignee: new Types.ObjectId().toString() });
    await u.sendText('Wako hapa tena, tusaidieni');
    expect(allTexts(u).at(-2)).toMatch(/^🚨 If someone is in danger/);
    expect(lastText(u)).toBe(`✅ Sent to the staff member handling ${reference}.`);
    expect(h.raised.slice(raisedBefore)).toEqual([id]);
  });

  it('a danger message whose first handling died once it was stored: Telegram\'s redelivery gets the numbers and puts the waiting report first', async () => {
    const u = h.tg.user({ firstName: 'Died midway', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = (await h.store.reports.findByReference(reference))!;
    const id = report._id.toString();
    const text = 'They are here again, they are threatening us';
    const message = { message_id: 900_101, date: Math.floor(Date.now() / 1000), chat: u.lastMessage().raw.chat, from: u.info, text };
    // The process handling it stored the message and died: its claim on the update is left, its owner gone.
    const stored = reporterMessageId(report.reporterId.toString(), { messageId: message.message_id, date: message.date });
    await h.store.messages.addIncomingOnce(stored, id, { text, telegramMessageId: message.message_id });
    await h.redis.set(redisKeys(h.prefix).update(900_000_101), 'handling:0123456789abcdef', 'EX', 120);
    const [before, raisedBefore] = [allTexts(u).length, h.raised.length];
    await h.current.handleUpdate({ update_id: 900_000_101, message } as Parameters<typeof h.current.handleUpdate>[0]);
    const [numbers, added, ...more] = allTexts(u).slice(before);
    expect(numbers).toMatch(/^🚨 If someone is in danger, call for help now:\n\n.*999/s);
    expect(added).toBe(`✅ Added to your report ${reference}. We have marked it urgent, so it goes first: the next free member of staff will deal with it.`);
    expect(more).toEqual([]);
    expect(h.raised.slice(raisedBefore)).toEqual([id]);
    expect((await h.store.reports.findById(id))?.priority).toBe(1);
    expect((await h.store.messages.listForReport(id)).map((m) => m.text)).toEqual([text]);
  });

  it('danger written with two reports open gets the numbers at once, before "which report?"; the report chosen goes first', async () => {
    const u = h.tg.user({ firstName: 'Danger two', languageCode: 'en' });
    const first = await submitAnonymous(u);
    await submitAnonymous(u);
    const before = allTexts(u).length;
    await u.sendText('They are outside my house now, help us');
    expect(allTexts(u).slice(before).map((t) => t.split('\n')[0])).toEqual(['🚨 If someone is in danger, call for help now:', 'Which report is this message about?']);
    await u.press(u.buttons().find((b) => b.startsWith(first))!);
    // Not the numbers a second time.
    expect(allTexts(u).slice(before + 2)).toEqual([`✅ Added to your report ${first}. We have marked it urgent, so it goes first: the next free member of staff will deal with it.`]);
    expect((await h.store.reports.findByReference(first))?.priority).toBe(1);
  });

  it('a report closed between the message and the choice: said so, and asked again among the others, never sent on unasked', async () => {
    const u = h.tg.user({ firstName: 'Closed between', languageCode: 'en' });
    const first = await submitAnonymous(u);
    const second = await submitAnonymous(u);
    await u.sendText('They came back, my name is Lilian and my number is 0712 345 678.');
    expect(lastText(u)).toBe('Which report is this message about?');
    const firstButton = u.buttons().find((b) => b.startsWith(first))!;
    const firstReport = (await h.store.reports.findByReference(first))!;
    await closeByAgent(firstReport._id);
    await u.press(firstButton);
    expect(lastText(u)).toBe(`Report ${first} was closed in the meantime, so your message did not go to it. Which report is it about?`);
    const secondReport = (await h.store.reports.findByReference(second))!;
    expect(await h.store.messages.listForReport(secondReport._id)).toEqual([]);
    await u.press(u.buttons().find((b) => b.startsWith(second))!);
    expect(lastText(u)).toBe(`✅ Added to your report ${second}. A member of staff will read it when they take your report.`);
    expect((await h.store.messages.listForReport(secondReport._id)).map((m) => m.text)).toEqual(['They came back, my name is Lilian and my number is 0712 345 678.']);
  });

  it('with a report closed this week and another open, a message is not sent on to the open one unasked: it may be about the closed one', async () => {
    const u = h.tg.user({ firstName: 'Njeri', languageCode: 'en' });
    const first = await submitAnonymous(u);
    const second = await submitAnonymous(u);
    const firstReport = (await h.store.reports.findByReference(first))!;
    const secondReport = (await h.store.reports.findByReference(second))!;
    await closeByAgent(firstReport._id);
    await u.sendText('Why was it closed? I am Njeri, the one they slapped');
    expect(lastText(u)).toBe('Which report is this message about?');
    const closedButton = u.buttons().find((b) => b.startsWith(first))!;
    expect(closedButton).toMatch(/ · closed$/);
    await u.press(closedButton);
    expect(lastText(u)).toBe(`Your report ${first} is closed, so this message has not reached anyone yet. If it should not have been closed, or there is news about it, tap 🔁 Ask staff to look at it again and your message will go to staff. For a different incident, tap 📝 Report an incident.`);
    expect(await h.store.messages.listForReport(secondReport._id)).toEqual([]);
    // The same choice tapped again (a double tap): answered once, nothing more said, no "expired".
    const said = u.messages().length;
    await u.press(closedButton);
    expect(u.messages()).toHaveLength(said);
    // Once the open one is chosen, what follows goes to it without asking again.
    await u.sendText('The officer came back to the stage today.');
    await u.press(u.buttons().find((b) => b.startsWith(second))!);
    await u.sendText('He had the same white Probox.');
    expect(lastText(u)).toBe(`✅ Added to your report ${second}. A member of staff will read it when they take your report.`);
    expect((await h.store.messages.listForReport(secondReport._id)).map((m) => m.text)).toEqual(['The officer came back to the stage today.', 'He had the same white Probox.']);
  });

  it('a choice made while both reports were open says nothing about the one that closed since: asked again', async () => {
    const u = h.tg.user({ firstName: 'Chose before', languageCode: 'en' });
    const first = await submitAnonymous(u);
    const second = await submitAnonymous(u);
    await u.sendText('Any news?');
    await u.press(u.buttons().find((b) => b.startsWith(second))!);
    const firstReport = (await h.store.reports.findByReference(first))!;
    await closeByAgent(firstReport._id);
    await u.sendText('Why was it closed? I am Njeri, the one they slapped');
    expect(lastText(u)).toBe('Which report is this message about?');
    expect(u.buttons().some((b) => b.startsWith(first) && b.endsWith(' · closed'))).toBe(true);
    expect((await h.store.messages.listForReport((await h.store.reports.findByReference(second))!._id)).map((m) => m.text)).toEqual(['Any news?']);
  });

  it('a message waiting for "which report?" still waits after the reporter starts a report and cancels it: its buttons still send it', async () => {
    const u = h.tg.user({ firstName: 'Waits', languageCode: 'en' });
    const older = await submitAnonymous(u);
    await submitAnonymous(u);
    await u.sendText('They came back last night and threatened my family again.');
    expect(lastText(u)).toBe('Which report is this message about?');
    const olderButton = u.buttons().find((b) => b.startsWith(older))!;
    await u.press('📝 Report an incident');
    await u.sendText('/cancel');
    // Asked again under the cancelled report, so it is not forgotten; the first question's buttons work too.
    expect(lastText(u)).toBe('Your earlier message still waits. Which report is it about?');
    expect(u.buttons()).toContain(olderButton);
    await u.press(olderButton);
    expect(lastText(u)).toBe(`✅ Added to your report ${older}. A member of staff will read it when they take your report.`);
    const stored = await h.store.messages.listForReport((await h.store.reports.findByReference(older))!._id);
    expect(stored.map((m) => m.text)).toEqual(['They came back last night and threatened my family again.']);

    // After a report sent instead, the question comes again under "received", the new report among the choices.
    await u.sendText('One more thing: the officer had no name tag.');
    expect(lastText(u)).toBe('Which report is this message about?');
    await walkTo(u, 'review', 'en');
    await u.press('🕶 Send anonymously');
    const third = referenceIn(allTexts(u).at(-2)!);
    expect(lastText(u)).toBe('Your earlier message still waits. Which report is it about?');
    expect(u.buttons().some((b) => b.startsWith(third))).toBe(true);
  });

  it('a message waiting for "which report?" is asked about again in the new language after /language: its buttons send it, nothing lost', async () => {
    const u = h.tg.user({ firstName: 'Lugha waits', languageCode: 'en' });
    const older = await submitAnonymous(u);
    await submitAnonymous(u);
    await u.sendText('Walirudi jana usiku wakatishia familia yangu tena.');
    expect(lastText(u)).toBe('Which report is this message about?');
    await u.sendText('/language');
    await u.press('Kiswahili');
    // The question again, in Swahili, under "language set": the reporter sees the message still waits.
    expect(allTexts(u).slice(-2)).toEqual(['Lugha sasa ni Kiswahili.', 'Ujumbe wako wa awali bado unasubiri. Unahusu ripoti ipi?']);
    const olderButton = u.buttons().find((b) => b.startsWith(older));
    expect(olderButton).toBeDefined();
    await u.press(olderButton!);
    expect(lastText(u)).toContain(older);
    const stored = await h.store.messages.listForReport((await h.store.reports.findByReference(older))!._id);
    expect(stored.map((m) => m.text)).toEqual(['Walirudi jana usiku wakatishia familia yangu tena.']);
  });

  it('a message forwarded from someone else reaches the staff marked as such, whether it goes at once or after "which report?"', async () => {
    const u = h.tg.user({ firstName: 'Forwarder', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = await h.store.reports.findByReference(reference);
    await u.sendText('/vote early tomorrow, the others will be stopped at the gate', { forwardedFrom: { channel: 'Mtaa News', username: 'mtaanews' } });
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
    await u.sendText('That post is from the councillor\'s people.');
    const [post, own] = await h.store.messages.listForReport(report!._id);
    expect(post).toMatchObject({ text: '/vote early tomorrow, the others will be stopped at the gate', passedOn: { from: 'Mtaa News (@mtaanews)', sentAt: expect.any(Date) } });
    expect(own.passedOn).toBeUndefined();

    const second = await submitAnonymous(u);
    await u.sendPhoto({ caption: 'see this', forwardedFrom: 'Kamau' });
    expect(lastText(u)).toBe('Which report is this message about?');
    await u.press(u.buttons().find((b) => b.startsWith(second))!);
    const [photo] = await h.store.messages.listForReport((await h.store.reports.findByReference(second))!._id);
    expect(photo).toMatchObject({ kind: 'photo', text: 'see this', passedOn: { from: 'Kamau' } });
  });

  it('an album is answered once, not once per photo: with one open ticket, and with the choice of several', async () => {
    const u = h.tg.user({ firstName: 'Album', languageCode: 'en' });
    const only = await submitAnonymous(u);
    let before = u.messages().length;
    for (let i = 0; i < 4; i++) await u.sendPhoto({ mediaGroupId: '13700000000000001', ...(i === 0 ? { caption: 'the roadblock' } : {}) });
    const answers = (since: number) => allTexts(u).slice(since);
    expect(answers(before)).toEqual([`✅ Added to your report ${only}. A member of staff will read it when they take your report.`]);
    const onlyReport = await h.store.reports.findByReference(only);
    expect(await h.store.messages.listForReport(onlyReport!._id)).toHaveLength(4);
    // A second album is a new one: answered once too.
    before = u.messages().length;
    for (let i = 0; i < 2; i++) await u.sendPhoto({ mediaGroupId: '13700000000000002' });
    expect(answers(before)).toEqual([`✅ Added to your report ${only}. A member of staff will read it when they take your report.`]);
    // An album whose first file is refused (too big): its next file is still answered.
    before = u.messages().length;
    await u.sendPhoto({ mediaGroupId: '13700000000000004', sizeBytes: 60 * 1024 * 1024 });
    for (let i = 0; i < 2; i++) await u.sendPhoto({ mediaGroupId: '13700000000000004' });
    expect(answers(before)).toHaveLength(2);
    expect(answers(before)[1]).toBe(`✅ Added to your report ${only}. A member of staff will read it when they take your report.`);

    const second = await submitAnonymous(u);
    before = u.messages().length;
    for (let i = 0; i < 3; i++) await u.sendPhoto({ mediaGroupId: '13700000000000003' });
    expect(answers(before)).toEqual(['Which report is this message about?']);
    await u.press(u.buttons().find((b) => b.startsWith(second))!);
    const secondReport = await h.store.reports.findByReference(second);
    expect(await h.store.messages.listForReport(secondReport!._id)).toHaveLength(3);
  });

  it('a choice made again over a session whose save was lost stores each waiting message once', async () => {
    const u = h.tg.user({ firstName: 'Lost save', languageCode: 'en' });
    const older = await submitAnonymous(u);
    await submitAnonymous(u);
    await u.sendText('They are outside my gate.');
    await u.sendPhoto({ caption: 'their car' });
    const key = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
    const beforeChoice = await h.redis.get(key);
    const olderButton = u.buttons().find((b) => b.startsWith(older))!;
    await u.press(olderButton);
    // The session as it was before the tap, as if writing it back had failed; the reporter taps again.
    await h.redis.set(key, beforeChoice!, 'KEEPTTL');
    await u.press(olderButton);
    expect(lastText(u)).toBe(`✅ Added to your report ${older}. A member of staff will read it when they take your report.`);
    const olderReport = await h.store.reports.findByReference(older);
    expect((await h.store.messages.listForReport(olderReport!._id)).map((m) => m.text)).toEqual(['They are outside my gate.', 'their car']);
  });

  it('an older "which report?" still names the report it showed after another ticket opened', async () => {
    const u = h.tg.user({ firstName: 'Three tickets', languageCode: 'en' });
    const older = await submitAnonymous(u);
    await submitAnonymous(u);
    await u.sendText('First news.');
    const markup = u.lastMessage().replyMarkup;
    const olderButton = markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat().find((b) => b.text.startsWith(older)) : undefined;
    expect(olderButton).toBeDefined();
    // A third ticket opens (the list the buttons were built from changes), and another message waits.
    await seedReport(h.store, {}, { telegramUserId: u.id });
    await u.sendText('Second news.');
    await pressTampered(h.tg, u, (olderButton as { callback_data: string }).callback_data);
    const olderReport = await h.store.reports.findByReference(older);
    expect((await h.store.messages.listForReport(olderReport!._id)).map((m) => m.text)).toEqual(['First news.', 'Second news.']);
  });

  it('after the ticket closed, a message is not taken as news for it, and the reporter is told so', async () => {
    const u = h.tg.user({ firstName: 'Closed', languageCode: 'en' });
    const reference = await submitAnonymous(u);
    const report = await h.store.reports.findByReference(reference);
    await closeByAgent(report!._id);
    await u.sendText('They came back today.');
    expect(lastText(u)).toBe(`Your report ${reference} is closed, so this message has not reached anyone yet. If it should not have been closed, or there is news about it, tap 🔁 Ask staff to look at it again and your message will go to staff. For a different incident, tap 📝 Report an incident.`);
    expect(u.buttons()).toContain('📝 Report an incident');
    expect(await h.store.messages.listForReport(report!._id)).toEqual([]);
    // Someone else's threat forwarded, however short, begins a new report with it, as it would with no ticket at all.
    await u.sendText('Tutawamaliza', { forwardedFrom: 'Kamau' });
    expect(lastText(u)).toContain('I saved that forwarded message with your report');
    expect(lastText(u)).toContain('What do you want to report?');
  });

  it('a protest at a closed report long enough to be a story begins a new report, and says first that the old one is closed', async () => {
    const u = h.tg.user({ firstName: 'Protest', languageCode: 'sw' });
    const reference = await submitAnonymous(u, 'sw');
    const report = (await h.store.reports.findByReference(reference))!;
    await closeByAgent(report._id, 'rejected');
    const before = allTexts(u).length;
    await u.sendText('kwa nini mmekataa ripoti yangu? ni kweli walinipiga pale stage ya Kawangware');
    const answers = allTexts(u).slice(before);
    expect(answers[0]).toBe(`Ripoti yako ${reference} imefungwa, kwa hivyo ujumbe huu haukuongezwa kwenye ripoti hiyo.`);
    expect(answers.at(-1)).toContain('Nimehifadhi ulichotuma');
    expect(await h.store.messages.listForReport(report._id)).toEqual([]);
  });

  it('someone who starts by writing what happened has it kept as the story of a new report', async () => {
    const u = h.tg.user({ firstName: 'Straight in', languageCode: 'en' });
    const story = 'Two officers took my motorbike at Kisii town and asked for 5,000 to give it back.';
    await u.sendText(story);
    expect(lastText(u)).toContain('I have kept what you sent');
    expect(lastText(u)).toContain('What do you want to report?');
    await u.press('Police misconduct');
    await u.press('Bribery or extortion by police');
    await u.press('No');
    // The story question is not asked again: it was answered.
    expect(lastText(u)).toContain('In which county');
    await u.sendText('Kisii');
    await u.sendText('Kisii town');
    await u.press('Today');
    await u.press('🕶 Send anonymously');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description.text).toBe(story);
  });

  it('unblocking the bot (Telegram says so with my_chat_member) puts the ticket back in reach and what staff wrote meanwhile back in line to send', async () => {
    const u = h.tg.user({ firstName: 'Unblocked', languageCode: 'en' });
    const report = (await h.store.reports.findByReference(await submitNamed(u)))!;
    const staff = await h.store.messages.addOutgoing(report._id, { text: 'Are you safe?' });
    await u.setBlocked(true);
    // What the replies worker does with a 403 from Telegram.
    await h.store.messages.markFailed(staff._id, 'blocked');
    await h.store.reports.setReporterUnreachable(report._id, true);
    const count = u.messages().length;
    await u.setBlocked(false);
    expect((await h.store.reports.findById(report._id))?.reporterUnreachable).toBe(false);
    expect((await h.store.messages.findById(staff._id))?.delivery).toBe('pending');
    // Nothing said for it: the staff's message is what they come back to.
    expect(u.messages()).toHaveLength(count);
  });

  it('blocking the bot marks the reporter unreachable at once on their named tickets, as a refused message would, live on the ticket page; unblocking undoes it; their anonymous ticket stays as it was', async () => {
    const u = h.tg.user({ firstName: 'Wanjiku', languageCode: 'en' });
    const report = (await h.store.reports.findByReference(await submitNamed(u)))!;
    const anonymous = (await h.store.reports.findByReference(await submitAnonymous(u)))!;
    const earlier = (await h.store.reports.findByReference(await submitAnonymous(u)))!;
    await closeByAgent(earlier._id);
    const reportId = report._id.toString();
    const count = u.messages().length;
    const logged = h.logs.length;

    await u.setBlocked(true);
    expect((await h.store.reports.findById(report._id))?.reporterUnreachable).toBe(true);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reporter_unreachable')).toHaveLength(1);
    await eventually(() => h.events.some((e) => e.type === 'ticket' && e.reportId === reportId && e.what === 'status'), 'the ticket page told');
    // A closed report is written to no more: its history gains nothing.
    expect((await h.store.reports.findById(earlier._id))?.reporterUnreachable).toBe(false);
    // Nor does their open anonymous one: marked in the same moment, it would be paired with their name.
    expect((await h.store.reports.history(anonymous._id)).map((e) => e.type)).not.toContain('reporter_unreachable');
    expect(h.events.some((e) => e.type === 'ticket' && e.reportId === anonymous._id.toString() && e.what === 'status')).toBe(false);
    // Telegram says it again (a redelivery, another device): marked once.
    await u.setBlocked(true);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reporter_unreachable')).toHaveLength(1);
    // The log names the ticket, never who blocked the bot.
    const lines = h.logs.slice(logged).join('\n');
    expect(lines).toContain(report.reference);
    for (const secret of ['Wanjiku', String(u.id), String(u.chatId)]) expect(lines).not.toContain(secret);

    await u.setBlocked(false);
    expect((await h.store.reports.findById(report._id))?.reporterUnreachable).toBe(false);
    expect(u.messages()).toHaveLength(count);
  });

  it('the phone or location button of a report whose session expired says the report is no longer kept; a contact card is said not to reach staff', async () => {
    const u = h.tg.user({ firstName: 'Came back late', languageCode: 'en' });
    await walkTo(u, 'place');
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await u.shareLocation(-4.05, 39.66);
    const gone = 'If that report was not sent, it is no longer kept: a report not sent within 24 hours is deleted. To report, tap 📝 Report an incident below.';
    expect(allTexts(u).slice(-2)).toEqual([gone, 'What would you like to do?']);
    // With a ticket open, a contact card (a witness's number) is meant for staff: it does not reach them, and that is said.
    const reference = await submitAnonymous(u);
    await u.sendRaw({ message: { message_id: 9_100, date: Math.floor(Date.now() / 1000), chat: { id: u.chatId, type: 'private', first_name: 'Came back late' }, from: u.info, contact: { phone_number: '+254700000002', first_name: 'Witness', user_id: u.id + 7 } } });
    expect(lastText(u)).toBe("Contact cards are not passed on to staff. If they should have this person's name or number, please type it in a message.");
    // Their own card (staff asked for a number on an anonymous report): said of their own number, with what typing it means.
    await u.sendRaw({ message: { message_id: 9_101, date: Math.floor(Date.now() / 1000), chat: { id: u.chatId, type: 'private', first_name: 'Came back late' }, from: u.info, contact: { phone_number: '+254700000003', first_name: 'Came back late', user_id: u.id } } });
    expect(lastText(u)).toBe('Your contact card is not passed on to staff. If you want them to have your number, type it in a message; but on a report sent without your name, that number tells them who you are.');
    expect(await h.store.messages.listForReport((await h.store.reports.findByReference(reference))!._id)).toEqual([]);
  });

  it('a button of a report left unsent until its session expired says the report is no longer kept, with the menu', async () => {
    const u = h.tg.user({ firstName: 'Expired', languageCode: 'en' });
    await walkTo(u, 'county');
    // 24 hours later the session (and the draft in it) is gone, as its TTL makes it.
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await u.press('Mombasa');
    expect(u.callbackAnswers().at(-1)).toBe('That button is from an older message.');
    expect(allTexts(u).slice(-2)).toEqual(['If that report was not sent, it is no longer kept: a report not sent within 24 hours is deleted. To report, tap 📝 Report an incident below.', 'What would you like to do?']);
    expect(u.buttons()).toContain('📝 Report an incident');
  });

  it('Back or Cancel on the place question of a report whose session expired removes its keyboard, and never reaches the staff', async () => {
    const u = h.tg.user({ firstName: 'Leftover', languageCode: 'en' });
    // An urgent ticket is open (someone was in danger), so a message would go to its staff.
    await u.sendText('/start');
    if (u.buttons().includes('☰ Menu in English')) await u.press('☰ Menu in English');
    await u.press('📝 Report an incident');
    await u.press('Police misconduct');
    await u.press('Excessive force or brutality');
    await u.press('🚨 Yes');
    await u.sendText('Two officers are beating a young man outside the shop right now.');
    await u.press('Skip'); // "Was anyone hurt?"
    await u.sendText('Kisumu');
    expect(u.replyKeyboard()).toContain('‹ Back');
    const [urgent] = await h.store.models.Report.find({ reporterId: (await h.store.reporters.findByTelegramUser(u.id))!._id }).lean();
    const gone = 'If that report was not sent, it is no longer kept: a report not sent within 24 hours is deleted. To report, tap 📝 Report an incident below.';
    const expire = () => h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await expire();
    // An older question's Back: stale, and the keyboard under the chat goes with the report.
    await u.press('‹ Back');
    expect(allTexts(u).slice(-2)).toEqual([gone, 'What would you like to do?']);
    expect(u.replyKeyboard()).toEqual([]);
    // The reply keyboard's Back and Cancel, typed as text (a keyboard still up from before).
    for (const [label, said] of [['‹ Back', gone], ['✖ Cancel', 'There is no report in progress. To withdraw a report you already sent, use /status.'], ['‹ Nyuma', gone]]) {
      await u.sendText(label);
      expect(allTexts(u).slice(-2)).toEqual([said, 'What would you like to do?']);
      expect(u.replyKeyboard()).toEqual([]);
    }
    expect(await h.store.messages.listForReport(urgent._id)).toEqual([]);
  });

  it('without an open ticket, a message gets the main menu (a greeting, with what Ripoti is for above it)', async () => {
    const u = h.tg.user({ firstName: 'Newcomer', languageCode: 'en' });
    await u.sendText('hello?');
    expect(lastText(u)).toMatch(/^Hello 👋 This is Ripoti: .*\n\nWhat would you like to do\?$/);
    expect(u.buttons()).toContain('📝 Report an incident');
  });
});

describe('/language, /help and /privacy', () => {
  it('switches language mid-report and keeps it for the reporter', async () => {
    const u = h.tg.user({ firstName: 'Lugha', languageCode: 'en' });
    await walkTo(u, 'county');
    await u.sendText('/language');
    await u.press('Kiswahili');
    expect(allTexts(u).slice(-2)[0]).toBe('Lugha sasa ni Kiswahili.');
    expect(lastText(u)).toContain('Ilitokea katika kaunti gani?');
    // Each answered above the question, asked again under it (the report is still being written).
    await u.sendText('/help');
    expect(allTexts(u).at(-2)).toContain('Jinsi Ripoti inavyofanya kazi');
    await u.sendText('/privacy');
    const privacy = allTexts(u).at(-2);
    expect(privacy).toContain('Faragha yako');
    expect(privacy).toContain('bila kutaja jina lako');
    expect(privacy).toContain('hufutwa saa 24 baada ya ujumbe wako wa mwisho');
    // Honest about referrals: the facts may go to an agency such as IPOA; name and number only with a yes.
    expect(privacy).toContain('kwa taasisi inayoshughulikia kesi za aina hiyo, kama IPOA');
    expect(privacy).toContain('jina lako na nambari yako hutumwa kwao tu ukikubali');
    expect(privacy).not.toContain('wahudumu wa Ripoti pekee');
    expect(lastText(u)).toContain('Ilitokea katika kaunti gani?');
    await u.sendText('Nakuru');
    expect(lastText(u)).toContain('Ni wapi hasa ndani ya Nakuru');
  });
});

describe('a question about the bot in the middle of a report', () => {
  const T = {
    en: { cmds: ['/help', '/privacy', '/status'], answers: ['How Ripoti works', 'Your privacy', 'No report you have sent is open. The one you are writing now is not sent yet.'], resume: 'You have a report in progress. Let us continue where you stopped.', asked: 'Where in Nakuru?', menu: '☰ Menu in English', place: 'Stage', noted: 'Place noted.' },
    sw: { cmds: ['/msaada', '/faragha', '/hali'], answers: ['Jinsi Ripoti inavyofanya kazi', 'Faragha yako', 'Huna ripoti uliyotuma ambayo bado inashughulikiwa. Ripoti unayoandika sasa bado haijatumwa.'], resume: 'Una ripoti ambayo hujamaliza. Tuendelee ulipoishia.', asked: 'Ni wapi hasa ndani ya Nakuru?', menu: '☰ Menyu kwa Kiswahili', place: 'Stage', noted: 'Sawa, tumepata mahali.' },
  };
  it.each(['en', 'sw'] as const)('(%s) is answered, then the question waiting is asked again, as /start does: the reporter sees the report is kept and what comes next', async (lang) => {
    const t = T[lang];
    const u = h.tg.user({ firstName: 'Midway', languageCode: lang });
    await walkTo(u, 'place', lang);
    for (const [i, cmd] of t.cmds.entries()) {
      await u.sendText(cmd);
      expect(allTexts(u).at(-2)).toContain(t.answers[i]);
      expect(said(u)).toBe(t.resume);
      expect(lastText(u)).toContain(t.asked);
    }
    // The first message's "Menu" button, still on screen above: not a welcome as if nothing were being written.
    await u.press(t.menu);
    expect(said(u)).toBe(t.resume);
    expect(lastText(u)).toContain(t.asked);
    await u.sendText(t.place);
    expect(allTexts(u)).toContain(t.noted);
  });
});

describe('the language a reporter chose', () => {
  it('outlives their conversation: a day later the bot still speaks it, though their phone is set to English', async () => {
    const u = h.tg.user({ firstName: 'Chagua', languageCode: 'en' });
    await u.sendText('/language');
    await u.press('Kiswahili');
    // Nothing outlives the conversation of someone who has not reported.
    const languageKey = `${h.prefix}:lang:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
    expect(await h.redis.exists(languageKey)).toBe(0);
    const reference = await submitAnonymous(u, 'sw');
    expect(await h.redis.get(languageKey)).toBe('sw');
    // A day without a message: the conversation is forgotten (its key expires).
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);

    await u.sendText('Gari lao lilikuwa Probox nyeupe.');
    expect(lastText(u)).toBe(`✅ Ujumbe wako umeongezwa kwenye ripoti yako ${reference}. Mhudumu atausoma atakapoichukua ripoti yako.`);
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await u.sendText('/start');
    // Not the first message's choice of languages again: the menu, in Kiswahili.
    expect(lastText(u)).not.toContain('Welcome');
    expect(u.buttons()).toContain('📝 Ripoti tukio');
    // Their record keeps the language they chose, for agents' messages.
    const report = await h.store.reports.findByReference(reference);
    expect((await h.store.models.Reporter.findById(report!.reporterId).lean())?.language).toBe('sw');
  });

  it('goes with their identity when retention deletes it: the bot then asks for a language again', async () => {
    const u = h.tg.user({ firstName: 'Sahau', languageCode: 'en' });
    await u.sendText('/language');
    await u.press('Kiswahili');
    const reference = await submitAnonymous(u, 'sw');
    const key = languageKey(h.prefix, h.store.cipher, u.id, u.chatId);
    expect(await h.redis.get(key)).toBe('sw');
    // A year after the report closed, and after their last report: retention's pass, wired as the worker does.
    const report = (await h.store.reports.findByReference(reference))!;
    expect(await h.store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 366 * 86400_000) } });
    await h.store.models.Reporter.collection.updateOne({ _id: report.reporterId }, { $set: { seenAt: new Date(Date.now() - 366 * 86400_000) } });
    const forget = languageForgetter(h.redis, h.prefix, h.store.cipher);
    expect((await purgeExpired(h.store, 365, new Date(), { forget })).reporters).toBeGreaterThanOrEqual(1);
    expect(await h.redis.exists(key)).toBe(0);
    // Their conversation long forgotten too, the bot does not know them: both languages offered.
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await u.sendText('/start');
    expect(lastText(u)).toContain('Welcome');
  });
});
