/**
 * The first message, the welcome's buttons mid-report and the answer after sending: "naogopa
 * watanijua" typed first is answered (not the story of a report); an old welcome's kind button
 * tapped mid-report keeps the draft; "what happens next?" after Send says who may call.
 */
import { Types } from 'mongoose';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_welcome_fear_next');
});

afterAll(async () => {
  await h?.close();
});

describe('the fear of being known, typed as the very first message', () => {
  it.each([
    // Short, it was the bare menu; long enough to be an account (40 characters, 6 words), it began a report with it as the story.
    ['sw', 'naogopa watanijua', 'Si lazima ujulikane.', ['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi'], '🚓 Makosa ya polisi', 'Kufikia sasa umetuambia'],
    ['sw', 'Ninaogopa sana kwamba polisi watanijua ni mimi', 'Si lazima ujulikane.', ['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi'], '🚓 Makosa ya polisi', 'Kufikia sasa umetuambia'],
    ['en', "I'm scared they will find out it was me", 'You do not have to be known.', ['🚓 Police misconduct', '🗳 Election incident'], '🚓 Police misconduct', 'So far you told us'],
    ['en', 'I am scared they will find out it was me', 'You do not have to be known.', ['🚓 Police misconduct', '🗳 Election incident'], '🚓 Police misconduct', 'So far you told us'],
  ] as const)('(%s) "%s" is answered with how to stay unknown and the start buttons; no report begins with the words as its story', async (lang, fear, answer, buttons, police, soFar) => {
    const u = h.tg.user({ firstName: `Afraid ${fear.length}`, languageCode: lang });
    await u.sendText(fear);
    expect(lastText(u)).toContain(answer);
    expect(u.buttons()).toEqual(expect.arrayContaining([...buttons]));
    // One tap begins a report; the fear is not its story.
    await u.press(police);
    await u.press(lang === 'sw' ? 'Polisi kuitisha hongo au pesa' : 'Bribery or extortion by police');
    await u.press(lang === 'sw' ? 'Hapana' : 'No');
    expect(lastText(u)).toContain(lang === 'sw' ? 'Tueleze kilichotokea' : 'Tell us what happened');
    expect(allTexts(u).join('\n')).not.toContain(soFar);
  });

  it('(sw) the fear with what was done ("naogopa watanijua, polisi walinipiga jana") still begins a report with the account kept', async () => {
    const u = h.tg.user({ firstName: 'Afraid and beaten', languageCode: 'sw' });
    await u.sendText('naogopa watanijua, polisi walinipiga jana');
    expect(lastText(u)).not.toContain('Si lazima ujulikane.');
    await u.press('Nguvu kupita kiasi au ukatili');
    await u.press('Hapana');
    expect(lastText(u)).toContain('Kufikia sasa umetuambia:\n«naogopa watanijua, polisi walinipiga jana»');
  });
});

describe('the fear of being known, typed first in Swahili on a phone set to English', () => {
  it.each(['naogopa watanijua', 'nitaumia wakijua'])('"%s" is answered in Swahili, with the Swahili start buttons', async (fear) => {
    const u = h.tg.user({ firstName: `Afraid en phone ${fear.length}`, languageCode: 'en' });
    await u.sendText(fear);
    expect(lastText(u)).toContain('Si lazima ujulikane.');
    expect(u.buttons()).toEqual(expect.arrayContaining(['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi']));
  });
});

describe('a short first message in Sheng or Swahili, on a phone set to English', () => {
  // Each had one word the guess knew ("askari", "wamenichapa"), not two: the whole report went on in English.
  it.each(['Makarao wamenichapa vibaya', 'mtoto wangu amepotea', 'Askari amenipiga kofi', 'Kanjo wamenitandika'])('"%s" is answered in Swahili', async (first) => {
    const u = h.tg.user({ firstName: `Short sw ${first.length}`, languageCode: 'en' });
    await u.sendText(first);
    const said = allTexts(u).join('\n');
    expect(said).toContain('Nimehifadhi ulichotuma: kitakuwa maelezo ya ripoti yako.');
    expect(said).not.toContain('I have kept what you sent');
  });
});

describe('the fear of being known, with what is being done, as the very first message', () => {
  it('(sw) "naogopa watanijua, polisi wanadai hongo kila siku kwa stage" begins a report with the account kept, not the fear answer alone', async () => {
    const u = h.tg.user({ firstName: 'Afraid and asked for bribes', languageCode: 'sw' });
    await u.sendText('naogopa watanijua, polisi wanadai hongo kila siku kwa stage');
    expect(allTexts(u).join('\n')).not.toContain('Si lazima ujulikane.');
    expect(allTexts(u).join('\n')).toContain('Nimehifadhi ulichotuma: kitakuwa maelezo ya ripoti yako.');
  });
});

describe("the first message's kind button, tapped again while a report is in progress", () => {
  it('(sw) at the kind question, "🚓 Makosa ya polisi" on the old welcome is taken as the kind: the police list comes next', async () => {
    const u = h.tg.user({ firstName: 'Old welcome at kind', languageCode: 'sw' });
    await u.sendText('/start');
    await u.press('☰ Menyu kwa Kiswahili');
    await u.press('📝 Ripoti tukio');
    expect(lastText(u)).toContain('Unataka kuripoti nini?');
    const before = u.messages().length;
    await u.press('🚓 Makosa ya polisi');
    const after = allTexts(u).slice(before).join('\n');
    expect(lastText(u)).toContain('nini kilitokea? Chagua kilicho karibu zaidi.');
    expect(u.buttons()).toContain('Polisi kuitisha hongo au pesa');
    expect(after).not.toContain('Unataka kuripoti nini?');
  });

  it("(sw) the kind question's own buttons, answered by the welcome's tap, are taken off it: no stale kind buttons stay under it", async () => {
    const u = h.tg.user({ firstName: 'Old welcome, stale kind', languageCode: 'sw' });
    await u.sendText('/start');
    await u.press('☰ Menyu kwa Kiswahili');
    await u.press('📝 Ripoti tukio');
    const kindQuestion = u.lastMessage().messageId;
    expect(u.buttons()).toContain('Tukio linalohusu uchaguzi');
    await u.press('🚓 Makosa ya polisi');
    const asked = u.messages().find((m) => m.messageId === kindQuestion);
    expect(asked?.text).toContain('Unataka kuripoti nini?');
    expect(asked?.raw.reply_markup).toBeUndefined();
    expect(u.buttons()).toContain('Polisi kuitisha hongo au pesa');
  });

  it.each([
    ['sw', '☰ Menyu kwa Kiswahili', '📝 Ripoti tukio', 'polisi', 'Unataka kuripoti nini?', 'Polisi kuitisha hongo au pesa'],
    ['en', '☰ Menu in English', '📝 Report an incident', 'I want to report the police', 'What do you want to report?', 'Bribery or extortion by police'],
  ] as const)("(%s) the kind typed at the kind question takes that question's buttons off it, with one Bot API call: no stale kind buttons stay under it", async (lang, menu, report, typed, question, nextButton) => {
    const u = h.tg.user({ firstName: `Kind typed ${lang}`, languageCode: lang });
    await u.sendText('/start');
    await u.press(menu);
    await u.press(report);
    const kindQuestion = u.lastMessage().messageId;
    expect(u.lastMessage().text).toContain(question);
    const mine = () => h.tg.calls().filter((c) => c.params.chat_id === u.chatId);
    const before = mine().length;
    await u.sendText(typed);
    const asked = u.messages().find((m) => m.messageId === kindQuestion);
    expect(asked?.text).toContain(question);
    expect(asked?.raw.reply_markup).toBeUndefined();
    expect(u.buttons()).toContain(nextButton);
    expect(mine().slice(before).filter((c) => c.method === 'editMessageReplyMarkup').map((c) => c.params.message_id)).toEqual([kindQuestion]);
  });

  it("(en) a tap on the kind question's own button costs no extra Bot API call: the question becomes the next one in place", async () => {
    const u = h.tg.user({ firstName: 'Kind tapped in place', languageCode: 'en' });
    await u.sendText('/start');
    await u.press('☰ Menu in English');
    await u.press('📝 Report an incident');
    const mine = () => h.tg.calls().filter((c) => c.params.chat_id === u.chatId || c.params.callback_query_id !== undefined);
    const before = mine().length;
    await u.press('Police misconduct');
    expect(mine().slice(before).map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
  });

  it('(en) further on, the story told, "🚓 Police misconduct" on the old welcome keeps the draft: the question at hand is asked again with its buttons, and the report is sent with the story', async () => {
    const u = h.tg.user({ firstName: 'Old welcome later', languageCode: 'en' });
    await u.sendText('/start');
    await u.press('🚓 Police misconduct');
    await u.press('Bribery or extortion by police');
    await u.press('No');
    await u.sendText('Police asked me for a bribe at the junction near the market.');
    expect(lastText(u)).toContain('In which county');
    const before = u.messages().length;
    await u.press('🚓 Police misconduct');
    const after = allTexts(u).slice(before).join('\n');
    expect(after).toContain('You have a report in progress');
    expect(after).not.toContain('What do you want to report?');
    expect(lastText(u)).toContain('In which county');
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press('Today');
    expect(lastText(u)).toContain('Police asked me for a bribe at the junction near the market.');
  });
});


/** The reporter's messages stored on the report, for staff. */
async function fromReporter(reference: string): Promise<(string | undefined)[]> {
  const report = await h.store.reports.findByReference(reference);
  return (await h.store.messages.listForReport(report!._id)).filter((m) => m.direction === 'from_reporter').map((m) => m.text);
}

async function sendAnonymously(u: TelegramUser, lang: 'en' | 'sw'): Promise<string> {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  return referenceIn(lastText(u));
}

const ANONYMOUS = {
  en: 'You sent this report without your name: nobody sees your name, username or number, not even Ripoti staff.',
  sw: 'Ulituma ripoti hii bila kutaja jina lako: hakuna anayeona jina lako, jina la mtumiaji wala nambari yako, hata wahudumu wa Ripoti.',
};
const NAMED = {
  en: 'You sent this report with your phone number: the staff member handling it, and supervisors, see your name, username and number.',
  sw: 'Ulituma ripoti hii pamoja na nambari yako ya simu: mhudumu anayeishughulikia, na wasimamizi, wanaona jina lako, jina la mtumiaji na nambari yako.',
};
const AGENCY_ANONYMOUS = {
  en: 'To get action, staff may pass what happened to an agency such as IPOA, but never your name or number.',
  sw: 'Ili hatua ichukuliwe, wahudumu wanaweza kupeleka kilichotokea kwa taasisi kama IPOA, lakini bila jina lako wala nambari yako.',
};
const AGENCY_NAMED = {
  en: 'your name and number go to an agency only if you say yes when we ask you about that agency.',
  sw: 'jina lako na nambari yako hupelekwa kwa taasisi tu ukikubali tunapokuuliza kuhusu taasisi hiyo.',
};
const READERS = { en: 'Only Ripoti staff read your report (we are not the police).', sw: 'Ripoti yako husomwa na wahudumu wa Ripoti pekee (sisi si polisi).' };
const PASSED = { en: 'Your message went to the staff as well', sw: 'Ujumbe wako pia umewafikia wahudumu' };
// "Maelezo yako" is the reporter's story everywhere else in the bot: their details are "taarifa zako", as in privacy.fear.
const NEVER_GIVEN = { en: 'We never give your details to the people you report.', sw: 'Hatuwapi kamwe watu unaowaripoti taarifa zako.' };

describe('the fear of being known, typed after the report was sent', () => {
  // It went to staff with only "Added to your report...": nobody told the frightened reporter what their own report shows.
  it.each([
    ['sw', 'naogopa watanijua'],
    ['sw', 'nimeogopa wataniona'],
    ['en', "I'm scared they will find out it was me"],
    ['en', 'will the police know I reported?'],
  ] as const)('(%s) sent anonymously, %j is answered about this report: no name went, who reads it, nothing with their name to an agency; the words still reach staff', async (lang, fear) => {
    const u = h.tg.user({ firstName: `Afraid after ${fear.length}`, languageCode: lang });
    const reference = await sendAnonymously(u, lang);
    const before = u.messages().length;
    await u.sendText(fear);
    const said = allTexts(u).slice(before);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(lang === 'en' ? `Added to your report ${reference}` : `Ujumbe wako umeongezwa kwenye ripoti yako ${reference}`);
    for (const part of [ANONYMOUS, READERS, AGENCY_ANONYMOUS, PASSED, NEVER_GIVEN]) expect(said[0]).toContain(part[lang]);
    expect(said[0]).not.toContain(NAMED[lang]);
    expect(await fromReporter(reference)).toEqual([fear]);
    if (lang === 'sw') expectNoEnglish(said);
  });

  it.each([
    ['en', "I'm scared they will find out it was me", '📞 Send with my phone number', '📱 Send my phone number'],
    ['sw', 'naogopa watanijua', '📞 Tuma pamoja na nambari yangu', '📱 Tuma nambari yangu ya simu'],
  ] as const)('(%s) sent with the phone number, %j is told who sees the name and number (never showing them) and that an agency gets them only with a yes', async (lang, fear, sendWith, share) => {
    const u = h.tg.user({ firstName: `Afraid named ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(sendWith);
    await u.press(share, { phoneNumber: '+254722000111' });
    const reference = referenceIn(lastText(u));
    const before = u.messages().length;
    await u.sendText(fear);
    const said = allTexts(u).slice(before);
    expect(said).toHaveLength(1);
    for (const part of [NAMED, READERS, AGENCY_NAMED, PASSED, NEVER_GIVEN]) expect(said[0]).toContain(part[lang]);
    expect(said[0]).not.toContain(ANONYMOUS[lang]);
    expect(said[0]).not.toMatch(/722\s?000\s?111/);
    expect(said[0]).not.toContain(`Afraid named ${lang}`);
    expect(await fromReporter(reference)).toEqual([fear]);
    if (lang === 'sw') expectNoEnglish(said);
  });

  it('(en) once a staff member holds the report, the fear goes to them and is still answered', async () => {
    const u = h.tg.user({ firstName: 'Afraid held', languageCode: 'en' });
    const reference = await sendAnonymously(u, 'en');
    const report = await h.store.reports.findByReference(reference);
    await h.store.reports.transition(report!._id, 'assigned', { kind: 'system' }, { assignee: new Types.ObjectId().toString() });
    await u.sendText("I'm scared they will find out it was me");
    expect(lastText(u)).toContain(`✅ Sent to the staff member handling ${reference}.`);
    expect(lastText(u)).toContain(ANONYMOUS.en);
    expect(await fromReporter(reference)).toEqual(["I'm scared they will find out it was me"]);
  });

  it.each([
    ['naogopa watanijua', 'sw', ANONYMOUS.sw, ANONYMOUS.en],
    ["I'm scared they will find out it was me", 'en', ANONYMOUS.en, ANONYMOUS.sw],
  ] as const)('%j from a reporter who chose the other language is answered in the language it is said in, as on a first message', async (fear, said, answer, other) => {
    const chosen = said === 'sw' ? 'en' : 'sw';
    const u = h.tg.user({ firstName: `Afraid in ${said}`, languageCode: chosen });
    const reference = await sendAnonymously(u, chosen);
    await u.sendText(fear);
    expect(lastText(u)).toContain(answer);
    expect(lastText(u)).not.toContain(other);
    expect(await fromReporter(reference)).toEqual([fear]);
  });

  it('(en) a message that tells more, or fear told with what was done, is added with no answer about being known', async () => {
    const u = h.tg.user({ firstName: 'Not afraid', languageCode: 'en' });
    const reference = await sendAnonymously(u, 'en');
    await u.sendText('They also took my ID card.');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
    await u.sendText('I am scared, the officer said he will find me');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
  });
});
