/** Telegram messages and button data as wizard input. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstWords } from '../../../src/bot/wizard/story-words';
import type { Message } from 'telegraf/types';
import { agrees, buttonInput, withoutAnswerWord, categoryWord, confirmsOffer, dangerToldFirst, disappearanceWords, dontKnow, messageInput, normalise, onlyThanks, readWord, typedRating, WIZARD_DATA } from '../../../src/bot/wizard/parse';

const FROM = 424242;
const LABELS = { back: '⬅️ Rudi', cancel: '❌ Katisha' };
const base = { message_id: 7, date: 1_795_900_000, chat: { id: FROM, type: 'private' as const, first_name: 'Achieng' } };
const msg = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as unknown as Message;
const parse = (extra: Record<string, unknown>) => messageInput(msg(extra), FROM, LABELS);

describe('messageInput', () => {
  it('reads text, the Back and Cancel labels in the reporter’s language, and commands', () => {
    expect(parse({ text: 'Kisumu' })).toEqual({ type: 'text', text: 'Kisumu' });
    expect(parse({ text: '⬅️ Rudi' })).toEqual({ type: 'text', text: '⬅️ Rudi', label: 'back' });
    expect(parse({ text: '❌ Katisha' })).toEqual({ type: 'text', text: '❌ Katisha', label: 'cancel' });
    expect(parse({ text: '⬅️ Back' })).toEqual({ type: 'text', text: '⬅️ Back' });
    expect(parse({ text: '/weather now' })).toEqual({ type: 'command', command: 'weather' });
    expect(parse({ text: '/help@RipotiBot' })).toEqual({ type: 'command', command: 'help' });
  });

  it('reads the largest photo size with its caption, and a voice note', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 'us', width: 90, height: 90, file_size: 1000 },
      { file_id: 'large', file_unique_id: 'ul', width: 1280, height: 960, file_size: 120_000 },
    ];
    expect(parse({ photo, caption: 'The car' })).toEqual({ type: 'media', media: { kind: 'photo', fileId: 'large', fileUniqueId: 'ul', size: 120_000 }, caption: 'The car' });
    expect(parse({ voice: { file_id: 'v', file_unique_id: 'uv', duration: 42, mime_type: 'audio/ogg' } })).toEqual({
      type: 'media',
      media: { kind: 'voice', fileId: 'v', fileUniqueId: 'uv', durationSec: 42, mimeType: 'audio/ogg' },
    });
    // Someone else's voice note passed on says so.
    const forwarded = { voice: { file_id: 'v', file_unique_id: 'uv', duration: 42 }, forward_origin: { type: 'hidden_user', sender_user_name: 'Kamau', date: 1_795_800_000 } };
    expect(parse(forwarded)).toMatchObject({ type: 'media', media: { kind: 'voice' }, forwarded: { from: 'Kamau', at: 1_795_800_000_000 } });
    // Their own, forwarded from another chat, is theirs.
    const own = { ...forwarded, forward_origin: { type: 'user', sender_user: { id: FROM, is_bot: false, first_name: 'Achieng' }, date: 1_795_800_000 } };
    expect(parse(own)).not.toHaveProperty('forwarded');
  });

  it('reads a forwarded text as someone else’s words with who sent it and when, never as a command or the story', () => {
    const date = 1_795_800_000;
    const channel = { type: 'channel', chat: { id: -100123, type: 'channel', title: 'Sauti ya Mtaa', username: 'sautiyamtaa' }, message_id: 88, date };
    expect(parse({ text: 'Watu wa kabila hilo waondoke hapa kabla ya kura', forward_origin: channel })).toEqual({
      type: 'passedOn',
      text: 'Watu wa kabila hilo waondoke hapa kabla ya kura',
      from: 'Sauti ya Mtaa (@sautiyamtaa)',
      at: date * 1000,
    });
    expect(parse({ text: '/vote now', forward_origin: { type: 'hidden_user', sender_user_name: 'Kamau', date } })).toEqual({ type: 'passedOn', text: '/vote now', from: 'Kamau', at: date * 1000 });
    const user = { type: 'user', sender_user: { id: 77, is_bot: false, first_name: 'Otieno', last_name: 'W' }, date };
    expect(parse({ text: '⬅️ Rudi', forward_origin: user })).toMatchObject({ type: 'passedOn', from: 'Otieno W' });
    const group = { type: 'chat', sender_chat: { id: -5, type: 'supergroup', title: 'Kasarani Residents' }, date };
    expect(parse({ text: 'Kesho tutawapiga', forward_origin: group })).toMatchObject({ type: 'passedOn', from: 'Kasarani Residents' });
    // The reporter's own message, forwarded from another chat, is theirs.
    expect(parse({ text: 'They beat my brother at the stage', forward_origin: { type: 'user', sender_user: { id: FROM, is_bot: false, first_name: 'Achieng' }, date } })).toEqual({ type: 'text', text: 'They beat my brother at the stage' });
    // So it is when they hide their account in forwards: Telegram names them only, and that name is never kept as a sender.
    const own = { from: { id: FROM, is_bot: false, first_name: 'Achieng', last_name: 'Odhiambo' } };
    for (const name of ['Achieng Odhiambo', 'achieng  odhiambo']) {
      expect(parse({ ...own, text: 'They beat my brother at the stage', forward_origin: { type: 'hidden_user', sender_user_name: name, date } })).toEqual({ type: 'text', text: 'They beat my brother at the stage' });
    }
    // Another person who shares a first name is someone else; a first name alone is theirs only when they have no other.
    for (const name of ['Kamau', 'Achieng']) expect(parse({ ...own, text: 'Kesho tutawapiga', forward_origin: { type: 'hidden_user', sender_user_name: name, date } })).toMatchObject({ type: 'passedOn', from: name });
    const firstOnly = { from: { id: FROM, is_bot: false, first_name: 'Achieng' } };
    expect(parse({ ...firstOnly, text: 'Mine', forward_origin: { type: 'hidden_user', sender_user_name: 'Achieng', date } })).toEqual({ type: 'text', text: 'Mine' });
  });

  it('reads a location, and a contact as own only when it is the sender’s', () => {
    expect(parse({ location: { latitude: -0.09, longitude: 34.77 } })).toEqual({ type: 'location', lat: -0.09, lon: 34.77 });
    expect(parse({ contact: { phone_number: '+254722000111', first_name: 'A', user_id: FROM } })).toEqual({ type: 'contact', phone: '+254722000111', own: true });
    expect(parse({ contact: { phone_number: '+254700000001', first_name: 'B', user_id: 1 } })).toEqual({ type: 'contact', phone: '+254700000001', own: false });
    expect(parse({ contact: { phone_number: '+254700000002', first_name: 'C' } })).toMatchObject({ own: false });
  });

  it('anything else (a sticker, an animation) is other', () => {
    expect(parse({ sticker: { file_id: 's', file_unique_id: 'us', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } })).toEqual({ type: 'other' });
    const gif = { file_id: 'g', file_unique_id: 'ug', width: 1, height: 1, duration: 1 };
    expect(parse({ animation: gif, document: { file_id: 'g', file_unique_id: 'ug' } })).toEqual({ type: 'other' });
  });
});

describe('wizard button data', () => {
  it('parses w:<draft>:<step>:<value> and nothing else', () => {
    const m = WIZARD_DATA.exec('w:dRaFt0000001:county:p2');
    expect(m && buttonInput(m)).toEqual({ type: 'button', draftId: 'dRaFt0000001', step: 'county', value: 'p2' });
    expect(WIZARD_DATA.exec('w:dRaFt0000001:county')).toBeNull();
    expect(WIZARD_DATA.exec('w:a:b:c:d')).toBeNull();
    expect(WIZARD_DATA.exec('x:dRaFt0000001:county:p2')).toBeNull();
  });
});

describe('onlyThanks', () => {
  it('reads a bare thanks or acknowledgement, in English, Swahili and emoji', () => {
    for (const w of ['ok', 'OK!', 'okay', 'sawa', 'Sawa sawa', 'poa', 'asante', 'Asante sana 🙏', 'ahsante', 'thanks', 'Thank you so much!', 'ok thanks', 'sawa asante', '👍', '👍🏾', '🙏🙏', '❤️', 'noted']) expect([w, onlyThanks(w)]).toEqual([w, true]);
    // A blessing is a thanks too, as Kenyans say it.
    for (const w of ['asante sana mungu awabariki', 'Mungu akubariki', 'God bless you', 'thank you God bless', 'barikiwa']) expect([w, onlyThanks(w)]).toEqual([w, true]);
  });

  it('never a message that tells or asks anything, nor one of other feelings', () => {
    for (const w of ['', '.', 'you', 'so much', 'ok, they also took my phone', 'sawa, pia walichukua simu', 'ok?? when will you call', 'no', 'yes', 'ndio', '😢', 'ok 🚨', 'asante 😡', 'thanks for nothing', 'hello']) expect([w, onlyThanks(w)]).toEqual([w, false]);
  });
});

describe('typedRating', () => {
  it('reads "did Ripoti help you?" answered in words or a thumb, in English and Swahili', () => {
    for (const w of ['yes', 'Ndio', 'ndiyo!', 'eeh', '👍', '👍🏾', 'it helped', 'Yes it helped, thank you', 'You helped me a lot', 'ilisaidia', 'Ndio imesaidia sana', 'mmenisaidia asante']) expect([w, typedRating(w)]).toEqual([w, 'helped']);
    for (const w of ['no', 'Hapana', 'la', '👎', 'it did not help', "didn't help at all", 'No, you never helped me', 'haikusaidia', 'hamkunisaidia kabisa', 'hakuna msaada']) expect([w, typedRating(w)]).toEqual([w, 'not_helped']);
  });

  it('a score is neither answer, and a thanks, a protest or news is no answer at all', () => {
    for (const w of ['5', '10/10', '4 out of 5', '5 stars', '⭐⭐⭐⭐']) expect([w, typedRating(w)]).toEqual([w, 'score']);
    for (const w of ['asante', 'thank you', 'ok', 'sawa', 'But nothing was done!', 'no one came', 'hakuna', 'hamjafanya kitu', 'they came back at 5', 'yes they beat him again']) expect([w, typedRating(w)]).toEqual([w, undefined]);
  });
});

describe('readWord', () => {
  it('reads yes, no and skip in English and Swahili, with the spellings people type', () => {
    for (const w of ['yes', 'Yes!', 'YES', 'ndio', 'Ndiyo', 'ndiyo.', 'ndyo', 'eeh']) expect([w, readWord(w)]).toEqual([w, 'yes']);
    // Agreeing, or only acknowledging: a yes where a wrong one costs little (not at "is someone in danger?").
    for (const w of ['sawa', 'Sawa sawa', 'ok']) expect([w, readWord(w), agrees(readWord(w))]).toEqual([w, 'ack', true]);
    // "Eh?" is "huh?": no answer to anything.
    expect(readWord('Eh?')).toBeUndefined();
    // Typed fast, in capitals or with a letter held down: "ndo", "NDIOO", "yess", "hapanaa", "noo".
    for (const w of ['ndo', 'NDOO', 'ndioo', 'Ndiyoo', 'yess', 'yes yes']) expect([w, readWord(w)]).toEqual([w, 'yes']);
    for (const w of ['hapanaa', 'HAPAN', 'noo', 'nooo', 'no no']) expect([w, readWord(w)]).toEqual([w, 'no']);
    expect(agrees(readWord('hapana'))).toBe(false);
    for (const w of ['no', 'No.', 'hapana', 'Hapana!', 'hapna', 'la', 'nope']) expect([w, readWord(w)]).toEqual([w, 'no']);
    for (const w of ['skip', 'Ruka', 'none', 'sina']) expect([w, readWord(w)]).toEqual([w, 'skip']);
    for (const w of ['done', 'Nimemaliza', 'tayari']) expect([w, readWord(w)]).toEqual([w, 'done']);
  });

  it('reads days and "now", and "it is happening now" in either language', () => {
    for (const w of ['today', 'Leo', 'leo hii']) expect([w, readWord(w)]).toEqual([w, 'today']);
    for (const w of ['yesterday', 'Jana', 'jana jioni', 'Yesterday evening', 'jana asubuhi']) expect([w, readWord(w)]).toEqual([w, 'yesterday']);
    for (const w of ['juzi', 'day before yesterday', 'juzi usiku']) expect([w, readWord(w)]).toEqual([w, 'dayBefore']);
    for (const w of ['leo mchana', 'this evening']) expect([w, readWord(w)]).toEqual([w, 'today']);
    for (const w of ['now', 'sasa hivi', 'Sasa hivi!', 'saa hii', 'It is happening now', "it's happening now", 'Inatokea sasa hivi', 'bado inaendelea']) expect([w, readWord(w)]).toEqual([w, 'now']);
  });

  it('reads cancel words', () => {
    for (const w of ['ghairi', 'Ghairi!', 'acha', 'katisha', 'cancel', 'Stop', 'sitisha']) expect([w, readWord(w)]).toEqual([w, 'cancel']);
    // A wish to stop said in a sentence ("i want to stop this" at the county question was added to the story).
    for (const w of ['i want to stop this', 'I want to cancel', 'i dont want to continue', "I don't want to continue anymore", 'stop this', 'cancel this report', 'nataka kuacha', 'nataka kusitisha ripoti', 'actually i dont want to continue', 'sorry i want to cancel', 'samahani nataka kuacha']) expect([w, readWord(w)]).toEqual([w, 'cancel']);
    // Stopping what was done is the story: "they want to stop the demo" reads no wish.
    for (const w of ['they told me to stop', 'i want to stop the police']) expect([w, readWord(w)]).toEqual([w, undefined]);
    // Reporting later, or a mind changed: asked whether to cancel (each was kept as the place or the story).
    for (const w of ['wacha tu, nitaripoti baadaye', 'nitareport baadaye', "I'll report later", 'nimebadilisha mawazo', 'sorry I changed my mind', "I've changed my mind", 'nimebadili mawazo sitaki kuripoti']) expect([w, readWord(w)]).toEqual([w, 'cancel']);
    // Said of someone else, of what was done, or of going to the police ("hapana, nitaripoti kesho" at the P3 question): no wish.
    for (const w of ['wacha tu nitaripoti kesho', 'acha tu, nitaripoti kesho', "ok I'll report tomorrow"]) expect([w, readWord(w)]).toEqual([w, 'cancel']);
    for (const w of ['alisema atareport baadaye', 'he changed his mind', 'nitaripoti polisi hawa', 'hapana, nitaripoti kesho', 'nitaripoti kwa IPOA baadaye']) expect([w, readWord(w)]).toEqual([w, undefined]);
  });

  it('takes only whole messages: a sentence that contains a word is not that word', () => {
    expect(readWord('Acha nikueleze kilichotokea')).toBeUndefined();
    expect(readWord('yes they beat him')).toBeUndefined();
    expect(readWord('Nakuru')).toBeUndefined();
    expect(readWord('')).toBeUndefined();
    expect(readWord('x'.repeat(500))).toBeUndefined();
  });

  it('normalises case, accents, punctuation and spaces', () => {
    expect(normalise('  Ndiyó!!  ')).toBe('ndiyo');
    expect(normalise('It’s   happening NOW')).toBe('it s happening now');
  });
});

describe('firstWords: a few first words that say what to do', () => {
  it('begins a report for what was done, for wanting to report, and for a cry for help', () => {
    // Too few words to tell what happened: the story question will ask for the rest.
    expect(firstWords('Polisi wamenipiga')).toEqual({ story: { text: 'Polisi wamenipiga', storyPart: 'first' } });
    expect(firstWords('nataka kureport polisi')).toEqual({ kind: 'police' });
    expect(firstWords('I want to report election rigging')).toEqual({ kind: 'election' });
    // A cry for help begins a report; a cry alone does not answer its danger question (staff are alerted on the yes).
    expect(firstWords('saidieni')).toEqual({});
    expect(firstWords('tuko hatarini')).toEqual({ dangerSaid: true });
    // After a greeting, as most people begin.
    expect(firstWords('HABARI NATAKA KURIPOTI POLISI')).toEqual({ kind: 'police' });
    expect(firstWords('Hello, I want to report election rigging')).toEqual({ kind: 'election' });
  });

  it('begins a report for what was done said in Sheng or in any person ("walinishika tao", "walidai kitu kidogo")', () => {
    for (const text of ['walinishika tao', 'makarao walinichapa', 'polisi wa traffic walidai kitu kidogo', 'polisi wananipiga']) {
      expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
    }
    // Someone taken away, or not seen since: what a mother writes first.
    for (const text of ['polisi wamemchukua mwanangu', 'POLISI WAMESHIKA KIJANA WANGU', 'walimchukua kaka yangu usiku', 'mwanangu amepotea', 'kijana wangu hajaonekana']) {
      expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
    }
    // Asking to be called, or voters, is no act.
    for (const text of ['nipigie simu tafadhali', 'wapiga kura wengi']) expect([text, firstWords(text)]).toEqual([text, undefined]);
  });

  it('begins a report for sexual abuse told in a few words ("afande alinitaka kimapenzi"), never the menu', () => {
    for (const text of ['afande alinitaka kimapenzi ndio aniachilie', 'askari alinilazimisha ngono', 'polisi walinidhulumu kingono', 'a cop sexually assaulted me', 'the officer raped me']) {
      expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
    }
  });

  it('begins a report for one word that tells what they did to someone ("walinipiga"), as "polisi walinipiga" does', () => {
    for (const text of ['walinipiga', 'Walinipiga!', 'wamenikamata', 'walimchukua', 'wananitishia']) {
      expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
    }
    // One word that tells no act, or only a call: the menu, as before.
    for (const text of ['walinipigia', 'nimemaliza', 'wanawake', 'Nairobi', 'hello']) expect([text, firstWords(text)]).toEqual([text, undefined]);
  });

  it('begins a report for money asked in a few words ("cops demanded 2k from me", "karao wanataka 2k"), as the category words read a police bribe; it was the menu, the words lost', () => {
    for (const text of ['cops demanded 2k from me', 'police wanted 500 from me', 'askari walitaka 500', 'cops asked me for 1k', 'karao wanataka 2k', 'they want 5k to release him']) {
      expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
    }
  });

  it('a release alone ("wakaniachilia", "they released me") is no report begun: being let go is no misconduct by itself, the menu says what to do', () => {
    for (const text of ['wakaniachilia', 'Waliniachilia', 'wamemwachilia', 'wakaniachia', 'they released me', 'polisi wakaniachilia']) expect([text, firstWords(text)]).toEqual([text, undefined]);
    // Let go after paying: the bribe is told, and the release with it is its price.
    for (const text of ['walinichukua pesa wakaniachilia', 'walinikamata wakaniachilia']) expect([text, firstWords(text)]).toEqual([text, { story: { text, storyPart: 'first' } }]);
  });

  it('reads a kind button\'s words typed instead of tapped, in English and Swahili ("Tukio la uchaguzi")', () => {
    for (const lang of ['en', 'sw']) {
      const kinds = (JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, 'bot.json'), 'utf8')) as { start: { kind: Record<string, string> } }).start.kind;
      for (const [kind, label] of Object.entries(kinds)) {
        const typed = label.replace(/^[^\p{L}]+/u, '');
        expect([typed, readWord(typed)]).toEqual([typed, kind]);
      }
    }
  });

  it('reads the kind and the category in the words people use ("karao", "walinikamata"), and "sikuona namba yao" as no answer', () => {
    for (const w of ['karao', 'Askari', 'cops', 'traffic', 'makosa ya polisi', 'utovu wa polisi', 'utovu wa nidhamu wa polisi']) expect([w, readWord(w)]).toEqual([w, 'police']);
    expect(readWord('IEBC')).toBe('election');
    for (const w of ['wacha', 'sitaki tena', 'sitaki kuendelea', 'achana na hii']) expect([w, readWord(w)]).toEqual([w, 'cancel']);
    expect(categoryWord('walinikamata', 'police')).toBe('p_arrest');
    expect(categoryWord('walinikamata', 'election')).toBeUndefined();
    expect(categoryWord('walidai kitu kidogo', 'police')).toBe('p_bribery');
    expect(categoryWord('walinichapa', 'election')).toBe('e_violence');
    for (const t of ['sikuona namba yao', 'sikuona number', 'sikuwajua']) expect([t, dontKnow(t)]).toEqual([t, true]);
    expect(dontKnow('sikuona namba, ni Land Cruiser nyeupe')).toBe(false);
  });

  it('leaves questions, greetings and questions about a report sent to the menu', () => {
    for (const text of ['where is the nearest police station?', 'hello police', 'Is this the police?', 'nataka kujua hali ya ripoti yangu', 'I want to check the status of my report', 'nataka kufuta ripoti yangu', 'help', 'Habari']) {
      expect([text, firstWords(text)]).toEqual([text, undefined]);
    }
  });
});

describe('disappearanceWords: not knowing where someone is, typed where the categories are listed', () => {
  it('reads every "not known where" of the one shared list (DISAPPEARED_WORDS), the linker\'s older phrases too', () => {
    for (const text of ['hatujui alipo', 'haijulikani alipo', 'hatujui walipo', 'mwanangu hajulikani aliko', 'hatujui amepelekwa wapi']) expect([text, disappearanceWords(text, 'police')]).toEqual([text, 'p_disappear']);
    expect(disappearanceWords('haijulikani alipo', 'election')).toBeUndefined();
  });
});

describe('dangerToldFirst: a first message that answers "is someone in danger?" before it is asked', () => {
  it.each(['Msaada! Polisi wanampiga kaka yangu nje ya duka', 'Help us, police are beating my brother', 'saidieni wako hapa', 'nisaidie wako hapa nje'])('%j is a yes', (text) => {
    expect(dangerToldFirst(text)).toBe(true);
  });

  it.each(['help me report a police officer who took a bribe', 'naomba msaada kuripoti polisi', 'Polisi walinipiga jana', 'can you help me with my report', 'asante kwa msaada'])('%j is not', (text) => {
    expect(dangerToldFirst(text)).toBe(false);
  });

  // A cry and nothing more is often how a report begins ("naomba msaada", a polite opener): it is shown the
  // numbers and asked, so staff are alerted on its yes, not on the cry alone.
  it.each(['saidieni', 'naomba msaada', 'Msaada!', 'help me please', 'Nisaidie tafadhali', 'SOS'])('%j, a bare cry, is not', (text) => {
    expect(dangerToldFirst(text)).toBe(false);
  });

  // The cry begins an account of what was done, told as past: help with that report, not danger now (staff would be alerted without a tap).
  it.each(['help me, police took my phone yesterday', 'Msaada, jana polisi walinipiga', 'help us police beat my brother last week', 'nisaidie polisi walichukua pesa yangu jana', 'help me they took my money'])(
    '%j, help with a past harm, is not',
    (text) => {
      expect(dangerToldFirst(text)).toBe(false);
    },
  );

  // How it began is told as past, but they are still there: danger now, whatever the past verb beside it.
  it.each(['Msaada! walikuja na bado wako hapa', 'help, they came and they are still here', 'Msaada, walikuja usiku na bado wako nje', 'help us they came and they are still outside', 'Msaada! Jana walikuja na bado wapo hapa'])(
    '%j, still there, is a yes',
    (text) => {
      expect(dangerToldFirst(text)).toBe(true);
    },
  );

  // Without "still" they came and went: past, asked. "Bado wako nje ya nchi" is abroad.
  it.each(['Msaada! jana walikuja', 'msaada walikuja nyumbani', 'help, they came yesterday', 'msaada walikuja kumchukua, bado wako nje ya nchi'])('%j, gone, is not', (text) => {
    expect(dangerToldFirst(text)).toBe(false);
  });

  // Hiding or shut in now, or a threat to kill within the day: danger said plainer than a cry, whatever is told as past
  // beside it. The danger question asked of someone who wrote "niko nimejificha" read as if they had not been heard.
  it.each([
    'wamesema watanimaliza usiku huu, niko nimejificha',
    'said they will kill me tonight, I am hiding',
    'tumejifungia ndani, wako nje',
    'Jana walinipiga, sasa nimejificha kwa jirani',
    'polisi wanasema wataniua leo usiku',
    'they said they will kill us tonight',
    'walisema watatumaliza leo',
    "We're locked inside the church",
    // Hiding said now beside a day gone by: now, or since then.
    'yesterday they beat me, i am hiding now',
    'nimejificha tangu jana',
    'jana walinipiga, niko nimejificha sasa',
    'last night police came, we are locked inside the house',
    'they shot my brother yesterday, we are hiding',
  ])('%j, hiding or killed within the day, is a yes', (text) => {
    expect(dangerToldFirst(text)).toBe(true);
  });

  // Hiding told as past, a threat with a condition, a threat with no day, or safe said: asked as before.
  it.each([
    'nilikuwa nimejificha kwa jirani wakati walikuja',
    'we were hiding in the church when they came',
    'walisema wataniua kama sitalipa leo',
    'they said they will kill me today if I report them',
    'wataniua',
    'they said they will kill me',
    'nimejificha lakini sasa niko salama',
    'I am hiding from the police, am I safe to report here?',
    // Found by a review: told as past or as context, far away or not afraid, to be reported.
    'mwaka jana walisema watatuua, sasa tumehamia nakuru',
    'last year they said they will kill us, now we moved away',
    'last month the chief said he will kill me, today I want to report',
    'I want to report police who said they will kill me, today I am at the station',
    'wiki iliyopita OCS alisema atanimaliza, leo nimeenda kwa DCI',
    'they threatened they will kill me today, but I am now far away',
    'he said he will kill me tonight, i am not scared i just want it recorded',
    'nimejificha sasa niko sawa',
    'jana usiku tumejificha kwa jirani, sasa tumerudi nyumbani',
    // Found by a second review: hiding a thing, trapped in a system, finished by fines.
    'i am hiding my identity, police asked me for a bribe',
    'im hiding my name because i fear the OCS, he took 2000 from me',
    'hawa kanjo watatumaliza leo na hizi faini',
    'we are hiding the evidence until you contact us',
    'i am trapped inside the bribery system',
    'traffic police want to kill us today with these fines',
    'leo polisi wamesema watatumaliza kwa kura',
  ])('%j is not', (text) => {
    expect(dangerToldFirst(text)).toBe(false);
  });

  // The tense says it: beat is past (asked), are beating and wanampiga are now.
  it('a cry beside "police beat my son" is past; beside "police are beating my son" or "polisi wanampiga mwanangu" it is now', () => {
    expect(dangerToldFirst('Help, police beat my son')).toBe(false);
    expect(dangerToldFirst('Help, police are beating my son')).toBe(true);
    expect(dangerToldFirst('Msaada polisi wanampiga mwanangu')).toBe(true);
  });
});

describe('confirmsOffer (a yes to "It sounds like: …", said with a word more)', () => {
  it('"ndio hiyo", "yes that\'s it", "ni hiyo", "yes correct" take the category offered', () => {
    for (const t of ['ndio hiyo', 'Ndiyo ni hiyo', 'ni hiyo', 'hiyo hiyo', 'ndio hiyo hiyo', 'yes thats it', "Yes that's it", 'yes that one', 'thats right', 'yes correct', 'correct', 'exactly', 'ndio kabisa', 'ndio ni sawa']) {
      expect([t, confirmsOffer(t)]).toEqual([t, true]);
    }
  });
  it('Sheng\'s "poa", "poa sana", "ni poa", "fiti" (fine, agreed) take it too: "poa" was "sijaelewa" and the offer again', () => {
    for (const t of ['poa', 'Poa sana', 'ni poa', 'iko poa', 'fiti', 'ndio poa']) expect([t, confirmsOffer(t)]).toEqual([t, true]);
    for (const t of ['yes it is', "Yes it's", 'true', 'ndio hivyo']) expect([t, confirmsOffer(t)]).toEqual([t, true]);
  });
  it('a story, a refusal or another category is no yes', () => {
    for (const t of ['hiyo si sawa', 'no thats not it', 'sio hiyo', 'ndio walinipiga', 'yes they beat me', 'hiyo ni hongo', 'Kisumu', 'that one was bribery', 'si poa', 'haiko poa']) {
      expect([t, confirmsOffer(t)]).toEqual([t, false]);
    }
  });
});

describe('a Swahili walk: stopping, and saying one is reporting', () => {
  it('"naomba tuache hii", "tuachane nayo", "never mind" are cancel words (the first was kept as the story)', () => {
    for (const w of ['naomba tuache hii', 'tuache', 'tuache hii', 'tuachane nayo', 'nimeamua kuacha', 'sitaki kuripoti tena', 'never mind', 'forget it']) expect([w, readWord(w)]).toEqual([w, 'cancel']);
  });

  it('"naripoti kwa niaba ya jirani", "sawa nataka kuripoti" begin a report (they were the bare menu); a story after "naripoti" is the story', () => {
    expect(firstWords('naripoti kwa niaba ya jirani')).toEqual({});
    expect(firstWords('sawa nataka kuripoti')).toEqual({});
    expect(firstWords('ok nataka kuripoti polisi')).toEqual({ kind: 'police' });
    expect(firstWords('naripoti kwamba polisi walinipiga jana')?.story?.text).toBe('naripoti kwamba polisi walinipiga jana');
  });
});

describe('withoutAnswerWord: the words kept from an answer led by a yes or no', () => {
  it.each([
    ['hapana, walimwachilia jana', 'walimwachilia jana'],
    ['ndio, wako nje', 'wako nje'],
  ])('%j keeps %j (the answer is recorded already)', (text, kept) => {
    expect(withoutAnswerWord(text)).toBe(kept);
  });

  // The no is the danger's own negation: cut, staff read the opposite ("danger now but we fear him").
  it.each([
    ['no danger now but we fear him', 'no danger now but we fear him'],
    ['hapana hakuna hatari sasa hivi, ila tunaogopa', 'hakuna hatari sasa hivi, ila tunaogopa'],
    ['hapana, hakuna mtu hatarini sasa lakini tunaogopa', 'hakuna mtu hatarini sasa lakini tunaogopa'],
    ['no, no danger right now but they said they will come back', 'no danger right now but they said they will come back'],
  ])('%j keeps %j: the danger denied, never "danger now"', (text, kept) => {
    expect(withoutAnswerWord(text)).toBe(kept);
  });
});
