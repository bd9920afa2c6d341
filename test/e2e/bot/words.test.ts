/**
 * What people type instead of tapping, in English and Swahili: yes/no, days, "it is happening
 * now", skip, cancel words (asked first, never stored), and a long story that Telegram split
 * into several messages.
 */
import { incidentTimeFor } from '../../../src/domain';
import { sessionKey } from '../../../src/bot';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, clockAwayFromMidnight, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;
const clock = clockAwayFromMidnight();

beforeAll(async () => {
  h = await startBotHarness('bot_words', { now: clock });
});

afterAll(async () => {
  await h?.close();
});

const DAY = 24 * 3600 * 1000;

const L = {
  en: { danger: 'Is someone in danger right now?', story: 'Tell us what happened', county: 'In which county', when: 'When did it happen?', review: 'Please check your report', cancelAsk: 'Do you want to cancel this report?', cancelled: 'Your report has been cancelled', send: '🕶 Send anonymously', carryOn: 'No, carry on', addFiles: '📎 Add files', total: 'characters in total' },
  sw: { danger: 'Je, kuna mtu yuko hatarini sasa hivi?', story: 'Tueleze kilichotokea', county: 'kaunti gani', when: 'Ilitokea lini?', review: 'Tafadhali angalia ripoti yako', cancelAsk: 'Unataka kukatisha ripoti hii?', cancelled: 'Ripoti yako imekatishwa', send: '🕶 Tuma bila kutaja jina langu', carryOn: 'Hapana, endelea', addFiles: '📎 Ongeza faili', total: 'kwa jumla' },
};

describe.each(['en', 'sw'] as const)('typed words (%s)', (lang) => {
  const l = L[lang];

  it('yes at the danger question, a typed day, a skip word and "ok" at the review file a report', async () => {
    const u = h.tg.user({ firstName: `Words ${lang}`, languageCode: lang });
    await walkTo(u, 'danger', lang);
    expect(lastText(u)).toContain(l.danger);
    await u.sendText(lang === 'en' ? 'Yes!' : 'ndiyo');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    expect(lastText(u)).toContain(l.story);
    await u.sendText('They took our ID cards at the roadblock.');
    await u.sendText('Nakuru');
    await u.sendText('Gilgil roadblock');
    expect(lastText(u)).toContain(l.when);
    await u.sendText(lang === 'en' ? 'day before yesterday' : 'juzi');
    expect(lastText(u)).toContain(l.review);
    await u.press(l.addFiles);
    await u.sendText(lang === 'en' ? 'skip' : 'ruka');
    expect(lastText(u)).toContain(l.review);
    await u.sendText(lang === 'en' ? 'ok' : 'sawa');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: true, when: 'date', anonymous: true, language: lang });
    expect(report!.incidentAt?.getTime()).toBe(incidentTimeFor('yesterday', clock()).getTime() - DAY);
  });

  it('no at the danger question, and "yesterday" typed', async () => {
    const u = h.tg.user({ firstName: `No ${lang}`, languageCode: lang });
    await walkTo(u, 'danger', lang);
    const before = u.messages().length;
    await u.sendText(lang === 'en' ? 'no' : 'Hapana.');
    expect(allTexts(u).slice(before).some((t) => t.includes('999'))).toBe(false);
    expect(lastText(u)).toContain(l.story);
    await u.sendText('Walichukua kitu kidogo.');
    await u.sendText('Kisumu');
    await u.sendText('Kondele');
    await u.sendText(lang === 'en' ? 'Yesterday' : 'jana');
    await u.press(l.send);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: false, when: 'yesterday' });
  });

  it('a category typed in words ("walinichapa") is said back above the next question, as a tap is, so a wrong reading can be seen and undone', async () => {
    const u = h.tg.user({ firstName: `Typed category ${lang}`, languageCode: lang });
    await walkTo(u, 'cat', lang);
    await u.sendText('walinichapa');
    const force = lang === 'en' ? 'Excessive force or brutality' : 'Nguvu kupita kiasi au ukatili';
    expect(lastText(u)).toMatch(new RegExp(`^✓ ${force}\n\n${l.danger.replace('?', '\\?')}`));
  });

  it('"nyingine" typed at the list is the Other button of the kind chosen, said back above the next question', async () => {
    const u = h.tg.user({ firstName: `Other typed ${lang}`, languageCode: lang });
    await walkTo(u, 'cat', lang);
    await u.sendText(lang === 'en' ? 'something else' : 'Nyingine');
    const other = lang === 'en' ? 'Other police misconduct' : 'Makosa mengine ya polisi';
    expect(lastText(u)).toMatch(new RegExp(`^✓ ${other}\n\n${l.danger.replace('?', '\\?')}`));
  });

  it('"hakuna" or "none" where the place is asked is no place: the nearest landmark is asked for; "ruka" at "when" asks for the closest day', async () => {
    const u = h.tg.user({ firstName: `No place ${lang}`, languageCode: lang });
    await walkTo(u, 'place', lang);
    await u.sendText(lang === 'en' ? 'none' : 'hakuna');
    expect(lastText(u)).toContain(lang === 'en' ? 'Type the nearest place you know' : 'Andika jina la mahali unapopajua karibu na hapo');
    await u.sendText('Kondele stage');
    await u.sendText(lang === 'en' ? 'skip' : 'ruka');
    expect(lastText(u)).toContain(lang === 'en' ? 'If you do not remember the exact day' : 'Kama hukumbuki siku hasa');
    await u.sendText(lang === 'en' ? 'yesterday' : 'jana');
    expect(lastText(u)).toContain(l.review);
    expect(lastText(u)).toContain('Kondele stage');
  });

  it('cancel words ask first and are never stored as the story or the place; yes cancels', async () => {
    const u = h.tg.user({ firstName: `Cancel words ${lang}`, languageCode: lang });
    await walkTo(u, 'desc', lang);
    await u.sendText(lang === 'en' ? 'cancel' : 'ghairi');
    expect(lastText(u)).toContain(l.cancelAsk);
    await u.press(l.carryOn);
    expect(lastText(u)).toContain(l.story);
    await u.sendText('They beat my neighbour.');
    await u.sendText('Kiambu');
    await u.sendText(lang === 'en' ? 'stop' : 'acha');
    expect(lastText(u)).toContain(l.cancelAsk);
    await u.sendText(lang === 'en' ? 'no' : 'hapana');
    await u.sendText('Thika');
    await u.sendText(lang === 'en' ? 'today' : 'leo');
    const review = lastText(u);
    expect(review).toContain('They beat my neighbour.');
    expect(review).toContain('Thika');
    expect(review).not.toMatch(/ghairi|acha|cancel\b|stop\b/i);
    // At the review too: asked, then "yes" cancels and nothing is sent.
    await u.sendText(lang === 'en' ? 'Cancel' : 'katisha');
    expect(lastText(u)).toContain(l.cancelAsk);
    await u.sendText(lang === 'en' ? 'yes' : 'ndio');
    expect(allTexts(u).join('\n')).toContain(l.cancelled);
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(reporter).toBeNull();
  });

  it('a long story split by Telegram into parts is joined, shown whole on the review and stored whole', async () => {
    const u = h.tg.user({ firstName: `Long ${lang}`, languageCode: lang });
    await walkTo(u, 'desc', lang);
    const first = `BEGIN ${'a'.repeat(4090)}`; // a full Telegram message
    const second = `${'b'.repeat(900)} THE END`;
    const before = u.messages().length;
    await u.sendText(first);
    // Nothing said yet: more may follow.
    expect(u.messages()).toHaveLength(before);
    await u.sendText(second);
    expect(lastText(u)).toContain(l.county);
    await u.sendText('Nairobi');
    await u.sendText('Kibera');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    const review = lastText(u);
    // The start and the end are both there, with the total length.
    expect(review).toContain('BEGIN');
    expect(review).toContain('THE END');
    expect(review).toContain(`${(first.length + 1 + second.length).toLocaleString('en')} `);
    expect(review).toContain(l.total);
    await u.press(l.send);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description.text).toBe(`${first}\n${second}`);
  });

  it('a photo sent during the wait does not stop it: the story is taken and the photo kept', async () => {
    const u = h.tg.user({ firstName: `Photo ${lang}`, languageCode: lang });
    await walkTo(u, 'desc', lang);
    const mark = u.mark();
    await u.sendText(`LONG ${'d'.repeat(3990)}`);
    await u.sendPhoto();
    // Nothing else is sent: the wait ends on its own and the next question comes.
    await u.waitForMessage((m) => (m.text ?? '').includes(l.county), { since: mark });
    await u.sendText('Kisumu');
    await u.sendText('Kondele');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    await u.press(l.send);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description.text).toBe(`LONG ${'d'.repeat(3990)}`);
    expect(report!.evidence).toHaveLength(1);
  });

  it('a full-length message with no part after it is taken once the short wait is over', async () => {
    const u = h.tg.user({ firstName: `Wait ${lang}`, languageCode: lang });
    await walkTo(u, 'desc', lang);
    const mark = u.mark();
    await u.sendText(`ONLY ${'c'.repeat(4000)}`);
    // The bot takes the story after its window: wait for the next question, not for a time.
    await u.waitForMessage((m) => (m.text ?? '').includes(l.county), { since: mark });
    await u.sendText('Mombasa');
    await u.sendText('Likoni');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    expect(lastText(u)).toContain('ONLY');
    await u.press(l.send);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report!.description.text).toBe(`ONLY ${'c'.repeat(4000)}`);
  });
});

describe('a time of day typed without its day', () => {
  it('"saa tatu asubuhi" is this morning (or yesterday\'s, before 9 am in Nairobi), shown on the review as typed and stored with the report', async () => {
    const u = h.tg.user({ firstName: 'Saa tatu', languageCode: 'sw' });
    await walkTo(u, 'when', 'sw');
    // Swahili hours count from 7 am: "saa tatu asubuhi" is 09:00.
    const dayAt = (at: Date) => (new Date(at.getTime() + 3 * 3600 * 1000).getUTCHours() >= 9 ? 'today' : 'yesterday');
    const before = dayAt(clock());
    await u.sendText('saa tatu asubuhi');
    const days = [before, dayAt(clock())];
    expect(lastText(u)).toContain(L.sw.review);
    expect(lastText(u)).toMatch(/(Leo|Jana) \(\d{2}\/\d{2}\/\d{4}\), saa tatu asubuhi/);
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ timeOfDay: 'saa tatu asubuhi' });
    expect(days).toContain(report!.when);
    expect(report!.incidentAt?.getTime()).toBe(incidentTimeFor(report!.when as 'today' | 'yesterday', clock()).getTime());
  });
});

describe('last night with its hour', () => {
  // As "jana usiku saa nane" is yesterday at that hour: never "which day?", never the story.
  it.each([
    ['en', 'last nite at 2am', 'night at 2am'],
    ['en', 'last night 2am', 'night 2am'],
    ['en', 'lastnight at 2am', 'night at 2am'],
    ['sw', 'jana usiku saa nane', 'usiku saa nane'],
  ] as const)('(%s) %j is yesterday, with the hour kept as the time', async (lang, typed, time) => {
    const u = h.tg.user({ firstName: `Night ${lang}`, languageCode: lang });
    await walkTo(u, 'when', lang);
    await u.sendText(typed);
    expect(lastText(u)).toContain(L[lang].review);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ when: 'yesterday', timeOfDay: time });
    expect(report!.description.text).not.toContain('2am');
  });
});

describe('a story that goes on after its question', () => {
  it('the parts that come at the county question are kept, the one naming a place too (its county offered), and stored whole', async () => {
    const u = h.tg.user({ firstName: 'Three parts', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    const parts = ['Polisi walikuja nyumbani usiku', 'wakampiga bro yangu na rungu', 'wakamchukua hadi station ya Kondele'];
    for (const part of parts) await u.sendText(part);
    // Never "that county was not recognised": the last part was kept, and Kondele's county offered.
    expect(lastText(u)).toMatch(/^📝 Nimeongeza hili kwenye maelezo ya kilichotokea\. .*\n\nIlitokea katika kaunti ya Kisumu\?/);
    await u.press('✅ Kisumu');
    await u.sendText('Kondele');
    await u.sendText('jana usiku');
    expect(lastText(u)).toContain(parts.join('\n'));
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ description: { text: parts.join('\n') }, county: 42, place: 'Kondele' });
  });

  it('more of it sent where the place is asked (a reply to the story question) is added to the story, never stored as the place', async () => {
    const u = h.tg.user({ firstName: 'Reply to the story', languageCode: 'sw' });
    await walkTo(u, 'place', 'sw');
    const asked = u.messages().find((m) => (m.text ?? '').includes('Tueleze kilichotokea'))!;
    const more = 'Pia walichukua kitambulisho changu';
    await u.sendText(more, { replyToMessageId: asked.messageId });
    expect(lastText(u)).toMatch(/^📝 Nimeongeza hili kwenye maelezo ya kilichotokea\. .*\n\nNi wapi hasa ndani ya Nakuru\?/);
    await u.sendText('Naivasha road junction');
    await u.press('Leo');
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ description: { text: `Police asked me for a bribe at the junction.\n${more}` }, place: 'Naivasha road junction', when: 'today' });
  });
});

describe('the language written in', () => {
  it('a reporter who has not chosen a language is answered in the one they write, and it stays for the conversation', async () => {
    const u = h.tg.user({ firstName: 'Written', languageCode: 'en' });
    await u.sendText('Habari yako');
    expect(lastText(u)).toMatch(/^Karibu 👋 Hii ni Ripoti: .*\n\nUngependa kufanya nini\?$/);
    // A word in neither language keeps it.
    await u.sendText('Kisumu');
    expect(lastText(u)).toBe('Ungependa kufanya nini?');
    // Chosen with /language, the choice wins over what they write.
    await u.sendText('/language');
    await u.press('English');
    await u.sendText('habari yako');
    expect(lastText(u)).toMatch(/^Hello 👋 This is Ripoti: .*\n\nWhat would you like to do\?$/);
  });

  it('a first message that only gives the name is greeted, told the name is not needed, with the menu; nothing begun', async () => {
    const u = h.tg.user({ firstName: 'Named', languageCode: 'en' });
    await u.sendText('Habari, jina langu ni Achieng Otieno kutoka Kisumu');
    expect(lastText(u)).toMatch(/^Karibu 👋 Si lazima utuambie jina lako, na hatujalihifadhi. Hii ni Ripoti: .*\n\nUngependa kufanya nini\?$/);
    expect(u.buttons()).toContain('📝 Ripoti tukio');
  });

  it('/start after a report written in Swahili, without a language ever tapped, greets in Swahili with the menu (its language button offers English), not the two-language first message; a day later too', async () => {
    const u = h.tg.user({ firstName: 'Never tapped', languageCode: 'en' });
    await u.sendText('Habari, nataka kuripoti polisi');
    await u.press('Polisi kuitisha hongo au pesa');
    await u.press('Hapana');
    await u.sendText('Walichukua kitu kidogo kwenye kizuizi.');
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press('Leo');
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ language: 'sw' });
    const welcome = 'Karibu Ripoti.\n\nHapa unaweza kuripoti tukio la uchaguzi au utovu wa nidhamu wa polisi.';
    await u.sendText('/start');
    expect(lastText(u)).toContain(welcome);
    expect(u.buttons()).toEqual(['📝 Ripoti tukio', '🔎 Ripoti zangu', '❓ Msaada', '🌐 Lugha', '🔒 Faragha']);
    // A day without a message: the conversation is forgotten (its key expires), the language is not.
    await h.redis.del(`${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`);
    await u.sendText('/start');
    expect(lastText(u)).toContain(welcome);
    expect(u.buttons()).toContain('🌐 Lugha');
  });
});

describe('a few first words that say what to do', () => {
  it('"nataka kuripoti polisi" begins a police report; "Polisi wamenipiga" begins one with those words, asked for the rest at the story question; "saidieni" begins one', async () => {
    const wants = h.tg.user({ firstName: 'Wants', languageCode: 'sw' });
    await wants.sendText('nataka kuripoti polisi');
    expect(lastText(wants)).toContain('nini kilitokea? Chagua kilicho karibu zaidi.');
    expect(wants.buttons()).toContain('Polisi kuitisha hongo au pesa');

    const told = h.tg.user({ firstName: 'Told', languageCode: 'sw' });
    await told.sendText('Polisi wamenipiga');
    // The one category the words name is offered with the police list.
    expect(lastText(told)).toContain('Inaonekana ni: Nguvu kupita kiasi au ukatili.');
    await told.press('Nguvu kupita kiasi au ukatili');
    await told.press('Hapana');
    // The words told first are kept and shown, and the rest asked for once, in her own words.
    expect(lastText(told)).toContain('Kufikia sasa umetuambia:\n«Polisi wamenipiga»');
    expect(told.buttons()).toContain('✅ Ni hayo tu');
    const more = 'Walinisimamisha jana jioni pale stage ya Kondele wakanipiga kwa rungu bila sababu';
    await told.sendText(more);
    // Then whether anyone was hurt (asked after the story of a beating).
    expect(lastText(told)).toContain('Je, kuna mtu aliyeumia?');
    await told.press('Hakuna aliyeumia');
    await told.sendText('Kisumu');
    await told.sendText('Kondele stage');
    await told.press('Leo');
    await told.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(told)));
    expect(report?.description).toEqual({ text: `Polisi wamenipiga\n${more}` });

    // In English, "That's all" goes on with the words as they are.
    const brother = h.tg.user({ firstName: 'Brother', languageCode: 'en' });
    await brother.sendText('They arrested my brother');
    expect(lastText(brother)).toContain('It sounds like: Unlawful arrest or detention.');
    await brother.press('Unlawful arrest or detention');
    await brother.press('No');
    expect(lastText(brother)).toContain('So far you told us:\n«They arrested my brother»');
    await brother.press("✅ That's all");
    expect(lastText(brother)).toContain('In which county');

    const help = h.tg.user({ firstName: 'Help', languageCode: 'sw' });
    await help.sendText('saidieni');
    expect(lastText(help)).toContain('Unataka kuripoti nini?');
    // A greeting is greeted back with what Ripoti is for, above the menu; no report begun.
    const hello = h.tg.user({ firstName: 'Hello', languageCode: 'sw' });
    await hello.sendText('Habari yako');
    expect(lastText(hello)).toMatch(/^Karibu 👋 Hii ni Ripoti: .*\n\nUngependa kufanya nini\?$/);
  });

  it('"wakaniachilia" (they let me go) alone is the menu, not a report begun on nothing; after money taken it is the price of a bribe, offered as one', async () => {
    const released = h.tg.user({ firstName: 'Released', languageCode: 'sw' });
    await released.sendText('wakaniachilia');
    expect(lastText(released)).toBe('Ungependa kufanya nini?');
    const paid = h.tg.user({ firstName: 'Paid', languageCode: 'sw' });
    await paid.sendText('walinichukua pesa wakaniachilia');
    expect(lastText(paid)).toContain('Inaonekana ni: Polisi kuitisha hongo au pesa.');
  });
});

describe('a threat of harm typed first', () => {
  // "Watatuchoma nyumba" typed after the kind was chosen is offered as a threat: typed first, it begins the report the same way.
  it('"watatuchoma nyumba" begins a report: the kind asked (police or election both fit), then the threat offered, as when typed after the kind', async () => {
    const u = h.tg.user({ firstName: 'Burn', languageCode: 'sw' });
    await u.sendText('watatuchoma nyumba');
    expect(lastText(u)).toContain('Unataka kuripoti nini?');
    await u.press('Utovu wa nidhamu wa polisi');
    expect(lastText(u)).toContain('Inaonekana ni: Vitisho au kutishwa na polisi.');
  });

  it.each([
    ['sw', 'polisi watatuchoma nyumba', 'Inaonekana ni: Vitisho au kutishwa na polisi.'],
    ['sw', 'askari wamesema wataniua', 'Inaonekana ni: Vitisho au kutishwa na polisi.'],
    ['en', 'the police will kill us', 'It sounds like: Threats or intimidation.'],
  ] as const)('(%s) %j names the police: the threat is offered at once', async (lang, typed, offer) => {
    const u = h.tg.user({ firstName: 'Threat', languageCode: lang });
    await u.sendText(typed);
    expect(lastText(u)).toContain(offer);
  });
});

describe('a correction typed at the review (Swahili)', () => {
  it('"Nimekosea kaunti, ni Nyandarua" asks to change the county; Ndio asks the place in it, and the report is stored with Nyandarua and the story as told', async () => {
    const u = h.tg.user({ firstName: 'Correction', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw');
    const before = u.messages().length;
    await u.sendText('Nimekosea kaunti, ni Nyandarua');
    expect(lastText(u)).toBe('Nibadilishe kaunti iwe Nyandarua?');
    expect(u.buttons()).toEqual(['✅ Ndio, ibadilishe', 'Hapana, yaongeze kwenye maelezo']);
    await u.press('✅ Ndio, ibadilishe');
    // Answered, the question keeps no buttons (the place question's keyboard is under the text field).
    expect(u.buttons()).not.toContain('✅ Ndio, ibadilishe');
    expect(lastText(u)).toContain('Ni wapi hasa ndani ya Nyandarua?');
    await u.sendText('Ol Kalou, karibu na stage');
    expect(lastText(u)).toContain(L.sw.review);
    expect(lastText(u)).toContain('Nyandarua');
    expectNoEnglish(allTexts(u).slice(before));
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 18, place: 'Ol Kalou, karibu na stage', description: { text: 'Police asked me for a bribe at the junction.' } });
  });
});

describe('who they were, typed at a later question (English as typed in Nairobi)', () => {
  it('"there were 4 of them with guns" at the county, "they wore plain clothes" at the place and "2 cops" at the review are kept in the story; the place is the place', async () => {
    const u = h.tg.user({ firstName: 'Who they were', languageCode: 'en' });
    await walkTo(u, 'county');
    await u.sendText('there were 4 of them with guns');
    expect(lastText(u)).toMatch(/^📝 I have added this to what happened\. .*\n\nIn which county/);
    await u.sendText('nrb');
    await u.sendText('they wore plain clothes');
    // Never "Place noted": the place is asked again.
    expect(lastText(u)).toMatch(/^📝 I have added this to what happened\. .*\n\nWhere in Nairobi City\?/);
    await u.sendText('near kencom');
    await u.sendText('yesterday evening');
    await u.sendText('2 cops');
    expect(lastText(u)).toMatch(/^📝 I have added this to what happened\./);
    expect(lastText(u)).toContain('Place: near kencom');
    await u.sendText('ok');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({
      county: 47,
      place: 'near kencom',
      when: 'yesterday',
      description: { text: 'Police asked me for a bribe at the junction.\nthere were 4 of them with guns\nthey wore plain clothes\n2 cops' },
    });
  });
});

describe('one first word that tells what they did', () => {
  it('(sw) "walinipiga" alone begins a report and asks the kind, kept as the start of the story, as "polisi walinipiga" does', async () => {
    const u = h.tg.user({ firstName: 'One word', languageCode: 'sw' });
    await u.sendText('walinipiga');
    expect(lastText(u)).toContain('Unataka kuripoti nini?');
    expect(allTexts(u).some((t) => t.includes('Ungependa kufanya nini?'))).toBe(false);
    const v = h.tg.user({ firstName: 'Hello word', languageCode: 'sw' });
    await v.sendText('habari');
    expect(lastText(v)).toContain('Ungependa kufanya nini?');
  });
});

describe('what was done, typed first, offered as its category', () => {
  it.each([
    // "Alipigwa risasi" (he was shot): force, as "amepigwa risasi" is, once the police are chosen.
    ['alipigwa risasi', 'Utovu wa nidhamu wa polisi', 'Inaonekana ni: Nguvu kupita kiasi au ukatili.'],
    // Harassed by the police ("walitusumbua"): threats or intimidation; insulted ("walinitukana"): other police misconduct.
    ['walitusumbua', 'Utovu wa nidhamu wa polisi', 'Inaonekana ni: Vitisho au kutishwa na polisi.'],
    ['walinitukana', 'Utovu wa nidhamu wa polisi', 'Inaonekana ni: Makosa mengine ya polisi.'],
  ] as const)('(sw) %j begins a report; the kind asked, then the category offered', async (typed, police, offer) => {
    const u = h.tg.user({ firstName: 'Typed first', languageCode: 'sw' });
    await u.sendText(typed);
    expect(lastText(u)).toContain('Unataka kuripoti nini?');
    await u.press(police);
    expect(lastText(u)).toContain(offer);
  });

  it('(sw) "polisi walitusumbua" names the police: intimidation offered at once', async () => {
    const u = h.tg.user({ firstName: 'Sumbua', languageCode: 'sw' });
    await u.sendText('polisi walitusumbua');
    expect(lastText(u)).toContain('Inaonekana ni: Vitisho au kutishwa na polisi.');
  });

  it('(en) "police kicked our door and took my husband" is offered as an arrest', async () => {
    const u = h.tg.user({ firstName: 'Door', languageCode: 'en' });
    await u.sendText('police kicked our door and took my husband');
    expect(lastText(u)).toContain('It sounds like: Unlawful arrest or detention.');
  });
});

describe('"si hongo" (not a bribe) at the review, no other named', () => {
  it('opens the list to choose what it was; the one tapped replaces it on the review, and the words are not the story', async () => {
    const u = h.tg.user({ firstName: 'Si hongo', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw');
    await u.sendText('si hongo');
    expect(lastText(u)).toContain('Utovu wa nidhamu wa polisi: nini kilitokea? Chagua kilicho karibu zaidi.');
    expect(u.buttons()).toContain('Kukamatwa kinyume cha sheria');
    await u.press('Kukamatwa kinyume cha sheria');
    expect(lastText(u)).toContain(L.sw.review);
    expect(lastText(u)).toContain('Kukamatwa kinyume cha sheria');
    expect(lastText(u)).not.toContain('si hongo');
  });
});
