import { asksAboutInjuries, categoriesOf, categoryInWords, countyByCode, dateInStory, dayInStory, incidentTimeFor, injuriesAfterCategoryChange, isReportKind, placeOutsideCounty, saysDangerNow, skippedAfterCategoryChange, type CategoryCode, type ReportKind } from '../../domain';
import type { Draft, Step } from '../session';
import { fixAsked, keepFixWords } from './correction';
import { COUNTY_PAGES, editableFor, firstMissing, placeGiven, toReport, townNaming, townOf, withTown } from './flow';
import type { DayRead } from './day-words';
import { storyDayValue, weekendDay } from './format';
import { answerInjuryButton, isInjuryStep } from './injuries';
import { addNewOrTell } from './story';
import { answerDetailButton, isDetailStep } from './details';
import type { Turn } from './turn';
import type { WizardInput } from './types';
import { electoralUnits } from './units';

type Answer = (turn: Turn, d: Draft, value: string) => boolean;

/** The review's Send buttons: `ok` sends as already chosen (anonymous unless a phone was shared), `sa` anonymously. */
export const SEND: readonly string[] = ['ok', 'sa'];

/** A button press on a wizard message. The data is checked against the draft, never trusted. */
export function answerButton(turn: Turn, input: Extract<WizardInput, { type: 'button' }>): void {
  const { draftId, step, value } = input;
  // The tap as a double tap would repeat it: the same button on the same message.
  const tap = `${step}:${value}${input.messageId !== undefined ? `@${input.messageId}` : ''}`;
  const d = turn.draft;
  // Send (or Send anonymously) on the review after choosing to share a number: a change of mind.
  // The phone-number keyboard goes first: left up, its Back and Cancel would later be typed into a
  // ticket's conversation or the next report's story.
  if (d && d.id === draftId && d.step === 'contact' && step === 'review' && SEND.includes(value)) {
    d.step = 'review';
    turn.say('wizard.ok', undefined, { keyboard: { type: 'remove' } });
  }
  if (!d || d.id !== draftId || d.step !== step) return offQuestion(turn, input, tap);
  if (d.cancelAsked) d.cancelAsked = undefined;
  delete d.tapped;
  // A press on the live question: what follows replaces it, under the choice made.
  turn.inPlace = value === 'back' ? 'same' : 'choice';
  if (value === 'x' || value === 'xc') {
    turn.answer();
    return value === 'x' ? turn.cancelPressed(d) : turn.cancel();
  }
  if (value === 'xn') {
    turn.answer();
    return turn.show();
  }
  if (value === 'back') {
    turn.answer();
    turn.back(d);
    return markTapped(turn, d, step, tap);
  }
  // desc, place and contact take messages, not buttons (apart from Back and Cancel).
  const handled = isDetailStep(d.step)
    ? answerDetailButton(turn, d, d.step, value)
    : isInjuryStep(d.step)
      ? answerInjuryButton(turn, d, d.step, value)
      : (ANSWERS[d.step]?.(turn, d, value) ?? false);
  if (!handled) return turn.stale();
  markTapped(turn, d, step, tap);
}

/** A press on a message that is not the live question: a report already sent, a double tap, an older summary. */
function offQuestion(turn: Turn, input: Extract<WizardInput, { type: 'button' }>, tap: string): void {
  const { draftId, step, value } = input;
  const d = turn.draft;
  const done = turn.lastSubmitted;
  if (step === 'review' && SEND.includes(value) && done && done.draftId === draftId) {
    // A second tap on Send (or a re-delivered one): same report, same reference. Said once;
    // further taps are only answered, so the chat does not fill with the same sentence.
    turn.answer();
    if (!done.told) {
      turn.lastSubmitted = { ...done, told: true };
      turn.say('submit.already', { reference: done.reference }, { html: true });
    }
    // A new report is being written: the old summary's Send must not pass for sending it.
    if (d) {
      turn.say('submit.newNotSent');
      turn.show();
    }
    return;
  }
  // Cancel, Change or Back on the summary of a report already sent: it is not gone, it is sent.
  if (done && done.draftId === draftId) return sentAlready(turn, done.reference);
  // The answer just given, tapped again (a double tap: on a slow connection both taps leave the
  // phone before the question changes): answered quietly, not "older message" and the question again.
  if (d && d.id === draftId && d.tapped === tap) return turn.answer();
  // Send on an earlier summary of this report (Back or Change took it to another question since):
  // not "older message", which left a reporter sure it had gone, but not sent yet, and the summary as it now is.
  if (d && d.id === draftId && step === 'review' && SEND.includes(value)) return notSentYet(turn);
  return turn.stale(draftId);
}

/**
 * The question moved on after this tap (or moves on once the alert it raised is stored): the same
 * tap again, before anything else, is its double.
 */
function markTapped(turn: Turn, d: Draft, step: string, tap: string): void {
  if (d.step !== step || turn.effects.some((e) => e.type === 'urgent')) d.tapped = tap;
}

/** The date of a day of the week or "juzi" the story names (`dateInStory`), with its part of the day: offered with the date question. */
export function storyDate(d: Draft, now: Date): DayRead | undefined {
  const said = d.text !== undefined ? dateInStory(d.text, now) : undefined;
  return said && { when: 'date', incidentAt: said.at.getTime(), ...(said.time ? { time: said.time } : {}) };
}

/** The day answered, with its time of day; the question asked next is the caller's to choose. */
export function noteDay(d: Draft, day: DayRead): void {
  delete d.whenSaid;
  d.when = day.when;
  d.incidentAt = day.incidentAt;
  setTimeOfDay(d, day.time);
}

export function setTimeOfDay(d: Draft, time: string | undefined): void {
  if (time) d.timeOfDay = time;
  else delete d.timeOfDay;
}

/**
 * The day a button of the date question names: Now, Today or Yesterday (with the story's part of
 * that very day: "jana usiku" keeps "usiku" when Yesterday is tapped, as "ndio" to the offer does),
 * a day of the weekend offered for "wikendi" (`weekendDay`), or the day the story names, tapped
 * under its offer: only the date the story still names (an older or altered button is none).
 */
function tappedDay(d: Draft, value: string, now: Date): DayRead | undefined {
  if (value === 'now' || value === 'today' || value === 'yesterday') {
    const time = storyPartOfDay(d, value);
    return { when: value, incidentAt: incidentTimeFor(value, now).getTime(), ...(time ? { time } : {}) };
  }
  const weekend = weekendDay(value, now);
  if (weekend !== undefined) return { when: 'date', incidentAt: weekend };
  const told = value.startsWith('s') ? storyDate(d, now) : undefined;
  return told && storyDayValue(told.incidentAt) === value ? told : undefined;
}

/**
 * The part of the day the story gives with the very day tapped ("jana usiku", "last night", "leo asubuhi", `dayInStory`):
 * Yesterday tapped for it keeps "usiku", as "ndio" to the offer does. A time typed earlier is not the story's: never kept.
 */
function storyPartOfDay(d: Draft, tapped: 'now' | 'today' | 'yesterday'): string | undefined {
  const told = d.text !== undefined ? dayInStory(d.text) : undefined;
  return told?.when === tapped ? told.time : undefined;
}

/** Applies a button answer; false when the value is not one this step offers (tampered data). */
const ANSWERS: Partial<Record<Step, Answer>> = {
  kind(turn, d, value) {
    if (!isReportKind(value)) return false;
    turn.answer();
    chooseKind(d, value);
    turn.advance(d);
    return true;
  },
  desc(turn, d, value) {
    // Keep the story told (Back or Change led here): on as after an answer.
    if (value !== 'keep' || (!d.text && !d.voice)) return false;
    turn.answer();
    keepStory(turn, d);
    return true;
  },
  cat(turn, d, value) {
    const cat = d.kind ? categoriesOf(d.kind).find((c) => c.code === value) : undefined;
    if (!cat) return false;
    turn.answer();
    chooseCategory(d, cat.code as CategoryCode);
    turn.advance(d);
    return true;
  },
  county(turn, d, value) {
    const page = /^p(\d{1,2})$/.exec(value);
    if (page) {
      const p = Number(page[1]);
      if (p >= COUNTY_PAGES) return false;
      turn.answer();
      turn.inPlace = 'same';
      d.countyPage = p;
      turn.askCounty(d, p);
      return true;
    }
    const county = /^\d{1,2}$/.test(value) ? countyByCode(Number(value)) : undefined;
    if (!county) return false;
    turn.answer();
    setCounty(turn, d, county.code, pendingTown(d, county.code));
    return true;
  },
  when(turn, d, value) {
    const day = tappedDay(d, value, turn.now);
    if (!day) return false;
    turn.answer();
    noteDay(d, day);
    turn.advance(d);
    return true;
  },
  ev(turn, d, value) {
    if (value !== 'done' && value !== 'skip') return false;
    turn.answer();
    d.evidence ??= [];
    turn.advance(d);
    return true;
  },
  // The place is typed; its only buttons answer "Change the county to Nairobi City?" asked there (`fixAsked`).
  place(turn, d, value) {
    if ((value !== 'fy' && value !== 'fn') || !fixAsked(d)) return false;
    turn.answer();
    answerFix(turn, d, value === 'fy');
    return true;
  },
  danger(turn, d, value) {
    if (value !== 'y' && value !== 'n') return false;
    turn.answer();
    setDanger(turn, d, value === 'y');
    return true;
  },
  review(turn, d, value) {
    if (value === 'fy' || value === 'fn') {
      if (!fixAsked(d)) return false;
      turn.answer();
      answerFix(turn, d, value === 'fy');
      return true;
    }
    // Any other way on from "Change the county to Nyandarua?": its words are not lost, they go to the story.
    if (d.fix) keepFixWords(turn, d);
    if (SEND.includes(value)) {
      turn.answer();
      if (value === 'sa') sendAnonymously(turn, d);
      else submit(turn, d);
      return true;
    }
    if (value === 'sc') {
      turn.answer();
      turn.go('contact');
      return true;
    }
    if (value === 'edit') {
      turn.answer();
      askWhatToChange(turn, d);
      return true;
    }
    if (value === 'e_none') {
      turn.answer();
      turn.show();
      return true;
    }
    const edit = /^e_(\w+)$/.exec(value)?.[1];
    if (!edit || !(editableFor(d) as readonly string[]).includes(edit)) return false;
    turn.answer();
    d.editing = true;
    d.step = edit as Step;
    turn.show();
    return true;
  },
};

/**
 * The reporter's answer to "Change the county to Nyandarua?": Yes changes it as Change would (a
 * new county asks the place in it, then back to the review); No keeps it and adds the words to
 * the story.
 */
export function answerFix(turn: Turn, d: Draft, yes: boolean): void {
  if (d.step === 'place') return answerFixAtPlace(turn, d, yes);
  const fix = d.fix;
  if (!yes || !fix) {
    keepFixWords(turn, d);
    return turn.show();
  }
  delete d.fix;
  if (fix.category) return changeCategory(turn, d, fix.category, fix.words);
  if (fix.when) {
    noteDay(d, { when: fix.when.when, incidentAt: fix.when.incidentAt, time: fix.when.timeOfDay });
    // Said with the county ("sorry ni juzi Kisumu") or the place ("wrong place, I was at the stage jana"): it changes too, below.
    if (!fix.county && !fix.place) return turn.show();
  }
  if (fix.place) {
    // Said with the county ("ilikuwa Nakuru sio Nairobi, pale Free Area"): the county first, which clears the place in the old one.
    if (fix.county) chooseCounty(d, fix.county.code);
    // The place as typed replaces the one given, and a pin or town that went with it.
    Object.assign(d, { place: fix.place, location: undefined, town: undefined });
    // "... when they beat me": what was done there goes to the story.
    if (fix.told) addNewOrTell(turn, d, fix.told);
    return turn.show();
  }
  if (!fix.county) return turn.show();
  d.editing = true;
  d.step = 'county';
  setCounty(turn, d, fix.county.code, townNaming(fix.county.town, fix.county.code));
}

/**
 * "Change the county to Nairobi City?" asked where the place is (another county's name typed there):
 * Yes changes it and asks where in it; No keeps the county, and the place in the words ("Nairobi"
 * of "ilikuwa Nairobi": `placeWithoutLead`) is the place (the reporter has said the county is
 * right, so they answered where in it), said so.
 */
function answerFixAtPlace(turn: Turn, d: Draft, yes: boolean): void {
  const fix = d.fix;
  delete d.fix;
  if (!fix?.county) return turn.show();
  if (yes && fix.county.town !== undefined) return townCountyChosen(turn, d, fix.county.town, fix.typed !== undefined);
  if (yes) return countyChangedAtPlace(turn, d, fix.county.code);
  Object.assign(d, { place: withTown(fix.words, townOf(d)), location: undefined });
  placeGiven(d);
  turn.sayPlaceKept(d.place, fix.typed ?? fix.words, { keyboard: { type: 'remove' } });
  turn.advance(d);
}

/**
 * Yes to "Change the county to Kiambu?" after a town typed where the place is asked ("Thika"): the
 * town is set aside as a place of another county is (`Draft.placeSetAside`), so the county that is
 * its own makes it the place again (`chooseCounty`), said as a place typed early is: never typed
 * twice. A town in two counties opens the county question, both on top (`earlyPlaceCounties`).
 */
function townCountyChosen(turn: Turn, d: Draft, town: string, read: boolean): void {
  const counties = d.county !== undefined ? placeOutsideCounty(town, d.county, electoralUnits()) : undefined;
  d.placeSetAside = town;
  // Read out of the words ("ni Thika"): not said to be as typed when kept (`Turn.placeKept`).
  if (read) d.placeRead = true;
  else delete d.placeRead;
  if (counties?.length === 1) return countyChangedAtPlace(turn, d, counties[0]);
  turn.say('wizard.ok', undefined, { keyboard: { type: 'remove' } });
  turn.go('county');
}

/**
 * The county changed where the place is asked ("Nairobi" typed there): said, and on as from the
 * county question, to where in it; a place set aside that lies there is the place (`chooseCounty`).
 * `town`: an estate typed with it ("Pipeline Nakuru"), where in it is asked.
 */
export function countyChangedAtPlace(turn: Turn, d: Draft, code: number, town?: Draft['town']): void {
  chooseCounty(d, code, town);
  turn.say('place.county_changed', { county: { countyCode: code } });
  d.step = 'county';
  turn.advance(d);
}

/**
 * "Si hongo ni kupigwa" changed: the words stay in the story (they tell what was done), and the
 * injury questions the new category asks and has no answer to come first, as after Change -> Category.
 */
function changeCategory(turn: Turn, d: Draft, code: CategoryCode, words: string): void {
  chooseCategory(d, code);
  addNewOrTell(turn, d, words);
  d.editing = true;
  d.step = 'cat';
  turn.advance(d);
}

/** The story kept as it is ("Keep it", "That's all"): on as after an answer. */
export function keepStory(turn: Turn, d: Draft): void {
  delete d.storyPart;
  turn.advance(d);
}

/**
 * Yes shows the help numbers at once, before anything else is asked, and stores the report as it
 * is (kind, category, danger) so that a staff member is alerted now: the wizard goes on when
 * intake answers (`urgentStored`), so "staff alerted" comes before the next question.
 */
export function setDanger(turn: Turn, d: Draft, danger: boolean, numbersShown = false): void {
  d.danger = danger;
  if (!danger) return turn.advance(d);
  turn.replies.push({ type: 'emergency', category: d.category ?? '', ...(numbersShown ? { shown: true as const } : {}) });
  if (d.urgent || !d.kind || !d.category) return turn.advance(d);
  turn.effects.push({ type: 'urgent', draftId: d.id, report: { draftId: d.id, kind: d.kind, category: d.category } });
}

/**
 * Danger told after "is someone in danger?" was answered no ("bado wako nje wanatafuta mimi" at the
 * county question, "they are outside my house again" at the review): the numbers at once and staff
 * alerted, as a yes at the question does; it was only added to the story, the report sent at its
 * usual priority. The words stay in the story; at the story and injury questions they are read as
 * usual too (`answerToo`: "ndio anavuja damu" is someone hurt). The question comes again under
 * "alerted" (`urgentStored`). False once alerted.
 */
export function dangerToldLater(turn: Turn, d: Draft, text: string): 'answerToo' | boolean {
  if (d.danger !== false || d.urgent || d.step === 'danger' || !d.kind || !d.category || !saysDangerNow(text)) return false;
  d.danger = true;
  turn.replies.push({ type: 'emergency', category: d.category });
  turn.effects.push({ type: 'urgent', draftId: d.id, report: { draftId: d.id, kind: d.kind, category: d.category } });
  if (d.step === 'desc' || isInjuryStep(d.step)) return 'answerToo';
  addNewOrTell(turn, d, text);
  return true;
}

export function setCounty(turn: Turn, d: Draft, code: number, town?: Draft['town']): void {
  chooseCounty(d, code, town);
  turn.advance(d);
}

/**
 * The category answered: injury answers given under another category are dropped where this one
 * does not ask them the same way (`injuriesAfterCategoryChange`), so they are neither shown nor
 * sent; skips likewise (`skippedAfterCategoryChange`): what is kept is not asked again.
 */
export function chooseCategory(d: Draft, code: CategoryCode): void {
  // Through a change of kind, the category the injury answers were given under (`leaveCategory`).
  const from = d.category ?? d.injuriesUnder;
  delete d.injuriesUnder;
  const injuries = injuriesAfterCategoryChange(from, code, d.injuries);
  const skipped = skippedAfterCategoryChange(from, code, d.injuriesSkipped, injuries);
  if (injuries) d.injuries = injuries;
  else delete d.injuries;
  if (skipped.length) d.injuriesSkipped = skipped;
  else delete d.injuriesSkipped;
  delete d.offeredCategory;
  d.category = code;
}

/**
 * The kind changed: its category goes, but the injury answers wait for the next one, judged
 * against the category they were given under ("police brutality" changed to "election violence"
 * asks "was anyone hurt?" the same way: not asked again). A second change keeps the first category.
 */
export function leaveCategory(d: Draft): void {
  if (d.category && (d.injuries || d.injuriesSkipped)) d.injuriesUnder = d.category;
  d.category = undefined;
}

/**
 * The first message's police or election button tapped while the draft waits at the kind question
 * (the welcome stays up the chat): taken as the kind button is, the draft and what it holds kept.
 * Its tap was answered where it was handled, and the question after it comes as a new message;
 * the kind question's own buttons, answered now, are taken off it.
 */
export function kindFromWelcome(turn: Turn, d: Draft, kind: ReportKind): void {
  delete d.cancelAsked;
  unbuttonKind(turn, d);
  chooseKind(d, kind);
  turn.advance(d);
}

/**
 * The kind question answered other than by its own buttons (the welcome's tap, "polisi" typed):
 * its buttons taken off it (one Bot API call), or they stay under it and answer "older message".
 * Its own tap needs none: the question becomes the next one in place.
 */
export function unbuttonKind(turn: Turn, d: Draft): void {
  if (d.kindAsked !== undefined) turn.replies.push({ type: 'unbutton', messageId: d.kindAsked });
  delete d.kindAsked;
}

/**
 * The kind answered (a tap, "polisi", a request to report it): a different one drops the category.
 * A story kept before it that names one category of this kind ("walinipiga": force) has that
 * category offered at the category question, as a sentence typed there is; never chosen unasked.
 */
export function chooseKind(d: Draft, kind: ReportKind): void {
  if (d.kind !== kind) leaveCategory(d);
  d.kind = kind;
  const named = !d.category && d.text !== undefined ? categoryInWords(d.text, kind) : undefined;
  if (named) d.offeredCategory = named;
  else delete d.offeredCategory;
}

/** The town offered with its county ("Roysambu is in Nairobi City"), when the county chosen is (one of) its own. */
export function pendingTown(d: Draft, code: number): Draft['town'] {
  return d.town?.counties.includes(code) ? d.town : undefined;
}

/**
 * The county answered: a different one forgets what lay within the one before. `town`: the town
 * or area this answer named (it begins the place); none, and the place is asked within the county.
 */
export function chooseCounty(d: Draft, code: number, town?: Draft['town']): void {
  if (town) d.town = town;
  else delete d.town;
  delete d.offered;
  delete d.townAsked;
  if (d.county !== code) {
    // A place typed at the county question, before any county or while it was asked again
    // ('again'), was given for this answer; a bare mark left on a draft that had a county (an
    // older release answered the place without knowing it) keeps none.
    if (!(d.placeEarly === 'again' || (d.placeEarly && d.county === undefined))) {
      d.place = undefined;
      delete d.placeEarly;
    }
    // A pin shared while the county was asked (or before) was given for this answer, not the one before.
    if (!d.locationEarly) d.location = undefined;
    // Constituency and ward lie within the county: another county's would be wrong.
    d.constituency = undefined;
    d.ward = undefined;
    // The place set aside as in another county (`Draft.placeSetAside`): this is its county, so it is the place again, as typed early.
    if (d.placeSetAside !== undefined && !d.locationEarly && !placeOutsideCounty(d.placeSetAside, code, electoralUnits())) {
      Object.assign(d, { place: d.placeSetAside, placeEarly: 'again' });
      delete d.placeSetAside;
    }
  }
  d.county = code;
  d.countyPage = undefined;
  // Chosen now: a county typed ahead no longer passes the county question.
  delete d.countyEarly;
}

/** Send: asks intake to store the report (idempotent on the draft id); its answer comes back as `submitted`. */
export function submit(turn: Turn, d: Draft): void {
  const missing = firstMissing(d);
  if (missing) return turn.go(missing);
  const report = toReport(d);
  if (!report) return;
  turn.effects.push({ type: 'submit', draftId: d.id, report, ...(d.phone ? { phone: d.phone } : {}) });
}

/** Sent without the name: a number shared for a send that failed is dropped, never sent. */
export function sendAnonymously(turn: Turn, d: Draft): void {
  d.anonymous = true;
  d.phone = undefined;
  submit(turn, d);
}

/** The review's "change" menu: the injury question among the parts where this category asks it. */
export function askWhatToChange(turn: Turn, d: Draft): void {
  turn.say('review.edit_ask', undefined, { keyboard: { type: 'edit', draftId: d.id, ...(asksAboutInjuries(d.category) ? { injuries: true as const } : {}) } });
}

function notSentYet(turn: Turn): void {
  turn.answer();
  turn.say('review.not_sent_yet');
  turn.go('review');
}

/** A button of a report already sent: where it is and what the reporter can still do with it. */
function sentAlready(turn: Turn, reference: string): void {
  turn.inPlace = undefined;
  turn.answer();
  turn.say('submit.sent_button', { reference }, { html: true });
  if (turn.draft) return turn.show();
  turn.say('menu.prompt', undefined, { keyboard: { type: 'main' } });
}
