/**
 * Whether a reporter's message, written after the report was sent, says someone is in danger now
 * ("they are here again", "wananitishia", "help us"). Such a message to a ticket nobody has taken
 * yet would wait in the queue like any other; read here, it puts the ticket first and the
 * reporter gets the emergency numbers at once, as at the danger question.
 *
 * Only the present is read (what is happening, or about to): "they beat me yesterday" is the
 * report itself, and a question such as "can you help me with my report?" or "naomba msaada
 * kuhusu ripoti yangu" is no cry for help. A false alarm puts one ticket ahead of others; a miss
 * leaves it where it was before this rule. The Swahili was read by a Kenyan Swahili speaker.
 */
/**
 * "Watatuchoma", "watachoma nyumba zetu", "watatuchomea nyumba" (burn our houses on us): they will
 * burn us, or our homes. Not "watachoma mahindi", nor "atamchoma (mtoto) sindano" (kuchoma sindano: to give
 * an injection, the one who gets it often named between), nor "watatuchomea nyama" (roast meat for us): "-chomea" only with a home named.
 * Read as danger here and as a threat by the category words (`category-words.ts`).
 */
export const WILL_BURN_SW = String.raw`(?:wata|ata)(?:tu|ni|m|mu|mw|wa|ku)choma\b(?!(?:\W+\w+){0,2}?\W+(?:sindano|chanjo)\b)|(?:wata|ata)(?:tu|ni|m|mu|mw|wa)?chom(?:a|ea) (?:nyumba|manyumba|makazi|boma|nyumbani)`;
/** What follows "help me" or "nisaidie" when it is about the report, not a life. */
const ABOUT_REPORT = String.raw`(?! (?:with|to|understand|know|find|check|get|report|file|make|kuhusu|juu ya|na|wa|kujua|kuelewa|kupata|kuangalia|kuripoti|kureport|kutoa (?:ripoti|taarifa)|kuandika)\b)`;
/** Who a reporter says is being hurt, when not "him" or "her". */
const FAMILY = 'brothers?|sisters?|sons?|daughters?|husband|wife|child|children|kids?|baby|father|mother|dad|mum|mom|parents|family|cousins?|uncle|aunt|friends?|neighbou?rs?|people|boy|girl';
/** Where they are, outside: the house, its door or gate, the homestead ("nje ya nyumba yangu", "nje ya geti"). */
const AT_HOME = '(?:nyumba|nyumbani|mlango|geti|gate|boma|kwetu|kwangu|chumba|compound|ploti|plot)';
/** "Na hongo zao", "na ushuru": ruined by money taken, no life at risk ("watanimaliza na hongo zao", "wanatuua na ushuru"). */
const NOT_BY_MONEY = String.raw`(?! (?:na|kwa) (?:(?:hizi|hii|hizo|zao|zenu) )?(?:hongo|ushuru|kodi|bei|madeni|faini|pesa|rushwa|kura|bribes?|taxes|prices)\b)(?! (?:kiuchumi|economically)\b)`;
/**
 * What goes on every day or went on before ("kila siku", "every day", "kila maandamano", "walikuwa wanapigwa", "mwaka
 * jana", "jana ... tulitoka salama"), or ended well ("but police rescued him"): said of the newer phrases below, no danger now.
 */
const NOT_NOW_AFTER = String.raw`(?!.*\b(?:kila|every|daily|jana|yesterday|salama|rescued|waliokoa|aliokolewa|tomorrow|kesho|next week)\b)`;
const NOT_PAST_BEFORE = String.raw`(?<!\b(?:walikuwa|alikuwa|tulikuwa|nilikuwa|was|were) )`;
const PHRASES = [
  // English: a cry for help, they are here, it is happening, a threat to life.
  String.raw`^ ?(?:help|sos|saidia|msada)(?: ?help)* ?$`,
  // "Help us!", not "can you help me?", which is a question about the service.
  String.raw`(?<!(?:can|could|will|would) you )\b(?:please )?help (?:me|us)\b${ABOUT_REPORT}`,
  // "Pls help", "plz help" as typed on a phone.
  String.raw`\b(?:please|pls|plz|plis|pliz) help\b(?! (?:me|us)\b)${ABOUT_REPORT}`,
  String.raw`\bsos\b`,
  String.raw`\b(?:i am|im|i m|we are|we re|he is|she is|they are|my life is|our lives are) in danger\b`,
  String.raw`\b(?:i am|im|i m|we are|we re) not safe\b`,
  // Not "they are here to take statements". "Still here" after "they came": still there now.
  String.raw`\b(?:they are|they re) (?:still )?(?:here|back|outside|at (?:my|our|the) (?:house|home|door|gate))\b(?! to\b)`,
  String.raw`\b(?:they are|they re) coming (?:back|again|now|for (?:me|us|him|her))\b`,
  // "They have come back", not "they came back" (told as past, as most accounts are).
  String.raw`\bthey (?:have|ve) come back\b`,
  String.raw`\bthey (?:have )?broken? in\b`,
  // Not "they are beating drums" (a rally).
  String.raw`\b(?:they are|they re) (?:beating|shooting|threatening|chasing|following|looking for|attacking|stabbing)\b(?! (?:the )?(?:drums?|ngoma)\b)`,
  // Supporters or goons hurting people as it is told ("supporters are beating people", "goons are attacking voters").
  String.raw`\b(?:is|are) (?:beating|attacking|stabbing|cutting|slashing|shooting at) (?:people|voters|residents|everyone|wananchi|watu|women|men|youths|agents|supporters|anyone)\b`,
  // Bleeding now ("he is bleeding", "anavuja damu"); not "he was bleeding", "is no longer bleeding".
  String.raw`\b(?:he is|she is|he s|she s|hes|shes|they are|they re|i am|im|i m|we are|we re|still) bleeding\b|\b(?:ana|wana|nina|tuna)vuja damu\b`,
  // "Are beating my brother": the family named as "him" is ("is beating" may name the police, a body).
  String.raw`\b(?:is|are) (?:beating|threatening|chasing) (?:me|us|him|her|them|(?:my|our|his|her|their) (?:${FAMILY}))\b`,
  String.raw`\b(?:i am|im|i m|we are|we re) being (?:followed|chased|hunted)\b`,
  // Harm going on to people, told in the passive ("someone is being beaten right now"); not "was being beaten", nor a file "being killed".
  String.raw`\b(?:is|are|am|re) (?:still )?being (?:beaten|attacked|stabbed|shot|slashed|assaulted|tortured|raped|kidnapped|abducted)\b`,
  // Killed or taken away, said of people ("people are being killed right now", "my son is being taken away").
  // Not things ("our votes are being taken away", "my land"), nor "killed by these taxes".
  String.raw`\b(?:people|someone|somebody|he|she|they|we|i|(?:my|our|his|her) (?!votes?\b|land\b|property\b|money\b|file\b|case\b|car\b|phone\b|goods\b|shop\b|house\b|rights\b|jobs?\b)\w+) (?:is|are|am) (?:still )?being (?:killed|taken away)\b(?! by (?:these |the |high )?(?:taxes|prices|hunger|poverty|economy|loans|debts?)\b)`,
  // Shut in ("we are locked inside"; not "stuck in the queue", nor someone held in the cells), or surrounded now ("they
  // have surrounded the polling station"); not "were locked", "questions surrounding the results", supporters round a car.
  String.raw`\b(?:i am|im|i m|we are|we re) (?:locked|trapped) (?:inside\b|in (?:the |a |our |my |this )?(?:house|room|school|church|station|polling station|building|hall|car|classroom|office|toilet|compound|shop)\b)|\b(?:have|ve|has) surrounded (?:us|me|my|our|the (?:house|home|school|church|polling station|station|compound|building|hall|gate))\b`,
  // Bleeding now, a person ("one man is bleeding"); not "the country is bleeding", "is no longer bleeding".
  String.raw`\b(?:man|woman|boy|girl|child|someone|somebody|person|one|people|son|daughter|brother|sister|husband|wife|father|mother|he|she|they|i|we) (?:is|are|am) (?:still )?bleeding\b`,
  String.raw`\b(?:will|going to|gonna|want to) kill (?:me|us|him|her)\b`,
  // A crowd about to lynch someone ("wants to lynch him"), not a lynching told as past.
  String.raw`${NOT_PAST_BEFORE}\b(?:want|wants|wanting|trying|going|about|threatening) to lynch\b${NOT_NOW_AFTER}|\b(?:is|are) (?:lynching|about to lynch)\b${NOT_NOW_AFTER}`,
  // "They'll come back tonight for us": told they will return, within the day or for them.
  String.raw`\bthey(?: ll| will|ll) come back (?:tonight|now|for (?:us|me|him|her) tonight)\b`,
  // "Threatened to kill us", "is threatening to kill us": a threat to life, as "they will kill us" is.
  String.raw`\bthreat(?:en|ens|ened|ening) to (?:kill|shoot|burn) (?:me|us|him|her|them|my|our)\b`,
  // A threat to burn people or their homes ("they will burn our houses tonight"); not a house burnt already.
  String.raw`\b(?:will|going to|gonna|want to) burn (?:down )?(?:me|us|him|her|them|(?:our|my|his|her|their|the) (?:house|houses|home|homes))\b`,
  // Burning them now ("they are burning our houses"), more pressing still than the threat; not tyres.
  String.raw`\b(?:they are|they re|are) burning (?:down )?(?:us|(?:our|my|his|her|their|the) (?:house|houses|home|homes))\b`,
  String.raw`\b(?:i am|im|i m|we are|we re) hiding\b`,
  // Swahili: msaada!, wako hapa (wamerudi), wanapiga, wanatishia, wataniua, niko hatarini, nimejificha.
  // "Msaada!" or asked for, not "asante kwa msaada" (thanks for the help) or help with the report.
  String.raw`^ ?msaada\b|\b(?:naomba|tunaomba|nahitaji|tunahitaji) msaada\b${ABOUT_REPORT}`,
  String.raw`\b(?:nisaidie|nisaidieni|tusaidie|tusaidieni|saidieni)\b${ABOUT_REPORT}`,
  String.raw`\b(?:niko|tuko|yuko|ako|wako|yako|iko) hatarini\b`,
  String.raw`\b(?:kuna hatari|hakuna usalama|siko salama|hatuko salama)\b`,
  // They are here, at the door: said first or after "bado", "tena", "polisi"; "wako" after a noun is
  // "your" ("mtoto wako hapa?") or someone harmless ("mashahidi wako hapa"). "Nje ya" is outside the
  // home only with it named ("nje ya nyumba yangu", "nje ya geti"): "nje ya nchi" is abroad.
  String.raw`(?:^ ?|\b(?:bado|tena|sasa|wao|polisi|askari|karao|makarao|maafisa|wanaume) )(?:wako|wapo) (?:hapa|mlangoni|getini|nje)\b(?! ya\b(?! ${AT_HOME}\b))(?! ?\?)`,
  // Back, or on their way; not "watoto wamerudi nyumbani salama", "wanakuja kesho kuchunguza".
  String.raw`\bwamerudi\b(?! (?:nyumbani|kazini|shuleni|salama|kituoni|ofisini))|\bwamefika tena\b|\bwanakuja (?:tena|sasa|hapa)\b`,
  // Not campaigning, politics, voting, calling, photos, noise, music, patrols, counting ("wanapiga kampeni / campaign / siasa / kura / simu / picha / kelele / mziki / doria / hesabu").
  String.raw`\b(?:wana|ana)(?:ni|tu|m|wa)?piga\b(?! (?:kura|simu|picha|makofi|debe|kampeni|campaign|campaigns|siasa|politics|kelele|doria|hesabu|foleni|laini|marufuku|stori|story|vita|deki|pasi|mziki|muziki|music|ngoma|luku|mswaki|magoti|chafya|gumzo|domo|filimbi|honi|saluti))`,
  String.raw`\bwana(?:ni|tu|m|wa)?(?:tishia|chapa|shambulia|kimbiza)\b`,
  String.raw`\bwana(?:ni|tu|m)(?:fukuza|tafuta|fuata)\b`,
  String.raw`\bwametuzingira\b|\bwanavunja mlango\b|\bwanafyatua risasi\b`,
  // Surrounding the home, knocking at its door now ("wamezunguka nyumba yangu", "wanagonga mlango"); not house to house
  // or door to door ("nyumba kwa nyumba", "mlango kwa mlango": campaigning), nor "walikuwa wanagonga" (past). "Wamenizunguka"
  // is Sheng for "double-crossed me".
  String.raw`\bwamezunguka ${AT_HOME}\b(?! kwa\b)|(?<!walikuwa )\bwanagonga (?:mlango|geti|gate|dirisha)\b(?! kwa (?:mlango|geti|nyumba)\b)`,
  // "Watanimaliza" (they will finish me off): "kumaliza" with a person is to kill; not "watamaliza kazi".
  String.raw`\b(?:wataniua|watatuua|watamuua|watawaua|ataniua|atatuua|atamuua)\b|\b(?:wata|ata)(?:ni|tu|m|wa)maliza\b${NOT_BY_MONEY}${NOT_NOW_AFTER}`,
  // "Watatuchoma (nyumba)", "watachoma nyumba zetu": they will burn us, our houses; not "watachoma mahindi",
  // nor "atamchoma sindano" (kuchoma sindano: to give an injection).
  String.raw`\b(?:${WILL_BURN_SW})\b`,
  // Burning them now: "wanachoma nyumba", "wanachoma moto nyumba zetu", "wanatuchomea nyumba"; not "wanachoma matairi" (tyres, a protest).
  String.raw`\b(?:wana|ana)(?:tu|ni|m|mw|wa)?chom(?:a|ea) (?:moto )?(?:nyumba|manyumba|makazi|boma)\b`,
  String.raw`\b(?:wanataka|anataka) ku(?:ni|tu|m|mu|mw|wa)(?:ua|maliza)\b`,
  // Killing them now ("wanamuua", "wanatuua"), or being chased or beaten now ("tunafukuzwa na wahuni", "anapigwa"); not
  // sacked or expelled ("tunafukuzwa kazi, shule"), photographed ("wanapigwa picha") or fined.
  String.raw`\b(?:wana|ana)(?:ni|tu|mu|wa)ua\b${NOT_BY_MONEY}${NOT_NOW_AFTER}|${NOT_PAST_BEFORE}\b(?:nina|tuna|ana|wana)(?:fukuzwa|pigwa|shambuliwa|kimbizwa|vamiwa|chapwa|uawa)\b(?=(?: \w+){0,3}? (?:sasa|now)\b| na (?:wahuni|goons|polisi|askari(?! wa kaunti)|vijana|watu|wanaume|makarao|karao|majambazi|wafuasi)\b)${NOT_NOW_AFTER}`,
  // Surrounded, a home or a place people are in ("wamezingira kituo na mapanga"); not land fenced ("wamezingira shamba kwa waya").
  String.raw`\bwame(?:ni|tu|m|wa)?zingira (?:nyumba|kituo|shule|kanisa|msikiti|boma|compound|ploti|plot|estate|mtaa|ofisi|gari|hospitali|ukumbi|hall)\b${NOT_NOW_AFTER}`,
  String.raw`\b(?:nimejificha|tumejificha|nimejifungia|tumejifungia)\b`,
];
const DANGER_NOW = new RegExp(PHRASES.join('|'));

/** A benefit lost: "will not get relief food", "will lose our jobs", "hatutapata chakula", "tutanyimwa msaada". */
const LOSS = String.raw`(?:will not|won t|wont|would not|shall not|not) (?:get|receive|be given)|(?:will|would) (?:lose|be denied|be removed)|\w*(?:ta|to)nyimwa|ha(?:tu|m|wa|ta)?tapata|ha(?:tu|m|wa)?tapewa|\w*taondolewa`;
/** Hurt told with it: a threat of harm stays one ("... and they will beat us"). */
const HARM = String.raw`kill|beat|burn|shoot|hurt|attack|\w*ua|\w*piga|\w*choma|\w*chapa`;
/**
 * Threatening people with a loss ("threatening us that we will not get relief food if we don't
 * vote for X", "wanatutishia kwamba hatutapata chakula cha msaada"): coercion of voters, not a
 * life at risk now. The threatening words are dropped; any other words of danger still count.
 */
const THREAT_OF_LOSS = new RegExp(
  String.raw`\b(?:threatening|threatened|threatens|threaten|\w*tishia)(?: (?:me|us|him|her|them|voters|people|residents|wananchi|watu|wapiga kura))?(?= (?:\w+ ){0,6}?(?:${LOSS})\b)(?! (?:\w+ ){0,14}?(?:${HARM})\b)`,
  'g',
);

export function saysDangerNow(text: string): boolean {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  return DANGER_NOW.test(plain.replace(THREAT_OF_LOSS, ''));
}
