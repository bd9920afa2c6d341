import { bloodTold, harmNotDone, unsureIfHurt, p3Refused, notYetWithMore, notYetWithWhy, asksAboutOthers, asksForMedicalRecord, asksWhatMedicalFormIs, guessLanguage, hurtCount, hurtCountLine, hurtSaidWithYes, hurtTold, inHospitalTold, isHurtAnswer, isMedicalRecordAnswer, medicalFormFor, noneHurtBadly, noOneElseButTheDead, readHurt, readMedicalRecord, saysMoreThanHurt, wentToHospital, withHurt, type HurtAnswer, type InjuryQuestion, type MedicalRecordAnswer } from '../../domain';
import type { Draft, Step } from '../session';
import { dontKnow, readWord } from './parse';
import type { Turn } from './turn';

/**
 * "Was anyone hurt?" and "is there a P3 form or a medical report?" (src/domain/injuries.ts): asked
 * after the story where injuries are what the case is about, each one tap, skippable, answered
 * in words as well ("ndio", "hapana", "sijui", "bado").
 */
export type InjuryStep = 'hurt' | 'p3';

export const isInjuryStep = (step: Step): step is InjuryStep => step === 'hurt' || step === 'p3';

/**
 * Asks the injury question the draft is at; after a killing, whether anyone else was hurt. A story that says
 * someone is in hospital ("yuko hospitalini", "admitted at KNH") answered "was anyone hurt?" already: said back,
 * someone hurt noted (nothing of treatment, which "in hospital" leaves open: Change on the review sets it), and
 * on as after "Yes". It was asked as if not told. Only when first asked: asked again (Back, Change), it is asked.
 */
export function askInjury(turn: Turn, d: Draft, step: InjuryStep): void {
  if (step === 'hurt' && toldInHospital(d)) {
    turn.say('injury.hurt.in_hospital');
    return setHurt(turn, d, 'hurt');
  }
  const others = step === 'hurt' && asksAboutOthers(d.category);
  const p3 = medicalFormFor(d.category) === 'prc' ? 'injury.p3.ask_sexual' : 'injury.p3.ask';
  const key = step === 'p3' ? p3 : others ? 'injury.hurt.ask_others' : 'injury.hurt.ask';
  turn.say(key, undefined, { keyboard: { type: 'injury', draftId: d.id, step, ...(others ? { others: true as const } : {}) } });
}

/** "Was anyone hurt?" not yet answered nor skipped, nor being changed, and the story says someone is in hospital (never after a killing: it may be the one who died). */
const toldInHospital = (d: Draft): boolean =>
  !d.editing && d.injuries === undefined && !d.injuriesSkipped?.includes('hurt') && !asksAboutOthers(d.category) && d.text !== undefined && inHospitalTold(d.text);

/**
 * "No one else, only my brother who died" at "was anyone else hurt?": a no, said with the death
 * already told (it was read as the death told again, and the question asked again).
 */
export const noOneElseAfterKilling = (d: Draft, input: string): boolean => d.step === 'hurt' && asksAboutOthers(d.category) && noOneElseButTheDead(input);

/** A button on an injury question; false when the value is not one it offers (tampered data). */
export function answerInjuryButton(turn: Turn, d: Draft, step: InjuryStep, value: string): boolean {
  if (value === 'sk') {
    turn.answer();
    skip(turn, d, step);
    return true;
  }
  if (step === 'hurt' && isHurtAnswer(value) && value !== 'hurt') {
    turn.answer();
    setHurt(turn, d, value);
    return true;
  }
  if (step === 'p3' && isMedicalRecordAnswer(value)) {
    turn.answer();
    setRecord(turn, d, value);
    return true;
  }
  return false;
}

/**
 * Skipped: marked, apart from "never asked", so a category change that asks it the same way does
 * not ask it again (src/bot/wizard/flow.ts `afterEdit`). A question already answered keeps its answer.
 */
function skip(turn: Turn, d: Draft, step: InjuryStep): void {
  const question: InjuryQuestion = step === 'hurt' ? 'hurt' : 'record';
  const answered = step === 'hurt' ? d.injuries !== undefined : d.injuries?.record !== undefined;
  if (!answered) markSkipped(d, [...(d.injuriesSkipped ?? []).filter((q) => q !== question), question]);
  turn.advance(d);
}

function markSkipped(d: Draft, skipped: InjuryQuestion[]): void {
  if (skipped.length) d.injuriesSkipped = skipped;
  else delete d.injuriesSkipped;
}

function setHurt(turn: Turn, d: Draft, hurt: HurtAnswer): void {
  d.injuries = withHurt(d.injuries, hurt, d.category);
  // Answered now; a skipped medical question stays skipped only while it follows this answer, as its answer would (`withHurt`).
  markSkipped(d, (d.injuriesSkipped ?? []).filter((q) => q === 'record' && asksForMedicalRecord(d.category, d.injuries)));
  turn.advance(d);
}

/**
 * The P3 answer; "not yet" gets one line on how a P3 form is had (after sexual violence: care
 * within 72 hours and the PRC form first), before the next question.
 */
function setRecord(turn: Turn, d: Draft, record: MedicalRecordAnswer): void {
  d.injuries = { ...(d.injuries ?? { hurt: 'hurt' }), record };
  markSkipped(d, (d.injuriesSkipped ?? []).filter((q) => q !== 'record'));
  if (record === 'not_yet') turn.say(medicalFormFor(d.category) === 'prc' ? 'injury.p3.help_sexual' : 'injury.p3.help');
  turn.advance(d);
}

/** What the P3 (or PRC) form is, then its question again with its buttons. */
function explainForm(turn: Turn, d: Draft): void {
  turn.say(medicalFormFor(d.category) === 'prc' ? 'injury.p3.what_sexual' : 'injury.p3.what');
  askInjury(turn, d, 'p3');
}

/** A no before "hakuna ..." ("hapana, hakuna mtu aliyeumia sana"): dropped from the words kept, the "hakuna" with it would be too. */
const NO_BEFORE_NONE = /^\s*(?:hapana|la|nope|nah|no)[\s\p{P}]+(?=(?:hakuna|hamna)\b)/iu;

/**
 * Words typed at an injury question. A bare yes at "was anyone hurt?" is a yes without saying
 * whether they were treated; "sijui" or "skip" there is no answer. At the P3 question "sijui" is
 * the "I don't know" button, "hapana" or "bado" is "not yet". Anything else: more of the story
 * when it reads as an account or goes on with it ("nilipelekwa hospitali ya Nakuru": `addToStory`; a county alone
 * is the county, before this: messages.ts `countyAhead`; a day, a place or a question: `answeredAhead`),
 * else the buttons are asked for; the question stays.
 */
export function onInjuryText(turn: Turn, d: Draft, step: InjuryStep, input: string, addToStory: (input: string) => boolean, answeredAhead: (input: string) => boolean, keepWords: (input: string) => void): void {
  const word = readWord(input);
  // "I don't know if anyone was hurt, I wasn't there": skipped as "sijui" skips it, the words kept (they were read as someone
  // hurt). "Sijui, damu ilikuwa inatoka kichwani": not sure who or how, but blood told: someone hurt, the words kept.
  if (step === 'hurt' && unsureIfHurt(input)) {
    keepWords(input);
    return bloodTold(input) ? setHurt(turn, d, 'hurt') : skip(turn, d, step);
  }
  // "His wife was also beaten": the yes, and who it was kept in the story (it was the story alone, the question asked again).
  // "No he didnt beat me, just touching", "hakuniumiza mwili ila alinishika vibaya": no one hurt, what was done kept for staff.
  const told = step !== 'hurt' ? undefined : harmNotDone(input) ? 'none' : hurtTold(input, asksAboutOthers(d.category));
  if (told) {
    keepWords(input);
    return setHurt(turn, d, told);
  }
  // Who died, said with the no: kept in the story, as the one killed may be named only there.
  if (noOneElseAfterKilling(d, input)) {
    keepWords(input.replace(NO_BEFORE_NONE, ''));
    return setHurt(turn, d, 'none');
  }
  // "Hakuna aliyeumia sana", "nobody was badly hurt": some may be hurt a little, so no "no one hurt"; kept, and a little hurt said to be a yes.
  if (step === 'hurt' && noneHurtBadly(input)) {
    keepWords(input.replace(NO_BEFORE_NONE, ''));
    turn.say(asksAboutOthers(d.category) ? 'injury.hurt.even_a_little_others' : 'injury.hurt.even_a_little');
    return askInjury(turn, d, step);
  }
  // "3", "watatu", "three people": a yes, and how many kept in the story (it was "use the buttons", or the word alone added).
  const count = step === 'hurt' ? hurtCount(input) : undefined;
  if (count) {
    keepWords(hurtCountLine(count.count, count.lang ?? guessLanguage(d.text ?? '') ?? 'en', asksAboutOthers(d.category)));
    return setHurt(turn, d, 'hurt');
  }
  if (step === 'hurt') {
    const hurt = readHurt(input) ?? (word === 'yes' ? 'hurt' : word === 'no' ? 'none' : hurtSaidWithYes(input) ? 'hurt' : undefined);
    // "Yes he is bleeding", "ndiyo, walimvunja mkono": more than a button holds, kept in the story (the draft has no description of the injury).
    if (hurt && hurt !== 'none' && !word && saysMoreThanHurt(input)) keepWords(input);
    if (hurt) return setHurt(turn, d, hurt);
    if (word === 'skip' || dontKnow(input)) return skip(turn, d, step);
  } else {
    // "P3 ni nini?": what the form is, and the question again; it was added to the story.
    if (asksWhatMedicalFormIs(input)) return explainForm(turn, d);
    const more = notYetWithMore(input);
    const record = dontKnow(input) ? 'unknown' : (readMedicalRecord(input) ?? (more || word === 'no' ? 'not_yet' : word === 'yes' ? 'yes' : undefined));
    // "Polisi walikataa kunipa p3", "not yet, they went to get it": not yet, and the rest is for staff to read in the story.
    if (record && (p3Refused(input) || more || notYetWithWhy(input))) keepWords(input);
    if (record) return setRecord(turn, d, record);
    if (word === 'skip') return skip(turn, d, step);
    // "Nimeenda hospitali", "I went to hospital": no P3, nor a no; kept in the story and what the form is said (it was the story alone, asked again).
    if (wentToHospital(input)) {
      keepWords(input);
      return explainForm(turn, d);
    }
  }
  // A day, a place after the county, a question to us (messages.ts `answeredAheadAtInjury`): kept or answered, the question asked again.
  if (answeredAhead(input)) return;
  // "2024", a phone number (or "3" at the P3 question): no button here is numbered, and a number alone is never a part of the story (`addToStory`).
  if (!addToStory(input)) turn.say('injury.use_buttons');
  return askInjury(turn, d, step);
}
