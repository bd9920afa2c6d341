import { Translator } from '../../../src/i18n';

/**
 * Swahili that a reporter reads, checked where a past translation read wrong. A verb whose object
 * is a thing already named ("eneo bunge hilo", "ujumbe huo") carries that thing's object marker, as
 * "Sikuipata kaunti hiyo" does: without it the sentence reads as word-for-word English.
 */
describe('Swahili texts a reporter reads', () => {
  let t: Translator;
  beforeAll(async () => {
    t = await Translator.create();
  });

  it('mark the object already named: the constituency or ward not found, the story to shorten', () => {
    expect(t.t('sw', 'bot:details.const.unknown', { county: 'Nakuru' })).toMatch(/^Sikulipata eneo bunge hilo katika Nakuru\./);
    expect(t.t('sw', 'bot:details.ward.unknown')).toMatch(/^Sikuipata wadi hiyo\./);
    expect(t.t('sw', 'bot:desc.too_long', { length: 12001, max: 12000 })).toContain('Tafadhali uufupishe;');
  });

  it('say "bila kutaja jina lako" and "nambari" for staying anonymous, as the send button does', () => {
    const anonymous = t.t('sw', 'bot:wizard.anonymous');
    expect(anonymous).toMatch(/^Unaweza kuripoti bila kutaja jina lako\. /);
    expect(anonymous).toContain('wala nambari yako.');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bot = JSON.stringify(require('../../../locales/sw/bot.json'));
    expect(bot.match(/bila kujulikana|namba yako\b/g) ?? []).toEqual([]);
  });

  it('say "hadi faili 10": "sasa, hadi 10" left the reader to guess 10 of what', () => {
    expect(t.t('sw', 'bot:ev.ask', { max: 10 })).toContain(' sasa, hadi faili 10.');
    expect(t.t('sw', 'bot:ev.ask_more', { max: 10 })).toContain(' sasa, hadi faili 10.');
  });

  it('agree with "mahali" (pa-) when offering to change the place', () => {
    expect(t.t('sw', 'bot:review.fix_town', { town: 'Kisumu', county: 'Kisumu' })).toBe('Nibadilishe mahali pawe Kisumu, kaunti ya Kisumu?');
  });

  it('name both halves of the personation category on its button, as "Impersonation or multiple voting" does: who saw someone vote twice finds it', () => {
    const button = t.t('sw', 'common:categoryButton.e_personation');
    expect(button).toMatch(/\bmara (2|mbili)\b/);
    expect(button).toMatch(/\bjina\b/);
  });

  it('say "Ndio" on the buttons, as every other yes button does', () => {
    expect(t.t('sw', 'notices:consentYes')).toMatch(/^Ndio, /);
  });

  it('say plainly that a report that could not be saved is not sent yet, and the answers are kept', () => {
    expect(t.t('sw', 'bot:submit.failed')).toBe('Samahani, hatukuweza kuhifadhi ripoti yako, kwa hivyo bado haijatumwa. Majibu yako bado yapo. Tafadhali bonyeza Tuma tena.');
  });

  it('give one file li- agreement, as "faili la kesi" does, not "faili hii" in one text and "faili hili" in the next', () => {
    expect(t.t('sw', 'bot:ev.count', { count: 1, max: 10 })).toMatch(/^Faili 1 kati ya 10 limefika\./);
    expect(t.t('sw', 'bot:ev.kept', { count: 2, max: 10 })).toMatch(/^📎 Faili limehifadhiwa /);
    expect(t.t('sw', 'bot:ev.too_big', { mb: 20 })).toBe('Faili hilo ni kubwa mno. Faili lazima liwe chini ya MB 20. Tafadhali tuma lililo dogo zaidi.');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const texts = ['bot', 'console', 'casefile', 'notices'].map((ns) => JSON.stringify(require(`../../../locales/sw/${ns}.json`))).join('\n');
    expect(texts.match(/\bfaili (hii|hiyo|yoyote|imefika|imehifadhiwa|imefutwa|iwe)\b/gi) ?? []).toEqual([]);
  });

  it('write "nambari" for a number everywhere, as the reference and the phone number are written', () => {
    expect(t.t('sw', 'bot:details.ofc.ask')).toMatch(/^Unajua majina au nambari za kazi za polisi hao\?/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const texts = ['bot', 'console', 'casefile', 'notices', 'common', 'triage', 'limits'].map((ns) => JSON.stringify(require(`../../../locales/sw/${ns}.json`))).join('\n');
    expect(texts.match(/\bnamba\b[^"]{0,20}/gi) ?? []).toEqual([]);
  });

  it('show a clock time as the phone does, "16:05", never "saa 10:05", which reads as Swahili time (4 in the afternoon)', () => {
    expect(t.t('sw', 'bot:reply.pick_sent_at', { time: '10:05' })).toBe('ilitumwa 10:05');
    expect(t.t('sw', 'bot:review.when_now', { date: '05/12/2026', time: '10:05' })).toBe('Sasa hivi (05/12/2026, 10:05)');
  });

  it('say where a place typed ahead is where the incident ("tukio", li-) happened: "ilitokea “kituo cha polisi cha Kasarani”" read as no place (a common noun needs a locative)', () => {
    expect(t.t('sw', 'bot:wizard.place_kept', { place: 'kituo cha polisi cha Kasarani' })).toMatch(/^📍 Nimeandika mahali tukio lilipotokea: “kituo cha polisi cha Kasarani”\. Sitakuuliza mahali tena\./);
  });

  it('say that a report about a chief or kanjo is taken all the same ("Hata hivyo"), not "Bado tunapokea" (we are still receiving it)', () => {
    expect(t.t('sw', 'bot:wizard.not_police')).toContain(' si polisi. Hata hivyo, tunaipokea ripoti yako: wahudumu wa Ripoti wataisoma ');
  });

  it('offer a day the story names with "Kama ni hivyo" (if so), not "Kama ndiyo ... andika ndio": two spellings of yes in one sentence', () => {
    expect(t.t('sw', 'bot:when.offer_yesterday', { words: 'Jana usiku', date: '05/12/2026' })).toBe('📅 Uliandika “Jana usiku”: je, ilikuwa jana, 05/12/2026? Kama ni hivyo, bonyeza Jana hapa chini, au andika ndio.');
    expect(t.t('sw', 'bot:when.offer_today', { words: 'leo asubuhi', date: '06/12/2026' })).toBe('📅 Uliandika “leo asubuhi”: je, ilikuwa leo, 06/12/2026? Kama ni hivyo, bonyeza Leo hapa chini, au andika ndio.');
  });

  it('say a day typed ahead at the danger question with "tarehe", as the other questions say it', () => {
    expect(t.t('sw', 'bot:danger.day_noted', { date: '05/12/2026' })).toBe('🗓 Nimeandika: tukio lilitokea tarehe 05/12/2026. Sitakuuliza siku tena.');
    expect(t.t('sw', 'bot:when.kept_early', { date: '05/12/2026' })).toMatch(/^🗓 Nimeandika: tukio lilitokea tarehe 05\/12\/2026\. Sitakuuliza siku tena\. /);
  });

  it('give "it happens again and again" a subject ("jambo hili", li-): "Kama inatokea ... ilipotokea" had none, as "ilitokea" once had', () => {
    expect(t.t('sw', 'bot:when.often', { example: '05/12/2026' })).toBe('Kama jambo hili linatokea mara kwa mara, andika siku ya mwisho lilipotokea, kwa mfano: jana, au 05/12/2026.');
  });

  it('say a place of another county is not in that county with "si katika kaunti ya", as place.early_elsewhere does: "Hapo si Nairobi City" reads "there is not Nairobi City"', () => {
    expect(t.t('sw', 'bot:injury.place_other_county', { place: 'Kitengela', county: 'Nairobi City' })).toContain('“Kitengela”. Mahali hapo si katika kaunti ya Nairobi City, kwa hivyo nitakuuliza kaunti baada ya maswali haya.');
  });

  it('promise an answer to a reporter without a phone number "hapa, katika mazungumzo haya", as after_sending and the receipt do, not "kwenye chat hii"', () => {
    expect(t.t('sw', 'bot:contact.no_number')).toContain(' Wahudumu wa Ripoti wanaweza kukuandikia hapa, katika mazungumzo haya. ');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bot = JSON.stringify(require('../../../locales/sw/bot.json'));
    expect(bot.match(/\bchat (hii|hili|huu)\b/g) ?? []).toEqual([]);
  });

  it('say the P3 and PRC forms are given free ("hutolewa bure"): "ni bure" and "ni za bure" also read "useless"', () => {
    expect(t.t('sw', 'bot:injury.p3.help')).toMatch(/^Fomu ya P3 hutolewa bure\. /);
    expect(t.t('sw', 'bot:injury.p3.what_sexual')).toContain(' Zote mbili ni ushahidi, na hutolewa bure. ');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bot = JSON.stringify(require('../../../locales/sw/bot.json'));
    expect(bot.match(/\bni (za |ya )?bure\b/g) ?? []).toEqual([]);
  });
});

describe('Swahili texts staff read (the console, the notices to supervisors on Telegram)', () => {
  it('name the person who reported "mripoti" (plural "waripoti") everywhere, never also "mtoa ripoti"', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const texts = ['console', 'triage', 'notices'].map((ns) => JSON.stringify(require(`../../../locales/sw/${ns}.json`))).join('\n');
    expect(texts.match(/\b(mtoa|watoa) ripoti[^"]{0,30}/gi) ?? []).toEqual([]);
    // "aliyeripoti" / "walioripoti" as a name for the reporter; "walioripoti tukio hili" (who reported it) is a verb
    expect(texts.match(/\b(aliyeripoti|walioripoti)\b(?! tukio)[^"]{0,30}/gi) ?? []).toEqual([]);
  });

  it('say "kwa" before the agency a ticket was referred to, "jina la mtumiaji" for the username, and call the bot "boti"', async () => {
    const t = await Translator.create();
    expect(t.t('sw', 'console:ticket.referred_to', { agency: 'IPOA' })).toBe('Imepelekwa kwa IPOA');
    // the name shown above it is the Telegram name too: this one is the username (@...), as the bot calls it
    expect(t.t('sw', 'console:field.username')).toBe('Jina la mtumiaji la Telegram');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const consoleTexts = JSON.stringify(require('../../../locales/sw/console.json'));
    expect(consoleTexts.match(/\bbot\b[^"]{0,20}/g) ?? []).toEqual([]);
  });

  it('tie the details to the files they cannot be removed from: "faili ambazo haziwezi kuondolewa ... maelezo", not "faili ambazo maelezo ... hayawezi kuondolewa" (files that the details cannot be removed)', async () => {
    const t = await Translator.create();
    expect(t.t('sw', 'casefile:evidence.archive_without_consent')).toMatch(/^Bila aliyeripoti kukubali kujulikana, faili ambazo haziwezi kuondolewa kwa uhakika maelezo ya simu iliyozitengeneza \(/);
  });

  it('say "Ndio" on the yes buttons and "jibu la Ndio pekee ndilo" (only a yes), not "ndiyo pekee ndiyo"', async () => {
    const t = await Translator.create();
    expect(t.t('sw', 'triage:batch_refer_go', { count: 3 })).toBe('Ndio, peleka ripoti 3');
    expect(t.t('sw', 'triage:batch_close_go', { count: 1 })).toBe('Ndio, funga ripoti 1');
    expect(t.t('sw', 'console:ticket.ask_consent_help')).toContain(', na jibu la Ndio pekee ndilo huweka jina na simu yake ');
  });

  it('say what an unplayed audio file needs in the words of the first sentence ("kuondoa taarifa", not "kusafishwa"), and ask for it recorded again: Telegram sends no file as a voice note', async () => {
    const t = await Translator.create();
    const body = t.t('sw', 'console:problem.file_audio_may_identify.body');
    expect(body).toContain(' Tunaweza kuondoa taarifa hizo kwenye rekodi za Ogg, MP3 na M4A, lakini si kwenye faili za aina nyingine (kama FLAC au WAV), wala kwenye faili lililoharibika au lenye vitu vingine zaidi ya sauti. ');
    expect(body).toMatch(/ Mwombe mripoti arekodi tena kama ujumbe wa sauti, kwa kitufe cha maikrofoni cha Telegram\.$/);
    expect(t.t('en', 'console:problem.file_audio_may_identify.body')).toMatch(/ Ask the reporter to record it again as a voice note, with Telegram's microphone button\.$/);
  });
});
