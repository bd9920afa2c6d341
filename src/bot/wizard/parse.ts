import { distance } from 'fastest-levenshtein';
import type { Chat, Message, User } from 'telegraf/types';
import type { PassedOnRef } from '../session';
import { captionOf, mediaOf } from '../media';
import { categoriesOf, DISAPPEARED, plainWords, saysDangerNow } from '../../domain';
import { LANGUAGES, loadResources } from '../../i18n';
import type { WizardInput } from './types';

/** callback_data of a wizard button: `w:<draftId>:<step>:<value>` (anything else is answered as stale elsewhere). */
export const WIZARD_DATA = /^w:([\w-]{1,20}):(\w{1,8}):([\w-]{1,20})$/;

export function buttonInput(match: RegExpExecArray | readonly string[], messageId?: number): WizardInput {
  return { type: 'button', draftId: match[1], step: match[2], value: match[3], ...(messageId !== undefined ? { messageId } : {}) };
}

/**
 * A message as wizard input. `labels` are the Back and Cancel reply-keyboard buttons in the
 * reporter's language: on those steps they arrive as plain text.
 */
export function messageInput(msg: Message, fromId: number, labels: { back: string; cancel: string }): WizardInput {
  if ('text' in msg) {
    const text = msg.text;
    // Someone else's words: never a command, a button's label or the story.
    if (passedOn(msg, fromId)) return { type: 'passedOn', ...passedOnText(msg, text) };
    if (text === labels.back) return { type: 'text', text, label: 'back' };
    if (text === labels.cancel) return { type: 'text', text, label: 'cancel' };
    if (text.startsWith('/')) return { type: 'command', command: text.slice(1).split(/[\s@]/)[0] };
    return { type: 'text', text };
  }
  const media = mediaOf(msg);
  if (media) {
    const caption = captionOf(msg);
    const album = 'media_group_id' in msg && msg.media_group_id ? { album: true as const } : {};
    const forwarded = passedOn(msg, fromId) ? { forwarded: sentBy(msg) } : {};
    return { type: 'media', media, ...(caption === undefined ? {} : { caption }), ...album, ...forwarded };
  }
  if ('location' in msg) return { type: 'location', lat: msg.location.latitude, lon: msg.location.longitude };
  if ('contact' in msg) return { type: 'contact', phone: msg.contact.phone_number, own: msg.contact.user_id === fromId };
  return { type: 'other' };
}

/** Passed on from someone else: the reporter's own message forwarded from another chat is still theirs. */
export function passedOn(msg: Message, fromId: number | undefined): boolean {
  const origin = 'forward_origin' in msg ? msg.forward_origin : undefined;
  if (!origin) return false;
  if (origin.type === 'user') return origin.sender_user.id !== fromId;
  // Someone who hides their account in forwards is named only, to themselves too: their own
  // message must not be kept as someone else's under their name (an anonymous report would show it).
  if (origin.type === 'hidden_user') return !ownName(origin.sender_user_name, msg.from);
  return true;
}

/** The sender's whole Telegram name (a first name alone only when they have no other): "Mary" forwarding is not "Mary Wanjiku". */
function ownName(name: string, from: User | undefined): boolean {
  if (!from) return false;
  const said = normalise(name);
  return said !== '' && normalise([from.first_name, from.last_name].filter(Boolean).join(' ')) === said;
}

type MessageOrigin = NonNullable<Message.CommonMessage['forward_origin']>;

/** A forwarded text as the report keeps it: the words, and who Telegram says sent them, and when. */
export function passedOnText(msg: Message, text: string): PassedOnRef {
  return { text, ...sentBy(msg) };
}

/** Who Telegram says first sent a forwarded message, and when (epoch ms). */
function sentBy(msg: Message): Omit<PassedOnRef, 'text'> {
  const origin = 'forward_origin' in msg ? msg.forward_origin : undefined;
  const from = origin ? originName(origin) : undefined;
  // Every origin has its date (Bot API 7.0); telegraf's types leave it out of the user kinds.
  const date = (origin as { date?: unknown } | undefined)?.date;
  return { ...(from ? { from } : {}), ...(typeof date === 'number' ? { at: date * 1000 } : {}) };
}

/** The sender or channel by name and @username (a hate-speech post's channel is what NCIC acts on). */
function originName(origin: MessageOrigin): string | undefined {
  switch (origin.type) {
    case 'user': {
      const u = origin.sender_user;
      return withUsername([u.first_name, u.last_name].filter(Boolean).join(' '), u.username);
    }
    case 'hidden_user':
      return origin.sender_user_name || undefined;
    case 'chat':
      return chatName(origin.sender_chat);
    case 'channel':
      return chatName(origin.chat);
    default:
      return undefined;
  }
}

function chatName(chat: Chat): string | undefined {
  const title = 'title' in chat ? chat.title : [('first_name' in chat ? chat.first_name : ''), ('last_name' in chat ? chat.last_name : '')].filter(Boolean).join(' ');
  return withUsername(title, 'username' in chat ? chat.username : undefined);
}

function withUsername(name: string, username: string | undefined): string | undefined {
  const parts = [name.trim(), username ? `(@${username})` : ''].filter(Boolean).join(' ');
  return parts || undefined;
}

/** What a typed answer means where a button would do: the same words in English and Swahili. */
export type Word = 'yes' | 'ack' | 'no' | 'skip' | 'done' | 'now' | 'today' | 'yesterday' | 'dayBefore' | 'cancel' | 'police' | 'election';

/**
 * Whole-message phrases only (after `normalise`): a story that begins with "acha" or "sasa" is a
 * story, not an answer. Common spellings and the short forms people type on a phone are listed.
 * "it is happening now" counts as `now`: at the danger question that is a yes.
 */
const WORDS: Record<Word, readonly string[]> = {
  // Typed fast, or with a letter held down: "ndo", "ndioo", "yess".
  yes: ['yes', 'y', 'yeah', 'yep', 'yap', 'yea', 'yah', 'yup', 'yes please', 'sure', 'ndio', 'ndiyo', 'ndyo', 'ndiio', 'ndio ndio', 'eeh', 'ee', 'ndio kuna', 'kuna', 'yes there is', 'ndiyo kuna', 'ndo', 'ndoo', 'ndioo', 'ndiyoo', 'yess', 'yes yes'],
  // "OK" and "sawa" agree to a question but also only acknowledge one: a yes to "send it?" or
  // "cancel it?", never to "is someone in danger?", where a false yes alerts staff. ("Eh?" is
  // "huh?": no answer at all.)
  ack: ['ok', 'okay', 'sawa', 'sawa sawa'],
  no: ['no', 'n', 'nope', 'nah', 'hapana', 'hapna', 'apana', 'la', 'hakuna', 'no one', 'nobody', 'hakuna mtu', 'hapana hakuna', 'hapanaa', 'hapan', 'noo', 'nooo', 'no no'],
  // "I don't know" to an optional question is no answer: never passed on to an agency as the officers' names.
  skip: ['skip', 'ruka', 'next', 'none', 'nothing', 'sina', 'sina kitu', 'hakuna kitu', 'no files', 'no evidence', 'sijui', 'sijui kitu', 'sifahamu', 'sikumbuki', 'i don t know', 'don t know', 'i dont know', 'dont know', 'idk', 'not sure', 'sina uhakika'],
  done: ['done', 'finished', 'finish', 'that is all', 'thats all', 'nimemaliza', 'maliza', 'tayari', 'imetosha', 'basi'],
  now: [
    'now', 'right now', 'sasa', 'sasa hivi', 'saa hii', 'hivi sasa', 'hivi sasa hivi', 'happening now', 'it is happening now', 'its happening now',
    'it s happening now', 'still happening', 'happening right now', 'inatokea sasa', 'inatokea sasa hivi', 'inaendelea', 'bado inaendelea', 'inaendelea sasa', 'inaendelea sasa hivi',
    // "Even now", "still right now": it goes on, as "bado inaendelea". ("Sasa" alone at the danger question is a greeting.)
    'hata sasa', 'hata sasa hivi', 'bado sasa hivi', 'ongoing', 'still ongoing', 'its still happening', 'it s still happening', 'it is still happening', 'still going on', 'still happening now', 'its still happening now', 'it s still happening now', 'it is still happening now', 'still going on now',
    // Sheng ("sai hii", "sahii") and Kenyan English ("now now") for right now: they were "I could not read that date".
    'sai hii', 'sahii', 'sai hivi', 'saa hii hii', 'now now',
  ],
  today: ['today', 'leo', 'leo hii', 'this morning', 'leo asubuhi', 'tonight', 'leo jioni', 'leo mchana', 'leo usiku', 'this afternoon', 'this evening', 'today morning', 'today afternoon', 'today evening', 'tdy', '2day', 'siku ya leo', 'tonite', '2nite', '2night',
    // How early in it: "early this morning" was "I could not read that date".
    'early this morning', 'this early morning', 'early today', 'earlier today', 'leo mapema', 'mapema leo'],
  // "Usiku wa kuamkia leo" is the night that led into today: last night.
  yesterday: [
    'yesterday', 'jana', 'yesterday night', 'last night', 'jana usiku', 'usiku wa jana', 'jana jioni', 'jana asubuhi', 'jana mchana', 'yesterday morning', 'yesterday afternoon', 'yesterday evening', 'last evening',
    'ystd', 'ystdy', 'yest', 'yday', 'jna', 'siku ya jana', 'usiku wa kuamkia leo', 'late last night', 'late yesterday', 'early yesterday',
    // "Hapo jana" (just yesterday), "jana kuamkia leo" (the night from yesterday into today).
    'hapo jana', 'jana kuamkia leo', 'jana usiku kuamkia leo',
  ],
  dayBefore: ['day before yesterday', 'the day before yesterday', 'juzi', 'siku ya juzi', 'juzi usiku', 'juzi jioni', 'juzi asubuhi', 'juzi mchana', 'usiku wa kuamkia jana'],
  cancel: [
    'cancel', 'stop', 'stop it', 'quit', 'ghairi', 'acha', 'wacha', 'katisha', 'sitisha', 'futa ripoti', 'cancel report', 'stop report', 'sitaki', 'sitaki tena', 'sitaki kuendelea',
    'achana nayo', 'achana na hii', 'achana na hiyo', 'wachana nayo', 'wachana na hiyo', 'wacha tu', 'acha tu', 'katisha ripoti', 'ghairi ripoti',
    // "Let us drop it", "I have decided to stop": "naomba tuache hii" was kept as the story.
    'tuache', 'tuache hii', 'tuache tu', 'naomba tuache', 'naomba tuache hii', 'tuachane nayo', 'tuachane na hii', 'acha hii', 'wacha hii', 'nimeamua kuacha',
    'sitaki kuripoti', 'sitaki kuripoti tena', 'nisiendelee', 'siendelei', 'sitaendelea', 'never mind', 'nevermind', 'forget it', 'let s stop', 'lets stop',
  ],
  // What people call the police and the electoral commission ("karao", "askari", "cops"; "traffic" are traffic police).
  police: ['police', 'polisi', 'police misconduct', 'makosa ya polisi', 'utovu wa polisi', 'utovu wa nidhamu wa polisi', 'karao', 'makarao', 'askari', 'askari polisi', 'cops', 'cop', 'traffic', 'trafiki', 'mapolisi', 'polisi wa trafiki', 'polisi wa traffic', 'afande', 'gsu', 'dci', 'ocs'],
  election: ['election', 'elections', 'uchaguzi', 'kura', 'kupiga kura', 'kampeni', 'election incident', 'tukio la uchaguzi', 'iebc'],
};

const BY_PHRASE = new Map<string, Word>(Object.entries(WORDS).flatMap(([word, phrases]) => phrases.map((p) => [p, word as Word] as const)));

/**
 * "I don't know" in a few words, however it is said ("sijui majina yao", "no idea", "sikuona", "nimesahau", "hawakusema"): to
 * a question that can go unanswered it is no answer, never kept as the officers' names or the place.
 */
const DONT_KNOW =
  /^(?:hapana |no |aah |eeh |mimi |hata )?(?:sijui|cjui|sjui|siwajui|simjui|sikuwajua|sikumjua|sikumbuki|sikuona|sikuziona|sikuiona|sikutambua|sijaona|sifahamu|sikujua|sikuwatambua|hatujui|hatukuona|sikuwaona|sina habari|sina uhakika|sina idea|haijulikani|no idea|i have no idea|no clue|dunno|not sure|unknown|idk|i (?:do not|dont|don t|didn t|didnt|did not) (?:know|see|remember|notice)|(?:do not|dont|don t) know|i (?:can t|cant|cannot) remember|nimesahau|nilisahau|nishasahau|(?:i )?forgot|i (?:have|ve) forgotten|sikuweza (?:ku)?(?:ona|jua|soma|tambua)|hawakusema|hakusema|hawakutaja|hakutaja|hawakujitambulisha|hakujitambulisha|(?:they|he|she) (?:didn t|didnt|did not|never) (?:introduce|identify) (?:themselves|himself|herself)|(?:they|he|she) (?:didn t|didnt|did not) (?:say|tell)|they never said)(?: (.*))?$/;
/** What may follow "sijui" and still be no answer ("sijui majina yao"); anything else is an answer ("sijui jina, ni karibu na Total"). */
const DONT_KNOW_REST = new Set(
  'jina majina namba nambari number numbers plate gari kituo chao station yao lake yake zao vizuri kitu chochote kabisa bana hata kidogo tarehe mahali kaunti gani ipi kipi lipi yupi nichague la ya wa za ni nani walikuwa alikuwa the name names their his her it them they he she was were is are who where when which one county really at all sure exactly anything hasa exact place spot hiyo hapo pale wapi us me'.split(' '),
);

/**
 * A number alone ("1", "47", "2024"): no button is numbered, and alone it tells staff nothing, so it is never
 * a part of the story (`addToStory`); a county's code only where the county is asked (`countyAlone`, and a
 * correction that names the county). Where a number is the answer (the date, a detail) its question reads it first.
 */
export const BARE_NUMBER = /^\s*\d+\s*$/;

/** A wish to stay unknown: "bila jina", "sitaki jina langu lijulikane", "usitaje jina langu", "anonymous", "I don't want my name known". */
const ANONYMOUS_WISH = new RegExp(
  [
    '\\banonymous(ly)?\\b',
    '\\b(bila|without) (kutaja )?(jina|my name|name|kujulikana|kujitambulisha)\\b',
    '\\bsitaki (jina (langu )?(li|i)?(julikane|tajwe|jue)|kujulikana|kutajwa|kujitambulisha)\\b',
    '\\bjina (langu )?(lisijulikane|lisitajwe|libaki siri)\\b',
    '\\b(usitaje|msitaje|usiseme|msiseme|usitumie|msitumie|usiweke|msiweke) jina\\b',
    // "I don't want you to use my name", "never use my name", "you can't use my name".
    '\\b(don t|dont|do not|dnt|never|can t|cant|cannot|mustn t|must not) (want (you|them|staff|anyone) to )?use (my name|jina langu)\\b',
    '\\b(don t|dont|do not) want (my name( to be)?|to be) (known|named|revealed|identified|shared)\\b',
    '\\b(don t|dont|do not) (want to )?(share|give|use|tell|put) my name\\b',
    '\\bsitaki (ku)?(toa|taja|peana) (jina|namba|nambari)\\b',
    '\\bkeep my name (secret|private|hidden)\\b',
    // "Sitaki jina langu" alone: I don't want my name (used). "Sitaki wajue ni mimi" is a fear, answered as one.
    '^sitaki jina langu$',
  ].join('|'),
);

/** "Bila namba yangu", "without my number": said of the report at the review, and of the reporter anywhere ("niko bila namba yangu"). */
const WITHOUT_MY_NUMBER = String.raw`(?:bila|without) (?:(?:kutoa|kutaja) )?(?:namba|nambari)(?: ya simu)? yangu|without (?:giving )?my (?:phone )?number`;

/** "Usitume namba yangu", "don't use my number", "sitaki namba yangu itumike", "tuma bila namba": how the report is sent, said anywhere. */
const NUMBER_NOT_SENT = [
  String.raw`\b(?:usi|msi)(?:tume|tumie|weke|toe|onyeshe|taje) (?:namba|nambari)(?: ya simu)? yangu\b`,
  String.raw`\bsitaki (?:namba|nambari)(?: ya simu)? yangu (?:i|ji)?(?:onekane|julikane|jue|tumwe|tajwe|onwe|tumike|tumiwe)\b`,
  String.raw`\b(?:don t|dont|do not) (?:use|send|share|give|show|include|put|add) my (?:phone |mobile )?number\b(?! plate)`,
  String.raw`^(?:(?:tafadhali|please|sawa|ok) )?(?:tuma|ituma|itume|send|send it)(?: ripoti| hii| the report)? (?:bila|without) (?:namba|nambari|number)(?: ya simu| yangu)?$`,
];

/**
 * "Bila namba yangu", "usitume namba yangu", "don't use my number", "sitaki namba yangu ionekane":
 * the review's 🕶 choice. Only with "yangu", "my" (not "gari bila namba", "a car without number
 * plates": a car's plates, the story), or as a whole message that asks to send ("tuma bila namba").
 */
export const NO_NUMBER = new RegExp([String.raw`\b(?:${WITHOUT_MY_NUMBER})\b`, ...NUMBER_NOT_SENT].join('|'));

/**
 * Before the review, a wish to stay unknown (`identityWish`): how the report is sent ("usitume namba
 * yangu", "tuma bila namba yangu", "nataka kuripoti bila namba yangu"), or "bila namba yangu" as the
 * whole message. "Niko bila namba yangu", "walichukua simu, niko bila namba yangu" (I have no number
 * now) tell of the reporter, not the report: no wish.
 */
const NO_NUMBER_WISH = new RegExp(
  [
    String.raw`^(?:(?:tafadhali|please|sawa|ok) )?(?:(?:nataka (?:ku)?|i want to )?(?:tuma|ituma|itume|ripoti|send|send it|report)(?: ripoti| hii| the report| it)? )?(?:${WITHOUT_MY_NUMBER})$`,
    ...NUMBER_NOT_SENT,
  ].join('|'),
);

/**
 * Anonymity refused: "I don't want to be anonymous", "not anonymous", "sitaki kuwa anonymous", "sio anonymous": a wish
 * to be named, read first (`identityWish`), as `ANONYMOUS_WISH`'s "anonymous" alone took these as the wish to stay unknown.
 */
const NOT_ANONYMOUS = /\b(?:(?:don t|dont|do not|not|never|no need to|sitaki (?:ku)?(?:wa|kuwa|baki)?|sihitaji (?:ku)?(?:wa)?|sio|si|siyo) (?:(?:want|wish|need) )?(?:to )?(?:be |stay |remain |go |report |send |keep me |make me |leave me |keep it )?(?:it )?anonymous(?:ly)?)\b/;

/** A wish to be known and called: "nataka kutoa jina langu", "mnipigie", "I want to give my name and number", "tumia jina langu". */
const NAMED_WISH = new RegExp(
  [
    // Said first, as a permission: "you can use my name", "tumia jina langu" (never "... will use my name against me").
    '^(?:(?:ok|okay|sawa|actually|please|tafadhali) )*(?:(?:mnaweza|unaweza|wanaweza) (?:ku)?tumia|tumieni|tumia|you can use|you may use|use) (?:jina|my name)(?: langu)?\\b',
    '\\b(nataka|naweza|ningependa|niko tayari|sasa nataka) (ku)?(toa|taja|peana|tuma) (jina|namba|nambari)\\b',
    '\\b(mnipigie|nipigieni|wanipigie|mnaweza kunipigia|wanaweza kunipigia)\\b',
    '\\b(i want|i can|i would like|i d like|i am willing|now i want) to (give|share|send) (you )?my (name|number|phone)\\b',
    '\\b(you|staff|they) (can|may) call me\\b',
  ].join('|'),
);

/**
 * A wish about who may know the reporter, said in a short message of its own, with no number in it
 * (the number itself is kept in the story, where the review warns of it): `anonymous` ("nataka
 * kuripoti bila jina", "sitaki jina langu lijulikane"), `named` ("nimebadilisha mawazo, nataka
 * kutoa jina langu", "mnipigie"). No answer, no story; a longer message that says it is the story.
 */
export function identityWish(text: string): 'anonymous' | 'named' | undefined {
  const n = normalise(text);
  if (n.split(' ').length > 10 || /\d/.test(n)) return undefined;
  // "Will you use my name?", "is this not anonymous?": a question, never a wish to be named; of anonymity, it is answered
  // with how to stay unknown, as before (at the review a question sends nothing: `atReview`).
  const asked = text.trim().endsWith('?') || /^(?:will|would|is|isn t|are|can|could|do|does|je)\b(?! not\b)/.test(n);
  if (NOT_ANONYMOUS.test(n)) return asked ? 'anonymous' : 'named';
  const wish = ANONYMOUS_WISH.test(n) || NO_NUMBER_WISH.test(n) ? 'anonymous' : NAMED_WISH.test(n) ? 'named' : undefined;
  return wish === 'named' && asked ? undefined : wish;
}

export function dontKnow(text: string): boolean {
  if (text.length > 60) return false;
  const m = DONT_KNOW.exec(normalise(text));
  return m !== null && (m[1] ?? '').split(' ').every((w) => !w || DONT_KNOW_REST.has(w));
}

/**
 * Answers to "is someone in danger right now?" other than yes or no: a cry for help, or "they are
 * here", is a yes; "I am safe" a no. Whole messages only, as the other words.
 */
const DANGER_YES = new Set([
  'msaada', 'naomba msaada', 'tunaomba msaada', 'help', 'help me', 'help us', 'please help', 'help please', 'sos', 'tusaidie', 'nisaidie', 'saidia', 'saidieni', 'tusaidieni',
  'nisaidieni', 'wako hapa', 'ndio wako hapa', 'bado wako hapa', 'ako hapa', 'they are here', 'they re here', 'yes please', 'yah', 'eeh kuna', 'ee kuna', 'iko', 'ndio iko',
  'kuna hatari', 'hakuna usalama', 'siko salama', 'hatuko salama', 'hayuko salama', 'not safe', 'i am not safe', 'we are not safe', 'yuko hatarini', 'niko hatarini', 'tuko hatarini', 'wako hatarini', 'ako hatarini', 'kuna mtu hatarini', 'niko na shida', 'bado wanapiga',
]);
const DANGER_NO = new Set([
  'niko salama', 'tuko salama', 'yuko salama', 'ako salama', 'wako salama', 'wapo salama', 'sote tuko salama', 'they are safe', 'they re safe', 'he is safe', 'she is safe', 'salama', 'sasa niko salama', 'niko sawa', 'tuko sawa', 'niko fiti', 'siko hatarini',
  'hakuna hatari', 'hakuna aliye hatarini', 'hakuna mtu hatarini', 'i am safe', 'im safe', 'i m safe', 'i am fine', 'im fine', 'i m fine', 'im ok', 'i m ok', 'i am ok',
  'we are safe', 'we re safe', 'no danger', 'not in danger', 'nobody is in danger', 'no one is in danger', 'no one in danger', 'hakuna mtu yuko hatarini', 'safe now', 'all safe',
  // Sheng for "fine": "iko poa" must not begin a yes ("iko", there is).
  'niko poa', 'tuko poa', 'yuko poa', 'ako poa', 'wako poa', 'iko poa', 'hakuna noma', 'tuko fiti', 'yuko fiti', 'iko fiti', 'iko sawa',
  'wako sawa', 'yuko sawa', 'ako sawa', 'wako fiti', 'ako fiti',
  // Fine or okay, not in danger, said of themselves or the one it happened to.
  'hamna hatari',
  'we are fine', 'we re fine', 'he is fine', 'she is fine', 'he s fine', 'hes fine', 'she s fine', 'they are fine', 'they re fine',
  'he is ok', 'he s ok', 'hes ok', 'she is ok', 'she s ok', 'we are ok', 'we re ok', 'they are ok',
  'he is okay', 'he s okay', 'she is okay', 'she s okay', 'we are okay', 'i am okay', 'im okay', 'i m okay',
  'i am not in danger', 'im not in danger', 'i m not in danger', 'we are not in danger', 'we re not in danger', 'he is not in danger', 'she is not in danger', 'they are not in danger',
]);
/**
 * A no said alone, never leading a sentence: "sio" ("sio mimi, ni kaka yangu..."), "they left" ("they
 * left with my brother") and "wameenda" ("wameenda na mwanangu") begin other accounts, where a no
 * would miss a taken person. "Sidhani" (I don't think so) is the reporter's own no.
 */
const DANGER_NO_ALONE = new Set([
  'sio', 'siyo', 'sidhani', 'sidhani hivyo', 'sidhani kama kuna hatari', 'i don t think so', 'i dont think so', 'i do not think so', 'not now', 'not right now', 'not at the moment',
  // "Not really", "sio sana": the hedged no of everyday speech.
  'sio saa hii', 'si saa hii',
  // "No problem" (and "okay": "hakuna shida, endelea"), "not danger": alone only, never leading what follows.
  'hakuna shida', 'hamna shida', 'si hatari', 'sio hatari', 'siyo hatari',
  'sio sana', 'si sana', 'siyo sana', 'not really',
  'wameenda', 'wameshaenda', 'wameondoka', 'wameshaondoka', 'ameenda', 'ameondoka', 'they left', 'they have left', 'they ve left', 'they are gone', 'they re gone', 'they have gone', 'they went away',
]);
/**
 * "Ya", "yaa" (yeah) alone, to the danger question only: as a first word it is "of" ("ya nini?"),
 * never a yes leading a sentence, nor a first message's cry for help.
 */
const DANGER_YES_ALONE = new Set(['ya', 'yaa', 'yaap']);
export const yeahAlone = (text: string): boolean => text.length <= 10 && DANGER_YES_ALONE.has(normalise(text));

/**
 * "No danger", "hakuna hatari", "no one is in danger", "tuko salama" said first, after a no or alone, with more after it: a
 * plain no (`safeAsNo`). Its "danger"/"hatari" read as danger going on, and "no danger, Uasin Gishu, ..." kept "danger,
 * Uasin Gishu, ..." in the story.
 */
const SAFE_LEAD =
  /^\s*(?:(?:no|hapana|la|nope|sio|siyo)[\s,.!]+)?(?:no danger|not in danger|no one is in danger|nobody is in danger|no one in danger|hakuna hatari|hakuna mtu (?:yuko )?hatarini|hakuna aliye hatarini|we are safe|we re safe|tuko salama|niko salama|i am safe|i m safe|im safe|we are fine|we(?:'|’)?re fine|(?:i am|i(?:'|’)?m|we are) not in danger)(?:\s+(?:sasa hivi|kwa sasa|sasa|right now|for now|now|saa hii))?(?![\p{L}\p{N}])[\s,.!:;-]*/iu;

/** The danger question's answer with a safe said first written as a plain no ("hapana hakuna hatari, Nakuru": "hapana, Nakuru"). */
export function safeAsNo(text: string): string {
  // "He is home now": the no, and the words kept for staff (the one taken is back). Never "wako nyumbani" (the police may be at the home).
  if (HOME_NOW.test(normalise(text))) return `no, ${text.trim()}`;
  const m = SAFE_LEAD.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  if (!rest) return 'no danger';
  // "Hakuna hatari?? wanampiga sasa hivi" (the question echoed), "no one is in danger now but they will come back",
  // "... except my son who was taken": no plain no; read as typed (asked again, or the danger after it).
  // "I am not in danger, my son is": safe said of themselves, someone else named after.
  if (/^[^\p{L}\p{N}]*\?/u.test(text.slice(m.index + m[0].trimEnd().length)) || SAFE_BUT.test(normalise(rest)) || selfOnly(m[0], rest)) return text;
  return `no, ${rest}`;
}

/** The one it happened to home again, said alone ("he is home now", "she's back home"); never "they" (the police may be at the home). */
const HOME_NOW = /^(?:he|she) (?:is|s) (?:back )?(?:at )?home(?: now| sasa| with us)?$/;

/** After a safe said first, words that take it back or leave someone out ("but", "except", "for me", "myself"). */
const SAFE_BUT = /\b(but|lakini|ila|except|isipokuwa|apart from|myself|for me|kwangu|mimi)\b/;

export function dangerAnswer(text: string): boolean | undefined {
  if (text.length > 40) return undefined;
  const n = normalise(text);
  // "Yuko sawa?", "ako fiti?": asked, not told (the reporter does not know); a cry for help asked ("help?") is still one.
  if (text.includes('?') && DANGER_NO.has(n.replace(SAFE_FILLERS, ' ').replace(/\s+/g, ' ').trim())) return undefined;
  return DANGER_YES.has(n) ? true : DANGER_NO.has(n) || DANGER_NO_ALONE.has(n) || saysSafe(n) ? false : undefined;
}

/** "Now", "all" and "just" around a safe ("wote wako salama sasa", "tuko salama kwa sasa"): the same no. */
const SAFE_FILLERS = /\b(sasa hivi|kwa sasa|sasa|now|right now|wote|sote|all|tu|just)\b/g;
/**
 * A safe or a no said with "now" or "all" about it (`normalise`d): "wako salama sasa" is "wako salama",
 * "sasa hivi hapana" and "sio kwa sasa" a no.
 */
function saysSafe(n: string): boolean {
  const core = n.replace(SAFE_FILLERS, ' ').replace(/\s+/g, ' ').trim();
  return core !== '' && (DANGER_NO.has(core) || DANGER_NO_ALONE.has(core) || (core !== n && NO_LEAD.has(core)));
}

/** Words after a "no" that say the danger goes on ("no, they are still here"): then it is no answer. */
const STILL_DANGER = /\b(bado|still|wako|yuko|ako|hapa|here|help\w*|msaada|\w*saidi\w*|usalama|hatari|hatarini|danger|wanapiga|wanakuja|wamerudi|beating|bleeding|damu|anavuja|risasi|shooting|\w*tekwa|\w*teka|\w*potea|\w*toweka|hajarudi|hajulikani|wamezingira|missing|abducted|taken)\b/;
/**
 * Words that start an answer but also start other sentences: "y" and "n" (SMS for "why" and
 * "and"), "hakuna ..." and "no one ..." ("hakuna usalama", "no one is helping us"), "ndio maana ..."
 * ("that is why ..."). Only whole.
 */
const NOT_LEADS = new Set(['y', 'n', 'hakuna', 'hakuna mtu', 'no one', 'nobody', 'ndio maana', 'ndiyo maana', 'ndo maana', 'ndio sababu', 'ndiyo sababu']);
const YES_LEAD = new Set([...WORDS.yes, ...DANGER_YES].filter((w) => !NOT_LEADS.has(w)));
const NO_LEAD = new Set([...WORDS.no, ...DANGER_NO].filter((w) => !NOT_LEADS.has(w)));

/** A plain yes or no said first ("hapana,", "yes", "no no"): never "kuna", "hakuna ...", "no one ...", which begin sentences too. */
const WORD_LEADS = new Map<string, 'yes' | 'no'>([...WORDS.yes.map((w) => [w, 'yes'] as const), ...WORDS.no.map((w) => [w, 'no'] as const)].filter(([w]) => !NOT_LEADS.has(w) && w !== 'kuna'));

/**
 * A yes or a no said first and the words after it, as typed ("hapana, walimwachilia jana": "no",
 * "walimwachilia jana"). The yes or no is the question's answer; what is kept of the words (in the
 * story, as the place or the day) is the rest alone. Undefined when no such word leads or nothing follows.
 */
export function answerLead(text: string): { word: 'yes' | 'no'; rest: string } | undefined {
  const words = text.trim().split(/\s+/);
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const lead = normalise(words.slice(0, k).join(' '));
    // "No one ...", "hakuna mtu ...": the sentence's subject, never a "no" and "one ..." after it.
    if (NOT_LEADS.has(lead)) return undefined;
    const word = WORD_LEADS.get(lead);
    if (!word) continue;
    const rest = words.slice(k).join(' ').replace(/^[\p{P}\s]+/u, '');
    return rest ? { word, rest } : undefined;
  }
  return undefined;
}

/**
 * The words kept in the story from an answer that began with a yes or no ("hapana, walimwachilia
 * jana" is kept as "walimwachilia jana"): the yes or no is the answer, recorded already. Every
 * place that keeps words said with a yes or no keeps them through this. The words as typed otherwise.
 */
export function withoutAnswerWord(text: string): string {
  const lead = answerLead(text);
  if (!lead) return text.trim();
  // "No danger now but we fear him", "hapana hakuna hatari sasa, ila tunaogopa": the no is the danger's own negation.
  // Cut, staff read the opposite ("danger now but we fear him"): kept from the negation on.
  return lead.word === 'no' && DANGER_NAMED_FIRST.test(normalise(lead.rest)) ? fromNegation(text) : lead.rest;
}

/** Danger named first ("danger now ...", "hatari sasa ...", "mtu hatarini ..."), as left after a no that denied it. */
const DANGER_NAMED_FIRST = /^(?:(?:mtu|watu|someone|anyone|one|body) )?(?:hatari|hatarini|danger|in danger)\b/;
/** A no alone, before the negation it leads ("hapana, hakuna hatari"). */
const BARE_NO = new Set(['hapana', 'la', 'no', 'nope', 'hapana bana']);
/** Negations a danger is denied with. */
const NEGATIONS = new Set(['hakuna', 'hamna', 'no', 'not', 'sio', 'si', 'none']);

/** The words from the negation on: a bare no before it dropped ("hapana, hakuna hatari ..." is "hakuna hatari ..."). */
function fromNegation(text: string): string {
  const words = text.trim().split(/\s+/);
  while (words.length > 2 && BARE_NO.has(normalise(words[0])) && NEGATIONS.has(normalise(words[1]))) words.shift();
  return words.join(' ');
}

/** Words after a yes that take it back ("ndio lakini wameondoka", "yes he is fine now"). */
const YES_TAKEN_BACK = /\b(hakuna|salama|safe|fine|sawa|poa|fiti|lakini|ila|but|wameondoka|wameenda|left|gone)\b/;
/**
 * Care already given, told after a yes ("yes my cousin, he was treated at kitengela hospital", "ndio, alitibiwa na sasa
 * anapona"): the next question's answer typed early, and staff were alerted on it. Not with danger going on told too.
 */
const CARE_GIVEN = /\b(was treated|has been treated|got treated|discharged|recovering|recovered|p3|prc|alitibiwa|ametibiwa|walimtibu|wamemtibu|aliruhusiwa|ameruhusiwa|anapona|amepona)\b/;
/** Danger going on told beside care ("they are still beating him", "still in custody", "they shot him", "bado yuko seli"). */
const CARE_BUT_DANGER = /\b(still|bado|custody|holding|seli|cell|shot|risasi|icu|refused|outside|gate|looking for|\w*tafuta|beating|\w*piga)\b/;

/**
 * A yes or a no said first, with more after it ("ndio yuko hatarini", "yes my brother", "help me
 * please", "hapana, wameondoka"): the answer, however long the rest. Telling what goes on is
 * what a frightened person does, and the emergency numbers must not wait for a bare "yes". A no
 * followed by words of danger ("no, they are still here") is no answer: asked again, never read
 * as safe; so is a yes followed by a no ("ndio, hakuna hatari").
 */
export function dangerLead(text: string): boolean | undefined {
  const lead = dangerHead(text);
  if (!lead) return undefined;
  // "Ndio lakini wameondoka", "yes he is fine now": a yes taken back, asked again.
  if (lead.yes) return NO_LEAD.has(lead.rest) || YES_TAKEN_BACK.test(lead.rest) || careAfterYes(text) ? undefined : true;
  // "Im not in danger right now but my brother is", "we are fine, my son is not": safe said of themselves only.
  if (selfOnly(text, lead.rest)) return undefined;
  return dangerGoesOn(lead.rest) ? undefined : false;
}

/** Safe said of the reporter ("i am", "we are", "niko", "tuko") ... */
const SELF_FIRST = /^(?:(?:no|hapana|la|nope)\s+)?(?:i am|im|i m|we are|we re|niko|tuko|mimi|sisi)\b/;
/** ... and someone else after it, or a "but", ... */
const SOMEONE_ELSE = /\b(?:but|lakini|ila|except|isipokuwa|my|our|mwanangu|wanangu|kaka|dada|mume|mke|bwana|mtoto|watoto|baba|mama|he|she|his|her|yeye|wao)\b/;
/** ... not said safe too ("no we are fine my son is home", "niko salama mimi na watoto wangu", "he was released"). */
const SAFE_TOO = /\b(?:fine|safe|salama|sawa|poa|fiti|home|nyumbani|released|ameachiliwa|amerudi|with us|nasi|pamoja|too|pia|mimi na|na watoto|na mtoto)\b/;
/** Safe said of themselves only, someone else named after it as not ("im not in danger but my brother is"). */
const selfOnly = (head: string, rest: string): boolean => SELF_FIRST.test(normalise(head)) && SOMEONE_ELSE.test(normalise(rest)) && !SAFE_TOO.test(normalise(rest));

/** A yes, then care already given and no danger going on (`CARE_GIVEN`): no answer to the danger question. */
export function careAfterYes(text: string): boolean {
  const lead = dangerHead(text);
  return lead?.yes === true && CARE_GIVEN.test(lead.rest) && !saysDangerNow(lead.rest) && !CARE_BUT_DANGER.test(lead.rest);
}

/** The yes or no said first, the longest lead of up to four words, and the words after it (`normalise`d). */
function dangerHead(text: string): { yes: boolean; rest: string } | undefined {
  const words = normalise(safeAsNo(text)).split(' ');
  // "Ako sawa? Hatujui alipo": a safe asked, not told; no no leads it.
  const asked = /^[^.!?\n]*\?/.test(text.trim());
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    // "Ndio maana ..." (that is why ...): a sentence begun, never a yes before it (as `answerLead` reads it).
    if (NOT_LEADS.has(head) && YES_LEAD.has(words[0])) return undefined;
    if (YES_LEAD.has(head) || (NO_LEAD.has(head) && !(asked && DANGER_NO.has(head)))) return { yes: YES_LEAD.has(head), rest: words.slice(k).join(' ') };
  }
  return undefined;
}

/**
 * After a "but" that takes the no back, danger to come in words `STILL_DANGER` leaves (it reads after any no, where
 * "wanarudi" may be children coming home): "hapana lakini wanarudi", "watarudi usiku", "no, but they said they will come
 * back", "they are coming", "waiting outside", "wananitafuta", "wamezunguka nyumba".
 */
const BUT_DANGER =
  /^(but|lakini|ila)\b.*\b(wanarudi|watarudi|watakuja|(will|going to|gonna) (come|return)|(are|re|is|still) coming|coming (back|again|for|here|now)|come back|come again|(wa|a)(na|ta|me)(ni|tu|m|mw|wa)?tafuta|looking for|searching for|(wa|a)(na|me)(ni|tu|m|wa)?zunguka|surrounded|surrounding|(are|re|is|still|waiting|wait) outside|wapo|(wa|a)na(ni|tu|m)?(ngoja|subiri))\b/;

/** Home after a no ("hapana, wako nyumbani sasa", "no, he is home now"): back home, the no; alone it may be where they came. */
const HOME_AFTER_NO = /^(?:wako|yuko|ako|tuko|niko|amerudi|wamerudi|tumerudi|nimerudi|he is|she is|they are|we are|i am|he s|she s|they re|we re|i m) (?:(?:back|tayari|already) )?(?:nyumbani|home|at home|sawa|fiti)(?: (?:sasa|sasa hivi|now|salama|safe))?$/;

/** The words after a no say the danger goes on ("no, they are still here", "hapana ila wako nje ya nyumba yangu"); "hapana, wako salama sasa" is the safe, though "wako" may begin "wako hapa". */
function dangerGoesOn(rest: string): boolean {
  // "No danger right now but they are waiting outside": the "now" before the "but" is no part of what takes the no back.
  const but = rest.replace(/^(?:(?:sasa hivi|kwa sasa|sasa|right now|for now|now|saa hii|at the moment|for me|kwangu)\s+)+/, '');
  return !saysSafe(rest) && !HOME_AFTER_NO.test(rest) && (STILL_DANGER.test(rest) || saysDangerNow(rest) || BUT_DANGER.test(but));
}

/**
 * A no taken back by danger that goes on ("hapana ila wako nje ya nyumba yangu", "no, but they said they will come
 * back", "no they are still here"): `dangerLead` reads no answer, and neither the no nor a yes is guessed.
 */
export function dangerAfterNo(text: string): boolean {
  const lead = dangerHead(text);
  // "No one is helping us", "hakuna mtu anatusaidia": the sentence's subject, no "no" (`answerLead`).
  return lead !== undefined && !lead.yes && answerLead(safeAsNo(text))?.word === 'no' && dangerGoesOn(lead.rest);
}

/**
 * A harm told as past ("help me, police took my phone yesterday", "msaada, jana walinipiga"): help
 * with what was done, not danger now. Taken for the danger question's yes it would alert staff
 * without a tap; the question is asked instead.
 */
const TOLD_AS_PAST = /\b(jana|juzi|yesterday|last (night|week|month|year)|ago|iliyopita|(wali|ali|nili|tuli)[a-z]{3,}|took|taken|beat|beaten|arrested|stole|stolen|was|were)\b/;

/**
 * Danger now told in words alone at the danger question ("wako nje ya nyumba yangu sasa hivi", "someone is being
 * beaten right now"): the yes. Not after a no ("hapana lakini bado wako hapa" is asked again), nor told as past.
 */
export function dangerToldAsYes(text: string): boolean {
  const n = normalise(text).replace(/\bbeing \w+/g, '');
  const asked = text.includes('?');
  // "How do I report police who are threatening me?": a question about the report. A plea ("can you help?", "who can
  // help") or a question before danger told ("Nifanye nini? polisi wako nje ...") is no such.
  const told = text.replace(/[^?]*\?/g, ' ');
  const askedFirst = asked && /^(?:how|what|where|when|why|should|does|ni vipi)\b/.test(n) && !saysDangerNow(told);
  return answerLead(text)?.word !== 'no' && !TOLD_AS_PAST.test(n) && !NOT_DANGER_NOW.test(n) && !NO_ONE_HURT.test(normalise(text)) && !askedFirst && !(asked && /\bkama\b/.test(n)) && !SAFE_SAID.test(n) && saysDangerNow(text);
}

/** No one hurt, said anywhere ("right now no one is bleeding", "sasa hivi hakuna mtu anavuja damu"); not "nobody is helping us". */
const NO_ONE_HURT = /\b(?:no one|noone|nobody|no body|hakuna mtu|hamna mtu)\b(?: \w+)? (?:bleeding|being|beaten|attacked|hurt|injured|in danger|\w*vuja|\w*umia|hatarini|\w*pigwa)\b/;

/** Safe said, not denied ("they are back home safe", "wako nyumbani salama"; not "we are not safe", "siko salama"). */
const SAFE_SAID = /(?<!\b(?:not|si|siko|hatuko|hayuko|hawako|hauko|sio)\s)\b(?:safe|salama)\b/;

/**
 * Words beside danger words that say it is not danger now: none ("si hatari"), an "if" ("what should I do if ...", and
 * "kama" in a question), a patrol, the results awaited; no one hurt (`NO_ONE_HURT`: "no one is bleeding now", not "no one
 * is helping, my son is bleeding"); safe said (`SAFE_SAID`). At the danger question they leave the answer to a tap.
 */
const NOT_DANGER_NOW = /^(?:si|sio|siyo) hatari\b|\b(?:not in danger|if|iwapo|endapo|doria|patrol|results|matokeo)\b/;

/**
 * They came and are still there ("walikuja na bado wako hapa", "they came and they are still
 * outside"): danger now, whatever past verb tells how it began. "Bado wako nje ya nchi" is abroad.
 */
const STILL_THERE = /\bbado (wako|wapo) (hapa|nje)\b(?! ya)|\b(they are|they re) still (here|outside)\b/;

/**
 * A cry and nothing more ("naomba msaada", "help me please", "saidieni"): often how a report begins,
 * so it gets the numbers and the question, and staff are alerted on its yes, not on the cry alone.
 */
const BARE_CRY = /\b(help|me|us|please|pls|plz|sos|msaada|naomba|tunaomba|nahitaji|tunahitaji|saidia|nisaidie|tusaidie|saidieni|nisaidieni|tusaidieni|tafadhali|jameni|haraka|sasa|now)\b/g;

/** A report meant ("help me report ...", "nataka kuripoti"): help with the report, not danger told. */
const REPORT_MEANT = /\b(?:report\w*|ripoti|kuripoti|kureport\w*)\b/;

/**
 * A first message that answers "is someone in danger right now?" before it is asked ("Msaada!
 * Polisi wanampiga kaka yangu", "help us, they are beating him", "saidieni wako hapa"): a yes as that
 * question reads one, and danger as the numbers shown for it read it (`saysDangerNow`). Not help
 * with a report ("help me report a bribe", "naomba msaada kuripoti"), nor with a harm told as past
 * unless they are still there (`STILL_THERE`), nor a bare cry (`BARE_CRY`).
 */
export function dangerToldFirst(text: string): boolean {
  const n = normalise(text);
  // "They are back home now, thanks for your help": thanks, no cry for help.
  if (/\b(?:thanks?|thank you|asante)(?: sana)? (?:for|kwa) (?:your |the |all )?(?:help|msaada)$/.test(n)) return false;
  if (hiddenOrHuntedNow(text, n)) return true;
  if (REPORT_MEANT.test(n) || (TOLD_AS_PAST.test(n) && !STILL_THERE.test(n)) || !n.replace(BARE_CRY, '').trim()) return false;
  return saysDangerNow(text) && ((dangerAnswer(text) ?? dangerLead(text)) === true || CRY_AT_END.test(n));
}

/** Hiding or shut in, in the first person: Swahili's perfect ("niko nimejificha", "tumejifungia ndani"). */
const HIDING_SW = '(?:nimejificha|tumejificha|nimejifungia|tumejifungia)';
/** English's present, of themselves: hiding (not hiding a thing: "hiding my identity"), or locked in a place. */
const HIDING_EN = String.raw`(?:i am|im|i m|we are|we re) (?:still )?(?:hiding\b(?! (?:my|the|our|his|her|their|it|this|that|a|an|from you)\b)|(?:locked|trapped) (?:inside|in) (?:the |a |our |my |this )?(?:house|room|school|church|station|building|hall|car|classroom|office|toilet|compound|shop)\b)`;
/** Swahili's hiding not told as past ("nilikuwa nimejificha"); English's present is read as now (`HIDING_SAID_NOW`). */
const HIDING_NOW = new RegExp(String.raw`(?<!\b(?:nilikuwa|tulikuwa|nikiwa|tukiwa) )\b${HIDING_SW}\b`);
/**
 * Hiding said as now, whatever day is told beside it: "now" or "since" with it ("sasa nimejificha", "niko nimejificha sasa",
 * "nimejificha tangu jana"), or in English's present ("i am hiding", "we are locked inside the house").
 */
const HIDING_SAID_NOW = new RegExp(
  String.raw`\b(?:sasa|sasa hivi|now|right now) (?:niko |tuko |i am |we are )?(?:${HIDING_SW}|hiding)\b|\b${HIDING_SW}(?: \w+){0,4}? (?:sasa|tangu|since|bado)\b|\b${HIDING_EN}`,
);
/** A threat to kill ("wataniua", "watanimaliza": will finish me, "they will kill us") ... */
const KILL = String.raw`(?:(?:wata|ata)(?:ni|tu|mu|wa)ua|(?:wata|ata)(?:ni|tu|m|wa)maliza|(?:wanataka|anataka|wanakuja|anakuja) ku(?:ni|tu|m|wa)(?:ua|maliza)|(?:will|going to|gonna|want to|wants to|coming to) kill (?:me|us|him|her|them))`;
/** ... within the day, said with it: "wataniua leo usiku", "usiku huu watanimaliza", "they will kill us tonight". */
const SOON = String.raw`(?:tonight|today|now|usiku (?:huu|wa leo)|leo|sasa)`;
const KILL_SOON = new RegExp(String.raw`\b${KILL}(?: \w+){0,2} ${SOON}\b|\b${SOON}(?: \w+){0,2} ${KILL}\b`);
/** An "if" beside it ("wataniua kama sitalipa", "if I report them"): a condition, not danger now ("kama saa nne" is "at about ten"). */
const CONDITION = /\b(?:if|unless|iwapo|endapo|ikiwa|kama(?! saa\b))\b/;
/** A day gone by named ("mwaka jana", "last month", "wiki iliyopita", "jana usiku"): what follows was then, not now. */
const PAST_DAY = /\b(?:jana|juzi|yesterday|last (?:night|week|month|year)|mwaka (?:jana|uliopita)|mwezi (?:uliopita|jana)|wiki (?:iliyopita|jana)|ago|iliyopita|zilizopita)\b/;
/** Finished by fines, bribes, taxes or votes ("watatumaliza leo na hizi faini", "kill us today with these fines"): no life at risk. */
const BY_MONEY = /\b(?:na|kwa|with) (?:(?:hizi|hii|these|their|zao|hizo) )?(?:faini|hongo|ushuru|kodi|bei|kura|fines?|taxes|bribes?|prices)\b/;
/** Out of it now, or unafraid: home again, far away, moved, fine, "not scared, I just want it recorded". */
const OUT_OF_IT = /\b(?:niko sawa|tuko sawa|niko poa|tuko poa|niko fiti|i am fine|i m fine|im fine|we are fine|far away|moved away|tumehamia|nimehamia|tumerudi nyumbani|nimerudi nyumbani|back home|not scared|not afraid|siogopi|hatuogopi|just want it recorded)\b/;

/**
 * Hiding now, or a threat to kill within the day ("wamesema watanimaliza usiku huu, niko nimejificha", "they said they will
 * kill us tonight"): danger said plainer than a cry ("jana walinipiga, sasa nimejificha": hiding said with "now"). Asked
 * "is someone in danger?" after it, they read as unheard. Not under a condition, nor with safe or out of it said, nor
 * asked; not with a day gone by told ("mwaka jana walisema watatuua", "jana usiku tumejificha"), nor, for a threat, a
 * report meant ("I want to report police who said they will kill me, today I am at the station").
 */
function hiddenOrHuntedNow(text: string, n: string): boolean {
  if (text.includes('?') || CONDITION.test(n) || SAFE_SAID.test(n) || OUT_OF_IT.test(n) || BY_MONEY.test(n)) return false;
  if (HIDING_SAID_NOW.test(n)) return true;
  if (PAST_DAY.test(n)) return false;
  return HIDING_NOW.test(n) || (KILL_SOON.test(n) && !REPORT_MEANT.test(n));
}

/**
 * A cry for help ending what is happening now ("they are still outside my house now pls help",
 * "wako nje wanataka kuniua tusaidieni"): the same yes as one said first; the numbers were shown for it.
 */
const CRY_AT_END = /\b(help|help (me|us)|msaada|saidia|nisaidie|tusaidie|saidieni|nisaidieni|tusaidieni|sos)( (please|pls|plz|tafadhali|haraka|jameni|now|sasa))?$/;

/** What people call a category in a word or two ("kitu kidogo" is a bribe), by the kind chosen. */
const CATEGORY_WORDS: Record<string, { police?: string; election?: string }> = Object.fromEntries([
  ...['hongo', 'kitu kidogo', 'rushwa', 'bribe', 'bribery', 'corruption', 'chai', 'walitaka hongo', 'waliitisha hongo', 'kuitisha hongo', 'pesa ya chai', 'walitaka pesa', 'kukatia', 'kuwakatia'].map(
    (w) => [w, { police: 'p_bribery', election: 'e_bribery' }],
  ),
  // Buying votes is an election's bribe only.
  ...['kununua kura', 'walikuwa wanagawa pesa', 'wanagawa pesa', 'vote buying'].map((w) => [w, { election: 'e_bribery' }]),
  ...['kichapo', 'kipigo', 'wamenipiga', 'walinipiga', 'nimepigwa', 'walitupiga', 'wamenichapa', 'walinichapa', 'nimechapwa', 'kuchapwa', 'kupigwa', 'beating', 'beaten', 'they beat me', 'vurugu', 'violence'].map(
    (w) => [w, { police: 'p_force', election: 'e_violence' }],
  ),
  ...['walidai kitu kidogo', 'walitaka kitu kidogo', 'waliitisha kitu kidogo', 'walidai hongo', 'waliomba hongo'].map((w) => [w, { police: 'p_bribery', election: 'e_bribery' }]),
  // "Nyingine", "ingine" (Sheng), "kitu kingine": the Other button, whichever kind was chosen.
  ...['nyingine', 'ingine', 'zingine', 'kingine', 'kitu kingine', 'jambo lingine', 'others', 'something else'].map((w) => [w, { police: 'p_other', election: 'e_other' }]),
  // Taken in by the police: their arrest (an election's has no category of its own).
  ...['walinikamata', 'wamenikamata', 'nimekamatwa', 'kukamatwa', 'walinishika', 'wamenishika', 'arrest', 'arrested', 'i was arrested', 'they arrested me', 'unlawful arrest'].map((w) => [w, { police: 'p_arrest' }]),
]);

export function categoryWord(text: string, kind: 'police' | 'election'): string | undefined {
  if (text.length > 40) return undefined;
  return CATEGORY_WORDS[normalise(text)]?.[kind];
}

let labels: { code: string; kind: string; words: Set<string> }[] | undefined;

/**
 * Each category's words, English and Swahili (locales/<lang>/common.json): its full name and its
 * shorter button name (`categoryButton`, what the reporter sees on the keyboard), read once on first
 * use as `electoralUnits` reads its data.
 */
function categoryLabels(): NonNullable<typeof labels> {
  labels ??= (() => {
    const res = loadResources();
    const named = (lang: (typeof LANGUAGES)[number], key: 'category' | 'categoryButton', code: string) => String((res[lang].common[key] as Record<string, string> | undefined)?.[code] ?? '');
    return categoriesOf('police').concat(categoriesOf('election')).map((c) => ({
      code: c.code,
      kind: c.code.startsWith('p_') ? 'police' : 'election',
      words: new Set(LANGUAGES.flatMap((lang) => normalise(`${named(lang, 'category', c.code)} ${named(lang, 'categoryButton', c.code)}`).split(' '))),
    }));
  })();
  return labels;
}

/**
 * A category typed with the words of its button ("excessive force", "ballot tampering",
 * "ukatili"): every word typed is on that button, in either language, and on no other of the kind.
 */
export function categoryLabelled(text: string, kind: 'police' | 'election'): string | undefined {
  const words = normalise(text).split(' ').filter(Boolean);
  if (text.length > 60 || !words.some((w) => w.length >= 4)) return undefined;
  const found = categoryLabels().filter((c) => c.kind === kind && words.every((w) => c.words.has(w)));
  return found.length === 1 ? found[0].code : undefined;
}

/**
 * Someone taken and not seen since, in a short message of any wording ("mwanangu amepotea",
 * "hajaonekana tangu juzi", "my son is missing"): what a mother writes where the categories are
 * listed. Police only: an election has no such category.
 */
export function disappearanceWords(text: string, kind: 'police' | 'election'): string | undefined {
  return kind === 'police' && text.length <= 120 && DISAPPEARED.test(normalise(text)) ? 'p_disappear' : undefined;
}

/** Someone else let go, and nothing more: "aliachiliwa", "walimwachilia", "he was released", "they let him go", "wameachiliwa jana". */
const RELEASED_ALONE =
  /^((a|wa)(li|me|ka)achiliwa|(wa|a)(li|me|ka)(m|mw|wa)achilia|(he|she|they|the suspects?) (was|were|has been|have been|got) (released|freed|let go)|(they|police|the police|polisi) (released|freed|let) (him|her|them|the suspects?)( go)?)( (jana|juzi|leo|tena|yesterday|today|again))?$/;

/**
 * A release said alone where the police categories are listed: offered (never taken) as the
 * unlawful release of a suspect, the button it most likely means; the reporter's own let go
 * ("walimwachilia mwanangu", "nimeachiliwa") is not read so.
 */
export function releaseWords(text: string, kind: 'police' | 'election'): 'p_release' | undefined {
  return kind === 'police' && text.length <= 40 && RELEASED_ALONE.test(normalise(text)) ? 'p_release' : undefined;
}

/** Lower case, accents and punctuation (and emoji) removed, spaces collapsed: "Ndiyo!!" -> "ndiyo" (domain `plainWords`). */
export const normalise = plainWords;

/**
 * Who they were, around the name of the police or the election: "police officers", "maafisa wa polisi", "election officials";
 * said in a few words: "ni (ya) polisi", "kuhusu polisi", "about the police", "it's the election".
 */
const KIND_AROUND = /^(?:(?:ni|its|it s|it is|about|kuhusu|juu ya)(?: ya| wa| la)? )?(?:the |traffic |maafisa wa |afisa wa |askari wa )?(\S+)(?: (?:officers?|officials?|men|force|service|people))?$/;
/**
 * The names the kind question is answered with, and how many typing slips each may carry: "plice", "polise", "uchagzi", "elektion".
 * One each: two let everyday words through ("uchunguzi", an investigation, and "eviction" chose election).
 */
const KIND_NAMES: readonly (readonly [string, 'police' | 'election', number])[] = [
  ['police', 'police', 1],
  ['polisi', 'police', 1],
  ['election', 'election', 1],
  ['elections', 'election', 1],
  ['uchaguzi', 'election', 1],
];
/** A please or thanks before or after the kind's name: "police please", "tafadhali uchaguzi", "polisi tafadhali asante". */
const POLITE = /^(?:(?:please|pls|plz|kindly|tafadhali|tafadhari|tafathali) )+|(?: (?:please|pls|plz|tafadhali|tafadhari|tafathali|asante|thanks|thank you))+$/;
/** Everyday words one slip from a kind's name: what they say, never a slip. */
const NOT_SLIPS = new Set(['policy', 'polite', 'polish', 'selection', 'selections', 'erection', 'ejection', 'uchafuzi']);
/**
 * "Kura" doubled: too short to read by edits, listed. Not "kula": to eat, and in Sheng money eaten
 * (a bribe, the police's as often as a voter's), so it chooses neither and the buttons are shown again.
 */
const VOTE_SPELLINGS = new Set(['kurra', 'kuraa']);

/**
 * The kind named at the kind question, as a button's word (`readWord`) or misspelt ("plice",
 * "polise", "uchagzi"), alone or with who they were ("police officers", "the elections"): it was
 * "not understood", or kept as the story. Only there: elsewhere such a word means nothing.
 */
export function kindTyped(text: string): 'police' | 'election' | undefined {
  if (text.length > 40) return undefined;
  // "Police please", "tafadhali uchaguzi": the kind asked for politely; they were kept as words of the story.
  const plain = normalise(text).replace(POLITE, '');
  const labelled = kindLabels().get(plain);
  if (labelled) return labelled;
  const word = KIND_AROUND.exec(plain)?.[1];
  if (!word) return undefined;
  const read = readWord(word);
  if (read === 'police' || read === 'election') return read;
  if (VOTE_SPELLINGS.has(word)) return 'election';
  if (word.length < 5 || !/^[a-z]+$/.test(word) || NOT_SLIPS.has(word)) return undefined;
  return KIND_NAMES.find(([name, , slips]) => distance(word, name) <= slips || swappedOnce(word, name))?.[1];
}

let kinds: Map<string, 'police' | 'election'> | undefined;

/**
 * The kinds' names as their buttons show them, English and Swahili (`common:kind.*` at the kind
 * question, `start.kind.*` on the first screen), plain: "Election-related incident" typed from the
 * button went into the story and the question was asked again. Read once, on first use.
 */
function kindLabels(): Map<string, 'police' | 'election'> {
  kinds ??= (() => {
    const res = loadResources();
    const named = new Map<string, 'police' | 'election'>();
    for (const lang of LANGUAGES) {
      const start = (res[lang].bot.start as { kind?: Record<string, string> } | undefined)?.kind ?? {};
      const common = (res[lang].common.kind as Record<string, string> | undefined) ?? {};
      for (const kind of ['police', 'election'] as const) for (const label of [common[kind], start[kind]]) if (label) named.set(normalise(label), kind);
    }
    return named;
  })();
  return kinds;
}

/** One pair of neighbouring letters typed the wrong way round ("plocie"). */
function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The button a typed message stands for, if it is one of the known words (whole message). */
export function readWord(text: string): Word | undefined {
  if (text.length > 40) return undefined;
  const n = normalise(text);
  return BY_PHRASE.get(n) ?? (STOP_WISH.test(n) ? 'cancel' : undefined);
}

/**
 * A wish to stop the report said in a sentence ("i want to stop this", "i dont want to continue",
 * "nataka kusitisha ripoti"): the cancel word, asked about first. Added to the story, it was sent
 * to staff as part of the account. Only about this report: "i want to stop the police" is no wish.
 */
const STOP_WISH = new RegExp(
  [
    String.raw`^(?:(?:actually|sorry|please|ok|okay|no|hapana|sawa|basi) )*(?:(?:i|we) )?(?:(?:want|wanna|would like|d like|need) (?:to )?)?(?:stop|cancel|quit)(?: (?:this|it|the report|this report|my report|reporting|now|please|here))*$`,
    String.raw`^(?:(?:actually|sorry|please|ok|okay|no|hapana|sawa|basi) )*(?:(?:i|we) )?(?:dont|don t|do not) want to (?:continue|go on|proceed|report)(?: (?:anymore|any more|now|with this|with it|this))*$`,
    String.raw`^(?:(?:samahani|sawa|basi|hapana) )*(?:nataka|ningependa|naomba|tunataka) (?:ku)?(?:acha|sitisha|ghairi|katisha)(?: (?:hii|ripoti|ripoti hii|sasa|tu))*$`,
    // "Sitisha hii", "acha hii ripoti", "cancel this": the word with the report it stops (each was the story or the place).
    // Not "acha hiyo", "cancel that" ("never mind", said of a question asked: "Nibadilishe kaunti?").
    String.raw`^(?:(?:samahani|sawa|basi|hapana|please|ok) )*(?:sitisha|acha|wacha|ghairi|katisha|cancel|stop)(?: (?:hii|ripoti|hii ripoti|ripoti hii|hiyo ripoti|this|the report|my report|tu|please))*(?: (?:hii|ripoti|hii ripoti|ripoti hii|hiyo ripoti|this|the report|my report))(?: (?:tu|please))*$`,
    // "Wacha tu, nitaripoti baadaye", "I'll report later", "nimebadilisha mawazo": each was kept as the place or the story.
    // Not after a no, nor "kesho" (tomorrow): "hapana, nitaripoti kesho" at the P3 question is going to the police.
    String.raw`^(?:(?:wacha|acha|sawa|basi|ok|okay|sorry|samahani|never mind|forget it) (?:tu )?)*(?:nitaripoti|ntaripoti|nitareport|nitaleta ripoti|i will report|i ll report|ill report|i will report it|i ll report it) (?:baadaye|baadae|later)(?: (?:tu|please))?$`,
    // Led by "wacha"/"acha" ("leave it"), or "ok I'll report tomorrow": a stop, tomorrow too.
    String.raw`^(?:(?:wacha|acha|sawa|ok|okay)(?: tu)? )+(?:nitaripoti|ntaripoti|nitareport|i will report|i ll report|ill report|i will report it|i ll report it) (?:kesho|tomorrow)(?: (?:tu|please))?$`,
    String.raw`^(?:(?:sorry|samahani|sawa|basi|ok|okay) )*(?:nimebadilisha mawazo|nimebadili mawazo|nimebadili nia|nimebadilisha nia|nimechange mind|i (?:have |ve )?changed my mind|changed my mind)(?: (?:sitaki kuripoti|sitaki kuendelea|i don t want to report|i dont want to report|i do not want to report|i don t want to continue|i dont want to continue))?$`,
  ].join('|'),
);

/**
 * "Hapana tuendelee", "no, continue", "sitaki kusitisha", "no dont cancel", "endelea": carrying on, said in words to
 * "Cancel this report?" (src/bot/wizard/messages.ts `onText`). Only a bare "hapana" was read; the rest were kept as
 * the story, the place or an answer, and a report went out with "hapana tuendelee" as its whole account.
 */
const CARRY_ON = new RegExp(
  String.raw`^(?:(?:no|nope|nah|hapana|hapna|la|sorry|samahani|wait|ngoja|sawa|ok|okay|please|tafadhali) )*` +
    String.raw`(?:(?:tu|ni|na)?endelea|endeleeni|tuendelee|niendelee|(?:let s |lets )?(?:continue|carry on|go on|proceed|keep going)|(?:i )?(?:want|need|d like|would like) to (?:continue|go on|carry on)|` +
    String.raw`(?:nataka|ningependa|tunataka) (?:ku)?endelea|sitaki (?:ku)?(?:sitisha|acha|ghairi|katisha|cancel)|(?:don t|dont|do not) (?:cancel|stop)(?: it)?|usi(?:sitishe|ghairi|katishe)|bado)` +
    String.raw`(?: (?:please|tafadhali|na ripoti|nayo|with it|with the report|tu|sasa))*$`,
);
export function carriesOn(text: string): boolean {
  return text.length <= 60 && CARRY_ON.test(normalise(text));
}

/** Words that only thank or acknowledge ("ok", "asante sana", "thank you so much"), and those that do so alone. */
const THANKS_WORDS = new Set('ok okay okey sawa poa asante ahsante asanteni shukran shukrani nashukuru thanks thank thx tnx alright noted you so much very sana a lot mungu god awabariki akubariki abariki barikiwa bless blessings'.split(' '));
/** A blessing ("Mungu awabariki", "God bless you") thanks as much as "asante" does. */
const THANKS_ALONE = new Set('ok okay okey sawa poa asante ahsante asanteni shukran shukrani nashukuru thanks thank thx tnx alright noted awabariki akubariki abariki barikiwa bless'.split(' '));
/** What is left of a message without its letters, digits, spaces and punctuation: none, or emoji that thank or agree. */
const THANKS_EMOJI = /^(?:[👍🙏👌🤝🙂😊✅❤]|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\uFE0F)*$/u;

/** A message that only thanks or acknowledges: "ok", "Sawa asante 🙏", "👍". Never one with anything told. */
export function onlyThanks(text: string): boolean {
  if (text.length > 40 || !THANKS_EMOJI.test(text.replace(/[\p{L}\p{N}\p{P}\p{Z}\s]/gu, ''))) return false;
  const words = normalise(text).split(' ').filter(Boolean);
  if (!words.length) return /\p{Extended_Pictographic}/u.test(text);
  return words.length <= 5 && words.every((w) => THANKS_WORDS.has(w)) && words.some((w) => THANKS_ALONE.has(w));
}

/** "Did Ripoti help you?" answered in words: yes or no alone, or said with "help" ("it helped", "haikusaidia"). */
const RATING_YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'yess', 'yes yes', 'ndio', 'ndiyo', 'ndyo', 'ndo', 'ndoo', 'ndioo', 'ndiyoo', 'ndio ndio', 'eeh', 'ee']);
const RATING_NO = new Set(['no', 'n', 'nope', 'nah', 'noo', 'nooo', 'no no', 'hapana', 'hapna', 'apana', 'hapanaa', 'hapan', 'la']);
const HELPED = /^(?:(?:yes|ndio|ndiyo|sana) )?(?:(?:it|you|u) )?(?:really )?(?:helped|was helpful|ilisaidia|imesaidia|ilinisaidia|imenisaidia|mlinisaidia|mmenisaidia|mlisaidia|mmesaidia|nimesaidika|nilisaidika)(?: (?:me|sana|a lot|so much|very much|thank you|thanks|asante|asante sana))*$/;
const NOT_HELPED = /^(?:(?:no|hapana|la) )?(?:(?:it|you|u) )?(?:(?:did not|didnt|didn t|has not|hasnt|hasn t|never|not) help(?:ed)?(?: me)?(?: at all)?|not helpful|no help|haikusaidia|haijasaidia|haikunisaidia|haijanisaidia|hamkunisaidia|hamjanisaidia|hamkusaidia|hamjasaidia|hakuna msaada)(?: (?:kabisa|at all))?$/;
/** A score ("5", "10/10", "⭐⭐⭐⭐", "5 stars"): the question has two answers, and a number is neither. */
const SCORE = /^(?:\d{1,2}(?:\s*(?:\/|out of)\s*\d{1,2})?(?:\s*stars?)?|(?:⭐\uFE0F?)+)$/iu;

/**
 * The answer typed to "did Ripoti help you?" instead of tapping: `helped` or `not_helped`, a
 * `score` (the question still waits for a tap), or nothing (a thanks or anything else is no answer).
 */
export function typedRating(text: string): 'helped' | 'not_helped' | 'score' | undefined {
  const t = text.trim();
  if (t.length > 60) return undefined;
  if (/^👍[\u{1F3FB}-\u{1F3FF}]?$/u.test(t)) return 'helped';
  if (/^👎[\u{1F3FB}-\u{1F3FF}]?$/u.test(t)) return 'not_helped';
  if (SCORE.test(t)) return 'score';
  const words = normalise(t);
  if (RATING_YES.has(words) || HELPED.test(words)) return 'helped';
  if (RATING_NO.has(words) || NOT_HELPED.test(words)) return 'not_helped';
  return undefined;
}

/** A yes, or an acknowledgement taken as one where a wrong yes costs little (see `WORDS.ack`). */
export function agrees(word: Word | undefined): boolean {
  return word === 'yes' || word === 'ack';
}

/**
 * A yes to the category offered, said with a word more ("ndio hiyo", "ni hiyo", "yes that's it",
 * "yes correct"): whole messages only, so "ndio walinipiga" stays the story. Before, these were
 * added to the story and the offer asked again, and again. Sheng's "poa", "fiti" (fine) agree too.
 */
const OFFER_YES = /^(?:(?:yes|yeah|yep|ndio|ndiyo|ndyo|ndo|eeh|ee) )?(?:(?:ni )?hiyo(?: hiyo)?(?: ndio)?|(?:ni )?sawa kabisa|ni sawa|kabisa|ni kweli|(?:that s|thats|that is) (?:it|right|the one|correct)|that one|correct|exactly|right|(?:ni |iko )?poa(?: sana)?|(?:iko )?fiti|it is|it s|true|ni hivyo|ndio hivyo)$/;
export function confirmsOffer(text: string): boolean {
  return text.length <= 40 && OFFER_YES.test(normalise(text));
}
