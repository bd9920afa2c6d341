/**
 * Injuries and medical evidence, end to end through the Bot API double in English and Swahili:
 * after the story of a beating, "was anyone hurt?" and "is there a P3 form or a medical report?"
 * are asked with buttons or answered in words, "not yet" gets one line on how a P3 form is had,
 * the review shows the answers and the stored report keeps them. After a killing the question is
 * whether anyone else was hurt; a bribe is not asked about injuries at all. After sexual violence
 * the review names the PRC form. A category changed on the review to one that asks about injuries
 * asks at once, then returns to the review; changed to one that does not, the answers leave the
 * review and the report (also one stored early because someone was in danger).
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_injuries');
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const B = {
  en: {
    police: '🚓 Police misconduct', force: 'Excessive force or brutality', killing: 'Killing by police', bribery: 'Bribery or extortion by police', no: 'No', today: 'Today',
    story: 'Two officers beat my brother with batons outside the market.', hurtAsk: 'Was anyone hurt?', othersAsk: 'Was anyone else hurt?',
    hurtButtons: ['Yes, they got medical help', 'Yes, no medical help yet', 'No one was hurt', 'Skip', '‹ Back', '✖ Cancel'],
    untreated: 'Yes, no medical help yet', p3Ask: 'Is there a P3 form, or a report from a doctor or hospital', notYet: 'not yet', p3Help: 'A P3 form is free. You can get it at any police station, and a government doctor fills it in.',
    countyAsk: 'In which county', review: ['Anyone hurt: Yes, no medical help yet', 'P3 form or medical report: Not yet'], nobodyElse: 'no', othersReview: 'Anyone else hurt: No one else was hurt',
    sexual: 'Sexual harassment or abuse', noneHurt: 'No one was hurt', prcAsk: 'Is there a P3 or PRC form', prcReview: 'P3 or PRC form, or medical report: Not yet', notYetButton: 'Not yet',
    change: '✏️ Change', type: 'Type', policeKind: 'Police misconduct', yes: '🚨 Yes', hurtLabel: 'Anyone hurt',
  },
  sw: {
    police: '🚓 Makosa ya polisi', force: 'Nguvu kupita kiasi au ukatili', killing: 'Mauaji yaliyofanywa na polisi', bribery: 'Polisi kuitisha hongo au pesa', no: 'Hapana', today: 'Leo',
    story: 'Polisi wawili walimpiga kaka yangu kwa rungu nje ya soko.', hurtAsk: 'Je, kuna mtu aliyeumia?', othersAsk: 'Je, kuna mtu mwingine aliyeumia?',
    hurtButtons: ['Ndio, amepata matibabu', 'Ndio, bado hajapata matibabu', 'Hakuna aliyeumia', 'Ruka', '‹ Nyuma', '✖ Katisha'],
    untreated: 'Ndio, bado hajapata matibabu', p3Ask: 'Je, kuna fomu ya P3, au ripoti ya daktari au ya hospitali?', notYet: 'bado', p3Help: 'Fomu ya P3 hutolewa bure. Unaweza kuipata katika kituo chochote cha polisi, na daktari wa serikali ndiye anayeijaza.',
    countyAsk: 'kaunti gani', review: ['Kuna aliyeumia: Ndio, bado hajapata matibabu', 'Fomu ya P3 au ripoti ya daktari: Bado'], nobodyElse: 'hapana', othersReview: 'Kuna mwingine aliyeumia: Hakuna mwingine aliyeumia',
    sexual: 'Unyanyasaji wa kingono', noneHurt: 'Hakuna aliyeumia', prcAsk: 'Je, kuna fomu ya P3 au ya PRC', prcReview: 'Fomu ya P3 au ya PRC, au ripoti ya daktari: Bado', notYetButton: 'Bado',
    change: '✏️ Badilisha', type: 'Aina', policeKind: 'Utovu wa nidhamu wa polisi', yes: '🚨 Ndio', hurtLabel: 'Kuna aliyeumia',
  },
} as const;

async function toStory(u: TelegramUser, lang: 'en' | 'sw', category: string): Promise<void> {
  await u.sendText('/start');
  await u.press(B[lang].police);
  await u.press(category);
  await u.press(B[lang].no);
}

/** County, place and day: the review. */
async function toReview(u: TelegramUser, lang: 'en' | 'sw'): Promise<void> {
  await u.sendText('Nakuru');
  await u.sendText('Naivasha road junction');
  await u.press(B[lang].today);
}

/** Send anonymously from the review: what the review said, and the stored report. */
async function send(u: TelegramUser, lang: 'en' | 'sw') {
  const review = lastText(u);
  await u.press(SEND_ANONYMOUSLY[lang]);
  const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
  return { review, report };
}

/** County, place and day, then Send anonymously: the stored report. */
async function finish(u: TelegramUser, lang: 'en' | 'sw') {
  await toReview(u, lang);
  return send(u, lang);
}

/** The review's Change -> Type -> Police -> this category. */
async function changeCategory(u: TelegramUser, lang: 'en' | 'sw', category: string): Promise<void> {
  await u.press(B[lang].change);
  await u.press(B[lang].type);
  await u.press(B[lang].policeKind);
  await u.press(category);
}

for (const lang of ['en', 'sw'] as const) {
  const b = B[lang];

  it(`(${lang}) brutality: hurt and not treated, no P3 form yet: the guidance line, the review and the stored report`, async () => {
    const u = h.tg.user({ firstName: `Hurt${lang}`, languageCode: lang });
    await toStory(u, lang, b.force);
    await u.sendText(b.story);
    expect(lastText(u)).toBe(b.hurtAsk);
    expect(u.buttons()).toEqual(b.hurtButtons);
    await u.press(b.untreated);
    expect(lastText(u)).toContain(b.p3Ask);
    // Typed instead of tapped: "bado" / "not yet" is the Not yet button.
    await u.sendText(b.notYet);
    // The one line of guidance, above the next question.
    expect(lastText(u)).toContain(b.p3Help);
    expect(lastText(u).indexOf(b.p3Help)).toBeLessThan(lastText(u).indexOf(b.countyAsk));
    const { review, report } = await finish(u, lang);
    for (const line of b.review) expect(review.replace(/\s+/g, ' ')).toContain(line);
    expect(report).toMatchObject({ category: 'p_force', injuries: { hurt: 'untreated', record: 'not_yet' } });
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1));
  });

  it.each([
    ['what was done', 'yes they broke his arm', 'ndiyo, walimvunja mkono', 'Broke'],
    ['the harm and how they are now', 'yes they broke his arm but he is ok', 'ndio walimvunja mkono lakini yuko sawa', 'Stable'],
  ])(`(${lang}) a yes said with %s ("%s" / "%s"): the yes, and the words in the story, said so; they were lost`, async (_what, en, sw, name) => {
    const u = h.tg.user({ firstName: `${name}${lang}`, languageCode: lang });
    await toStory(u, lang, b.force);
    await u.sendText(b.story);
    const words = lang === 'en' ? en : sw;
    await u.sendText(words);
    expect(lastText(u)).toContain(b.p3Ask);
    expect(allTexts(u).join('\n')).toContain(lang === 'en' ? 'I have added this to what happened' : 'Nimeongeza hili kwenye maelezo');
    await u.sendText(b.notYet);
    const { report } = await finish(u, lang);
    expect(report).toMatchObject({ injuries: { hurt: 'hurt', record: 'not_yet' } });
    // The yes is the answer; the story keeps what follows it.
    expect(report?.description?.text).toBe(`${b.story}\n${words.replace(/^\w+,? /, '')}`);
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1));
  });

  it(`(${lang}) a killing asks whether anyone else was hurt; a typed no is the answer`, async () => {
    const u = h.tg.user({ firstName: `Killing${lang}`, languageCode: lang });
    await toStory(u, lang, b.killing);
    await u.sendText(b.story);
    expect(lastText(u)).toContain(b.othersAsk);
    expect(lastText(u)).not.toBe(b.hurtAsk);
    await u.sendText(b.nobodyElse);
    expect(lastText(u)).toContain(b.countyAsk);
    const { review, report } = await finish(u, lang);
    expect(review.replace(/\s+/g, ' ')).toContain(b.othersReview);
    expect(report).toMatchObject({ category: 'p_killing', injuries: { hurt: 'none' } });
  });

  it(`(${lang}) a death told at "was anyone hurt?" after a brutality story ("amekufa" / "he died"): kept in the story, the report a killing by police, said so, and asked with sympathy whether anyone else was hurt`, async () => {
    const u = h.tg.user({ firstName: `Died${lang}`, languageCode: lang });
    await toStory(u, lang, b.force);
    await u.sendText(b.story);
    const words = lang === 'en' ? 'he died' : 'amekufa';
    await u.sendText(words);
    // It was "please use the buttons" ("amekufa" lost), or "he died" added and "was anyone hurt?" asked again.
    expect(allTexts(u).join('\n')).toContain(lang === 'en' ? 'I have changed what happened to “Killing by police”' : 'Nimebadilisha tukio liwe “Mauaji yaliyofanywa na polisi”');
    expect(lastText(u)).toContain(lang === 'en' ? 'We are so sorry for this loss' : 'Pole sana kwa msiba huu');
    expect(lastText(u)).toContain(b.othersAsk);
    await u.sendText(b.nobodyElse);
    expect(lastText(u)).toContain(b.countyAsk);
    const { report } = await finish(u, lang);
    expect(report).toMatchObject({ category: 'p_killing', injuries: { hurt: 'none' }, description: { text: `${b.story}\n${words}` } });
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1));
  });

  it(`(${lang}) a no with the hurt denied ("no, he wasn't hurt" / "hapana hajaumia") is the no: the county next, the question not asked again`, async () => {
    const u = h.tg.user({ firstName: `Denied${lang}`, languageCode: lang });
    await toStory(u, lang, b.force);
    await u.sendText(b.story);
    await u.sendText(lang === 'en' ? "no, he wasn't hurt" : 'hapana hajaumia');
    expect(lastText(u)).toContain(b.countyAsk);
    const { report } = await finish(u, lang);
    expect(report).toMatchObject({ injuries: { hurt: 'none' }, description: { text: b.story } });
  });

  it(`(${lang}) a bribe is not asked about injuries: the county comes after the story`, async () => {
    const u = h.tg.user({ firstName: `Bribe${lang}`, languageCode: lang });
    await toStory(u, lang, b.bribery);
    await u.sendText(b.story);
    expect(lastText(u)).toContain(b.countyAsk);
    const { report } = await finish(u, lang);
    expect(report?.injuries).toBeUndefined();
  });

  it(`(${lang}) sexual violence: the review names the PRC form the question asked about`, async () => {
    const u = h.tg.user({ firstName: `Prc${lang}`, languageCode: lang });
    await toStory(u, lang, b.sexual);
    await u.sendText(b.story);
    await u.press(b.noneHurt);
    expect(lastText(u)).toContain(b.prcAsk);
    await u.press(b.notYetButton);
    const { review, report } = await finish(u, lang);
    expect(review.replace(/\s+/g, ' ')).toContain(b.prcReview);
    expect(report).toMatchObject({ category: 'p_sexual', injuries: { hurt: 'none', record: 'not_yet' } });
  });

  it(`(${lang}) a bribe changed on the review to brutality is asked the injury questions at once, then the review`, async () => {
    const u = h.tg.user({ firstName: `Changed${lang}`, languageCode: lang });
    await toStory(u, lang, b.bribery);
    await u.sendText(b.story);
    await toReview(u, lang);
    await changeCategory(u, lang, b.force);
    expect(lastText(u)).toContain(b.hurtAsk);
    await u.press(b.untreated);
    expect(lastText(u)).toContain(b.p3Ask);
    await u.press(b.notYetButton);
    expect(lastText(u)).toContain(b.p3Help);
    const { review, report } = await send(u, lang);
    for (const line of b.review) expect(review.replace(/\s+/g, ' ')).toContain(line);
    expect(report).toMatchObject({ category: 'p_force', injuries: { hurt: 'untreated', record: 'not_yet' } });
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1));
  });

  it(`(${lang}) someone in danger, hurt, then changed to a bribe: the injuries leave the review and the report stored at once`, async () => {
    const u = h.tg.user({ firstName: `Unhurt${lang}`, languageCode: lang });
    await u.sendText('/start');
    await u.press(b.police);
    await u.press(b.force);
    await u.press(b.yes);
    await u.sendText(b.story);
    await u.press(b.untreated);
    // No P3 question while someone is in danger: the county comes next.
    expect(lastText(u)).toContain(b.countyAsk);
    await toReview(u, lang);
    expect(lastText(u)).toContain(b.hurtLabel);
    await changeCategory(u, lang, b.bribery);
    const { review, report } = await send(u, lang);
    expect(review).not.toContain(b.hurtLabel);
    expect(report).toMatchObject({ category: 'p_bribery', dangerNow: true });
    expect(report?.injuries).toBeUndefined();
  });
}

it('a story sent in three short messages, the last two landing on "was anyone hurt?", keeps all three: none is thrown away as "not understood"', async () => {
  const u = h.tg.user({ firstName: 'Akinyi', languageCode: 'sw' });
  await toStory(u, 'sw', B.sw.force);
  await u.sendText('mapolice walinichapa jana');
  await u.sendText('kwa stage ya kondele');
  await u.sendText('walikuwa wawili');
  expect(lastText(u)).toContain('Nimeongeza hili kwenye maelezo');
  expect(lastText(u)).toContain(B.sw.hurtAsk);
  // A single word is no part of a story: the buttons are asked for.
  await u.sendText('eh');
  expect(lastText(u)).toContain('Samahani, sijaelewa');
  await u.sendText('ruka');
  const { report } = await finish(u, 'sw');
  expect(report?.description?.text).toBe('mapolice walinichapa jana\nkwa stage ya kondele\nwalikuwa wawili');
});

describe('"was anyone hurt?" answered in words, someone in danger', () => {
  it('"yes he is bleeding" is a yes: the county comes next, never "did not understand", and the report keeps that someone was hurt', async () => {
    const u = h.tg.user({ firstName: 'Bleeding', languageCode: 'en' });
    await u.sendText('/start');
    await u.press(B.en.police);
    await u.press(B.en.force);
    await u.press(B.en.yes);
    await u.sendText('my brother is still in the cell they are beating him');
    expect(lastText(u)).toContain(B.en.hurtAsk);
    await u.sendText('yes he is bleeding');
    expect(lastText(u)).toContain(B.en.countyAsk);
    await toReview(u, 'en');
    expect(lastText(u)).toContain('Anyone hurt: Yes');
    await u.press(SEND_ANONYMOUSLY.en);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: true, injuries: { hurt: 'hurt' } });
    // The words with the yes are in the story too (without the yes, the answer): they were dropped.
    expect(report?.description?.text).toBe('my brother is still in the cell they are beating him\nhe is bleeding');
  });

  it('"ndio anavuja damu" after a no to danger: the numbers, the yes, and the words kept in the story, said so', async () => {
    const u = h.tg.user({ firstName: 'Damu', languageCode: 'sw' });
    await toStory(u, 'sw', B.sw.force);
    await u.sendText(B.sw.story);
    await u.sendText('ndio anavuja damu');
    const said = allTexts(u).join('\n');
    expect(said).toContain('999');
    expect(said).toContain('Nimeongeza hili kwenye maelezo');
    await finish(u, 'sw');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: true, injuries: { hurt: 'hurt' } });
    expect(report?.description?.text).toBe(`${B.sw.story}\nanavuja damu`);
    expectNoEnglish(allTexts(u).slice(1));
  });
});
