/** Every bad input gets a polite re-ask in the reporter's language, and the wizard stays where it was. */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, clockAwayFromMidnight, formatDayEat, lastText, pressTampered, questionText, referenceIn, SEND_ANONYMOUSLY, walkTo, said } from './helpers';

let h: BotHarness;
const clock = clockAwayFromMidnight();

beforeAll(async () => {
  h = await startBotHarness('bot_inputs', { now: clock });
});

afterAll(async () => {
  await h?.close();
});

const DAY = 24 * 3600 * 1000;

describe('re-asks in English', () => {
  it('an empty description is asked again; a long one (under the limit) is taken', async () => {
    const u = h.tg.user({ firstName: 'Akinyi', languageCode: 'en' });
    await walkTo(u, 'desc');
    await u.sendText('    ');
    expect(said(u)).toBe('The message was empty. Please tell us what happened.');
    expect(lastText(u)).toContain('Tell us what happened');
    // Still on the same question: a good answer moves on.
    await u.sendText('x'.repeat(3500));
    expect(lastText(u)).toContain('In which county');
  });

  it('a date in the future, more than a year ago, or unreadable', async () => {
    const u = h.tg.user({ firstName: 'Baraka', languageCode: 'en' });
    await walkTo(u, 'when');
    const today = formatDayEat(clock());
    await u.sendText(formatDayEat(new Date(clock().getTime() + 2 * DAY)));
    expect(said(u)).toBe(`That date is in the future. Please check it. Today is ${today}.`);
    await u.sendText(formatDayEat(new Date(clock().getTime() - 400 * DAY)));
    expect(said(u)).toContain('more than a year ago');
    await u.sendText('31/02/2025');
    expect(said(u)).toBe(`I could not read that date. Please type it like this: ${today}.`);
    expect(lastText(u)).toContain('When did it happen?');
    await u.sendText(today);
    expect(lastText(u)).toContain('Please check your report');
  });

  it('an unknown county typed: the closest one is suggested with a button', async () => {
    const u = h.tg.user({ firstName: 'Chebet', languageCode: 'en' });
    await walkTo(u, 'county');
    await u.sendText('Kirinyga');
    expect(lastText(u)).toBe('I could not find that county. Did you mean Kirinyaga? Tap it, or choose another.');
    expect(u.buttons()[0]).toBe('✅ Kirinyaga');
    await u.sendText('qwrtz');
    expect(lastText(u)).toBe('I do not know that county. Please choose it from the list.');
    expect(u.buttons()).toContain('Mombasa');
    // The suggestion from the earlier message is still a valid answer to the same question.
    await u.press('✅ Kirinyaga');
    expect(lastText(u)).toContain('Where in Kirinyaga?');
  });

  it('a file over 20 MB is refused and not counted; a sticker is not evidence', async () => {
    const u = h.tg.user({ firstName: 'Dan', languageCode: 'en' });
    await walkTo(u, 'ev');
    await u.sendDocument({ fileName: 'video.mov', mimeType: 'video/quicktime', sizeBytes: 21 * 1024 * 1024 });
    expect(said(u)).toBe('That file is too big. Files must be under 20 MB. Please send a smaller one.');
    await u.sendSticker();
    expect(said(u)).toContain('I cannot use that as evidence');
    await u.sendPhoto();
    expect(lastText(u)).toContain('1 of 10 received');
  });

  it('at most 10 evidence files', async () => {
    const u = h.tg.user({ firstName: 'Esther', languageCode: 'en' });
    await walkTo(u, 'ev');
    for (let i = 0; i < 10; i++) await u.sendPhoto();
    expect(lastText(u)).toContain('10 of 10 received');
    await u.sendPhoto();
    expect(lastText(u)).toBe('You have already sent 10 files, the most we can take.');
    await u.press('✅ Done');
    expect(lastText(u)).toContain('10 files');
  });

  it('an album of photos at the review: one answer and one review after the last, not one per photo', async () => {
    const u = h.tg.user({ firstName: 'Fatuma', languageCode: 'en' });
    await walkTo(u, 'review');
    const count = (s: string) => u.messages().filter((m) => (m.text ?? '').includes(s)).length;
    const reviews = count('Please check your report');
    const before = u.mark();
    for (let i = 0; i < 4; i++) await u.sendPhoto({ mediaGroupId: '13600000000000001' });
    // After the album's short wait, the review once, with all four files.
    await u.waitForMessage('4 files', { since: before });
    expect(count('Please check your report')).toBe(reviews + 1);
    expect(count('Saved with your report')).toBe(1);
    expect(lastText(u)).toContain('Please check your report');
  });

  it('stickers and other unexpected content at a button step re-show the question', async () => {
    const u = h.tg.user({ firstName: 'Faith', languageCode: 'en' });
    await walkTo(u, 'cat');
    await u.sendSticker();
    expect(said(u)).toBe('Sorry, I did not understand that. Please tap one of the buttons.');
    expect(u.buttons()).toContain('Bribery or extortion by police');
    await u.sendText('money');
    expect(said(u)).toBe('Sorry, I did not understand that. Please tap one of the buttons.');
    await u.shareLocation(-1.28, 36.82);
    expect(lastText(u)).toContain('what happened? Choose the closest one');
    // A bribe named in a word is that category.
    await u.sendText('bribe');
    expect(lastText(u)).toContain('Is someone in danger right now?');
  });

  it('only the reporter’s own contact is accepted', async () => {
    const u = h.tg.user({ firstName: 'George', languageCode: 'en' });
    await walkTo(u, 'review');
    await u.press('📞 Send with my phone number');
    // A contact card of someone else, picked from the address book.
    await u.sendRaw({ message: { message_id: 9_000, date: Math.floor(Date.now() / 1000), chat: { id: u.chatId, type: 'private', first_name: 'George' }, from: u.info, contact: { phone_number: '+254700000001', first_name: 'Other', user_id: u.id + 1 } } });
    expect(lastText(u)).toBe("Please share your own number with the button below, not someone else's contact.");
    await u.sendText('0712345678');
    expect(lastText(u)).toBe('Please use the button below to share your number, or tap Back.');
    await u.press('📱 Send my phone number');
    expect(lastText(u)).toContain('Received. Your reference is');
  });

  it('an album sent before choosing what happened: kept, one answer, the question still there', async () => {
    const u = h.tg.user({ firstName: 'Kevin', languageCode: 'en' });
    await walkTo(u, 'cat');
    const before = u.mark();
    for (let i = 0; i < 3; i++) await u.sendPhoto({ mediaGroupId: '13600000000000002' });
    await u.waitForMessage('3 of 10', { since: before });
    const texts = u.messages().map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes('Saved with your report'))).toEqual(['📎 Saved with your report (3 of 10). Please still answer the question above.']);
    expect(texts.filter((t) => t.includes('did not understand'))).toEqual([]);
    await u.press('Bribery or extortion by police');
    await u.press('No');
    expect(questionText(u)).toContain('what happened');
  });

  it('photos sent before anything else start a report and are kept with it, an album answered once', async () => {
    const u = h.tg.user({ firstName: 'Mercy', languageCode: 'en' });
    await u.sendPhoto({ caption: 'the officer who hit him' });
    expect(lastText(u)).toContain('📎 Saved with your report (1 of 10).');
    expect(u.buttons()).toContain('Police misconduct');
    const before = u.mark();
    for (let i = 0; i < 3; i++) await u.sendPhoto({ mediaGroupId: '13600000000000003' });
    await u.waitForMessage('4 of 10', { since: before });
    expect(u.messages().filter((m) => (m.text ?? '').includes('Saved with your report')).map((m) => m.text?.split('\n')[0])).toEqual([
      '📎 Saved with your report (1 of 10).',
      '📎 Saved with your report (4 of 10). Please still answer the question above.',
    ]);
    await u.press('Police misconduct');
    await u.press('Excessive force or brutality');
    await u.press('No');
    await u.sendText('Officers beat my brother at the stage for no reason.');
    await u.press('Skip'); // "Was anyone hurt?"
    await u.sendText('Nakuru');
    await u.sendText('Kenyatta Avenue stage');
    await u.press('Today');
    expect(lastText(u)).toContain('Evidence: 4 files');
  });

  it("a voice note passed on from someone else, sent first, is evidence; a photo whose caption tells what happened, sent first, gives the story", async () => {
    const u = h.tg.user({ firstName: 'Passed on', languageCode: 'en' });
    await u.sendVoice({ durationSec: 20, forwardedFrom: 'Kamau' });
    expect(lastText(u)).toContain('📎 Saved with your report (1 of 10).');
    await u.press('Police misconduct');
    await u.press('Excessive force or brutality');
    await u.press('No');
    // Their own account is still asked for.
    expect(lastText(u)).toContain('Tell us what happened');
    // So it is after a photo passed on with someone else's words as its caption.
    const w = h.tg.user({ firstName: 'Passed on photo', languageCode: 'en' });
    await w.sendPhoto({ caption: 'BREAKING: police beat protesters at Githurai stage and took three away', forwardedFrom: 'Kenya News Channel' });
    expect(allTexts(w).some((t) => t.includes('it will be the story of your report'))).toBe(false);
    await w.press('Police misconduct');
    await w.press('Excessive force or brutality');
    await w.press('No');
    expect(lastText(w)).toContain('Tell us what happened');

    const v = h.tg.user({ firstName: 'Captioned', languageCode: 'en' });
    // One act named ("...and took him away" would be a second, an arrest: the list then comes with no guess).
    const story = 'Police at Githurai stage beat my brother with clubs until he fell.';
    await v.sendPhoto({ caption: story });
    expect(allTexts(v).some((t) => t.includes('it will be the story of your report'))).toBe(true);
    // The one category the caption names is offered with the police list.
    expect(lastText(v)).toContain('It sounds like: Excessive force or brutality.');
    await v.press('Excessive force or brutality');
    await v.press('No');
    // Not asked for again: the next question is whether anyone was hurt, then the county.
    expect(lastText(v)).toContain('Was anyone hurt?');
    await v.press('Skip');
    expect(lastText(v)).toContain('In which county');
    await v.sendText('Kiambu');
    await v.sendText('Githurai 45 stage');
    await v.press('Today');
    expect(lastText(v)).toContain(story);
    expect(lastText(v)).toContain('Evidence: 1 file');
  });

  it('an album sent before anything else: the question, then one answer for all its photos; a file too big says so', async () => {
    const u = h.tg.user({ firstName: 'Wairimu', languageCode: 'en' });
    const before = u.mark();
    for (let i = 0; i < 3; i++) await u.sendPhoto({ mediaGroupId: '13600000000000004' });
    await u.waitForMessage('3 of 10', { since: before });
    const texts = u.messages().map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes('Saved with your report'))).toEqual(['📎 Saved with your report (3 of 10). Please still answer the question above.']);
    expect(texts.filter((t) => t.includes('What would you like to do?'))).toEqual([]);
    expect(u.buttons()).toContain('Police misconduct');

    const v = h.tg.user({ firstName: 'Kiprop', languageCode: 'en' });
    await v.sendDocument({ fileName: 'video.mov', mimeType: 'video/quicktime', sizeBytes: 21 * 1024 * 1024 });
    expect(v.messages().map((m) => m.text)).toEqual(['That file is too big. Files must be under 20 MB. Please send a smaller one.', 'What would you like to do?']);
  });

  it('a photo at the review: one message says it is saved and shows the review again', async () => {
    const u = h.tg.user({ firstName: 'Wanjiku', languageCode: 'en' });
    await walkTo(u, 'review');
    const count = u.messages().length;
    await u.sendPhoto();
    expect(u.messages()).toHaveLength(count + 1);
    expect(said(u)).toBe('📎 Saved with your report (1 of 10).');
    expect(lastText(u)).toContain('📋 Please check your report');
    expect(lastText(u)).toContain('Evidence: 1 file');
  });

  it('a button from an old message: the callback is answered and the current step shown again', async () => {
    const u = h.tg.user({ firstName: 'Halima', languageCode: 'en' });
    await walkTo(u, 'danger');
    await u.sendSticker(); // the danger question asked again in a new message: the first one stays above
    await u.press('No'); // on the newest: it becomes the next question
    expect(lastText(u)).toContain('Tell us what happened');
    await u.press('No'); // the first danger question, one message back
    expect(u.callbackAnswers().at(-1)).toBe('That button is from an older message.');
    expect(lastText(u)).toContain('Tell us what happened');
    // The old question is left as it was: only a press on the live question changes it.
    expect(allTexts(u).filter((t) => t.includes('Is someone in danger right now?'))).toHaveLength(1);
  });

  it('tampered callback data is never trusted', async () => {
    const u = h.tg.user({ firstName: 'Ian', languageCode: 'en' });
    await walkTo(u, 'cat');
    const draftData = u.lastMessage().raw.reply_markup?.inline_keyboard[0][0].callback_data ?? '';
    const draftId = draftData.split(':')[1];
    // An election category while reporting police misconduct, and an unknown category.
    await pressTampered(h.tg, u, `w:${draftId}:cat:e_tamper`);
    expect(u.callbackAnswers().at(-1)).toBe('That button is from an older message.');
    expect(lastText(u)).toContain('what happened? Choose the closest one');
    await pressTampered(h.tg, u, `w:${draftId}:cat:zzz`);
    await pressTampered(h.tg, u, 'w:AAAAAAAAAAAA:cat:p_force');
    await pressTampered(h.tg, u, 'garbage');
    expect(u.callbackAnswers().slice(-3)).toEqual(Array(3).fill('That button is from an older message.'));
    await u.press('Excessive force or brutality');
    await u.press('No');
    // The question pressed is replaced in place (above the menu the garbage data got).
    expect(questionText(u)).toContain('Tell us what happened');
    // A county code out of range.
    await u.sendText('They beat us.');
    await u.press('Skip'); // "Was anyone hurt?"
    await pressTampered(h.tg, u, `w:${draftId}:county:48`);
    expect(lastText(u)).toContain('In which county');
  });
});

describe('re-asks in Swahili', () => {
  it('speaks Swahili for each mistake', async () => {
    const u = h.tg.user({ firstName: 'Neema', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    await u.sendText('   ');
    expect(said(u)).toBe('Ujumbe haukuwa na maneno. Tafadhali tueleze kilichotokea.');
    await u.sendSticker();
    expect(said(u)).toContain('Samahani, sijaelewa');
    await u.sendText('Polisi walinipiga.');
    await u.sendText('Nakru');
    expect(lastText(u)).toBe('Sikuipata kaunti hiyo. Ulimaanisha Nakuru? Ibonyeze, au chagua nyingine.');
    await u.press('✅ Nakuru');
    await u.sendText('Soko la Wakulima');
    await u.sendText(formatDayEat(new Date(clock().getTime() + 2 * DAY)));
    expect(said(u)).toContain('Tarehe hiyo bado haijafika');
    await u.sendText(formatDayEat(new Date(clock().getTime() - 400 * DAY)));
    expect(said(u)).toContain('zaidi ya mwaka mmoja uliopita');
    await u.press('Leo');
    await u.press('📎 Ongeza faili');
    await u.sendDocument({ fileName: 'big.mp4', mimeType: 'video/mp4', sizeBytes: 25 * 1024 * 1024 });
    expect(said(u)).toBe('Faili hilo ni kubwa mno. Faili lazima liwe chini ya MB 20. Tafadhali tuma lililo dogo zaidi.');
    await u.press('‹ Sina faili');
    expect(lastText(u)).toContain('Tafadhali angalia ripoti yako');
  });
});

describe('no words at a question for the agency', () => {
  const T = {
    en: { details: '🕵️ Add details for the agency', me: 'To me', again: 'Sorry, I did not understand that. Please type your answer, or tap Skip.', names: 'officers\' names', rest: '⏭ Skip the rest', officers: 'Officers: Cpl Otieno' },
    sw: { details: '🕵️ Ongeza maelezo kwa taasisi', me: 'Mimi mwenyewe', again: 'Samahani, sijaelewa. Tafadhali andika jibu lako, au bonyeza Ruka.', names: 'majina au nambari za kazi', rest: '⏭ Ruka yaliyobaki', officers: 'Polisi: Cpl Otieno' },
  };
  it.each(['en', 'sw'] as const)('(%s) an emoji or a dash is asked again, not kept as the officers\' names: the names typed next are', async (lang) => {
    const t = T[lang];
    const u = h.tg.user({ firstName: 'Emoji', languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(t.details);
    await u.press(t.me);
    for (const nothing of ['🙏', '-']) {
      await u.sendText(nothing);
      expect(said(u)).toBe(t.again);
      expect(lastText(u)).toContain(t.names);
    }
    await u.sendText('Cpl Otieno');
    await u.press(t.rest);
    expect(lastText(u)).toContain(t.officers);
  });
});

describe('a button of a report the reporter cancelled', () => {
  it.each([
    ['en', 'No', 'You cancelled that report, so its buttons no longer work. To report, tap 📝 Report an incident below.'],
    ['sw', 'Hapana', 'Uliikatisha ripoti hiyo, kwa hivyo vitufe vyake havifanyi kazi tena. Ili kuripoti, bonyeza 📝 Ripoti tukio hapa chini.'],
  ] as const)('(%s) says it was cancelled, not that an unsent report is deleted after 24 hours', async (lang, button, told) => {
    const u = h.tg.user({ firstName: 'Cancelled', languageCode: lang });
    await walkTo(u, 'danger', lang);
    await u.sendText('/cancel');
    // The danger question above, still on screen with its buttons: a tap on No.
    await u.press(button);
    expect(allTexts(u).at(-2)).toBe(told);
    expect(u.buttons()).toContain(lang === 'en' ? '📝 Report an incident' : '📝 Ripoti tukio');
  });
});

describe('the same words sent twice', () => {
  const T = {
    en: { story: 'Two officers stopped our matatu and asked the driver for 500 shillings.', already: '📝 I already have this: it is in what happened.', county: 'In which county', send: SEND_ANONYMOUSLY.en, more: 'They had guns too' },
    sw: { story: 'Polisi wawili walisimamisha matatu yetu wakamwitisha dereva shilingi mia tano.', already: '📝 Tayari nimepokea ujumbe huu: umo kwenye maelezo ya kilichotokea.', county: 'kaunti gani', send: SEND_ANONYMOUSLY.sw, more: 'Walikuwa na bunduki pia' },
  };
  it.each(['en', 'sw'] as const)('(%s) a story sent again when the bot seemed slow is kept once, and the reporter is told it is there', async (lang) => {
    const t = T[lang];
    const u = h.tg.user({ firstName: 'Twice', languageCode: lang });
    await walkTo(u, 'desc', lang);
    await u.sendText(t.story);
    await u.sendText(`  ${t.story}`);
    expect(said(u)).toBe(t.already);
    expect(lastText(u)).toContain(t.county);
    await u.sendText('Nakuru');
    await u.sendText('Salgaa');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    expect(lastText(u).split(t.story)).toHaveLength(2);
    // A detail remembered at the review, sent twice, too.
    await u.sendText(t.more);
    await u.sendText(t.more);
    expect(said(u)).toBe(t.already);
    await u.press(t.send);
    expect(await h.store.reports.findByReference(referenceIn(lastText(u)))).toMatchObject({ description: { text: `${t.story}\n${t.more}` } });
  });
});

describe('a story that names its own reporter', () => {
  it('is warned of on the review, in the reporter\'s language; a story rewritten without the name is not', async () => {
    const u = h.tg.user({ firstName: 'Nafula', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw', 'Mimi ni Nafula. Polisi walitaka hongo ya 1000 kwenye kizuizi cha Salgaa.');
    expect(lastText(u)).toContain('⚠️ Katika maelezo ya kilichotokea umeandika “Nafula”, ambalo ni sehemu ya jina lako la Telegram. Hata ukituma bila kutaja jina lako, wahudumu wataliona hapo.');
    await u.press('✏️ Badilisha');
    await u.press('Kilichotokea');
    await u.sendText('Polisi walitaka hongo ya 1000 kwenye kizuizi cha Salgaa.');
    expect(lastText(u)).toContain('Tafadhali angalia ripoti yako');
    expect(lastText(u)).not.toContain('⚠️ Katika maelezo ya kilichotokea');
  });
});

describe('a place that names its own reporter', () => {
  // At the county question a person's name is refused (person-at-county); typed where the place is asked, it is kept as written.
  it('"Nafula Wekesa" typed at the place question is kept as the place, and the review warns of it, in the reporter\'s language', async () => {
    const u = h.tg.user({ firstName: 'Nafula', languageCode: 'sw' });
    await walkTo(u, 'county', 'sw', 'Polisi walitaka hongo ya 1000 kwenye kizuizi.');
    await u.sendText('Nakuru');
    await u.sendText('Nafula Wekesa');
    await u.press('Leo');
    expect(lastText(u)).toContain('⚠️ Ulipotaja mahali, uliandika “Nafula”, ambalo ni sehemu ya jina lako la Telegram. Hata ukituma bila kutaja jina lako, wahudumu wataliona hapo.');
    expect(lastText(u)).not.toContain('⚠️ Katika maelezo ya kilichotokea');
  });
});

describe('/cancel', () => {
  it.each(['kind', 'desc', 'county', 'place', 'ev', 'review'] as const)('at the %s step discards the draft and offers a new start', async (step) => {
    const u = h.tg.user({ firstName: `Cancel ${step}`, languageCode: 'en' });
    await walkTo(u, step);
    await u.sendText('/cancel');
    expect(allTexts(u).join('\n')).toContain('Your report has been cancelled and deleted. Nothing was sent.');
    expect(u.buttons()).toEqual(['📝 Report an incident']);
    // The reply keyboard of the place step does not linger.
    expect(u.replyKeyboard()).toEqual([]);
    // The draft is gone: a new report starts from the first question.
    await u.press('📝 Report an incident');
    expect(lastText(u)).toBe('What do you want to report?');
  });

  it('with the Cancel button, in Swahili, and with nothing to cancel', async () => {
    const u = h.tg.user({ firstName: 'Otieno', languageCode: 'sw' });
    const before = await h.store.models.Report.countDocuments({});
    await walkTo(u, 'when', 'sw');
    await u.press('✖ Katisha');
    expect(lastText(u)).toContain('Unataka kukatisha ripoti hii? Hakuna kitakachotumwa.');
    await u.press('Ndio, katisha');
    expect(lastText(u)).toContain('Ripoti yako imekatishwa na kufutwa. Hakuna kilichotumwa.');
    await u.sendText('/ghairi');
    expect(lastText(u)).toBe('Huna ripoti unayoandika kwa sasa. Ili kuondoa ripoti uliyokwisha kutuma, tumia /hali.');
    expect(await h.store.models.Report.countDocuments({})).toBe(before);
  });

  it('takes a command with a capital letter, as a phone\'s keyboard types it', async () => {
    const u = h.tg.user({ firstName: 'Capital', languageCode: 'sw' });
    await walkTo(u, 'when', 'sw');
    await u.sendText('/Ghairi');
    expect(lastText(u)).toContain('Ripoti yako imekatishwa na kufutwa. Hakuna kilichotumwa.');
    const v = h.tg.user({ firstName: 'Capital', languageCode: 'en' });
    await v.sendText('/Start');
    expect(v.buttons()).toContain('🚓 Police misconduct');
  });

  it('the county chosen stays on its question without the buttons, which could only answer "older message" under the place question', async () => {
    const u = h.tg.user({ firstName: 'Tidy', languageCode: 'en' });
    await walkTo(u, 'county');
    const asked = u.lastMessage();
    await u.press('Kwale');
    expect(u.replyKeyboard().length).toBeGreaterThan(0);
    const chosen = u.messages().find((m) => m.messageId === asked.messageId)!;
    expect(chosen.text).toBe(`✓ Kwale\n\n${asked.text}`);
    expect(chosen.replyMarkup).toBeUndefined();
    expect(u.buttons()).not.toContain('Mombasa');
    // The review keeps its buttons under the phone question: sending anonymously is still a tap away.
    await u.sendText('Diani beach road');
    await u.press('Today');
    await u.press('📞 Send with my phone number');
    await u.press('🕶 Send anonymously');
    expect(lastText(u)).toContain('Received. Your reference is');
    expect(await h.store.reports.findByReference(referenceIn(lastText(u)))).toMatchObject({ anonymous: true, county: 2 });
  });

  it('Back goes one step back and keeps the answers', async () => {
    const u = h.tg.user({ firstName: 'Pendo', languageCode: 'en' });
    await walkTo(u, 'place');
    await u.sendText('‹ Back'); // the reply keyboard's Back
    expect(lastText(u)).toContain('In which county');
    expect(u.replyKeyboard()).toEqual([]);
    await u.press('‹ Back');
    // The story asked again shows the one kept, to keep with a tap or to replace.
    expect(lastText(u)).toContain('You told us:\n«Police asked me for a bribe at the junction.»');
    expect(u.buttons()).toContain('✅ Keep it');
    await u.press('‹ Back');
    expect(lastText(u)).toContain('Is someone in danger right now?');
    await u.press('‹ Back');
    expect(lastText(u)).toContain('what happened? Choose the closest one');
  });

  it('Back tapped twice on the place question\'s keyboard (both taps sent before it went away, on a slow phone) goes back twice, in Swahili too', async () => {
    for (const [lang, back, story] of [['en', '‹ Back', 'You told us:'], ['sw', '‹ Nyuma', 'Ulituambia:']] as const) {
      const u = h.tg.user({ firstName: `Twice${lang}`, languageCode: lang });
      await walkTo(u, 'place', lang);
      await u.sendText(back);
      await u.sendText(back);
      // Not "that county was not recognised": the second tap was a Back too.
      expect(lastText(u)).toContain(story);
      expect(u.buttons()).toContain(lang === 'en' ? '✅ Keep it' : '✅ Ibaki hivyo');
    }
  });
});

describe('a phone number in the story of an anonymous report', () => {
  it('is pointed out at the review, with the way to take it out or send with the number instead', async () => {
    const u = h.tg.user({ firstName: 'Brian', languageCode: 'en' });
    await walkTo(u, 'review', 'en', 'THEY STOPED US AT THE ROADBLOK NEAR KANGEMI AND BEAT ME. CALL ME 0712 345 678 PLS');
    expect(lastText(u)).toContain('Your story has a phone number in it, “0712 345 678”. If it is yours, staff will see it even if you send the report anonymously.');
    await u.press('✏️ Change');
    await u.press('Story');
    await u.sendText('THEY STOPED US AT THE ROADBLOK NEAR KANGEMI AND BEAT ME.');
    expect(lastText(u)).not.toContain('phone number in it');
  });
});

describe('an email address in the story of an anonymous report', () => {
  it('is pointed out at the review in Swahili, with the way to take it out; an @ written as "at" is not', async () => {
    const u = h.tg.user({ firstName: 'Otieno', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw', 'Polisi walinikamata @ kituo saa 4@10.30 usiku wakachukua simu yangu. Niandikie j_otieno@yahoo.co.ke');
    expect(lastText(u)).toContain('Katika maelezo ya kilichotokea umeandika anwani ya barua pepe (email), “j_otieno@yahoo.co.ke”. Kama ni yako, wahudumu wataiona hata ukituma ripoti bila kutaja jina lako.');
    await u.press('✏️ Badilisha');
    await u.press('Kilichotokea');
    await u.sendText('Polisi walinikamata @ kituo saa 4@10.30 usiku wakachukua simu yangu.');
    expect(lastText(u)).not.toContain('barua pepe');
  });
});

describe('a story pasted at its question past the limit', () => {
  /** Words to fill `n` characters, as Telegram cuts a long paste: parts of 4,096, wherever that falls. */
  const fill = (n: number, sentence: string) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);
  const PASTE = [
    fill(4096, 'MWANZO polisi walitusimamisha kwenye barabara ya Thika. '),
    fill(4096, 'Askari mmoja alituitisha pesa na tukakataa kulipa. '),
    fill(4096, 'Walitupiga kwa rungu mbele ya watu wengi pale stage. '),
    `${fill(1500, 'Baadaye walinipeleka kituoni bila kunieleza kosa. ')} MWISHO wa maelezo yangu.`,
  ];

  it('in Swahili: what fits is kept, cut before a word; the words after it are quoted once, the county asked; the review ends where the story stops, and that is what is stored', async () => {
    const u = h.tg.user({ firstName: 'Bandika refu', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    const mark = allTexts(u).length;
    // In quick succession, as Telegram delivers a split paste: nothing said until its last part.
    for (const part of PASTE) await u.sendText(part);
    const joined = PASTE.join('\n');
    expect(lastText(u)).toContain('Ilitokea katika kaunti gani?');
    const told = allTexts(u).slice(mark).filter((t) => t.includes('kikomo cha herufi 12,000'));
    // Said once, not once per part after the cut; and not "too long, please shorten".
    expect(told).toHaveLength(1);
    expect(allTexts(u).slice(mark).join('\n')).not.toContain('mrefu mno');
    const quoted = /sikuweza kuongeza: “([^”]+)…”/.exec(told[0])?.[1] ?? '';
    await u.sendText('Nairobi');
    await u.sendText('Thika road');
    await u.press('Leo');
    const review = lastText(u);
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    const text = report?.description.text ?? '';
    // The story is the paste up to a word's end, at most 12,000 characters; the quote starts at the next word: nothing lost between them.
    expect([...text].length).toBeLessThanOrEqual(12_000);
    expect([...text].length).toBeGreaterThan(11_900);
    expect(joined.startsWith(text)).toBe(true);
    expect(joined[text.length]).toMatch(/\s/);
    expect(joined.slice(text.length).trim().startsWith(quoted)).toBe(true);
    expect(quoted.length).toBeGreaterThan(100);
    expect(text).not.toContain('MWISHO');
    // The reporter saw what is sent: its start, its last words (where it stops) and its length.
    expect(review).toContain('MWANZO polisi walitusimamisha');
    expect(review).toContain(text.slice(-150));
    // ... and that it stops there because it reached the limit, not only how long it is.
    expect(review).toContain(`herufi ${[...text].length.toLocaleString('en')} kwa jumla: maelezo yako yamefikia kikomo na yanaishia hapa. Maneno yaliyofuata hayakuongezwa`);
  });
});

describe('a story at its limit', () => {
  /** A story pasted long enough to fill the limit (12,000): Telegram splits it in parts of 4,096, joined by the bot. */
  const PARTS = [`BEGIN ${'a'.repeat(4090)}`, 'b'.repeat(4096), `${'c'.repeat(3798)} THE END`];
  const FULL = PARTS.join('\n');

  async function fullStoryAtReview(u: ReturnType<BotHarness['tg']['user']>, lang: 'en' | 'sw'): Promise<void> {
    await walkTo(u, 'desc', lang);
    for (const part of PARTS) await u.sendText(part);
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
  }

  it('a place corrected with what was done: the place changes, and the reporter is told the sentence did not fit and where to send it', async () => {
    expect(FULL).toHaveLength(12000);
    const u = h.tg.user({ firstName: 'Full story', languageCode: 'en' });
    await fullStoryAtReview(u, 'en');
    await u.sendText('wrong place, I was at the stage when they beat me');
    await u.press('✅ Yes, change it');
    expect(allTexts(u).join('\n')).toContain(
      'Your story has reached its limit of 12,000 characters, so I could not add: “I was at the stage when they beat me”. After you send the report, write these words here again',
    );
    expect(lastText(u)).toContain('the stage');
    await u.press(SEND_ANONYMOUSLY.en);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ place: 'the stage', description: { text: FULL } });
  });

  it('in Swahili: more typed at the review is said not to fit, never "not understood"', async () => {
    const u = h.tg.user({ firstName: 'Maelezo marefu', languageCode: 'sw' });
    await fullStoryAtReview(u, 'sw');
    const mark = allTexts(u).length;
    await u.sendText('pia walichukua simu yangu na kitambulisho');
    expect(said(u)).toContain('Maelezo yako yamefikia kikomo cha herufi 12,000, kwa hivyo sikuweza kuongeza: “pia walichukua simu yangu na kitambulisho”');
    expect(allTexts(u).slice(mark).join('\n')).not.toMatch(/sijaelewa/i);
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report?.description.text).toBe(FULL);
  });
});
