/**
 * Words a frightened reporter types at the summary before sending, in Swahili and English:
 * "sitaki jina langu ijulikane", "anonymous" send the report without their name, as 🕶 Send
 * anonymously does, even after a send with their number failed and kept it. Never named, and
 * the words never added to the story staff and an agency read. "Nataka kuongeza picha" is told how
 * to add the photo. At the phone question, "naogopa", "baadaye", "rudi" lead back to the summary,
 * never "use the button to share your number". At the story question, "naogopa, nisiendelee" is
 * answered (how to stay unknown) and asked whether to stop; carried on, it is not the story.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, referenceIn, walkTo } from './helpers';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot_review_words');
});
afterAll(async () => {
  await h?.close();
});

const STORY = 'Police asked me for a bribe at the junction.';

describe('a wish to stay unknown typed at the review', () => {
  it.each([
    ['sw', 'sitaki jina langu ijulikane', 'Nambari yako ya kumbukumbu'],
    ['sw', 'usitaje jina langu', 'Nambari yako ya kumbukumbu'],
    ['en', 'anonymous', 'Your reference is'],
    ['en', 'bila jina', 'Your reference is'],
  ] as const)('(%s) "%s" sends it without the name; the words are not in the story', async (lang, words, sent) => {
    const u = h.tg.user({ firstName: `Unknown ${words.length}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.sendText(words);
    expect(lastText(u)).toContain(sent);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
    expect((await h.store.reporters.identityOf(report!.reporterId))?.phone).toBeUndefined();
  });

  it('(sw) after a send with the number failed, "sitaki jina langu ijulikane" sends it without the name: the number shared is not sent', async () => {
    const u = h.tg.user({ firstName: 'Changed mind', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw');
    await u.press('📞 Tuma pamoja na nambari yangu');
    h.failNextSubmits(1);
    await u.press('📱 Tuma nambari yangu ya simu', { phoneNumber: '+254722000111' });
    expect(u.buttons()).toContain('✅ Tuma tena');
    await u.sendText('sitaki jina langu ijulikane');
    // Sent anonymously: staff see no name, username or number on it.
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
  });
});

describe('a wish to send without the number typed at the review', () => {
  it.each([
    ['sw', 'usitume namba yangu', 'Nambari yako ya kumbukumbu'],
    ['en', "don't use my number", 'Your reference is'],
  ] as const)('(%s) "%s" sends it without the number; the words are not in the story', async (lang, words, sent) => {
    const u = h.tg.user({ firstName: `No number ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.sendText(words);
    expect(lastText(u)).toContain(sent);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
    expect((await h.store.reporters.identityOf(report!.reporterId))?.phone).toBeUndefined();
  });

  it('(sw) "gari bila namba", a car without plates, is not sent: it is added to the story', async () => {
    const u = h.tg.user({ firstName: 'Car without plates', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw');
    await u.sendText('gari bila namba');
    expect(u.buttons()).toContain('🕶 Tuma bila kutaja jina langu');
    await u.press('🕶 Tuma bila kutaja jina langu');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: `${STORY}\ngari bila namba` } });
  });
});

describe('fear and a wish to stop typed at the story question', () => {
  it.each([
    ['sw', 'naogopa, nisiendelee', 'Si lazima ujulikane.', 'Unataka kukatisha ripoti hii?', 'Hapana, endelea', 'Leo', '🕶 Tuma bila kutaja jina langu'],
    ['en', "I'm scared I don't want to continue", 'You do not have to be known.', 'Do you want to cancel this report?', 'No, carry on', 'Today', '🕶 Send anonymously'],
  ] as const)('(%s) "%s": the fear answered and whether to stop asked; carried on, the words are not the story', async (lang, words, fear, ask, carryOn, today, anonymously) => {
    const u = h.tg.user({ firstName: `Scared ${lang}`, languageCode: lang });
    await walkTo(u, 'desc', lang);
    await u.sendText(words);
    expect(lastText(u)).toContain(fear);
    expect(lastText(u)).toContain(ask);
    await u.press(carryOn);
    for (const answer of [STORY, 'Nakuru', 'Naivasha road junction']) await u.sendText(answer);
    await u.press(today);
    await u.press(anonymously);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
  });
});

describe('a photo or video to add, said at the review', () => {
  it.each([
    ['sw', 'nataka kuongeza picha', 'Tuma picha, video, ujumbe wa sauti au hati hapa sasa hivi, au bonyeza 📎 Ongeza faili hapa chini', '🕶 Tuma bila kutaja jina langu'],
    ['en', 'i have a video', 'Send the photo, video, voice note or document here now, or tap 📎 Add files below', '🕶 Send anonymously'],
  ] as const)('(%s) "%s" is told how; the photo sent next goes with the report, the words not in its story', async (lang, words, how, anonymously) => {
    const u = h.tg.user({ firstName: `Has a file ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.sendText(words);
    expect(allTexts(u).join('\n')).toContain(how);
    await u.sendPhoto();
    await u.press(anonymously);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
    expect(report!.evidence.map((e) => e.kind)).toEqual(['photo']);
  });
});

describe('words typed at the phone question', () => {
  it.each([
    ['sw', 'naogopa', 'Si lazima ujulikane.', '🕶 Tuma bila kutaja jina langu'],
    ['en', 'i am scared', 'You do not have to be known.', '🕶 Send anonymously'],
    ['sw', 'baadaye', 'Sawa, nambari yako haitatumwa.', '🕶 Tuma bila kutaja jina langu'],
    ['sw', 'sina namba ya simu', 'Hakuna shida: huhitaji nambari ya simu.', '🕶 Tuma bila kutaja jina langu'],
    ['en', "I don't have a number", 'No problem: you do not need a phone number.', '🕶 Send anonymously'],
    ['en', 'rudi', 'Please check your report', '🕶 Send anonymously'],
  ] as const)('(%s) "%s": the number is not asked again, the summary is back, and the report goes without the name', async (lang, words, answer, anonymously) => {
    const u = h.tg.user({ firstName: `Phone ${words}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(lang === 'sw' ? '📞 Tuma pamoja na nambari yangu' : '📞 Send with my phone number');
    const before = u.messages().length;
    await u.sendText(words);
    expect(allTexts(u).slice(before).join('\n')).toContain(answer);
    expect(u.buttons()).toContain(anonymously);
    await u.press(anonymously);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: STORY } });
  });
});
