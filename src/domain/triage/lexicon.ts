/**
 * Bilingual canonical words. Reports arrive in English, Swahili, Sheng or a mix, with phone
 * spelling; before comparing texts each word (or phrase) that names the same thing is rewritten
 * to one canonical English word, so "polisi walitaka kitu kidogo" and "the cops asked for a
 * bribe" share "police" and "bribe". Kept small and about incidents: it is not a translator.
 */

/**
 * Someone taken and not seen since ("amepotea", "hatujamwona tangu hapo", "missing"), or where they
 * are not known ("hatujui amepelekwa wapi", "hatujui yuko wapi", "we don't know where he is"), in
 * plain words. Where someone was taken, told ("wakampeleka Kasarani"), is an arrest. Read as
 * "missing" here and by the category words (`DISAPPEARED`), one list for both.
 */
export const DISAPPEARED_WORDS =
  String.raw`\b(\w*potea|hajaonekana|(hajulikani|haijulikani) (alipo|aliko|walipo|waliko)|(hatujui|sijui|hakuna anayejua|hawajui) (alipo|aliko|walipo|waliko|alikopelekwa|walikompeleka|(yuko|yupo|ako|amepelekwa|alipelekwa|wamempeleka|walimpeleka|wamemficha|walimficha) wapi)|` +
  String.raw`hatujamuona|hatujamwona|sijamuona|sijamwona|hajarudi|\w*toweka|\w*toweshwa|missing|disappeared|vanished|not been seen|whereabouts|` +
  // Taken where no one knows ("mahali kusikojulikana", "an unknown place"), or the police saying he is not
  // there ("wanasema hayupo", "they say he's not there"), unless where he went is told (court, moved, released).
  String.raw`(mahali|mahala|sehemu|eneo) (pasipojulikana|kusikojulikana|isiyojulikana)|kusikojulikana|pasipojulikana|(unknown|undisclosed) (place|places|destination|location)|` +
  String.raw`(say|says|said|claim|claims|claimed|insist|insists|insisted|told us|tell us)( that)? (he|she|they|my \w+|our \w+) (is|s|was|are|re|were) not (there|here|with them|in (their |police )?custody|held there)(?! (\w+ ){0,5}(taken|transferred|moved|released|freed|court|bond|bail))|` +
  String.raw`(wanasema|walisema|wamesema|anasema|alisema|wakasema|walituambia|wametuambia|wanadai|walidai) (kwamba |eti )?(hayupo|hawapo|hayuko|hawako)(?! (\w+ ){0,5}(amehamishwa|alihamishwa|ameachiliwa|aliachiliwa|amepelekwa|alipelekwa|kortini|mahakamani|dhamana|bondi))|` +
  // Searched for and not found by those who look for him ("we cannot find him", "hatumpati", "tumemtafuta kila mahali");
  // never the police not finding a suspect, nor a thing ("my phone").
  String.raw`(we|i|(the |his |her |our |my )?family)( still)? (cannot|can not|can t|cant|could not|couldn t|couldnt|are unable to|were unable to|have not been able to|haven t been able to|havent been able to) (find|trace|locate) (him|her|them)\b|` +
  String.raw`hatumpati|hatujampata|hatukumpata|hatuwezi kumpata|hatujaweza kumpata|hatukuweza kumpata|(tumemtafuta|tulimtafuta|nimemtafuta|nilimtafuta)( \w+){0,3} (kila|kote|vituo vyote)\b|` +
  String.raw`((we|i|they)( still)? (do not|dont|don t|did not|didnt|didn t) know|(nobody|no one|no body) knows) where (he|she|they|my \w+|our \w+) (is|are|was|were|has been|have been|took|had taken|taken|is being|are being)\b` +
  // "Where they were taking me", "where they took me": the one taken is telling it, an arrest.
  String.raw`(?!( (taking|carrying|driving|bringing|moving))? (me|us)\b))\b`;

/** Phrases first (they would otherwise be split or misread word by word). Applied in order. */
export const PHRASES: readonly (readonly [RegExp, string])[] = [
  // "piga" is beat, but "piga kura" is vote, "piga risasi" shoot, "piga simu" call.
  [/\bkituo (cha|ya) (ku)?pig\w* kura\b/g, ' pollingstation '],
  [/\b(polling|voting) (station|stn|centre|center|booth)s?\b/g, ' pollingstation '],
  [/\b(mpiga|wapiga) kura\b/g, ' voter '],
  [/\b\w*pig\w* kura\b/g, ' vote '],
  // Not a shot said not to have been fired: "hawakunipiga risasi" (they did not shoot me), "hakupigwa risasi".
  [/\b(si|ha|hatu|ham|hawa)(ja|ku)\w*pig\w* risasi\b/g, ' '],
  [/\b\w*pig\w* risasi\b/g, ' shoot '],
  // "Kuachilia risasi" is to fire (Sheng and everyday Swahili), not the "achilia" of a release from custody.
  [/\b\w*achili\w* risasi\b/g, ' shoot '],
  [/\b\w*(pig|fyatu)\w* (simu|picha|kelele|nduru|marufuku)\b/g, ' '],
  // "Anapiga kampeni / campaign / siasa" is campaigning, "wanapiga mziki" playing music: no one beaten.
  [/\b\w*pig\w* (kampeni|campaigns?|siasa|politics)\b/g, ' campaign '],
  [/\b\w*pig\w* (mziki|muziki|music|debe|makofi|doria|foleni|hesabu|stori|story|luku|mswaki|magoti|chafya|gumzo|domo|filimbi|honi|saluti)\b/g, ' '],
  [/\bkituo (cha|ya) polisi\b/g, ' policestation '],
  [/\b(police|pol|polisi) (station|stn|post|stesheni)s?\b/g, ' policestation '],
  [/\bk?a?kitu kidogo\b/g, ' bribe '],
  // "Chai" is a bribe asked for ("aliniitisha chai", "nipe chai") or handed over ("nilimpa chai"); given to
  // the reporter ("walinipa chai", "they gave me chai") it is tea, hospitality, and no word of the incident.
  // Given, told with a tense (-li-, -me-, -ka-, -na-): "ukinipa chai" (if you give me) and "give me chai" ask for it.
  [/(?<=\b(?:\w*(?:li|me|ka|na)(?:ni|tu)(?:pa|patia|pea|letea|andalia)|(?:gave|given|giving|offered|served) (?:me|us)) )chai\b/g, ' '],
  // Sheng: "maboi wa blue" (the boys in blue, the regular police's uniform) are the police, not youths.
  [/\b(ma)?bo[iy]s? wa blue\b|\bboys in blue\b/g, ' police '],
  [/\b(road|barabara) ?blocks?\b/g, ' roadblock '],
  [/\bcheck ?points?\b/g, ' roadblock '],
  [/\bboda ?boda\b/g, ' boda '],
  [/\b(tear ?gas|vitoa machozi|gesi ya (ku)?toa machozi)\b/g, ' teargas '],
  // Teargas fired, lobbed or thrown ("wanarusha") is teargas, not a shooting: else only the English telling names a shooting.
  [/\b(fir\w*|shot|shoot\w*|lob\w*|threw|throw\w*|\w*rush\w*) +teargas\b/g, ' teargas '],
  [/\b(ballot|kura) box(es)?\b|\b(ma)?sanduku (la|za|ya) kura\b/g, ' ballotbox '],
  [/\b(karatasi|vikaratasi) (za|ya) kura\b|\bballot (papers?|forms?)\b/g, ' ballot '],
  [/\b(shule ya msingi|primary school|pri sch|prim sch|pri school)\b/g, ' primary '],
  [/\b(shule ya upili|sekondari|secondary school|sec sch)\b/g, ' secondary '],
  // One or many: "magari ya serikali", "government vehicles", "GK cars".
  [/\b(ma)?(gari|lori) (la|ya) (serikali|kaunti|county)\b|\b(government|govt|county|gk) (vehicles?|cars?|lorry|lorries|trucks?)\b/g, ' govvehicle '],
  [/\b(tekwa nyara|tek\w* nyara)\b/g, ' abduct '],
  [/\b(id cards?|identity cards?|vitambulisho|kitambulisho)\b/g, ' idcard '],
  [/\balama (za|ya) vidole\b|\bfinger ?prints?\b/g, ' fingerprint '],
  [/\bmara mbili\b/g, ' twice '],
  [/\b(afisa|officer) msimamizi\b|\bpresiding officers?\b/g, ' presiding '],
  [/\bgiving out\b|\bhanding out\b/g, ' pay '],
  [/\b(tribal|ethnic) (slurs?|insults?|remarks?|songs?)\b/g, ' hate '],
  [/\bmwakilishi (wa )?wadi\b/g, ' mca '],
  [new RegExp(DISAPPEARED_WORDS, 'g'), ' missing '],
  [/\bbeat(en)? (him |her |me |us |them )?up\b/g, ' beat '],
  [/\bpicked (him |her |me |us |them )?up\b/g, ' arrest '],
  [/\bthrown? (in|into) (the )?cells?\b/g, ' arrest '],
];

/** Whole words. */
export const WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['police', 'polisi polis plice polise polici poliece cop cops copper askari karao karau officer officers offisa afisa maafisa policeman policemen polisman mapolisi makarao makarau sanse ocs ocpd gsu'],
      ['bribe', 'bribe bribes bribed bribing bribery brib hongo rushwa kickback extort extorted extortion extorting chai kitukidogo'],
      ['money', 'money pesa doo doh mbesha munde cash ganji dough'],
      ['shillings', 'shillings shilling sh shs ksh kes bob bobs'],
      ['roadblock', 'roadblock roadblocks kizuizi vizuizi checkpoint'],
      ['matatu', 'matatu matatus mat nganya manyanga mathree psv'],
      ['boda', 'boda bodaboda pikipiki motorbike motorcycle piki'],
      ['driver', 'driver drivers dereva madereva'],
      ['conductor', 'conductor makanga tout'],
      ['beat', 'beat beating beaten beatings punch punched punching slap slapped slapping kick kicked kicking assault assaulted assaulting kichapo rungu batons baton whip whipped viboko clobbered thrashed caned brutality tortured torture'],
      ['injured', 'injured injury injuries hurt wounded wound bleeding damu jeraha majeraha'],
      ['shoot', 'shot shoot shoting shooted shooting shootings gunshot gunshots gun guns bullet bullets risasi bunduki fired firing'],
      ['teargas', 'teargas lobbed canisters'],
      ['arrest', 'arrest arrested arresting arrests detained detain detention custody cell cells seli rumande locked'],
      ['abduct', 'abduct abducted abduction kidnap kidnapped kidnapping'],
      ['missing', 'missing disappeared disappearance whereabouts'],
      ['killed', 'killed kill killing dead died death body murdered maiti mwili marehemu waliokufa aliyekufa'],
      ['threat', 'threat threats threaten threatened threatening intimidate intimidated intimidation vitisho warned'],
      ['sexual', 'sexual sexually harass harassed harassment rape raped groped fondled kingono kimapenzi sex'],
      ['voter', 'voter voters'],
      ['vote', 'vote votes voted voting kura'],
      ['ballot', 'ballot ballots'],
      ['results', 'results result tally tallying matokeo fomu form forms 34a'],
      ['agent', 'agent agents ajenti maajenti wakala mawakala'],
      ['candidate', 'candidate candidates aspirant aspirants mgombea wagombea mwaniaji politician mwanasiasa'],
      ['mp', 'mp mbunge'],
      ['governor', 'governor gavana'],
      ['mca', 'mca'],
      ['goons', 'goons thugs wahuni hooligans gang magenge genge'],
      ['youths', 'youths youth vijana kijana boys maboy'],
      ['hate', 'hate tribe tribes tribal kabila makabila madoadoa chuki insults matusi'],
      ['food', 'food chakula flour unga rice mchele relief'],
      ['queue', 'queue queues line foleni'],
      ['phone', 'phone phones simu'],
      ['stole', 'stole stolen steal snatched robbed robbery wizi'],
      ['market', 'market soko sokoni'],
      ['school', 'school shule sch skul'],
      ['primary', 'primary pri pry msingi'],
      ['church', 'church kanisa kanisani'],
      ['stage', 'stage steji stejini'],
      ['hospital', 'hospital hospitali zahanati'],
      ['road', 'road rd barabara barabarani'],
      ['junction', 'junction jct makutano'],
      ['estate', 'estate mtaa mtaani'],
      ['woman', 'woman women lady ladies mwanamke wanawake mama'],
      ['man', 'man men mwanaume wanaume jamaa'],
      ['child', 'child children kid kids mtoto watoto'],
      ['student', 'student students mwanafunzi wanafunzi'],
      ['hawker', 'hawker hawkers mchuuzi wachuuzi'],
      ['people', 'people ppl pple watu'],
      ['night', 'night usiku'],
      ['station', 'station stn stesheni'],
      ['house', 'house home nyumba nyumbani'],
      ['demand', 'demand demanded demanding demands want wants wanted wantd wnted wntd wanting asking itisha wameitisha wanaitisha'],
      ['pay', 'pay paid paying pays gave give giving given handing distributing distribute payment'],
      ['release', 'release released releasing free freed'],
      ['stop', 'stop stopped stopping'],
      ['chase', 'chase chased chasing'],
      ['attack', 'attack attacked attacking stormed storm vamizi'],
      ['stuff', 'stuff stuffing stuffed'],
      ['relative', 'brother sister son daughter husband wife cousin ndugu dada kaka mwanangu binamu bwana mke'],
      // Not "wahudumu": it is anyone who serves (IEBC clerks, Ripoti's own staff), not a rider.
      ['rider', 'rider riders waendeshaji mwendeshaji'],
      ['clerk', 'clerk clerks karani makarani'],
      ['activist', 'activist activists mwanaharakati wanaharakati'],
      ['idcard', 'id ids'],
      ['register', 'register sajili'],
      ['twice', 'twice'],
      ['late', 'late delayed'],
      ['leaflets', 'leaflets leaflet flyers pamphlets'],
      ['rally', 'rally mkutano'],
      // A protest is most of an election's police-force reports ("maandamano", "demo").
      ['protest', 'protest protests protesting protester protesters protestor protestors demo demos demonstration demonstrations demonstrator demonstrators maandamano mandamano'],
      ['chief', 'chief chifu'],
      ['campaign', 'campaign campaigns campaigning kampeni'],
      ['lorry', 'lorry lori truck'],
      ['opposition', 'opposition upinzani'],
      ['angry', 'angry hasira'],
      ['weapon', 'armed weapon silaha'],
      ['head', 'head kichwa kichwani'],
      ['hand', 'hand mkono mkononi'],
      ['charge', 'charge charges kesi'],
      ['receipt', 'receipt risiti'],
      ['president', 'presidential president urais rais'],
      ['kiems', 'kiems kit kits mashine machine'],
      // Towns by the short names people type: "Eldy" and "Eldoret" are one place, not two.
      ['eldoret', 'eldoret eldy'],
      ['nakuru', 'nakuru naks'],
    ] as const
  ).flatMap(([canon, words]) => words.split(' ').map((w) => [w, canon] as const)),
);

/** Swahili verb forms: subject and tense prefixes vary ("walinipiga", "alipigwa"), the stem does not. */
export const STEMS: readonly (readonly [RegExp, string])[] = [
  // Not a verb said not to have happened: "sijapiga (kura)" (I have not voted), "hawakunipiga" (they did not beat me).
  [/^(?!(si|ha|hatu|ham|hawa)(ja|ku))\w*(pig|chap)(a|wa|ana|wana|iwa|wo)$/, 'beat'],
  // Sheng: "wamenitandika", "nilitandikwa" (beaten up); a bed made ("nilitandika kitanda") names no one.
  [/^(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)tandik(a|wa)$|^(ni|tu|a|wa)(li|me|ka)tandikwa$/, 'beat'],
  [/^\w*kamat(a|wa|iwa|ana)$/, 'arrest'],
  [/^\w*(shik|fung)(wa|iwa)$/, 'arrest'],
  [/^\w*(uawa|fariki)$/, 'killed'],
  // "Amekufa", "wamekufa": died.
  [/^\w*kufa$/, 'killed'],
  // Sheng: an English verb with Swahili prefixes ("wameshoot", "walimshoot", "wanashoot").
  [/^(wa|a|wali|ali|wame|ame|wana|ana|tuli|tume)(m|mu|wa|ni|tu)?shoot\w*$/, 'shoot'],
  [/^(wa|a|wali|ali|wame|ame|tuli)(m|mu|wa|ni)?ua$/, 'killed'],
  [/^\w*jeruhi\w*$/, 'injured'],
  [/^\w*umi(a|za|zwa)$/, 'injured'],
  // "Aliitisha", "waliniitisha", "walimwitisha", "kuitisha" (asked for: a tense or whom, then "itisha") demand; "alinitisha",
  // "walimtisha", "walinitishia" threaten.
  [/^(\w*[aeiou]|\w*mw)?itish(a|wa|iwa|e)$/, 'demand'],
  [/^\w*tish(a|ia|iwa|wa)$/, 'threat'],
  [/^\w*bakwa$/, 'sexual'],
  [/^\w*potea$/, 'missing'],
  [/^\w*tekwa$/, 'abduct'],
  [/^\w*hong(a|wa)\w*$/, 'bribe'],
  // "Kununua" is to buy: votes or IDs bought are a bribe (the category words read them), flour bought ("kununua unga") is not.
  [/^\w*nunu(a|liwa|lia|wa)\w*$/, 'buy'],
  [/^\w*lip(a|e|wa|iwa)$/, 'pay'],
  // "Wanapeana pesa" (they are handing out money), as "wanagawa pesa".
  [/^\w*(to(a|e)|gaw(a|iwa)|pean(a|wa))$/, 'pay'],
  [/^\w*tak(a|e)$/, 'demand'],
  [/^\w*achili\w*$/, 'release'],
  [/^\w*fukuz\w*$/, 'chase'],
  [/^\w*vami\w*$/, 'attack'],
  [/^\w*simamish\w*$/, 'stop'],
  [/^\w*kimbi\w*$/, 'run'],
  [/^\w*jaz(a|wa)$/, 'stuff'],
  [/^\w*chelew\w*$/, 'late'],
  [/^\w*zingir\w*$/, 'surround'],
  // "Waandamanaji" (protesters), "wanaandamana" (they are protesting), "kuandamana".
  [/^\w*andaman\w*$/, 'protest'],
];

/** Swahili numbers as reporters write sums: units, tens ("ishirini" = 20), "kumi na tano" = 15. */
const UNITS: Record<string, number> = { moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9 };
const TENS: Record<string, number> = { kumi: 10, ishirini: 20, thelathini: 30, arobaini: 40, hamsini: 50, sitini: 60, sabini: 70, themanini: 80, tisini: 90 };
const UNIT_RE = Object.keys(UNITS).join('|');
const NUMBER_RE = [...Object.keys(TENS), ...Object.keys(UNITS)].join('|');
/** A sum built from number words is marked until its parts are joined, so "2000 and 500" typed in digits stays two sums. */
const MARK = 'n';

/**
 * Sheng and Swahili amounts: "mia tano" = 500, "elfu mbili (na) mia tano" = 2,500, "elfu ishirini"
 * = 20,000, "mia tatu na hamsini" = 350; "mbao" = 20, "finje" = 500, "thao" = 1000. Tens alone ("watu hamsini
 * na tano", 55 people) are not read as a sum: only after "elfu" or "mia".
 */
export function swahiliAmounts(s: string): string {
  const value = (w: string) => TENS[w] ?? UNITS[w] ?? Number(w.slice(MARK.length));
  let out = s
    .replace(new RegExp(`\\b(elfu|mia) (${Object.keys(TENS).join('|')}) na (${UNIT_RE})\\b`, 'g'), (_m, scale: string, t: string, u: string) => `${scale} ${MARK}${TENS[t] + UNITS[u]}`)
    .replace(new RegExp(`\\b(mia|elfu) (${NUMBER_RE}|${MARK}\\d+)\\b`, 'g'), (_m, scale: string, n: string) => `${MARK}${value(n) * (scale === 'mia' ? 100 : 1000)}`);
  // Thousands, then hundreds, then tens and units: one sum ("na" between them or not), joined
  // left to right until nothing more joins.
  const join = new RegExp(`\\b${MARK}(\\d+) (?:na (${MARK}\\d+|${NUMBER_RE}|\\d+)|(${MARK}\\d+))\\b`, 'g');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(join, (m, a: string, withNa?: string, bare?: string) => {
      const big = Number(a);
      const b = withNa ?? bare ?? '';
      const small = /^\d+$/.test(b) ? Number(b) : value(b);
      const joins = (big % 1000 === 0 && small < 1000) || (big % 100 === 0 && big % 1000 !== 0 && small < 100);
      return joins ? `${MARK}${big + small}` : m;
    });
  }
  return out
    .replace(new RegExp(`\\b${MARK}(\\d+)\\b`, 'g'), ' $1 ')
    .replace(/\b(soo|finje|thao|ngiri)\b/g, (w) => ({ soo: ' 100 ', finje: ' 500 ', thao: ' 1000 ', ngiri: ' 1000 ' })[w] ?? w)
    // Sheng "punch" is 1000 ("walinikula punch"); an English punch ("gave me a punch", "punch me") is a blow, as is one struck ("alinipiga punch", "nilipigwa punch").
    .replace(/(?<!\b(a|the|one|his|her|their|with|threw|throw|to|will|would|\w*pig(a|wa|we))\s)\bpunch\b(?! (me|him|her|us|them|you|in|on|at)\b)/g, ' 1000 ')
    // "Mbao" is 20 shillings in Sheng ("walichukua mbao"); "mbao za/ya ...", "mbao zangu", "mbao yake" are planks, timber.
    .replace(/\bmbao\b(?! (za|ya|la|zile|hizi|hizo|[zy](angu|ako|ake|etu|enu|ao))\b)/g, ' 20 ');
}

export const STOPWORDS = new Set(
  (
    'a an the and or but of to in at on by for from with as into onto out up down over off about than then so if ' +
    'is are was were be been being am do did does done have has had will would can could should may might must ' +
    'i me my mine we us our you your he him his she her it its they them their this that these those there here ' +
    'who whom which what when where why how also very just only even still too not no yes ok okay please kindly sir madam ' +
    'today yesterday morning evening afternoon now today tonight tonite 2nite 2night around near opposite next behind beside outside inside ' +
    'some any all every each one two other another again said told asked came went got get go come went saw seen see ' +
    'na ya wa la za cha vya kwa katika kwenye ni si mmoja hii hiyo huyo hao hapo pale hapa huko kule leo jana juzi asubuhi jioni ' +
    'mchana sasa hivi tu pia sana lakini au kama kuna kulikuwa kulikua wakati baada kabla karibu nje ndani mimi sisi wao ' +
    'yeye wewe yangu yetu yao wetu yake yangu tena ndio ndiyo hapana moja mbili kila fulani ile hile hili huu ule hawa ' +
    'hao wale ambao ambaye ambapo alisema walisema walikuja alikuja wakasema akasema kisha halafu bado nini nani wapi ' +
    'lini vipi je basi sawa eh bana ama ati yaani kwamba ili nilikuwa tulikuwa walikuwa alikuwa'
  ).split(' '),
);

/** Words that nearly every report of its kind contains: they count for little. */
export const GENERIC = new Set([
  'police', 'policestation', 'pollingstation', 'station', 'road', 'estate', 'people', 'man', 'woman', 'vote', 'voter',
  'primary', 'secondary', 'school', 'market', 'stage', 'junction', 'roadblock', 'town', 'centre', 'center', 'county',
  'shillings', 'money', 'night', 'house', 'youths', 'area', 'mjini', 'town', 'village', 'kijiji',
]);

/** Canonical words worth naming as shared details ("both mention: bribe, roadblock"). */
export const DETAILS = new Set([
  'bribe', 'roadblock', 'matatu', 'boda', 'driver', 'conductor', 'beat', 'injured', 'shoot', 'teargas', 'arrest',
  'abduct', 'missing', 'killed', 'threat', 'sexual', 'ballot', 'ballotbox', 'results', 'agent', 'candidate', 'mp',
  'governor', 'mca', 'goons', 'hate', 'food', 'queue', 'phone', 'idcard', 'govvehicle', 'stole', 'child', 'student',
  'hawker', 'church', 'hospital', 'demand', 'pay', 'release', 'stop', 'chase', 'attack', 'stuff', 'relative', 'rider',
  'clerk', 'activist', 'register', 'twice', 'late', 'leaflets', 'rally', 'chief', 'campaign', 'lorry', 'opposition',
  'weapon', 'charge', 'receipt', 'president', 'kiems', 'fingerprint', 'presiding', 'run', 'surround', 'protest', 'buy',
]);
