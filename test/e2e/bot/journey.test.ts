/** The reporter's whole journey over the Telegram double, in English and in Swahili, down to MongoDB. */
import { incidentTimeFor, parseReference } from '../../../src/domain';
import { sessionKey } from '../../../src/bot';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, clockAwayFromMidnight, countActions, expectNoEnglish, formatDayEat, lastText, referenceIn, shown } from './helpers';

let h: BotHarness;
const clock = clockAwayFromMidnight();

beforeAll(async () => {
  // SLA minutes for priorities 1..4, as config SLA_MINUTES gives them.
  h = await startBotHarness('bot_journey', { slaMinutes: [5, 15, 60, 240], now: clock });
});

afterAll(async () => {
  await h?.close();
});

/**
 * Everything the person reads or can tap after the bilingual first message: messages, inline
 * buttons, reply keyboards, button answers.
 */
function everythingShown(u: TelegramUser): string[] {
  const after = u.messages().slice(1);
  const buttons = after.flatMap((m) => {
    const markup = m.replyMarkup as { inline_keyboard?: { text: string }[][]; keyboard?: ({ text: string } | string)[][] } | undefined;
    return [...(markup?.inline_keyboard?.flat() ?? []), ...(markup?.keyboard?.flat() ?? [])].map((b) => (typeof b === 'string' ? b : b.text));
  });
  return [...after.map(shown), ...buttons, ...u.callbackAnswers()];
}

describe('the report journey', () => {
  it('in English: police bribery, danger, typed details, photos added at the review, sent with the phone number', async () => {
    const amina = h.tg.user({ firstName: 'Amina', lastName: 'Wanjiru', languageCode: 'en' });
    const story = 'An officer at the roadblock demanded <500> shillings & took my ID.';

    await amina.sendText('/start');
    // The first message offers both languages to everyone, each in itself.
    expect(lastText(amina)).toContain('Karibu Ripoti');
    expect(lastText(amina)).toContain('Welcome to Ripoti');
    expect(amina.buttons()).toEqual(['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi', '☰ Menyu kwa Kiswahili', '🚓 Police misconduct', '🗳 Election incident', '☰ Menu in English']);
    await amina.press('🚓 Police misconduct');
    expect(amina.buttons()).toContain('Bribery or extortion by police');
    const shownBefore = amina.messages().length;
    await amina.press('Bribery or extortion by police');
    // The pressed question becomes the next one, under the choice made: no new message.
    expect(amina.messages()).toHaveLength(shownBefore);
    expect(amina.lastMessage().edited).toBe(true);
    expect(lastText(amina)).toMatch(/^✓ Bribery or extortion by police\n\nIs someone in danger right now\?/);

    // Danger comes first, right after the category.
    expect(lastText(amina)).toContain('Is someone in danger right now?');
    await amina.press('🚨 Yes');
    // The danger question becomes the numbers; one new message says a staff member is alerted
    // (the ticket exists already, priority 1) and asks the next question.
    expect(amina.messages()).toHaveLength(shownBefore + 1);
    expect(lastText(amina)).toMatch(/^🔔 A member of Ripoti staff \(not the police\) has been alerted now/);
    const numbers = allTexts(amina).find((t) => t.includes('call for help now'));
    // One line per service: 999, 112 and 911 all reach police, ambulance and fire.
    expect(numbers).toContain('999 · 112 · 911  Police, ambulance, fire');
    expect(numbers?.match(/999/g)).toHaveLength(1);
    expect(numbers).toContain('1559'); // IPOA for police misconduct
    expect(numbers).not.toContain('1547'); // NCIC is for hate speech only
    expect(numbers).not.toContain('116'); // the child helpline does not fit a bribe
    expect(lastText(amina)).toContain('Tell us what happened');
    await amina.sendText(story);

    // County from the paginated keyboard: Nairobi City is on the last page.
    expect(lastText(amina)).toContain('In which county');
    await amina.press('More counties ›');
    await amina.press('More counties ›');
    await amina.press('More counties ›');
    expect(amina.buttons()).not.toContain('More counties ›');
    await amina.press('Nairobi City');

    expect(lastText(amina)).toContain('Where in Nairobi City?');
    expect(amina.replyKeyboard()).toEqual(['📍 Share my location', '‹ Back', '✖ Cancel']);
    await amina.sendText('Kasarani police station');
    expect(amina.replyKeyboard()).toEqual([]);
    // The date example is today, not a fixed date.
    expect(lastText(amina)).toContain(`type the date like this: ${formatDayEat(clock())}`);
    await amina.press('Yesterday');

    let review = lastText(amina);
    expect(review).toContain('Please check your report');
    expect(review).toContain(story); // shown back literally: the HTML was escaped
    expect(review).toContain('Anonymously:');
    expect(review).toContain('never see your name, username or number');
    // The details for the agency are offered here, with one line saying why.
    expect(review).toContain('Optional details help the agency act');
    // Five short rows of buttons: it fits a phone.
    expect(amina.lastMessage().raw.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['🕶 Send anonymously'],
      ['📞 Send with my phone number'],
      ['✏️ Change', '📎 Add files'],
      ['🕵️ Add details for the agency'],
      ['‹ Back', '✖ Cancel'],
    ]);
    await amina.press('📎 Add files');
    const photo1 = await amina.sendPhoto();
    const photo2 = await amina.sendPhoto({ caption: 'his badge' });
    const doc = await amina.sendDocument({ fileName: 'ob-slip.pdf', mimeType: 'application/pdf' });
    expect(lastText(amina)).toContain('3 of 10 received');
    await amina.press('✅ Done');
    review = lastText(amina);
    expect(review).toContain('3 files');

    await amina.press('📞 Send with my phone number');
    expect(lastText(amina)).toContain('may call you');
    await amina.press('📱 Send my phone number', { phoneNumber: '+254722000111' });
    expect(amina.replyKeyboard()).toEqual([]);

    const received = lastText(amina);
    expect(received).toContain('Received. Your reference is');
    // Who reads it and when: the SLA of priority 1 (someone in danger), in plain words.
    expect(received).toContain('a member of Ripoti staff (not the police) reads your report, usually within 5 minutes');
    const reference = referenceIn(received);
    expect(parseReference(reference)).toEqual({ ok: true, reference });
    expect(reference).toMatch(/^R-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({
      kind: 'police',
      category: 'p_bribery',
      description: { text: story },
      county: 47,
      place: 'Kasarani police station',
      when: 'yesterday',
      dangerNow: true,
      priority: 1,
      anonymous: false,
      language: 'en',
      status: 'received',
    });
    // Yesterday in Kenya, as the reporter meant it.
    expect(report!.incidentAt?.getTime()).toBe(incidentTimeFor('yesterday', clock()).getTime());
    expect(report!.evidence.map((e) => [e.kind, e.fileId])).toEqual([
      ['photo', photo1],
      ['photo', photo2],
      ['document', doc],
    ]);
    expect(report!.evidence[1].caption).toBe('his badge');
    expect(report!.evidence[2]).toMatchObject({ fileName: 'ob-slip.pdf', mimeType: 'application/pdf' });

    const identity = await h.store.reporters.identityOf(report!.reporterId);
    expect(identity).toMatchObject({ telegramUserId: amina.id, chatId: amina.chatId, firstName: 'Amina', lastName: 'Wanjiru', phone: '+254722000111' });
    // Stored encrypted: the raw document shows neither the phone nor the name.
    const raw = JSON.stringify(await h.store.models.Reporter.findById(report!.reporterId).lean());
    expect(raw).not.toContain('254722000111');
    expect(raw).not.toContain('Wanjiru');

    expect(h.enqueued.filter((e) => e.reportId === report!._id.toString())).toEqual([{ reportId: report!._id.toString(), priority: 1 }]);
    expect(report!.queuedAt).toBeInstanceOf(Date);

    // Logs carry ids and references, never who the reporter is or what they said.
    const logs = h.logs.join('\n');
    expect(logs).toContain(reference);
    for (const secret of ['Amina', 'Wanjiru', '254722000111', 'roadblock', 'Kasarani']) expect(logs).not.toContain(secret);
  });

  it('in Swahili, chosen on the first message by a phone set to English: every step, and not one English string', async () => {
    const juma = h.tg.user({ firstName: 'Juma', languageCode: 'en' });
    const story = 'Mgombea aligawa pesa kwa wapiga kura nje ya kituo cha kupigia kura.';
    const typedDate = formatDayEat(new Date(clock().getTime() - 3 * 24 * 3600 * 1000));

    await juma.sendText('/start');
    await juma.press('☰ Menyu kwa Kiswahili');
    expect(lastText(juma)).toContain('Karibu');
    expect(lastText(juma)).toContain('wahudumu wa Ripoti');
    await juma.press('❓ Msaada');
    await juma.press('🔒 Faragha');
    await juma.press('🔎 Ripoti zangu');
    await juma.press('📝 Ripoti tukio');
    expect(lastText(juma)).toBe('Unataka kuripoti nini?');
    await juma.sendText('hello'); // greeted back and asked again, in Swahili (the report's language)
    expect(lastText(juma)).toMatch(/^Habari 👋 Ripoti yako bado haijatumwa\..*\n\nUnataka kuripoti nini\?/s);
    await juma.press('Tukio linalohusu uchaguzi');
    await juma.press('Kuhonga wapiga kura');
    expect(lastText(juma)).toContain('Je, kuna mtu yuko hatarini sasa hivi?');
    await juma.sendText('labda'); // not understood
    await juma.sendText('Ndiyo'); // typed yes
    expect(allTexts(juma).some((t) => t.includes('piga simu sasa hivi') && t.includes('999 · 112 · 911'))).toBe(true);
    // The report is with a staff member already (issue 14), before the story.
    expect(allTexts(juma).some((t) => t.includes('Mhudumu wa Ripoti (si polisi) amearifiwa sasa hivi'))).toBe(true);
    expect(lastText(juma)).toContain('Tueleze kilichotokea');
    await juma.sendText('ghairi'); // a cancel word: asked first, not stored as the story
    // Stopping now would not take back the alert: the question says so.
    expect(lastText(juma)).toContain('Unataka kuacha kuandika ripoti hii?');
    expect(lastText(juma)).toContain('hilo litabaki');
    await juma.press('Hapana, endelea');
    await juma.sendText(story);
    expect(lastText(juma)).toContain('kaunti gani');
    await juma.press('Kaunti zaidi ›');
    await juma.press('‹ Zilizotangulia');
    await juma.sendText('Mombasaa'); // a typo: a suggestion
    await juma.press('✅ Mombasa');
    expect(lastText(juma)).toContain('ndani ya Mombasa');
    await juma.shareLocation(-4.0435, 39.6682);
    expect(lastText(juma)).toContain('Ilitokea lini');
    expect(lastText(juma)).toContain(`andika tarehe hivi: ${formatDayEat(clock())}`);
    await juma.sendText('31/02/2026'); // not a date
    await juma.sendText(typedDate);
    expect(lastText(juma)).toContain('Tafadhali angalia ripoti yako');
    expect(lastText(juma)).toContain('mahali ulipotuma');
    // What anonymous means, exactly.
    expect(lastText(juma)).toContain('hawataona jina lako, jina la mtumiaji wala nambari yako');
    expect(lastText(juma)).toContain('Tunahifadhi akaunti yako ya Telegram (kwa usimbaji fiche)');
    await juma.press('✏️ Badilisha');
    // The review is replaced in place by the question, under the choice made.
    expect(lastText(juma)).toBe('✓ ✏️ Badilisha\n\nUngependa kubadilisha nini?');
    await juma.press('Lini');
    await juma.sendText('juzi'); // the day before yesterday
    await juma.press('📎 Ongeza faili');
    await juma.sendPhoto();
    await juma.sendPhoto();
    await juma.sendDocument({ fileName: 'video-link.txt', mimeType: 'text/plain' });
    expect(lastText(juma)).toContain('Faili 3 kati ya 10 zimefika');
    await juma.sendText('nimemaliza');
    await juma.press('📞 Tuma pamoja na nambari yangu');
    await juma.press('📱 Tuma nambari yangu ya simu', { phoneNumber: '+254733444555' });

    const received = lastText(juma);
    expect(received).toContain('Imepokelewa. Nambari yako ya kumbukumbu ni');
    expect(received).toContain('mhudumu wa Ripoti (si polisi) atasoma ripoti yako, kwa kawaida ndani ya dakika 5');
    const reference = referenceIn(received);
    await juma.press('🔎 Ripoti zangu');
    await juma.sendText(`/hali ${reference}`);
    expect(lastText(juma)).toContain('Hali:');

    expectNoEnglish(everythingShown(juma));
    for (const t of everythingShown(juma)) expect(t).not.toMatch(/\bafisa|maafisa/i);

    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({
      kind: 'election',
      category: 'e_bribery',
      description: { text: story },
      county: 1,
      location: { lat: -4.0435, lon: 39.6682 },
      when: 'date',
      dangerNow: true,
      priority: 1,
      anonymous: false,
      language: 'sw',
    });
    expect(report!.place).toBeUndefined();
    expect(report!.incidentAt?.getTime()).toBe(incidentTimeFor('yesterday', clock()).getTime() - 24 * 3600 * 1000);
    expect(report!.evidence.map((e) => e.kind)).toEqual(['photo', 'photo', 'document']);
    const identity = await h.store.reporters.identityOf(report!.reporterId);
    expect(identity).toMatchObject({ telegramUserId: juma.id, phone: '+254733444555' });
    expect((await h.store.reporters.findById(report!.reporterId))?.language).toBe('sw');
    expect(h.enqueued.filter((e) => e.reportId === report!._id.toString())).toHaveLength(1);
  });

  it('the English locale check itself finds English in a reply', () => {
    expect(() => expectNoEnglish(['Tafadhali angalia ripoti yako', 'Please check your report'])).toThrow();
  });

  for (const lang of ['en', 'sw'] as const) {
    it(`the shortest path from the first message to a reference number takes at most 9 actions (${lang})`, async () => {
      const u = h.tg.user({ firstName: `Short${lang}`, languageCode: 'en' });
      const actions = countActions(u);
      const b =
        lang === 'en'
          ? { start: '🚓 Police misconduct', cat: 'Unlawful arrest or detention', no: 'No', today: 'Today', send: '🕶 Send anonymously' }
          : { start: '🚓 Makosa ya polisi', cat: 'Kukamatwa kinyume cha sheria', no: 'Hapana', today: 'Leo', send: '🕶 Tuma bila kutaja jina langu' };
      await u.sendText('/start');
      await u.press(b.start);
      await u.press(b.cat);
      await u.press(b.no);
      await u.sendText('They arrested my brother and will not say where he is.');
      await u.sendText('Kisumu');
      await u.sendText('Central police station');
      await u.press(b.today);
      // The details for the agency are offered on the review, not asked on the way: no tap to skip them.
      expect(u.buttons()).toContain(lang === 'en' ? '🕵️ Add details for the agency' : '🕵️ Ongeza maelezo kwa taasisi');
      await u.press(b.send);
      const reference = referenceIn(lastText(u));
      expect(actions.count()).toBe(9);
      const report = await h.store.reports.findByReference(reference);
      expect(report).toMatchObject({ category: 'p_arrest', county: 42, anonymous: true, dangerNow: false, language: lang, priority: 2 });
      // Priority 2's SLA (15 minutes), said in the reporter's language.
      expect(lastText(u)).toContain(lang === 'en' ? 'within 15 minutes' : 'ndani ya dakika 15');
      // Two more taps on Send: "we already have it" once, then quietly.
      await u.press(b.send);
      await u.press(b.send);
      const already = lang === 'en' ? 'We already have this report' : 'Tayari tumepokea ripoti hii';
      expect(allTexts(u).filter((t) => t.includes(already))).toHaveLength(1);
      expect(await h.store.models.Report.countDocuments({ reporterId: report!.reporterId })).toBe(1);
      if (lang === 'sw') expectNoEnglish(everythingShown(u));
    });
  }

  it('"it is happening now" at the danger question is a yes and answers when: 9 actions (violence asks whether anyone was hurt)', async () => {
    const u = h.tg.user({ firstName: 'Now', languageCode: 'sw' });
    const actions = countActions(u);
    await u.sendText('/start');
    await u.press('🗳 Tukio la uchaguzi');
    await u.press('Vitisho au vurugu');
    await u.sendText('Inatokea sasa hivi');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    await u.sendText('Vijana wanapiga watu nje ya kituo.');
    await u.press('Ruka'); // "Je, kuna mtu aliyeumia?"
    await u.sendText('Kisumu');
    await u.sendText('Kondele');
    expect(lastText(u)).toContain('Tafadhali angalia ripoti yako');
    await u.press('🕶 Tuma bila kutaja jina langu');
    expect(actions.count()).toBe(9);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ when: 'now', dangerNow: true, priority: 1 });
  });

  it('registers its commands in both languages, with Swahili names', () => {
    expect(h.tg.commands().map((c) => c.command)).toEqual(['start', 'report', 'status', 'cancel', 'language', 'help', 'privacy', 'forget']);
    const sw = h.tg.commands({ languageCode: 'sw' });
    expect(sw.map((c) => c.command)).toEqual(['start', 'ripoti', 'hali', 'ghairi', 'lugha', 'msaada', 'faragha', 'nisahau']);
    expect(sw.find((c) => c.command === 'ghairi')?.description).toBe('Katisha ripoti unayoandika');
    expect(sw.find((c) => c.command === 'nisahau')?.description).toBe('Futa maelezo yako (jina, nambari ya simu)');
  });

  it('after the language choice, the chat’s command menu is in that language; the Swahili commands work', async () => {
    const u = h.tg.user({ firstName: 'Achieng', languageCode: 'en' });
    await u.sendText('/start');
    await u.press('☰ Menyu kwa Kiswahili');
    const scope = { type: 'chat', chat_id: u.chatId };
    expect(h.tg.commands({ scope }).map((c) => c.command)).toEqual(['start', 'ripoti', 'hali', 'ghairi', 'lugha', 'msaada', 'faragha', 'nisahau']);
    expect(h.tg.commands({ scope }).find((c) => c.command === 'hali')?.description).toContain('/hali');

    await u.sendText('/msaada');
    expect(lastText(u)).toContain('Jinsi Ripoti inavyofanya kazi');
    await u.sendText('/faragha');
    expect(lastText(u)).toContain('Faragha yako');
    expect(lastText(u)).toContain('tuma /nisahau wakati wowote');
    await u.sendText('/nisahau');
    expect(lastText(u)).toContain('Tufute maelezo yako?');
    await u.press('Hapana, usiyafute');
    await u.sendText('/hali');
    expect(lastText(u)).toContain('Huna ripoti');
    await u.sendText('/ripoti');
    expect(lastText(u)).toBe('Unataka kuripoti nini?');
    await u.sendText('/ghairi');
    expect(lastText(u)).toContain('Unaweza kuanza upya');
    await u.sendText('/lugha');
    await u.press('English');
    expect(h.tg.commands({ scope }).map((c) => c.command)).toEqual(['start', 'report', 'status', 'cancel', 'language', 'help', 'privacy', 'forget']);
    await u.sendText('/status');
    expect(lastText(u)).toContain('You have no open reports');
    // A returning reporter gets the welcome in their language, not the choice again.
    await u.sendText('/start');
    expect(lastText(u)).toContain('Welcome to Ripoti');
    expect(lastText(u)).not.toContain('Karibu');
  });

  it('a language typed instead of tapped on the first message is taken too', async () => {
    const u = h.tg.user({ firstName: 'Typist', languageCode: 'en' });
    await u.sendText('/start');
    await u.sendText('Kiswahili');
    expect(lastText(u)).toContain('Karibu Ripoti');
    expect(lastText(u)).not.toContain('Welcome');
    expect(h.tg.commands({ scope: { type: 'chat', chat_id: u.chatId } }).map((c) => c.command)).toContain('hali');
    // Once chosen, the word is just a message (it could answer an agent): /lugha changes it.
    await u.sendText('english');
    expect(lastText(u)).toBe('Ungependa kufanya nini?');
  });

  it('keeps a conversation in progress under 2 KB of Redis', async () => {
    const wanjiku = h.tg.user({ firstName: 'Wanjiku', languageCode: 'en' });
    await wanjiku.sendText('/start');
    await wanjiku.press('🚓 Police misconduct');
    await wanjiku.press('Unlawful arrest or detention');
    await wanjiku.press('No');
    await wanjiku.sendText('They arrested my brother without telling us why and refused to say where he was taken.');
    await wanjiku.sendText('Kisumu');
    await wanjiku.sendText('Central police station');
    await wanjiku.press('Today');
    for (let i = 0; i < 5; i++) await wanjiku.sendPhoto();
    expect(shown(wanjiku.lastMessage())).toContain('5 files');
    // The key is a keyed hash: the Telegram id itself is not in Redis.
    const key = `${h.prefix}:sess:${sessionKey(h.store.cipher, wanjiku.id, wanjiku.chatId)}`;
    const bytes = await h.redis.strlen(key);
    expect(await h.redis.keys(`${h.prefix}:sess:*${wanjiku.id}*`)).toEqual([]);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(2048);
    // Sealed: Redis (and its dumps) hold none of her words, and the draft goes a day after her last message.
    const raw = (await h.redis.get(key)) ?? '';
    expect(raw).toMatch(/^s1\./);
    for (const words of ['arrested my brother', 'Central police station', 'Kisumu', 'arrest']) expect(raw).not.toContain(words);
    const ttl = await h.redis.ttl(key);
    expect(ttl).toBeGreaterThan(23 * 3600);
    expect(ttl).toBeLessThanOrEqual(24 * 3600);
  });
});
