/** The reporter's whole journey over the Telegram double, in English and in Swahili, down to MongoDB. */
import { incidentTimeFor, parseReference } from '../../../src/domain';
import { sessionKey } from '../../../src/bot';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, formatDayEat, lastText, referenceIn } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_journey');
});

afterAll(async () => {
  await h?.close();
});

describe('the report journey', () => {
  it('in English: police bribery, typed details, 2 photos + a document, danger, shared contact', async () => {
    const amina = h.tg.user({ firstName: 'Amina', lastName: 'Wanjiru', languageCode: 'en' });
    const story = 'An officer at the roadblock demanded <500> shillings & took my ID.';

    await amina.sendText('/start');
    expect(lastText(amina)).toContain('Welcome to Ripoti');
    await amina.press('📝 Report an incident');
    expect(lastText(amina)).toBe('What do you want to report?');
    await amina.press('Police misconduct');
    expect(amina.buttons()).toContain('Bribery or extortion by police');
    await amina.press('Bribery or extortion by police');
    expect(lastText(amina)).toContain('Tell us what happened');
    await amina.sendText(story);

    // County from the paginated keyboard: Nairobi City is on the last page.
    expect(lastText(amina)).toContain('In which county');
    expect(amina.buttons()).toContain('Mombasa');
    await amina.press('More counties ›');
    await amina.press('More counties ›');
    await amina.press('More counties ›');
    expect(amina.buttons()).not.toContain('More counties ›');
    await amina.press('Nairobi City');

    expect(lastText(amina)).toContain('Where in Nairobi City?');
    expect(amina.replyKeyboard()).toEqual(['📍 Share my location', '‹ Back', '✖ Cancel']);
    await amina.sendText('Kasarani police station');
    expect(amina.replyKeyboard()).toEqual([]);

    await amina.press('Yesterday');
    expect(lastText(amina)).toContain('Do you have photos');
    expect(amina.buttons()).toContain('Skip');
    const photo1 = await amina.sendPhoto();
    expect(lastText(amina)).toContain('1 of 10 received');
    const photo2 = await amina.sendPhoto({ caption: 'his badge' });
    const doc = await amina.sendDocument({ fileName: 'ob-slip.pdf', mimeType: 'application/pdf' });
    expect(lastText(amina)).toContain('3 of 10 received');
    await amina.press('✅ Done');

    expect(lastText(amina)).toBe('Is anyone in danger right now?');
    await amina.press('Yes');
    // The emergency numbers come at once, before the next question.
    const texts = allTexts(amina);
    const numbers = texts.find((t) => t.includes('call for help now'));
    expect(numbers).toContain('999');
    expect(numbers).toContain('1559'); // IPOA for police misconduct
    expect(numbers).not.toContain('1547'); // NCIC is for hate speech only
    expect(lastText(amina)).toContain('Can an agent contact you');

    await amina.press('📞 An agent may contact me');
    expect(amina.replyKeyboard()).toContain('📱 Send my phone number');
    await amina.press('📱 Send my phone number', { phoneNumber: '+254722000111' });
    expect(amina.replyKeyboard()).toEqual([]);

    const review = lastText(amina);
    expect(review).toContain('Please check your report');
    expect(review).toContain('Bribery or extortion by police');
    expect(review).toContain(story); // shown back literally: the HTML was escaped
    expect(review).toContain('Nairobi City');
    expect(review).toContain('Kasarani police station');
    expect(review).toContain('3 files');
    expect(review).toContain('phone number shared');
    expect(amina.lastMessage().parseMode).toBe('HTML');

    await amina.press('✅ Confirm and send');
    const received = lastText(amina);
    expect(received).toContain('Received. Your reference is');
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
    expect(report!.incidentAt.getTime()).toBe(incidentTimeFor('yesterday', new Date()).getTime());
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

  it('in Swahili (language_code sw): election bribery, typed county and date, shared location, evidence, contact', async () => {
    const juma = h.tg.user({ firstName: 'Juma', languageCode: 'sw' });
    const story = 'Mgombea aligawa pesa kwa wapiga kura nje ya kituo cha kupigia kura.';
    const day = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const typedDate = formatDayEat(day);

    await juma.sendText('/start');
    expect(lastText(juma)).toContain('Karibu');
    await juma.press('📝 Ripoti tukio');
    expect(lastText(juma)).toBe('Ungependa kuripoti nini?');
    await juma.press('Tukio linalohusu uchaguzi');
    await juma.press('Kuhonga wapiga kura');
    expect(lastText(juma)).toContain('Tueleze kilichotokea');
    await juma.sendText(story);
    expect(lastText(juma)).toContain('kaunti gani');
    await juma.sendText('kaunti ya mombasa');
    expect(lastText(juma)).toContain('Mahali gani ndani ya Mombasa');
    await juma.shareLocation(-4.0435, 39.6682);
    expect(lastText(juma)).toContain('Ilitokea lini');
    await juma.sendText(typedDate);
    expect(lastText(juma)).toContain('Una picha, video');
    await juma.sendPhoto();
    await juma.sendPhoto();
    await juma.sendDocument({ fileName: 'video-link.txt', mimeType: 'text/plain' });
    expect(lastText(juma)).toContain('3 kati ya 10 zimepokelewa');
    await juma.press('✅ Nimemaliza');
    expect(lastText(juma)).toBe('Je, kuna mtu yuko hatarini sasa hivi?');
    await juma.press('Ndio');
    expect(allTexts(juma).some((t) => t.includes('omba msaada sasa hivi') && t.includes('112'))).toBe(true);
    await juma.press('📞 Afisa anaweza kuwasiliana nami');
    await juma.press('📱 Tuma nambari yangu ya simu', { phoneNumber: '+254733444555' });
    expect(lastText(juma)).toContain('Tafadhali angalia ripoti yako');
    expect(lastText(juma)).toContain('mahali ulipotuma');
    await juma.press('✅ Thibitisha na utume');

    const received = lastText(juma);
    expect(received).toContain('Imepokelewa. Nambari yako ya kumbukumbu ni');
    const reference = referenceIn(received);
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
    expect(formatDayEat(report!.incidentAt)).toBe(typedDate);
    expect(report!.evidence.map((e) => e.kind)).toEqual(['photo', 'photo', 'document']);
    const identity = await h.store.reporters.identityOf(report!.reporterId);
    expect(identity).toMatchObject({ telegramUserId: juma.id, phone: '+254733444555' });
    expect((await h.store.reporters.findById(report!.reporterId))?.language).toBe('sw');
    expect(h.enqueued.filter((e) => e.reportId === report!._id.toString())).toHaveLength(1);
  });

  it('registers its commands in both languages', () => {
    expect(h.tg.commands().map((c) => c.command)).toEqual(['start', 'status', 'cancel', 'language', 'help', 'privacy']);
    expect(h.tg.commands({ languageCode: 'sw' }).find((c) => c.command === 'cancel')?.description).toBe('Katisha ripoti unayoandika');
  });

  it('keeps a conversation in progress under 2 KB of Redis', async () => {
    const wanjiku = h.tg.user({ firstName: 'Wanjiku', languageCode: 'en' });
    await wanjiku.sendText('/start');
    await wanjiku.press('📝 Report an incident');
    await wanjiku.press('Police misconduct');
    await wanjiku.press('Unlawful arrest or detention');
    await wanjiku.sendText('They arrested my brother without telling us why and refused to say where he was taken.');
    await wanjiku.sendText('Kisumu');
    await wanjiku.sendText('Central police station');
    await wanjiku.press('Today');
    for (let i = 0; i < 5; i++) await wanjiku.sendPhoto();
    // The key is a keyed hash: the Telegram id itself is not in Redis.
    const bytes = await h.redis.strlen(`${h.prefix}:sess:${sessionKey(h.store.cipher, wanjiku.id, wanjiku.chatId)}`);
    expect(await h.redis.keys(`${h.prefix}:sess:*${wanjiku.id}*`)).toEqual([]);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(2048);
  });
});
