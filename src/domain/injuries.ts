import { plainWords } from './plain-text';

/**
 * Injuries and medical evidence (IPOA and the ODPP): whether anyone was hurt, whether they got
 * medical help, and whether a P3 form (the police medical examination form a charge of assault
 * needs) or a doctor's or hospital's report exists. Asked once, right after the story, only where
 * an injury is what the case is about. Pure: codes and the typed words that mean them; the bot
 * asks, the console and the case file print.
 */

/**
 * Categories whose reports are about bodily harm: police brutality (beating, shooting), killings
 * by police, sexual harassment or abuse, and violence at elections (an assault ODPP charges on a
 * P3 like any other). Not unlawful arrest: most such reports are about being held, and an arrest
 * with a beating is usually reported as brutality (and the story says it); one more question on
 * every arrest report would cost a frightened reporter a tap for nothing.
 */
export const INJURY_CATEGORIES: readonly string[] = ['p_force', 'p_killing', 'p_sexual', 'e_violence'];

export function asksAboutInjuries(category: string | undefined): boolean {
  return category !== undefined && INJURY_CATEGORIES.includes(category);
}

/** Sexual harassment or abuse: the medical question is asked whatever the answer to "was anyone hurt?" (`asksForMedicalRecord`). */
export const SEXUAL_VIOLENCE = 'p_sexual';

/**
 * The form the medical question names: `prc` after sexual violence (the PRC form, post-rape care,
 * that a health facility fills in, asked about with the P3), `p3` otherwise. One choice for every
 * place that asks or shows the answer, so a label never names a form the reporter was not asked about.
 */
export type MedicalForm = 'p3' | 'prc';

export function medicalFormFor(category: string | undefined): MedicalForm {
  return category === SEXUAL_VIOLENCE ? 'prc' : 'p3';
}

/**
 * A killing: the person died. The question is whether anyone else was hurt too (shootings at
 * protests and raids often wound others, and IPOA investigates those injuries with the death),
 * never "was anyone hurt?" as though no one had died.
 */
export function asksAboutOthers(category: string | undefined): boolean {
  return category === 'p_killing';
}

/**
 * `treated`: hurt and got medical help; `untreated`: hurt, no medical help yet; `hurt`: a yes typed
 * without saying whether they were treated; `none`: no one (else) was hurt.
 */
export const HURT_ANSWERS = ['treated', 'untreated', 'hurt', 'none'] as const;
export type HurtAnswer = (typeof HURT_ANSWERS)[number];
/** The answers offered as buttons (a bare typed yes is `hurt`). */
export const HURT_CHOICES = ['treated', 'untreated', 'none'] as const satisfies readonly HurtAnswer[];

/** A P3 form or a medical report: there is one, not yet, or the reporter does not know. */
export const MEDICAL_RECORD_ANSWERS = ['yes', 'not_yet', 'unknown'] as const;
export type MedicalRecordAnswer = (typeof MEDICAL_RECORD_ANSWERS)[number];

export interface Injuries {
  hurt: HurtAnswer;
  /** Asked only when someone was hurt. */
  record?: MedicalRecordAnswer;
}

export const isHurtAnswer = (s: unknown): s is HurtAnswer => typeof s === 'string' && (HURT_ANSWERS as readonly string[]).includes(s);
export const isMedicalRecordAnswer = (s: unknown): s is MedicalRecordAnswer => typeof s === 'string' && (MEDICAL_RECORD_ANSWERS as readonly string[]).includes(s);

export const someoneHurt = (i: Injuries | undefined): boolean => i !== undefined && i.hurt !== 'none';

/**
 * Whether "is there a P3 form or a medical report?" follows the answer: when someone was hurt; and
 * after sexual violence whatever the answer, as a survivor with no injury to show still needs care
 * within 72 hours and the PRC form a health facility fills in.
 */
export function asksForMedicalRecord(category: string | undefined, i: Injuries | undefined): boolean {
  return i !== undefined && (i.hurt !== 'none' || category === SEXUAL_VIOLENCE);
}

/** A new answer to "was anyone hurt?": the P3 answer stays only while the question still applies. */
export function withHurt(before: Injuries | undefined, hurt: HurtAnswer, category?: string): Injuries {
  return { hurt, ...(asksForMedicalRecord(category, { hurt }) && before?.record ? { record: before.record } : {}) };
}

/** "Was anyone hurt?" reads the same under both categories: both ask it, and neither or both ask about someone else. */
const sameHurtQuestion = (from: string | undefined, to: string | undefined) => asksAboutInjuries(from) && asksAboutInjuries(to) && asksAboutOthers(from) === asksAboutOthers(to);
/** The medical question reads the same: it names the same form (a PRC form is no answer about a P3). */
const sameRecordQuestion = (from: string | undefined, to: string | undefined) => sameHurtQuestion(from, to) && medicalFormFor(from) === medicalFormFor(to);

/**
 * The injury answers kept when the report's category changes (from the review): none where the
 * new category does not ask, nor where it asks the other question ("was anyone else hurt?" after a
 * killing, "was anyone hurt?" otherwise); the medical answer only while that question still
 * applies and names the same form (a PRC form is no answer about a P3). What is dropped is asked again.
 */
export function injuriesAfterCategoryChange(from: string | undefined, to: string | undefined, i: Injuries | undefined): Injuries | undefined {
  if (!i || !sameHurtQuestion(from, to)) return undefined;
  const keepRecord = i.record !== undefined && sameRecordQuestion(from, to) && asksForMedicalRecord(to, i);
  return { hurt: i.hurt, ...(keepRecord ? { record: i.record } : {}) };
}

/** The injury questions a reporter can skip: "was anyone hurt?" and the medical one. */
export type InjuryQuestion = 'hurt' | 'record';

/**
 * The skipped injury questions still skipped when the category changes, by the rule the answers
 * follow (`injuriesAfterCategoryChange`): a skip is an answer too (the reporter chose not to say),
 * so a question that reads the same is not asked again; one that reads otherwise is. `kept`: the
 * answers kept, which say whether the medical question still applies; an answer outranks a skip.
 */
export function skippedAfterCategoryChange(from: string | undefined, to: string | undefined, skipped: readonly InjuryQuestion[] | undefined, kept: Injuries | undefined): InjuryQuestion[] {
  return (skipped ?? []).filter((q) => (q === 'hurt' ? !kept && sameHurtQuestion(from, to) : !kept?.record && sameRecordQuestion(from, to) && asksForMedicalRecord(to, kept)));
}

/**
 * A death told ("amekufa", "he died", "amefariki", "ameuawa", "walimuua", "walimpiga hadi akafa", "ndugu yangu aliyekufa"), at
 * "was anyone hurt?" after the story: the gravest answer, never lost. Not one who nearly died or did
 * not ("alikaribia kufa", "he almost died", "hajafa"), nor a death in an accident ("ajali").
 */
const DEATH = /\b(?:died|dead|passed away|succumbed|killed|to death|hakupona|\w*fariki\w*|(?:a|wa)(?:li|me|ka)(?:ku)?fa|(?:a|wa)(?:li|me|ka)uawa|(?:a|wa)(?:li|me)(?:ye|o)(?:ku)?fa|(?:a|wa)(?:li|me)(?:ye|o)uawa|(?:a|wa)(?:li|me|ka)(?:m|mw|mu|wa)ua|(?:hadi|mpaka) (?:kufa|kifo))\b/g;
/**
 * A death not had, said just before its word ("he almost died", "could have been killed", "is not dead",
 * "karibu afariki"): elsewhere "not" is of something else ("he died, the police did not help") and
 * "karibu" is "near" ("alikufa karibu na kituo").
 */
const NO_DEATH_BEFORE = /\b(?:almost|nearly|could|would|might|not|never|didn t|didnt|karibu|alikaribia|amekaribia|nusura)(?: \w+){0,2} $/;
/**
 * No one's death, said just before it ("no one died", "none of them was killed", "hakuna mtu amekufa", "hamna aliyefariki"),
 * no one else's too ("no one else died", "hakuna mwingine aliyekufa", "hakuna mtu mwingine aliyefariki").
 */
const NO_ONE_BEFORE = /\b(?:(?:no one|nobody)(?: else)?|none(?: of \w+)?|(?:hakuna|hamna)(?: mtu)?(?: mwingine)?(?: yeyote)?)(?: has| have| was| were| got)? $/;
/** A death in an accident ("ajali"), anywhere in the words. */
const ACCIDENT_TOLD = /\b(?:ajali|accident)\b/;

export function deathTold(text: string): boolean {
  const plain = plainWords(text);
  if (ACCIDENT_TOLD.test(plain)) return false;
  return [...plain.matchAll(DEATH)].some((m) => !NO_DEATH_BEFORE.test(plain.slice(0, m.index)) && !NO_ONE_BEFORE.test(plain.slice(0, m.index)));
}

/** The words of a hospital, for "yuko hospitalini", "is in Kenyatta hospital" ("KNH" is Kenyatta National Hospital). */
/** Not where it happened: "the hospital gate", "hospitali stage". */
const HOSPITAL_WORD = String.raw`(?:hospital\w*|kliniki|clinic|icu|knh)(?! (?:gate|lango|roundabout|stage|steji|junction|road|barabara|parking|hill|area)\b)`;
/**
 * Someone in hospital, as a story tells it: "yuko hospitalini", "bado yupo hospitali ya Nakuru", "amelazwa Kenyatta",
 * "he is in hospital", "she's still in Kenyatta hospital", "was admitted at KNH", "hospitalised". Not "alilazwa chini"
 * (made to lie on the ground), which is what was done, nor "was at the hospital", "hospital gate": where it happened.
 */
const IN_HOSPITAL = new RegExp(
  String.raw`\b(?:(?:yuko|yupo|ako|wako|wapo|niko|nipo|tuko|tupo) (?:\w+ ){0,2}?${HOSPITAL_WORD}|(?:a|wa|ni|tu)(?:me|li)lazwa(?! (?:chini|kifudifudi|sakafuni|barabarani|ardhini|matopeni|kwa tumbo))|` +
    String.raw`(?:is|s|are|re|am|m|was|were|been|still|now) (?:still |now )?in (?:the |a )?(?:\w+ ){0,2}?${HOSPITAL_WORD}|(?:is|s|are|re|was|were|been|got|am|m) (?:\w+ )?admitted|admitted (?:at|to|in)|hospitali[sz]ed)\b`,
  'g',
);
/** A "not" in the words read, or just before them ("he was not admitted", "hayuko hospitalini", "isn't in hospital"). */
const NOT_IN_HOSPITAL = /\b(?:not|never|t|hayuko|hayupo|hawako|hawapo|siko|sipo|hatuko|hatupo|sio|si|bila)\b/;

/**
 * The story tells that someone is (or was taken) in hospital, and no one's death: someone was hurt, as "was anyone
 * hurt?" would be answered (src/bot/wizard/injuries.ts says it back rather than ask). Nothing is read of treatment.
 */
export function inHospitalTold(text: string): boolean {
  const plain = plainWords(text);
  if (deathTold(text)) return false;
  return [...plain.matchAll(IN_HOSPITAL)].some((m) => !NOT_IN_HOSPITAL.test(`${plain.slice(0, m.index).split(' ').slice(-3).join(' ')} ${m[0]}`));
}

/** The hurt denied in Swahili, of oneself or another ("hakuumia", "hajaumia", "hawakujeruhiwa", "sikuumizwa"). */
const DENIED_SW = '(?:ha|hawa|hatu|si)(?:ku|ja)(?:umia|umizwa|jeruhiwa)';
/** "No one (else)", "none of us", as the subject of "was hurt". */
const NO_ONE = String.raw`(?:no ?one|nobody|none of (?:us|them))(?: else)?`;
/** "Hakuna aliyeumia", "no one got hurt", "none of us was injured": no one (else) hurt, said whole or said first. */
const NONE_SAID = String.raw`(?:hakuna|hamna) (?:mtu )?(?:mwingine )?(?:aliye ?|alie ?|ali|ame)(?:umia|umizwa|jeruhiwa)|${NO_ONE} (?:was |were |got )?(?:hurt|injured)|no injuries|not hurt`;
/**
 * "No, he wasn't hurt", "hapana, hajaumia": the no, then the one asked about denied hurt, nothing
 * after it. Only after the no: "he wasn't hurt" alone may be of one among others, and is asked again.
 */
const NO_THEN_DENIED = String.raw`(?:he|she|they|we|i|it) (?:wasn t|wasnt|was not|weren t|werent|were not|isn t|isnt|is not|s not|aren t|arent|are not|re not|m not|am not|hasn t been|hasnt been|has not been|haven t been|havent been|have not been|didn t get|didnt get|did not get|never got) (?:hurt|injured|wounded|harmed)|(?:yeye|wao|sisi) ${DENIED_SW}`;
/** "No one (else) was hurt" in the words people type ("hakuna alieumia", "hamna", "hajaumia"), whole message. */
const NONE_HURT = new RegExp(
  String.raw`^(?:(?:hapana|no|la|nope|nah) )?(?:(?:${NONE_SAID})(?: pia)?|hakuna (?:majeraha|jeraha)|hakuna mwingine|hakuna kitu|hamna|none|nothing|no one else|nobody else|${DENIED_SW})$|^(?:hapana|no|la|nope|nah) (?:${NO_THEN_DENIED})$`,
);
/** The same said first, with more after it ("no one was hurt, no help needed"): never read as hurt; the buttons are asked for. */
const NONE_HURT_LEAD = new RegExp(String.raw`^(?:(?:hapana|no|la|nope) )?(?:${NONE_SAID})\b`);
/**
 * Care told, affirmed: "alitibiwa", "amelazwa", "nilijitibu", "first aid", "admitted"; not "hajalazwa", "kutibiwa"
 * (to be treated), "no first aid", "needs to be treated".
 */
const CARE_TOLD = String.raw`(?:\b(?:a|wa|ni|tu)(?:li|me|ka)(?:ji)?(?:tibiwa|tibu|lazwa|shonwa)\b|(?<!\b(?:no|bila|hakuna|without|hakupewa|hawakumpa) )\b(?:first aid|huduma ya kwanza)\b|\b(?:admitted|was treated|got treated|were treated)\b)`;

/**
 * Not treated yet: "bado hajatibiwa", "hajaenda hospitali", "hakupelekwa hospitali", "anahitaji
 * matibabu", "hatuna pesa ya hospitali", "walikataa kumtibu", "yes no hospital". Read before the
 * words of treatment, which such answers contain too.
 */
const NOT_TREATED = new RegExp(
  String.raw`\b(?:\w*jatibiwa|(?:ha|hawa|hatu|si)(?:ku|ja)(?:ni|tu|m|mw|wa)?(?:pa|pata|patia|pewa|shonwa|fungwa)(?: \w+)? (?:first aid|huduma ya kwanza|bandage|bandeji|matibabu|dawa)|(?:ha|hawa|hatu|si)(?:ku|ja)shonwa|(?:did not|didn t|didnt|never|not) (?:even )?(?:give|get|got|given|receive)(?: (?:me|us|him|her|them))?(?: (?:even|any))? (?:first aid|treatment|a bandage)|no first aid|hakutibiwa|sikutibiwa|hawakutibiwa|hatukutibiwa|hajaenda|sijaenda|hawajaenda|hatujaenda|hakuenda|sikuenda|hawakuenda|hatukuenda|bila matibabu|hakuna matibabu|no treatment|not treated|no medical|not yet treated|untreated|` +
    String.raw`\w*japelekwa|hakupelekwa|hawakupelekwa|sikupelekwa|hatukupelekwa|\w*hitaji (?:matibabu|kutibiwa|daktari|hospitali)|needs? (?:treatment|a doctor|medical)|walikataa|refused|\w*nyimwa|(?:no|bila|hakuna|hamna|without(?: going to)?) (?:hospital|hospitali|doctor|daktari|clinic|kliniki|dispensary|zahanati)|hakumpeleka|hawakumpeleka|hawakunipeleka|hawakutupeleka|hawakuwapeleka|\w*kosa pesa|could not get|couldn t get|hakuweza|hawakuweza|sikuweza|hatukuweza|hakuna pesa|hatuna pesa|sina pesa|no money|can t afford|cant afford|could not|couldn t|couldnt|didn t go|didnt go|did not go|has not (?:been|gone)|hasn t (?:been|gone)|hasnt (?:been|gone)|not (?:yet )?(?:been|gone) to|` +
    // "Hajaona daktari", "sijaona daktari", "hasn't seen a doctor": no doctor yet (read as treated: "daktari" is a word of care).
    // Not with care told beside it ("hajaona daktari lakini alipewa first aid", "amelazwa, bado hajaona daktari").
    String.raw`(?<!${CARE_TOLD}.*)(?:(?:ha|hawa|hatu|si)(?:ja|ku)(?:mw)?(?:ona|onwa na|onana na|pata kuona) (?:daktari|doctor|dokta|mganga|nesi|muuguzi)|(?:daktari|doctor|dokta) (?:ha|hawa)(?:ja|ku)(?:m|mw|ni|tu|wa)ona|(?:has not|hasn t|hasnt|have not|haven t|havent|did not|didn t|didnt|not) (?:yet )?(?:seen|see|been seen by) (?:a |any |the )?(?:doctor|nurse)|(?:the )?doctor (?:has not|hasn t|hasnt|did not|didn t|didnt) (?:yet )?(?:seen|see) (?:him|her|them|me|us))(?!.*${CARE_TOLD})|` +
    // Care that cannot be reached ("we cant get him to hospital", "hatuwezi kumpeleka hospitali"): none had yet; not
    // "can't remember the hospital's name", nor with treatment told ("he got first aid, we can not go to another hospital").
    String.raw`(?<!\b(?:\w*tibiwa|treated|first aid|huduma ya kwanza|\w*shonwa|\w*lazwa|admitted)\b.*)(?:cannot|can not|can t|cant|unable to|hatuwezi|siwezi|hawezi|hamwezi) (?:get|take|reach|go|afford|kumpeleka|kumfikisha|kwenda|kufika|kupata|kulipia)(?: \w+){0,2}? (?:hospital|hospitali|doctor|daktari|clinic|kliniki|treatment|matibabu))\b`,
);
/** Not admitted ("hakulazwa"): says nothing of whether they were treated at all; "not hurt" after other words is no answer either. */
const NOT_ADMITTED = /\b(?:hakulazwa|hawakulazwa|sikulazwa|hatukulazwa|not admitted|not (?:hurt|injured|wounded))\b/;
/** Treated: "alitibiwa", "nilishonwa" (stitched), "first aid", "yuko hospitali", "went to hospital", "saw a doctor". */
const TREATED = /\b(?:\w*tibiwa|\w*shonwa|first aid|huduma ya kwanza|bandage|\w*fungwa bandeji|matibabu|hospitali|hospital|daktari|doctor|kliniki|clinic|zahanati|dispensary|\w*lazwa|admitted|treated|treatment)\b/;
/** Parts of the body, for a bone said broken ("mkono", "his leg"). */
const BODY = 'mkono|mguu|miguu|kichwa|mbavu|ubavu|jino|meno|pua|taya|bega|arm|arms|leg|legs|hand|hands|head|skull|rib|ribs|nose|jaw|tooth|teeth|finger|fingers|shoulder|collarbone|bone|bones';
/** A "not" between a bone and "broken" ("his leg is not broken", "his arm isn't broken"): no bone broken. */
const NOT_WORD = String.raw`(?:not|isn|wasn|aren|weren|hasn|haven|never)\b`;
/**
 * Wounds not had, said just before them, maybe with one word between ("hana majeraha", "hakuwa na
 * jeraha lolote", "hajapata majeraha", "he didn't have any wounds", "no visible wounds").
 */
const WOUNDS_NOT_HAD = String.raw`(?:hana|hawana|sina|hatuna|hakuna|hamna|bila|no|without|(?:ha|hawa|hatu|si)(?:ku|ja)(?:wa na|pata)|(?:didn t|didnt|did not|doesn t|doesnt|does not|don t|dont|do not|hasn t|hasnt|has not|haven t|havent|have not) (?:have|get|got|sustain)(?: any)?)`;
/**
 * Hurt, with nothing said of treatment: "ndio ameumia", "wameumia sana", "walimuumiza" (they hurt him), "yes he is bleeding",
 * "anavuja damu". Bleeding only in forms that say it happened: "hakutoka damu" (he did not) is none of them.
 */
const HURT = new RegExp(
  String.raw`\b(?:\w*meumia|\w*meumizwa|\w*mejeruhiwa|\w*liumia|\w*liumizwa|\w*lijeruhiwa|(?:wali|wame|waka|ali|ame|aka)(?:ni|tu|m|mu|mw|wa)umiza|injured|hurt|wounded|bleeding|bled|(?:ana|wana|ame|wame|ali|wali|nime|nili|nina)(?:vuja|toka) damu|` +
    // A bone broken or wounds ("nimevunjika mkono", "his leg is broken", "ana majeraha", "walinijeruhi"), said without a yes;
    // a thing broken ("simu imevunjika", "my phone is broken") is no one hurt, and neither are wounds denied
    // ("hana majeraha", "no broken bones", "hawakumjeruhi": they did not injure him).
    // A heart broken ("nimevunjika moyo", "moyo wangu umevunjika") is grief, no bone.
    // A bone broken by someone ("walimvunja mguu", "walinivunja mkono", "they broke his arm"); a door ("walivunja mlango")
    // is no one, nor a bone not broken ("hakuvunjwa mkono", "hawakumvunja mkono").
    String.raw`(?<!\bmoyo (?:\w+ )?)(?:nime|ame|wame|ume|tume|nili|ali|wali|tuli)vunjika(?! moyo)|(?!(?:ha|hawa|hatu|si)(?:ku|ja))\w*vunjwa (?:${BODY})|` +
    String.raw`(?:wa|a)(?:li|me|ka)(?:ni|m|mw|tu|wa)vunja (?:\w+ )?(?:${BODY})|broke (?:(?:his|her|my|our|their|your|the|a) )?(?:${BODY})|` +
    String.raw`(?<!\bno )(?:broken|fractured) (?:\w+ )?(?:${BODY})|(?<!\b(?:no|none of(?: \w+)?) )(?:${BODY}) (?:(?!${NOT_WORD})\w+ ){0,2}(?:broken|fractured)|` +
    String.raw`(?<!\b${WOUNDS_NOT_HAD}(?: \w+)? )(?:majeraha|jeraha|vidonda|wounds)|(?!(?:ha|hawa|hatu|si)(?:ku|ja))\w*jeruhi|` +
    // Not hurt badly ("hakuumia sana", "hajaumia vibaya") is hurt, not badly, as "he wasn't hurt badly" is.
    String.raw`(?:ha|hawa|hatu|si)(?:ku|ja)(?:umia|umizwa|jeruhiwa)(?= (?:sana|vibaya|mno))|` +
    // Pain told ("kichwa kinauma", "mgongo unaniuma", "my back is paining", "my head hurts"): hurt.
    String.raw`(?:${BODY}|mgongo|tumbo|kifua|shingo|back|stomach|chest|neck)(?: (?:wangu|yangu|changu|langu|lake|yake|wake|chake))? (?:is |are )?(?:unauma|inauma|kinauma|linauma|zinauma|yanauma|unaniuma|inaniuma|kinaniuma|linaniuma|zinaniuma|paining|hurting|hurts|pains))\b`,
);
/**
 * The hurt denied ("he wasn't hurt", "hasn't been injured", "hakuumia", "hajaumia"): never read as
 * hurt, nor as not yet treated ("hasn't been"), however the rest reads. "Wasn't hurt badly", "hakuumia sana" is hurt, not badly.
 */
const HURT_DENIED =
  /\b(?:(?:wasn t|wasnt|was not|weren t|werent|were not|isn t|isnt|is not|aren t|arent|are not|hasn t been|hasnt been|has not been|haven t been|havent been|have not been|didn t get|didnt get|did not get|never got|never been) (?:hurt|injured|wounded|harmed)(?! (?:too |so |that |very )?(?:badly|bad|seriously|much))|(?:ha|hawa|hatu|si)(?:ku|ja)(?:umia|umizwa|jeruhiwa)(?! (?:sana|vibaya|mno)))\b/;
/**
 * Harm not done, said first: to the reporter ("he never touched me", "hakuniumiza mwili", "hawakunijeruhi"), or to anyone
 * after a no ("no he didnt beat him", "hapana, hawakumpiga"). "Hawakumjeruhi" alone may be of one among others: asked again.
 */
const HARM_NOT_DONE = new RegExp(String.raw`^(?:(?:hapana|no|la|nope|nah) ${harmNotDoneTo('me|us|him|her|them', 'ni|m|mw|tu|wa')}|${harmNotDoneTo('me|us', 'ni|tu')})\b`);

/** Harm denied, done to `objects` in English ("he didnt beat me") or with `infixes` in Swahili ("hakunipiga"). */
function harmNotDoneTo(objects: string, infixes: string): string {
  return String.raw`(?:(?:he|she|they|it) (?:didn t|didnt|did not|never) (?:beat|hit|hurt|injure|touch)\w* (?:${objects})|ha(?:ku|wa(?:ku)?)(?:${infixes})(?:piga|umiza|jeruhi|gusa)\w*)`;
}

/**
 * Harm not done, told with what was ("no he didnt beat me, just touching", "hakuniumiza mwili ila alinishika vibaya"): no
 * one hurt, the words for staff to read. Not with harm told after it ("he didnt beat me but he shot me in the leg").
 */
export function harmNotDone(text: string): boolean {
  const n = plainWords(text);
  const m = HARM_NOT_DONE.exec(n);
  if (!m || text.length > 200) return false;
  const rest = n.slice(m[0].length);
  return !HURT.test(rest) && !BEATEN.test(rest) && !HARM_AFTER.test(rest) && !NOT_MUCH.test(rest);
}
/** Harm told after a denial ("but my husband was beaten badly", "he shot me", "walinirushia teargas nikazimia"). */
const HARM_AFTER = /\b(?:shot|stabbed|cut|slashed|beaten|beat|injur\w*|risasi|kisu|teargas|\w*dunga|\w*kata|\w*pigwa|\w*zimia|\w*umia|\w*umizwa)\b/;
/** Not much, not badly ("he didnt hurt me much", "hakuniumiza sana"): hurt a little. */
const NOT_MUCH = /^ ?(?:much|badly|bad|seriously|that much|too much|sana|vibaya|mno)\b/;

/**
 * The hurt denied and no one else's told ("he wasn't hurt"); "sikuumia lakini kaka yangu aliumia",
 * "I wasn't hurt but my brother was injured" tell someone hurt all the same.
 */
function hurtDenied(n: string): boolean {
  return HURT_DENIED.test(n) && !HURT.test(n.replace(HURT_DENIED_ALL, ' '));
}
/** Every denial in an answer, taken out to read what is left ("sikuumia lakini kaka yangu aliumia"). */
const HURT_DENIED_ALL = new RegExp(HURT_DENIED.source, 'g');
/** How badly, alone or after a "but" ("badly", "vibaya sana", "si vibaya", "kidogo tu", "not seriously"); "very", "so" before it. */
const HOW_BADLY_WORD = String.raw`(?:(?:very|so|really|quite|too) )*(?:badly|bad|seriously|serious|severely|a lot|alot|vibaya|mbaya|sana|mno|kiasi|not (?:so |too |that |very )?(?:badly|bad|seriously|serious|much)|(?:si|sio|siyo) (?:vibaya|sana|kwa ubaya)|(?:(?:just|only) )?(?:a little|a bit|slightly|kidogo)(?: tu)?)`;
/**
 * A yes and how badly, nothing else ("yes badly", "ndio vibaya sana", "ndio si vibaya", "yes a
 * little"): someone hurt, as the yes says; how badly (not at all is never among the words) takes nothing back.
 */
const YES_HOW_BADLY = new RegExp(String.raw`^(?:ndio|ndiyo|ndyo|ndo|yes|yeah|yep|eeh|ee)(?: (?:but|lakini|ila))? ${HOW_BADLY_WORD}(?: ${HOW_BADLY_WORD})*$`);
/** A reply that begins with "no": only the whole "no one was hurt" phrases are read (not "no one went to hospital"). */
const NO_LEAD = /^(?:hapana|no|la|nope|hakuna|hamna|nobody|no one)\b/;

/** A no as far as the reporter knows ("I don't think so", "not really", "not that I know of", "sidhani"): no one hurt, as they can tell. */
const HEDGED_NO = /^(?:(?:no|hapana) )?(?:(?:i )?(?:don t|dont|do not) think so|not really|not that i know(?: of)?|(?:no one|nobody) that i know(?: of)?|sidhani(?: hivyo| kama kuna| kuna)?|sidhani kama (?:kuna )?(?:mtu )?(?:aliumia|aliyeumia|ameumia))$/;

/**
 * "Was anyone hurt?" answered in words beyond a bare yes or no (the bot reads those as it reads
 * every yes and no): "hakuna aliyeumia", "alitibiwa hospitali", "bado hajatibiwa".
 * Undefined when the words say none of these.
 */
export function readHurt(text: string): HurtAnswer | undefined {
  // Longer is an account ("then they took him to hospital"): more of the story, not an answer.
  if (text.length > 60) return undefined;
  const n = plainWords(text);
  if (NONE_HURT.test(n) || HEDGED_NO.test(n)) return 'none';
  if (NONE_HURT_LEAD.test(n) || hurtDenied(n)) return undefined;
  if (NOT_TREATED.test(n)) return 'untreated';
  if (NO_LEAD.test(n) || NOT_ADMITTED.test(n)) return undefined;
  if (TREATED.test(n)) return 'treated';
  if (HURT.test(n) || YES_HOW_BADLY.test(n) || WHO_HURT.test(n)) return 'hurt';
  return undefined;
}

/**
 * Who was hurt, as the answer ("mimi", "ni mimi", "mimi tu", "ndio mimi", "sisi wote", "it was me"): a yes. The
 * question reads "Je, kuna mtu aliyeumia?" (is there anyone hurt?), and "mimi" is a victim's first answer; it was
 * "use the buttons", or added to the story as a line alone.
 */
const WHO_HURT =
  /^(?:(?:ndio|ndiyo|ndo|yes|yeah|yep|ni|it was|it s|its) )*(?:mimi|me|myself|sisi|us|we|wote|sote|yeye|him|her|wao|them|all of us|both of us|sisi wote)(?: (?:tu|pekee|mwenyewe|wenyewe|only|too|pia|wote|both|all))*$/;

/** How badly, after the hurt in Swahili ("sana", "vibaya sana"), before or after it in English ("badly", "too badly", "seriously"). */
const BADLY_SW = '(?:sana|vibaya|mno)(?: (?:sana|vibaya|mno))*';
const BADLY_EN = '(?:(?:too|so|very|that|really) )?(?:badly|bad|seriously|severely)';
/**
 * No one hurt badly ("hakuna aliyeumia sana", "nobody was badly hurt", "no one was seriously injured"), whole message:
 * some may be hurt a little, so never "no one hurt"; nor is it someone hurt, as "hakuumia sana" (he was not hurt badly) is.
 */
const NONE_BADLY = new RegExp(
  String.raw`^(?:(?:hapana|no|la|nope|nah) )?(?:(?:hakuna|hamna) (?:mtu )?(?:mwingine )?(?:aliye ?|alie ?|ali|ame)(?:umia|umizwa|jeruhiwa) ${BADLY_SW}|` +
    String.raw`${NO_ONE} (?:was |were |got |has been |have been )?(?:${BADLY_EN} (?:hurt|injured|wounded)|(?:hurt|injured|wounded) ${BADLY_EN}))$`,
);

/** "Was anyone hurt?" answered "no one badly": neither yes nor no; the bot asks again, saying a little hurt is a yes. */
export function noneHurtBadly(text: string): boolean {
  return text.length <= 60 && NONE_BADLY.test(plainWords(text).trim());
}

/** "Not yet" to the P3 question: "bado", "sijapata", "sijaipata", "sina", "hatuna", "hamna". */
const RECORD_NOT_YET =
  /^(?:(?:hapana|no|la) )?(?:bado|bado sana|not yet|no not yet|sijapata|hatujapata|hajapata|hawajapata|\w*jaipata|bado sijapata|bado hatujapata|bado hajapata|bado \w*jaipata|sina|hatuna|hana|hawana|hamna|sina p3|hakuna p3|no p3|we don t have|we dont have|i don t have|i dont have|don t have|dont have|none yet|hakuna bado)(?: (?:bado|yet|it|one|fomu|form|ya|p3))*$/;
/**
 * Why there is none, said instead of "not yet": not gone ("sikuenda", "hatukuenda hospitali", "I
 * didn't go"), or no money ("sina pesa ya kwenda hospitali", "no money"), which the line on how a
 * P3 is had answers: it is free.
 */
const RECORD_NOT_GONE =
  /^(?:(?:hapana|no|la) )?(?:sikuenda|hatukuenda|hakuenda|hawakuenda|sijaenda|hatujaenda|hajaenda|hawajaenda|i didn t go|i didnt go|i did not go|we didn t go|we didnt go|we did not go|(?:i |we )?(?:haven t|havent|have not) gone|sina pesa|hatuna pesa|hana pesa|hawana pesa|hakuna pesa|no money|i have no money|we have no money|i don t have money|i dont have money)(?: (?:bado|yet|ya|kwa|za|ku|kwenda|to|the|a|go|hospitali|hospital|daktari|doctor|polisi|police|kituoni|station|p3|fomu|form|kuipata|kulipa|matibabu|treatment|for|it))*$/;
/** "Yes, we have it": "tunayo", "ninayo", "niko nayo", "tumeipata", "iko", "nimeijaza". */
const RECORD_YES =
  /^(?:(?:ndio|ndiyo|yes) )?(?:tunayo|ninayo|nina|anayo|wanayo|(?:niko|tuko|yuko|ako|wako) na(?:yo)?|\w*meipata|iko|ipo|nimeijaza|imejazwa|tumeijaza|we have it|i have it|we have one|i have one|have it|yes we have|yes i have|yes there is)(?: (?:p3|fomu|form|ya|ripoti|report|it|one))*$/;

/**
 * "Not yet, they went to Kenyatta to get it", "bado, daktari hajaijaza": a not yet leading more words (after a pause
 * for "bado", which also begins "bado tunayo", we still have it). Only a whole "not yet" was read.
 */
const NOT_YET_LEADS = /^(?:(?:hapana|no|la)[ ,]+)?(?:not yet\b[ ,.;:-]*|(?:bado|sijapata|hatujapata|hajapata|hawajapata)\s*[,.;:-]\s*)(\S+ \S+.*)$/;

/** What follows a "not yet" said with more, when that more is no yes; undefined otherwise. */
export function notYetWithMore(text: string): boolean {
  const rest = text.length <= 300 ? NOT_YET_LEADS.exec(text.trim().toLowerCase())?.[1] : undefined;
  if (!rest) return false;
  const words = plainWords(rest);
  // "Not yet sure what that is", "bado, sijui ni nini": a question, no answer.
  return !RECORD_YES.test(words) && !RECORD_HAD.test(words) && !/\b(?:sure|know|understand|sijui|sielewi|nini|what|maana)\b/.test(words);
}

/** Filled: "ndio nilijaza P3", "tumejaza P3", "P3 imejazwa", "ndio, P3 iko", "we filled the p3". */
const RECORD_FILLED =
  /^(?:(?:ndio|ndiyo|yes) )?(?:(?:(?:ni|tu|a|wa)(?:li|me)jaza|(?:i|we|he|she|they) (?:have |had )?filled|filled)(?: (?:the|a|it|p3|prc|fomu|form|ya|in|out))*|(?:(?:the|fomu ya) )?(?:p3|prc)(?: (?:form|fomu))? (?:imejazwa|ilijazwa|iko|ipo|tunayo|ninayo|was filled|is filled|has been filled)(?: (?:tayari|already))?)$/;
/**
 * Not yet: not filled ("hatujajaza", "we have not filled it"), refused the form ("tulinyimwa P3", "nilikataliwa P3"),
 * not gone yet, or going later ("bado hatujaenda", "tutaenda kesho").
 */
const RECORD_LATER =
  /^(?:(?:hapana|no|la) )?(?:bado )?(?:(?:ha|si|hatu|hawa)jajaza|(?:i|we|he|she|they) (?:have not|haven t|havent|has not|hasn t|hasnt) filled|not filled|\w*(?:nyimwa|kataliwa) (?:p3|prc|fomu)|(?:sijaenda|hatujaenda|hajaenda|hawajaenda)|(?:nitaenda|tutaenda))(?: \w+){0,4}$/;
/** The core of such a not yet, to tell whether more was said with it (the why, kept for staff: "tulinyimwa P3 na OCS"). */
const RECORD_LATER_CORE =
  /^(?:(?:hapana|no|la) )?(?:bado )?(?:(?:ha|si|hatu|hawa)jajaza|(?:i|we|he|she|they) (?:have not|haven t|havent|has not|hasn t|hasnt) filled(?: it)?|not filled|(?:sijaenda|hatujaenda|hajaenda|hawajaenda)|(?:nitaenda|tutaenda)(?: kesho)?)$/;

/** Not yet, said with why or with a refusal ("tulinyimwa P3 na OCS", "hatujajaza kwa sababu polisi walikataa"): words staff should read. */
export function notYetWithWhy(text: string): boolean {
  const n = plainWords(text);
  return text.length <= 300 && RECORD_LATER.test(n) && (/\b\w*(?:nyimwa|kataliwa)\b/.test(n) || !RECORD_LATER_CORE.test(n));
}

/** The P3 question answered in words beyond a bare yes or no; undefined when they say neither. */
export function readMedicalRecord(text: string): Exclude<MedicalRecordAnswer, 'unknown'> | undefined {
  if (text.length > 60) return undefined;
  const n = plainWords(text);
  if (RECORD_NOT_YET.test(n) || RECORD_NOT_GONE.test(n) || P3_REFUSED.test(n) || RECORD_LATER.test(n)) return 'not_yet';
  if (RECORD_YES.test(n) || RECORD_HAD.test(n) || RECORD_FILLED.test(n)) return 'yes';
  return undefined;
}

/** A medical record had, named: "nina ripoti ya daktari", "niko na ripoti ya daktari", "I have a doctor's report". */
const RECORD_HAD = new RegExp(
  String.raw`^(?:(?:ndio|ndiyo|yes) )?(?:nina|tuna|ana|(?:niko|tuko|yuko|ako) na|(?:i|we) (?:have|got)|(?:he|she) (?:has|got))(?: a| the| one)? ` +
    String.raw`(?:ripoti ya (?:daktari|hospitali|matibabu)|cheti cha (?:daktari|hospitali)|(?:medical|doctor s|doctors|hospital) (?:report|note|form)|treatment (?:card|notes?)|p3(?: form)?|prc(?: form)?)$`,
);
/** The police refused the form ("polisi walikataa kunipa p3", "the police refused to give me a P3"): not yet, a complaint staff must read. */
const P3_REFUSED = /\b(?:(?!ha|si)\w*kataa (?:ku)?(?:ni|tu|m|mw|wa)?(?:pa|pea|patia|andikia|jazia)|refused to (?:give|fill|sign)(?: (?:me|us|him|her|them))?)(?: (?:a|the|fomu ya|form ya))? (?:p3|prc|fomu|form)\b/;

/** The police refused the P3 form, said at its question: kept in the story as well as read as "not yet". */
export function p3Refused(text: string): boolean {
  return text.length <= 200 && P3_REFUSED.test(plainWords(text));
}

/**
 * What the P3 (or PRC) form is, asked at its question ("p3 ni nini", "what is a p3 form"), or the
 * question not understood ("sielewi", "I don't understand"): whole messages only.
 */
const ASKS_WHAT_FORM = new RegExp(
  String.raw`^(?:(?:(?:hii|hiyo|the) )?(?:fomu ya )?(?:p3|prc)(?: (?:form|fomu))? (?:ni nini|ni gani|ni kitu gani|ndio nini|inamaanisha nini|means what)|(?:what|whats|what s) (?:is |are |does )?(?:a |an |the |this |that )?(?:p3|prc)(?: (?:form|fomu))?(?: mean)?|(?:sielewi|sijaelewa|sijakuelewa|sikuelewi|i don t understand|i dont understand|i do not understand|don t understand|dont understand|not clear|unamaanisha nini|mnamaanisha nini|maana yake nini|what do you mean|hiyo ni nini|nini hiyo|(?:sijui|sielewi) (?:hiyo |hii |p3 |prc )?ni nini|(?:i )?(?:don t|dont|do not) know what (?:that|this|it|a p3|p3|prc) (?:is|means)|(?:what is|whats|what s) (?:that|this))(?: (?:swali|question|hii|hiyo|this|that|it))?)$`,
);

export function asksWhatMedicalFormIs(text: string): boolean {
  return text.length <= 60 && ASKS_WHAT_FORM.test(plainWords(text).trim());
}

/**
 * Gone or taken to hospital ("nimeenda hospitali", "alipelekwa hospitali ya Nakuru", "I went to hospital", "he was
 * taken to hospital"). Negatives are read before it ("sikuenda hospitali": not yet); a no in English ("didn't go") is none of it.
 */
const WENT_TO_HOSPITAL =
  /\b(?:(?:ni|tu|a|wa|m)(?:me|li|ka)(?:enda|kwenda|pelekwa|fika|lazwa)|went|gone|been|taken|admitted)\b(?: \w+){0,3}? (?:hospitali|hospital|kliniki|clinic|zahanati|dispensary)\b/;
/** Said with it, the answer is about the form itself ("nimeenda hospitali lakini sina p3"), or it is denied ("we haven't gone to hospital"). */
const FORM_OR_NOT = /\b(?:p3|prc|fomu|form|ripoti|report|not|never|didn t|didnt|haven t|havent|hasn t|hasnt|couldn t|couldnt|no)\b/;

/**
 * At the P3 question, "nimeenda hospitali", "I went to hospital": treatment, which is no P3 form (the police's, free
 * at any station). Neither yes nor no: what the form is (`asksWhatMedicalFormIs`' answer) says why, and the question stays.
 */
export function wentToHospital(text: string): boolean {
  if (text.length > 60) return false;
  const n = plainWords(text);
  return WENT_TO_HOSPITAL.test(n) && !FORM_OR_NOT.test(n);
}

/** A yes said first ("ndiyo,", "yes"): harm told after it answers "was anyone hurt?" (`hurtSaidWithYes`). */
const YES_LEAD = /^(?:ndio|ndiyo|ndyo|ndo|yes|yeah|yep|eeh|ee)\b/;
/** What was done to the body ("walimvunja mkono", "they broke his arm", "alipigwa risasi"). */
const HARM_DONE =
  /\b(?:\w*vunj\w*|broke|broken|fractur\w*|\w*pigwa|(?:wa|a)(?:li|me|ka)(?:ni|m|mw|tu|wa)(?:piga|chapa|kata|choma|dunga|kanyaga|jeruhi|umiza|vunja)|beat|beaten|hit|kicked|shot|stabbed|cut|slapped|whipped|burnt|burned|tortured|assaulted|risasi|bleeding|bled|(?:\w*vuja|\w*toka) damu)\b/;
/** The yes taken back or denied after it ("ndio lakini hakuumia", "yes but they did not beat him"): no yes read. */
const YES_TAKEN_BACK = /\b(?:no|not|never|didn|didnt|hakuna|hamna|si|sio|lakini|ila|but|(?:ha|hawa|hatu|si)ku\w+)\b/;
/**
 * How the one hurt is now, said last after a "but" ("... but he is ok", "... lakini (sasa) yuko sawa"):
 * they are stable, which takes nothing back of the harm told before it.
 */
const BUT_WELL_NOW =
  / (?:but|lakini|ila) (?:(?:now|sasa) )?(?:(?:he|she|they|we|i) (?:is|s|are|re|am|m) (?:now )?(?:ok|okay|fine|alright|all right|stable|better|safe)|(?:yuko|yupo|ako|wako|wapo|niko|tuko) (?:sawa|salama|poa|fiti|imara)|(?:ana|wana)endelea (?:vizuri|kupona|salama))(?: (?:now|sasa))?$/;

/**
 * How badly, said after the harm ("... lakini si vibaya", "but not badly", "kidogo tu", "just a
 * little"): hurt all the same, so it takes nothing back ("si", "not" and "but" would).
 */
const NOT_BADLY =
  /(?:\b(?:but|lakini|ila) )?\b(?:not (?:so |too |that |very )?(?:badly|bad|seriously|serious|much)|(?:si|sio|siyo) (?:vibaya|sana|kwa ubaya)|(?:(?:just|only) )?(?:a little|a bit|slightly|kidogo)(?: tu)?)\b/g;

/**
 * "Ndiyo, walimvunja mkono", "yes they broke his arm": a yes, then what was done to the body, at
 * "was anyone hurt?". Someone was hurt, as the yes says; neither word alone reads so otherwise
 * (`readHurt` reads how someone is, not what was done), and the answer was lost with the words.
 */
export function hurtSaidWithYes(text: string): boolean {
  if (text.length > 200) return false;
  const n = plainWords(text);
  const lead = YES_LEAD.exec(n);
  const rest = lead ? n.slice(lead[0].length).trim() : '';
  const said = rest.replace(BUT_WELL_NOW, '').replace(NOT_BADLY, '');
  return rest !== '' && HARM_DONE.test(rest) && !YES_TAKEN_BACK.test(said) && !hurtDenied(rest);
}

/** The words an answer to "was anyone hurt?" is made of: yes, who, how badly, treated or not. */
const ANSWER_WORDS = new Set(
  'ndio ndiyo ndyo ndo yes yeah yep ee eeh ok sawa he she they we i is was were are am has have been yuko yupo ako wako niko tuko alikuwa walikuwa sana badly very seriously slightly a bit little kidogo vibaya mbaya mno kiasi bad serious severely lot alot so really quite too much just only tu si sio siyo but lakini ila bado yet not still already hurt injured wounded treated untreated admitted hospital hospitali clinic kliniki doctor daktari to the at in went gone taken ni mimi me myself sisi us wote sote yeye him her wao them all of both pekee mwenyewe wenyewe only pia it s its'.split(' '),
);
const ANSWER_STEMS = /^(?:\w*(?:umia|umizwa|jeruhiwa|tibiwa|lazwa)|(?:ha|hawa|hatu|si)ja(?:enda|tibiwa|pelekwa))$/;

/**
 * An answer to "was anyone hurt?" that says more than the answer ("yes he is bleeding", "ndio
 * alitibiwa hospitali ya Nakuru"): what the buttons cannot hold, which the story must. "Ndio,
 * alitibiwa hospitali" or "bado hajatibiwa" is the answer alone.
 */
export function saysMoreThanHurt(text: string): boolean {
  return plainWords(text)
    .split(' ')
    .some((w) => w !== '' && !ANSWER_WORDS.has(w) && !ANSWER_STEMS.test(w));
}

/** Someone told harmed: "was (also) beaten", "were shot", "got injured", "alipigwa", "wamejeruhiwa" (never a "not" form). */
const HARMED = new RegExp(
  String.raw`\b(?:was|were|got|is|are|has been|have been)(?: also| too| badly| seriously)? (?:beaten|beaten up|shot|injured|hurt|wounded|kicked|hit|stabbed|cut|slapped|whipped|clobbered|teargassed|tortured|assaulted)\b|` +
    String.raw`\b(?:a|wa)(?:li|me|ka)(?:pigwa|jeruhiwa|umizwa|chapwa|umia|dungwa|kanyagwa|teswa)\b`,
);
/** Someone other than the one killed: "also", "pia", "another", "his wife", "mke wake", "my brother". */
const SOMEONE_ELSE =
  /\b(?:also|too|as well|another|other|others|pia|mwingine|wengine|(?:his|her|their|my|our) (?:wife|husband|son|sons|daughter|child|children|kids?|brother|sister|mother|father|mum|dad|friend|friends|neighbour|neighbor|cousin|uncle|aunt)|(?:mke|mume|mtoto|watoto|kaka|dada|mama|baba|rafiki|jirani|binamu|mjomba|shangazi) (?:wake|yake|zake|wao|yao|yangu|wangu|zangu|wetu|yetu))\b/;

/**
 * A no that only leads a denial ("hapana, hakuumia lakini kaka yangu aliumia", "no he wasn't hurt
 * but his wife was injured"): the no is of the one denied, and another hurt told after it is read as without it.
 */
const NO_BEFORE_DENIED = new RegExp(String.raw`^(?:hapana|no|la|nope|nah) (?=(?:\w+ ){0,2}${HURT_DENIED.source})`);

/** A no taken back by a "but" ("hapana lakini alivunjika mguu", "no, but he was beaten"): what follows is read without it. */
const NO_BUT = /^(?:hapana|no|la|nope|nah) (?:but|lakini|ila) /;
/**
 * Beaten, said of oneself or as what they did ("nilipigwa", "walinipiga", "they beat me", "they
 * slapped him"): harm told after "no, but", where HARMED reads only "he was beaten", "alipigwa". A call
 * or a photo ("walinipiga simu", "nilipigwa picha") is no blow.
 */
const BEATEN = new RegExp(
  String.raw`\b(?:(?:(?:ni|tu|u|m|a|wa)(?:li|me|ka)(?:pigwa|chapwa|dungwa|kanyagwa|teswa)|(?:wali|wame|waka|ali|ame|aka)(?:ni|tu|m|mw|wa|ku)(?:piga|chapa|dunga|kanyaga|tesa|umiza))(?! (?:simu|picha|kura|kelele|stori|story|kampeni))|` +
    String.raw`(?<!\b(?:didn t|didnt|did not|don t|dont|do not|never|not) )(?:beat|beaten|hit|slapped|kicked|shot|stabbed|assaulted|tortured|whipped|clobbered) (?:me|him|her|us|them|(?:my|his|her|our|their) (?:wife|husband|son|daughter|child|kid|brother|sister|mother|father|mum|dad|friend|neighbour|neighbor|cousin)))\b`,
);

/**
 * An answer to "was anyone (else) hurt?" told as a sentence ("his wife was also beaten", "mke wake
 * pia alipigwa"): someone hurt, treated or not as the words say. After a killing (`others`) only
 * when the words name someone besides the one killed ("he was beaten before they shot him" is no
 * answer). Undefined for anything else; the wizard keeps the words in the story as well.
 */
export function hurtTold(text: string, others: boolean): HurtAnswer | undefined {
  if (text.length > 200) return undefined;
  const plain = plainWords(text);
  const n = plain.replace(NO_BEFORE_DENIED, '').replace(NO_BUT, '');
  // After "no, but" a bone broken or a wound ("hapana lakini alivunjika mguu") is harm told as well.
  const harmed = HARMED.test(n) || (NO_BUT.test(plain) && (HURT.test(n) || BEATEN.test(n)));
  if (NO_LEAD.test(n) || /\b(?:no one|nobody|none|hakuna|hamna)\b/.test(n) || !harmed || hurtDenied(n)) return undefined;
  if (others && !SOMEONE_ELSE.test(n)) return undefined;
  return NOT_TREATED.test(n) ? 'untreated' : TREATED.test(n) ? 'treated' : 'hurt';
}

/** "No one else", "hakuna (mtu) mwingine", maybe "was hurt" with it ("nobody else was hurt", "hakuna mwingine aliyeumia"), said first. */
const NO_ONE_ELSE_LEAD = new RegExp(
  String.raw`^(?:(?:hapana|no|la|nope|nah) )?(?:(?:no ?one|nobody) else(?: (?:was |were |got )?(?:hurt|injured|wounded))?|(?:hakuna|hamna) (?:mtu )?mwingine(?: (?:aliye ?|alie ?|ali|ame)(?:umia|umizwa|jeruhiwa))?) `,
);
/** Words between "no one else" and a death that make it no one else's death ("no one else died", "no one else was killed"). */
const DEATH_OF_NO_ONE_ELSE = /^(?:(?:was|were|got|has|have|been|is|are|also|pia) )*$/;
/** A "but", or harm told: someone else hurt may follow ("no one else died but his wife was beaten"). */
const BUT = /\b(?:but|lakini|ila)\b/;

/**
 * "No one else, only my brother who died", "hakuna mwingine, ni ndugu yangu tu aliyekufa": at "was anyone else
 * hurt?" after a killing, no one else hurt; the death told after it is the one the report is about (`deathTold`
 * read it so, and the question was asked again). Not "no one else died" (of the dead, not of the hurt), nor with harm told after it.
 */
/** The one who died, as a mother names them ("yeye", "mwanangu", "my son"). */
const THE_DEAD = String.raw`(?:yeye|mwanangu|mtoto wangu|mume wangu|mke wangu|(?:kaka|dada|ndugu|baba|mama) yangu|him|her|my (?:son|daughter|brother|sister|husband|wife|father|mother|child))`;
/**
 * "Hapana, ni mwanangu peke yake", "yeye tu ndiye alikufa", "just him", "hapana mwingine": the dead one alone, no one
 * else hurt. Whole message; read only where "anyone else?" is asked after a killing.
 */
const ONLY_THE_DEAD = new RegExp(
  String.raw`^(?:(?:hapana|no|la|nope|hakuna|hamna) )?(?:(?:ni|it was|its|it s) )?(?:(?:only|just) ${THE_DEAD}|${THE_DEAD} (?:tu|peke yake|pekee|only|alone)(?: (?:tu|peke yake|pekee))?)` +
    String.raw`(?: (?:ndiye|ndio|ndiyo|who|aliye|that))?(?: (?:alikufa|aliuawa|aliyekufa|aliyeuawa|amekufa|ameuawa|kufa|died|was killed|got killed|is dead))?$|^(?:hapana|no|la) mwingine$`,
);

export function noOneElseButTheDead(text: string): boolean {
  if (text.length > 200) return false;
  const n = plainWords(text).trim();
  if (ONLY_THE_DEAD.test(n)) return true;
  const lead = NO_ONE_ELSE_LEAD.exec(n);
  const rest = lead ? n.slice(lead[0].length) : '';
  const death = [...rest.matchAll(DEATH)][0];
  if (!death || DEATH_OF_NO_ONE_ELSE.test(rest.slice(0, death.index)) || !deathTold(rest)) return false;
  return !BUT.test(rest) && !HARMED.test(rest) && !BEATEN.test(rest) && !HURT.test(rest);
}

/** English numbers of people said alone ("three"; "one" only with "person": alone it is too many other things). */
const EN_COUNTS = new Map(Object.entries({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }));
/** Swahili numbers of people ("watatu"); "sita", "saba", "tisa", "kumi" only after "watu" ("sita" alone is also "I will not"). */
const SW_PEOPLE = new Map(Object.entries({ mmoja: 1, wawili: 2, watatu: 3, wanne: 4, watano: 5, wanane: 8 }));
const SW_COUNTS = new Map([...SW_PEOPLE, ...Object.entries({ moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10 })]);
/** A yes before the count ("ndio watatu", "yes 3"), and who ("sisi watatu", "wote watatu"); never "walikuwa wawili" (they were two: who did it). */
const COUNT_LEAD = /^(?:(?:ndio|ndiyo|ndyo|ndo|yes|yeah|yep|eeh|ee) )?(?:(?:sisi|wote|all) )?/;
/** One or two digits: "2024", a phone number or a code is no count of people. */
const FEW_DIGITS = /^[1-9]\d?$/;
/** What follows a number of people in English ("3 people", "three of us"). */
const EN_PEOPLE = /^(?:people|persons|person|guys|of us|of them)$/;

/** A count of the people hurt and the language its words are in (none for digits alone). */
export type HurtCount = { count: number; lang?: 'en' | 'sw' };

const digitsOr = (word: string, numbers: Map<string, number>): number | undefined => (FEW_DIGITS.test(word) ? Number(word) : numbers.get(word));

/** "3", "2 people", "three", "three of us" (English), "watatu", "watu watatu", "watu 3", "mtu mmoja" (Swahili), alone or after a yes. */
function readCount(words: string[]): HurtCount | undefined {
  const [a, ...rest] = words;
  const b = rest.join(' ');
  if (!b) {
    if (FEW_DIGITS.test(a)) return { count: Number(a) };
    const sw = SW_PEOPLE.get(a);
    const en = a === 'one' ? undefined : EN_COUNTS.get(a);
    return sw !== undefined ? { count: sw, lang: 'sw' } : en !== undefined ? { count: en, lang: 'en' } : undefined;
  }
  // "Watu watatu", "mtu mmoja", "watu 3"; "3 watu".
  const sw = a === 'watu' || a === 'mtu' ? digitsOr(b, SW_COUNTS) : b === 'watu' && FEW_DIGITS.test(a) ? Number(a) : undefined;
  if (sw !== undefined) return { count: sw, lang: 'sw' };
  // "3 people", "three of us", "one person".
  const en = EN_PEOPLE.test(b) ? digitsOr(a, EN_COUNTS) : undefined;
  return en !== undefined ? { count: en, lang: 'en' } : undefined;
}

/**
 * A count typed at "was anyone hurt?" ("3", "watatu", "three people", "ndio watatu"): someone hurt, as a yes is, and how
 * many, which no button holds. Undefined for anything else, and for a longer number ("2024", a phone number) or 0.
 */
export function hurtCount(text: string): HurtCount | undefined {
  if (text.length > 40) return undefined;
  const words = plainWords(text).trim().replace(COUNT_LEAD, '').split(' ').filter(Boolean);
  return words.length >= 1 && words.length <= 3 ? readCount(words) : undefined;
}

/** The count kept in the story, in the language of the words ("3 people hurt", "watu 3 waliumia"); after a killing, others. */
export function hurtCountLine(count: number, lang: 'en' | 'sw', others: boolean): string {
  // "Mtu mmoja": one in words, as people say it ("mtu 1" reads as a form's).
  if (lang === 'sw') return count === 1 ? `mtu ${others ? 'mwingine ' : ''}mmoja aliumia` : `watu ${others ? 'wengine ' : ''}${count} waliumia`;
  return `${count} ${others ? 'other ' : ''}${count === 1 ? 'person' : 'people'} hurt`;
}

/**
 * The reporter's own pain, bleeding or body failing them, said now ("I am in pain", "my leg hurts", "I cant walk",
 * "nina maumivu makali", "mguu unauma", "inaniuma", "natoka damu", "siwezi kutembea").
 */
const PAIN = new RegExp(
  String.raw`\b(?:in (?:(?:so much|a lot of|great|serious|severe|terrible|much|bad) )?pain|painful|paining|(?:hurts|hurting|aches|aching)|i (?:am|m) (?:still )?(?:(?:badly|seriously|very) )?(?:bleeding|injured|wounded|hurt)|nimeumia|nimeumizwa|` +
    String.raw`(?:i )?(?:can t|cant|cannot|can not) (?:walk|stand|breathe|move)|maumivu|uchungu|(?:ni)?naumwa|(?:ni)?naumia|\w*n[ai]uma|(?:ni)?na(?:vuja|toka) damu|siwezi (?:ku)?(?:tembea|simama|pumua|sogea))\b`,
);
/** No pain, said just before it ("sina maumivu", "no pain", "hakuna uchungu", "it doesn't hurt"). */
const NO_PAIN = /\b(?:sina|hana|hakuna|hamna|bila|no|not|without|doesn t|doesnt|does not|don t|dont)\b(?: \w+)? (?:maumivu|uchungu|pain|painful|hurt|hurts)\b/;
/** Longer than this is an account, read as the story it is. */
const PAIN_MAX_CHARS = 80;

/**
 * The reporter says they are in pain, in a short message: asked where or when, it is no place and no day, and
 * someone hurting now is told where to call (src/bot/wizard/messages.ts `painSaid`).
 */
export function painTold(text: string): boolean {
  if (text.length > PAIN_MAX_CHARS) return false;
  const plain = plainWords(text);
  return PAIN.test(plain) && !NO_PAIN.test(plain);
}

/** "I don't know if anyone was hurt", "sijui kama kuna aliyeumia", "not sure if anyone got hurt": whether anyone was hurt, not known. */
const UNSURE_IF_HURT =
  /^(?:(?:i )?(?:don t|dont|do not) know|idk|(?:i m |im |i am )?not sure|unsure|sijui|sina uhakika|sina hakika|sielewi) (?:if|whether|kama) (?:\w+ ){0,4}?(?:\w*umia|\w*umizwa|\w*jeruhiwa|hurt|injured|wounded|harmed)\b/;

/**
 * Not knowing whether anyone was hurt, said in a sentence: no answer, as "sijui" is (the hurt words in it were read as
 * hurt told). Not with someone's harm told after it ("sijui kama wengine waliumia, mimi niliumia mguu", "... they took
 * him to hospital"): that is read as it was.
 */
/** "Sijui, bado yuko ndani hatujamwona": not known, with why after a pause (the words were lost to "use the buttons"). */
const UNSURE_THEN_WHY = /^(?:sijui|hatujui|sina uhakika|i don['’]?t know|i do not know|we don['’]?t know|not sure|idk)\s*[,.;:-]+\s*(\S.*)$/i;

/** Blood told, not denied ("damu ilikuwa inatoka", "kulikuwa na damu nyingi", "he was bleeding"; not "hakuna damu", "no blood"). */
export function bloodTold(text: string): boolean {
  const n = plainWords(text);
  return /\b(?:damu|blood|bleeding|bled)\b/.test(n) && !/\b(?:hakuna|hamna|no|not|bila|without|hakutoka|hakuvuja|didn t bleed|didnt bleed)\b(?: \w+)? (?:damu|blood|bleeding|bled)\b/.test(n);
}

export function unsureIfHurt(text: string): boolean {
  if (text.length > 200) return false;
  const plain = plainWords(text);
  const m = UNSURE_IF_HURT.exec(plain);
  const why = m ? undefined : UNSURE_THEN_WHY.exec(text.trim())?.[1];
  if (!m && !why) return false;
  const after = m ? plain.slice(m[0].length) : plainWords(why ?? '');
  return !(HURT.test(after) || HARMED.test(after) || BEATEN.test(after) || TREATED.test(after) || IN_HOSPITAL_AFTER.test(after));
}
/** Someone's hurt or care told after the unsure part, in words `HURT` and `TREATED` do not hold ("niliumia", "took him to hospital"). */
const IN_HOSPITAL_AFTER = /\b(?:\w*umia|\w*umizwa|\w*jeruhiwa|hospital\w*)\b/;
