import { asksAboutOthers, asksAboutInjuries, painTold, everydayWord, countiesOfPlace, asksAboutProcess, deathTold, asksUsToCallHelp, asksWhoSees, fearsBeingKnown, tellsSpeechOrThreat, greetingOnly, categoryInWords, categoryOfEitherKind, kindInWords, checkText, countyTownName, toldForSomeoneElse, dayInStory, LIMITS, matchCounty, parseIncidentDate, phoneNumberWritten, townNamed, splitTime, timeAlone, townOutsideCounty, soundOnly, selfIntroduction, namesAPerson, type CategoryCode, type CountyMatch, type Greeting } from '../../domain';
import { STEPS, type DetailStep, type Draft, type MediaRef, type PassedOnRef, type Step } from '../session';
import { answerFix, askWhatToChange, chooseCategory, chooseCounty, chooseKind, countyChangedAtPlace, dangerToldLater, keepStory, noteDay, pendingTown, sendAnonymously, setCounty, setDanger, setTimeOfDay, storyDate, submit, unbuttonKind } from './buttons';
import { askPartAgain, categoryCorrection, correctAtReview, countyCorrection, countyNamedAtPlace, fixAsked, keepFixWords, readCorrection, type PlaceFix, type Correction } from './correction';
import { addNewOrTell, inStory, joinStory, joinWhatFits, sentAgain, tellStoryFull } from './story';
import { askToType, detailAtReview, isDetailStep, onDetailText, skipDetail, TAP_ONLY_DETAILS, tooLongForDetail } from './details';
import { markSplit, nextStep, PART_MIN_CHARS, PARTS_WINDOW_MS, placeGiven, townNaming, townOf, townPlace, withTown } from './flow';
import { dayOfMonth, formatDay, lastWeekend } from './format';
import { askInjury, isInjuryStep, noOneElseAfterKilling, onInjuryText } from './injuries';
import { agrees, careAfterYes, carriesOn, answerLead, categoryLabelled, confirmsOffer, categoryWord, dangerAfterNo, dangerAnswer, dangerToldAsYes, dangerToldFirst, dangerLead, disappearanceWords, releaseWords, dontKnow, kindTyped, normalise, identityWish, NO_NUMBER, BARE_NUMBER, readWord, safeAsNo, withoutAnswerWord, yeahAlone, type Word } from './parse';
import { countyKeyboard, earlyPlaceCounties, type Turn, storyCounty } from './turn';
import { electoralUnits } from './units';
import type { WizardInput } from './types';
import { storyPart, earlyStory, stopsForFear, withoutFear, asksUs, declinesFiles, dangerPart, DONE_WORDS, notAStory, tellsAnAct, doneInOneWord, namesWeaponOrBlow, kindAskedFor, toldWithAnswer, saysMoreOfDanger, feels, COMING, FILLERS, tellsWhoTheyWere, sumOfMoney, beginsWithAct, EARLY_STORY_CHARS, NO_ACCOUNT_WORDS, NOT_UNDERSTOOD, saysMoreAfter } from './story-words';
import { placeWithoutLead, COUNTY_NAME_MAX_CHARS, areaNamed, placePhraseFirst, countyAlone, placeMeant, fewWordsOfPlace, SAINT, namedSpot, plausibleName, TOWN_NAME_MAX_WORDS, NOT_LEAD, COURTESY, soleCounty, countyNamedIn, townWithin, placePhrase, type NamedCounty, checkedPlace, besideTown, townAlone, countyLandmark, townInTwoCounties, besideTownOnly, countyOfUnit, BEFORE_PLACE, VAGUE_WHEN, countyAndPlace, countyThenKnownPlace, placeInWords, notAPlace, onlyLead, plainlyPlace, HOW_SOMEONE_IS, wordCount, namesAPlace, placeTypedAlone, PLACE_LEADS, sorryOnly, estateBeforeCounty, estateAndCounty, estateWithCounty, countyByNameThenPlace } from './place-words';
import { dayAnswer, dayOfMonthAlone, placeThenDay, type DayRead, wordDay, dayThenMore, thenMore, addsNothing } from './day-words';
import { tellsWhatWasDone, correctedPlace, beginsDoneToSomeone, splitPlaceAfterAct } from './place-after-act';

type MessageInput = Extract<WizardInput, { type: 'text' | 'passedOn' | 'command' | 'media' | 'location' | 'contact' | 'other' }>;

const MB = 1024 * 1024;
/** Steps before the story: what happened, written or said there, is kept as the story. */
const BEFORE_STORY: readonly Step[] = ['kind', 'cat', 'danger'];

/** A voice note that can be the story: within the length and size a story's voice note may have. */
export function earlyVoice(media: MediaRef): { voice: MediaRef } | undefined {
  return media.kind === 'voice' && (media.durationSec ?? 0) <= LIMITS.voiceMaxSeconds && (media.size ?? 0) <= LIMITS.evidenceMaxBytes ? { voice: media } : undefined;
}

/** Steps asked again after a file is kept: the review shows the new count, and danger must not go unanswered. */
const ASK_AGAIN_AFTER_FILE: readonly Step[] = ['danger', 'review'];

/** A message (not a button) while a draft is open. */
export function onMessage(turn: Turn, input: MessageInput): void {
  const d = turn.draft;
  if (!d) return;
  // Within the wait, text is the next part; after it (a photo came between, or the bot restarted)
  // the parts are the story and this text answers the question after it.
  if (input.type === 'text' && d.step === 'desc' && d.parts && !input.label && !partsDue(turn, d)) return onPart(turn, d, input.text);
  flushParts(turn, d);
  if (turn.draft !== d) return;
  const asked = d.cancelAsked;
  d.cancelAsked = undefined;
  switch (input.type) {
    case 'text':
      // The keyboard's Back or Cancel at any step: tapped twice on a slow phone, the second tap
      // arrives after the first has moved on (never "that county was not recognised").
      if (input.label === 'back') return turn.back(d);
      if (input.label === 'cancel') return turn.cancelPressed(d);
      return onTextAfterNo(turn, d, input.text, asked === true);
    case 'passedOn':
      return onPassedOn(turn, d, input);
    case 'command':
      turn.say('wizard.unknown_command');
      return turn.show();
    case 'media':
      return onMedia(turn, d, input.media, input.caption, input.album, input.forwarded);
    case 'location':
      // Shared before the place question (first thing, on the danger path): kept, never "not understood".
      if (d.step === 'county' || d.step === 'desc' || (BEFORE_STORY.includes(d.step) && d.county === undefined)) return keepLocationEarly(turn, d, { lat: input.lat, lon: input.lon });
      if (d.step !== 'place') return unexpected(turn, d);
      // Shared while "Change the county to Nairobi City?" waits: the pin is the place, the words typed go to the story.
      if (fixAsked(d)) keepFixWords(turn, d);
      return takeLocation(turn, d, { lat: input.lat, lon: input.lon });
    case 'contact':
      if (d.step !== 'contact') return unexpected(turn, d);
      // Only the sender's own number: a forwarded or picked contact would identify someone else.
      if (!input.own) return turn.say('contact.not_yours', undefined, { keyboard: { type: 'contact' } });
      d.phone = input.phone;
      d.anonymous = false;
      // Back at the review: "Send again" after a failed save is a review button.
      d.step = 'review';
      turn.say('contact.thanks', undefined, { keyboard: { type: 'remove' } });
      // The reporter chose "Send with my phone number": sharing it sends the report.
      return submit(turn, d);
    default:
      return unexpected(turn, d);
  }
}

/**
 * A text, with danger said after a no read first: the question waits for the alert and is asked
 * under "alerted" (`urgentStored`); an answer given with it ("ndio anavuja damu") is taken, and
 * the question after it too waits, asked once, not above the alert and again under it.
 */
function onTextAfterNo(turn: Turn, d: Draft, text: string, asked: boolean): void {
  const told = asked ? false : dangerToldLater(turn, d, text);
  if (told === true) return;
  onText(turn, d, withoutToldYou(d, text), asked);
  if (told === 'answerToo') turn.holdQuestion();
}

/**
 * Before any other input: parts of a split paste still waiting are taken as the story once the
 * window has passed (the bot's timer normally does this with a `flush` input).
 */
export function flushParts(turn: Turn, d: Draft, force = false): void {
  if (!d.parts) return;
  if (!force && !partsDue(turn, d)) return;
  const story = d.parts.texts.join('\n');
  d.parts = undefined;
  if (d.step !== 'desc') return;
  takeStory(turn, d, story);
}

/** The wait for more parts has passed. */
function partsDue(turn: Turn, d: Draft): boolean {
  return d.parts !== undefined && turn.now.getTime() - d.parts.at >= PARTS_WINDOW_MS;
}

/** The next part of a split paste: a shorter one is the last. */
function onPart(turn: Turn, d: Draft, text: string): void {
  const parts = d.parts ?? { texts: [], at: 0 };
  parts.texts.push(text);
  parts.at = turn.now.getTime();
  d.parts = parts;
  if ([...text].length >= PART_MIN_CHARS) return void turn.effects.push({ type: 'hold', draftId: d.id });
  return flushParts(turn, d, true);
}

function unexpected(turn: Turn, d: Draft): void {
  if (isDetailStep(d.step)) {
    // At a question answered by a tap, "type your answer" would send the reporter the wrong way.
    turn.say(TAP_ONLY_DETAILS.includes(d.step) ? 'details.use_buttons' : 'details.unexpected');
    return turn.show();
  }
  turn.say(`unexpected.${d.step}`, d.step === 'when' ? { example: formatDay(turn.now.getTime()) } : undefined);
  return turn.show();
}

/**
 * A file at any step is kept as evidence (the story's voice note aside), from the first question
 * on: someone who saw it happen often sends the photos before anything else. (A list of the steps
 * that keep files had to grow with every new step, and a new one once lost its photos.)
 */
function onMedia(turn: Turn, d: Draft, media: MediaRef, caption?: string, album?: true, forwarded?: { from?: string }): void {
  // Someone else's voice note passed on is evidence of what happened, not the reporter's account.
  const storyVoice = d.step === 'desc' && media.kind === 'voice' && !forwarded;
  if (media.size !== undefined && media.size > LIMITS.evidenceMaxBytes) {
    turn.say('ev.too_big', { mb: LIMITS.evidenceMaxBytes / MB });
    return turn.show();
  }
  // Said before the story was asked, with no story yet: that is the story.
  const early = BEFORE_STORY.includes(d.step) && !d.text && !d.voice && !forwarded ? earlyVoice(media) : undefined;
  if (early) return keepEarly(turn, d, early);
  if (storyVoice) {
    if ((media.durationSec ?? 0) > LIMITS.voiceMaxSeconds) return longVoice(turn, d, media);
    d.voice = media;
    // The rest of a story kept in part: its words stay beside the voice note (the agency gets both).
    if (!d.storyPart) {
      d.text = undefined;
      delete d.storyCut;
    }
    delete d.storyPart;
    turn.say('desc.voice_received');
    return turn.advance(d);
  }
  const list = (d.evidence ??= []);
  const max = LIMITS.evidenceMaxItems;
  if (list.length >= max) {
    // Past the limit within an album: said once, with the album's answer.
    if (album) return holdAlbum(turn, d, 'full');
    return turn.say('ev.full', { max }, d.step === 'ev' ? { keyboard: { type: 'evidence', draftId: d.id, count: list.length } } : {});
  }
  list.push({ ...media, ...(caption ? { caption: caption.slice(0, 1024) } : {}), ...(forwarded?.from ? { forwardedFrom: forwarded.from.slice(0, 200) } : {}) });
  // An album comes as one update per file: one answer (and one review) once the last has come.
  if (album && !(d.step === 'desc' && !d.parts && caption?.trim() && !forwarded)) return holdAlbum(turn, d, d.albumPending === 'full' ? 'full' : true);
  // Its answer asks for the reporter's own words: the story's question is not asked again after it.
  if (forwarded && media.kind === 'voice' && d.step === 'desc' && !caption?.trim()) return turn.say('desc.forwarded_voice', { count: list.length, max });
  // Someone else's caption (a forwarded post) is kept with the file, never taken as the reporter's story.
  return fileKept(turn, d, forwarded ? undefined : caption);
}

/** A forwarded text as the draft keeps it: trimmed, within one message's length. */
export function passedOnRef(input: PassedOnRef): PassedOnRef {
  const text = [...input.text.trim()].slice(0, LIMITS.passedOnMaxChars).join('');
  return { text, ...(input.from ? { from: input.from.slice(0, 200) } : {}), ...(input.at !== undefined ? { at: input.at } : {}) };
}

/**
 * A text forwarded from someone else (a post, a threat): kept with the report as evidence of what
 * was said, never as the reporter's account, which is asked for while there is none. (It was
 * taken as the story, and an agency read someone else's post as the reporter's words.)
 */
function onPassedOn(turn: Turn, d: Draft, input: PassedOnRef): void {
  const list = (d.passedOn ??= []);
  const max = LIMITS.passedOnMaxItems;
  if (list.length >= max) {
    turn.say('passed.full', { max });
    return turn.show();
  }
  const kept = passedOnRef(input);
  if (kept.text) list.push(kept);
  const count = list.length;
  if (d.step === 'desc' && !d.text && !d.voice && !d.parts) return turn.say('passed.kept_story', { count, max });
  if (ASK_AGAIN_AFTER_FILE.includes(d.step)) {
    turn.say('passed.kept', { count, max });
    return turn.show();
  }
  turn.say('passed.kept_answer', { count, max });
}

/**
 * A voice note longer than a story's may be, at the story question: kept with the report as a
 * file (what someone said is never thrown away), and a short account asked for. Refused only
 * when the report's files are full.
 */
function longVoice(turn: Turn, d: Draft, media: MediaRef): void {
  const minutes = LIMITS.voiceMaxSeconds / 60;
  const list = (d.evidence ??= []);
  const max = LIMITS.evidenceMaxItems;
  if (list.length >= max) {
    turn.say('desc.voice_too_long', { minutes });
    return turn.show();
  }
  list.push(media);
  turn.say('desc.voice_too_long_kept', { minutes, count: list.length, max });
}

function holdAlbum(turn: Turn, d: Draft, state: true | 'full'): void {
  d.albumPending = state;
  turn.effects.push({ type: 'hold', draftId: d.id });
}

/**
 * The album's one answer: once its last file came (`flush`), or, when the wait was lost (a
 * restart), before whatever the reporter sends next (`brief`: the count only, that answer follows).
 */
export function albumAnswer(turn: Turn, d: Draft, brief = false): void {
  const full = d.albumPending === 'full';
  delete d.albumPending;
  if (full) turn.say('ev.full', { max: LIMITS.evidenceMaxItems });
  if (brief) return turn.say('ev.kept', { count: d.evidence?.length ?? 0, max: LIMITS.evidenceMaxItems });
  fileKept(turn, d);
}

/** The answer to a file kept as evidence, for the step the reporter is at. */
export function fileKept(turn: Turn, d: Draft, caption?: string): void {
  const list = d.evidence ?? [];
  const max = LIMITS.evidenceMaxItems;
  if (d.step === 'ev') return turn.say('ev.count', { count: list.length, max }, { keyboard: { type: 'evidence', draftId: d.id, count: list.length } });
  // A file whose caption tells what happened, sent before the story was asked: the caption is the story too.
  const told = BEFORE_STORY.includes(d.step) && !d.text && !d.voice && caption ? earlyStory(caption) : undefined;
  if (told) {
    turn.say('ev.kept', { count: list.length, max });
    return keepEarly(turn, d, told);
  }
  if (ASK_AGAIN_AFTER_FILE.includes(d.step)) {
    turn.say('ev.kept', { count: list.length, max });
    return turn.show();
  }
  // A photo with the story as its caption, sent when the story is asked: that is the story.
  if (d.step === 'desc' && !d.parts && caption?.trim()) {
    turn.say('ev.kept', { count: list.length, max });
    return takeStory(turn, d, caption);
  }
  // Kept with the report; the question stays where it was, and the reporter is told it still
  // waits (not asked again: an album would ask it once per photo).
  turn.say('ev.kept_answer', { count: list.length, max });
}

/** "Back" typed, in English or Swahili (the button reads "‹ Nyuma"): whole messages only, "nyuma ya stage" is a place. */
const BACK_WORDS = new Set(['back', 'go back', 'nyuma', 'rudi nyuma', 'turudi nyuma', 'nirudi nyuma', 'rudi', 'turudi']);

function onText(turn: Turn, d: Draft, input: string, cancelAsked: boolean): void {
  if (continuesEarlyStory(turn, d)) return appendEarly(turn, d, input);
  const word = readWord(input);
  if (cancelAsked && (agrees(word) || word === 'cancel')) return turn.cancel();
  if (cancelAsked && (word === 'no' || carriesOn(input))) return turn.show();
  if (d.step === 'contact' && atPhoneQuestion(turn, d, input, word)) return;
  // A cancel word is never taken as the story or the place: it is asked about first.
  if (word === 'cancel') return turn.askCancel(d);
  // "Nyuma", "go back" typed: the Back button's word at every question but the first (there Back leaves the report)
  // and the phone one (which reads it itself). It was "not understood", or added to the story.
  if (d.step !== 'kind' && d.step !== 'contact' && BACK_WORDS.has(normalise(input))) return turn.back(d);
  // "Naogopa, sitaki tena", "I'm scared I don't want to continue": the fear answered and whether to
  // stop asked, in one message ("No, carry on" asks the question again). It was the whole story.
  if (stopsForFear(normalise(input))) return turn.askCancel(d, 'privacy.fear');
  dangerBeforeAsked(turn, d, input);
  if (askedAboutTheReport(turn, d, input) || saidFear(turn, d, input) || afraidOrWithheld(turn, d, input) || painSaid(turn, d, input) || signedOff(turn, d, input) || toldAlready(turn, d, input)) return;
  // "Sasa" where it reads as "now" (the day) is that answer; alone at the danger question it is above all
  // Kenya's "hi", never a yes that alerts staff ("sasa hivi" is the yes).
  const hello = greetingAt(d, input);
  if (hello && (!word || (d.step === 'danger' && normalise(input) === 'sasa'))) return greeted(turn, d, hello);
  if (identityWishAnswered(turn, d, input) || dayCorrectedEarly(turn, d, input)) return;
  if (isInjuryStep(d.step)) {
    // "Nakuru", "juzi", "kayole junction" typed ahead: the county, the day or the place, never "sijaelewa" and lost.
    // The day first: "Kisumu Kondele on Saturday" was the county and an estate "Kondele on Saturday".
    if (countyAndDayAhead(turn, d, input) || countyAhead(turn, d, input) || countyDeniedEarly(turn, d, input) || countyFixedAtInjury(turn, d, input)) return;
    if (d.step === 'hurt' && deathTold(input) && !noOneElseAfterKilling(d, input)) return deathAtHurt(turn, d, input);
    return onInjuryText(turn, d, d.step, input, (more) => addToStory(turn, d, more), (more) => answeredAheadAtInjury(turn, d, more), (more) => void addWords(turn, d, withoutAnswerWord(more)));
  }
  // "Change the county to Nyandarua?" waits: "ndio" or "hapana" answers it; anything else leaves its words in the story first.
  if (fixAsked(d)) {
    // "Nairobi" typed again to "Change the county to Nairobi City?" asked at the place: a yes (it was added to the story, and asked again).
    const again = d.step === 'place' && d.county !== undefined && countyNamedAtPlace(placeWithoutLead(input), d, turn.now, electoralUnits()) === d.fix?.county?.code;
    if (again || agrees(word) || word === 'no') return answerFix(turn, d, again || word !== 'no');
    keepFixWords(turn, d);
  }
  // At the kind question, the kind misspelt ("plice", "uchagzi") or with who they were ("police officers").
  const kindWord = !word && d.step === 'kind' ? kindTyped(input) : undefined;
  if (kindWord && onWord(turn, d, kindWord, input)) return;
  if (word && onWord(turn, d, word, input)) return;
  if (hello) return greeted(turn, d, hello);
  // "Ndio hiyo", "yes that's it" to the category offered: the yes it is, never words of the story.
  if (!word && d.step === 'cat' && d.offeredCategory && confirmsOffer(input) && onWord(turn, d, 'yes', input)) return;
  if (unanswered(turn, d, input, word) || answeredInWords(turn, d, input)) return;
  if (d.step === 'danger' && UNSURE.test(normalise(input))) return unsureOfDanger(turn, d, input);
  if (d.step === 'danger' && dangerAfterNo(input)) return noTakenBackByDanger(turn, d, input);
  if (d.step === 'cat' && unsureOfCategory(turn, d, input)) return;
  if (d.step !== 'desc' && d.step !== 'review' && asksUs(input)) {
    turn.say('wizard.question');
    return turn.show();
  }
  if (isDetailStep(d.step)) {
    // An account too long for the question is more of the story, kept; the question is asked again.
    if (tooLongForDetail(d.step, input) && addToStory(turn, d, input)) return turn.show();
    return onDetailText(turn, d, d.step, input);
  }
  // The county or a place typed before its question, at any question before the story (the danger one too): kept, never the story nor "sijaelewa".
  if (BEFORE_STORY.includes(d.step) && (placeFirst(turn, d, input) || countyAndDayAhead(turn, d, input) || countyAhead(turn, d, input))) return;
  if (BEFORE_STORY.includes(d.step) && toldBeforeItsQuestion(turn, d, input)) return;
  return onStepText(turn, d, input);
}

/**
 * "Amekufa", "he died" at "was anyone hurt?": the death kept in the story, never lost. After a
 * brutality story the report becomes a killing by police, said so (Change at the review undoes it),
 * and "was anyone else hurt?" is asked with its sympathy; elsewhere the sympathy and the question again.
 */
function deathAtHurt(turn: Turn, d: Draft, input: string): void {
  addWords(turn, d, withoutAnswerWord(input));
  if (d.kind === 'police' && d.category === 'p_force') {
    chooseCategory(d, 'p_killing');
    turn.say('injury.hurt.now_killing', { category: { key: 'common:categoryButton.p_killing' } });
  } else if (!asksAboutOthers(d.category)) turn.say('injury.hurt.loss');
  askInjury(turn, d, 'hurt');
}

/**
 * "Can you call the police?": we cannot, call 999 or 112. "Ni salama?", "nani ataona?", "who sees this?": who reads it. "Imefika?", "how long will it
 * take?", "when will you call me?": not sent yet, and what happens once it is. Either answered and
 * the question asked again; never "sijaelewa", the story, the place, an answer, nor "no one has
 * read your question" (`asksUs`), which answered some of them. Who sees it is read first.
 */
function askedAboutTheReport(turn: Turn, d: Draft, input: string): boolean {
  const review = d.step === 'review';
  // "Can you call the police?": Ripoti cannot, and may not read it at once; 999 or 112, first of all.
  if (asksUsToCallHelp(input)) turn.say(review ? 'review.call_help' : 'wizard.call_help');
  else if (asksWhoSees(input)) turn.say(review ? 'review.privacy' : 'wizard.privacy');
  else if (asksAboutProcess(input)) turn.say(review ? 'review.process' : 'wizard.process');
  else return false;
  turn.show();
  return true;
}

/**
 * "Naogopa watanijua", "I'm scared they will find out it was me" (`fearsBeingKnown`): how to stay
 * unknown and who reads a report, then the question again; it was the story, the place or
 * "sijaelewa". At the story question the fear may be part of what happened: kept as the story
 * begun, and the rest asked for. At the phone question it is a mind changed about the number: back
 * to the review, where Send anonymously is. Not while the story is being changed (the words
 * would replace it): there, only answered.
 */
function saidFear(turn: Turn, d: Draft, input: string): boolean {
  // "Yes, I fear they will come for me" at the danger question: the yes first, as the numbers and the alert must not wait.
  if (!fearsBeingKnown(input) || (d.step === 'danger' && dangerLead(input) === true)) return false;
  if (d.step === 'contact') {
    turn.say('review.fear', undefined, { keyboard: { type: 'remove' } });
    turn.go('review');
    return true;
  }
  if (d.step === 'desc' && !d.editing && (d.storyPart || (d.text === undefined && !d.voice))) {
    // The story question again shows them ("So far you told us"), and the rest follows them.
    if (joinStory(d, input)) d.storyPart = true;
    else tellStoryFull(turn, input);
    turn.say('privacy.fear');
  } else turn.say(d.step === 'review' ? 'review.fear' : 'wizard.fear');
  turn.show();
  return true;
}

/** The answer withheld: "sitaki kusema", "I don't want to say", "siwezi sema", "can't say", "I'd rather not say". */
const WITHHELD = /^(?:(?:do not|dont|don t) want to (?:say|tell|share)(?: it)?|(?:can t|cant|cannot|can not) (?:say|tell)(?: it)?|(?:d|would) rather not(?: say)?|rather not(?: say)?|prefer not to say|sitaki (?:ku)?(?:sema|taja|eleza|sema hapo|pataja)|siwezi (?:ku)?(?:sema|taja|eleza)|sitaweza (?:ku)?(?:sema|taja))$/;

/** Fear alone ("naogopa sana", "I am so scared"), or the answer withheld with or without it ("cant say im scared", "siwezi sema naogopa"). */
function fearOrWithheld(n: string): 'fear' | 'withheld' | undefined {
  const { core, fear } = withoutFear(n);
  if (!core) return fear ? 'fear' : undefined;
  return WITHHELD.test(core) ? 'withheld' : undefined;
}

/** The county, the place or the day is asked: where fear, pain, a sign-off or "I told you already" may come instead of the answer. */
const asksWhereOrWhen = (d: Draft): boolean => d.step === 'county' || d.step === 'place' || d.step === 'when';

/**
 * Fear alone, or the answer withheld, where the county, the place or the day is asked: the place was "I dont want to
 * say" or "naogopa sana", the county "I do not know that county" and the day "I could not read that date". At the place:
 * no exact spot needed, a place near it is enough, and who reads it; elsewhere the fear answered. The question again.
 */
function afraidOrWithheld(turn: Turn, d: Draft, input: string): boolean {
  if (!asksWhereOrWhen(d)) return false;
  const said = fearOrWithheld(normalise(input));
  if (!said || (said === 'withheld' && d.step !== 'place')) return false;
  turn.say(d.step === 'place' ? 'place.rather_not' : 'wizard.fear');
  turn.show();
  return true;
}

/** The words before the pain ("stage ya Kayole | naumia mguu", "Kayole, | nina maumivu"), where a place may be named. */
const BEFORE_PAIN = /[,.;]|\s+(?=\S*(?:umia|umizwa|uma|maumivu|pain|hurt))/u;

/** "Nairobi, naumia sana", "stage ya Kayole naumia mguu", "jana usiku nimeumizwa": the answer said with the pain, read as before. */
function answerBesidePain(input: string): boolean {
  return namesAPlace(input) || placePhraseFirst(input.split(BEFORE_PAIN)[0] ?? '') !== undefined || DAY_SAID.test(normalise(input));
}

/** A day said in the words ("jana usiku nimeumizwa", "yesterday, I am badly hurt"). */
const DAY_SAID = /\b(?:jana|juzi|leo|yesterday|today|tonight|last night|usiku|asubuhi|jioni|mchana|morning|evening|night|jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}\/\d{1,2})\b/;

/**
 * "I am in pain", "nina maumivu makali", "mguu unauma" where the county, the place or the day is asked, after the
 * story: the words kept in it (once), sympathy and 999/112 (Ripoti sends no ambulance), and the question again. It
 * was kept as the place, or "I could not read that date".
 */
function painSaid(turn: Turn, d: Draft, input: string): boolean {
  if (!asksWhereOrWhen(d) || (d.text === undefined && !d.voice) || !painTold(input)) return false;
  if (answerBesidePain(input)) return false;
  if (!inStory(d, input) && !joinStory(d, input)) tellStoryFull(turn, input);
  turn.say('wizard.pain');
  turn.show();
  return true;
}

/** "I told you already", "same as above", "nishasema", "kama nilivyosema": the answer said to be in the story. */
const TOLD_ALREADY = /^(?:(?:but|lakini|si|bro|boss) )?(?:i (?:already )?told you|i already (?:said|wrote)(?: (?:it|that|this))?|i ve (?:already )?(?:said|told you)(?: (?:it|that))?|same as (?:i said )?(?:above|before)|as i said(?: above| before)?|nimesha(?:sema|kwambia|kuambia|andika)|nishasema|nishakwambia|nishaandika|nimekwambia|nimesema|nilisema(?: hapo)? juu|nimeandika (?:hapo )?juu|kama nilivyosema)(?: (?:already|tayari|before|above|juu|hapo juu))?$/;

/** "I said", "nimekuambia" said beside an answer (not alone, where `TOLD_ALREADY` reads them): no part of it. */
const TOLD_BESIDE = /^(?:(?:but|lakini|si|bro|boss|like|as|kama) )?(?:i said|i told you|nimekuambia|nimekwambia|nimesema|nilivyosema|nilivyokuambia)$/;
const toldYou = (words: readonly string[]): boolean => {
  const n = normalise(words.join(' '));
  return TOLD_ALREADY.test(n) || TOLD_BESIDE.test(n);
};

/**
 * "Kenyatta avenue i said", "jana nimekuambia", "I already told you, Kondele stage" where the county, the place or the day
 * is asked, "si nimekuambia mgongo unauma" at an injury question: the answer alone, read as if typed so. The words went into the story, and the question was asked again.
 */
function withoutToldYou(d: Draft, input: string): string {
  const words = input.trim().split(/\s+/);
  // Alone ("I told you already", "same as i said above"), it is said so (`toldAlready`).
  if (!(asksWhereOrWhen(d) || isInjuryStep(d.step)) || words.length < 2 || words.length > 14 || toldYou(words)) return input;
  for (let k = Math.min(5, words.length - 1); k >= 1; k--) {
    // Not "I said no to the bribe ..." (what they said), nor "near the church where i said" (the place's own words).
    const rest = words.slice(k);
    if (toldYou(words.slice(0, k)) && !SAID_WHAT.test(normalise(rest[0]))) return rest.join(' ').replace(/^[\p{P}\s]+/u, '');
    const head = words.slice(0, -k);
    if (toldYou(words.slice(-k)) && !CLAUSE_WORD.test(normalise(head[head.length - 1]))) return head.join(' ').replace(/[\s,;:-]+$/u, '');
  }
  return input;
}

/** What was said, after "I said" ("I said no to the bribe"): no answer follows. */
const SAID_WHAT = /^(?:no|yes|hapana|ndio|ndiyo|that|to|kwamba|kuwa|nothing|sikuwa)$/;
/** A clause's word before "i said" ("where i said"): part of the answer's own words. */
const CLAUSE_WORD = /^(?:where|that|what|when|which|who|whom|ambapo|ambako|ambayo|ambaye|nilipo|tulipo)$/;

/**
 * "I told you already", "nishasema" where the county, the place or the day is asked: the bot could not pick the answer
 * out of the story (it would have offered it), so it says so and asks for it here again. It was added to the story as a
 * line ("I told you already"), and the question asked as if unheard.
 */
function toldAlready(turn: Turn, d: Draft, input: string): boolean {
  if (!asksWhereOrWhen(d) || !TOLD_ALREADY.test(normalise(input))) return false;
  turn.say('wizard.told_already');
  turn.show();
  return true;
}

/** "Ni hayo tu", "that's all", "basi": nothing more to tell (`SIGN_OFF` after the story, `GO_ON` at a detail). */
const ALL_TOLD = 'ni hayo tu|hayo tu|ni hayo|hiyo tu|that is all|thats all|that s all|nothing more|hakuna zaidi|basi|basi tu';
/** "Ni hayo tu", "hiyo ndio story", "that's all": the account ended, nothing told. */
const SIGN_OFF = new RegExp(`^(?:${ALL_TOLD}|hiyo ndio story|hiyo ndio stori|ni hivyo tu|hivyo tu|that is it|thats it|that s it)$`);

/**
 * The account said to be over ("ni hayo tu", "that's all") after the story, where a later question is asked (the
 * injury, county, place or day ones): "OK." and the question again. It was added to the story, which the agency read.
 */
function signedOff(turn: Turn, d: Draft, input: string): boolean {
  const asked = isInjuryStep(d.step) || asksWhereOrWhen(d);
  if (d.text === undefined || !asked || !SIGN_OFF.test(normalise(input))) return false;
  turn.say('wizard.ok');
  turn.show();
  return true;
}

/**
 * "Wako nje ya nyumba yangu sasa hivi nisaidie" typed at the kind or category question: the numbers at once, and the
 * danger question takes it as the yes when it comes (`dangerSaid`), as for a first message that says so. It was kept
 * as the story only, and danger asked later as if unsaid. What else the words tell is read as before.
 */
function dangerBeforeAsked(turn: Turn, d: Draft, input: string): void {
  if ((d.step !== 'kind' && d.step !== 'cat') || d.danger !== undefined || d.dangerSaid || !dangerToldFirst(input)) return;
  d.dangerSaid = true;
  d.dangerSaidAt = turn.now.getTime();
  turn.replies.push({ type: 'emergency', category: d.category ?? '' });
}

/**
 * "Habari", "hello", "is this Ripoti?", "naitwa Peter": greeted back and the question asked again; never the story, an
 * answer or a new report. A name where the details for the agency are asked ("mimi ni Kamau" to whom it happened) is that answer.
 */
function greetingAt(d: Draft, input: string): Greeting | undefined {
  const hello = greetingOnly(input);
  return hello?.kind === 'name' && isDetailStep(d.step) ? undefined : hello;
}

/** A greeting, or "what is this?", in the middle of a report: answered in a line, the question at hand asked again. */
function greeted(turn: Turn, d: Draft, hello: Greeting): void {
  // The review has no question below it, only the ways to send: it says so (`review.not_sent_yet`).
  const at = d.step === 'review' ? 'review' : 'wizard';
  // "Naitwa Peter Mwangi": no name is needed, and it is kept nowhere (it was the whole story, read by staff even if sent anonymously).
  turn.say(`${at}.${hello.kind === 'what' ? 'what_is_this' : hello.kind === 'name' ? 'name_not_needed' : 'greeting'}`);
  turn.show();
}

/** Typed text that is nothing said above: the answer to the question at hand. */
function onStepText(turn: Turn, d: Draft, input: string): void {
  switch (d.step) {
    case 'desc':
      return onStoryText(turn, d, input);
    case 'county':
      return onCountyText(turn, d, input);
    case 'place':
      return onPlaceText(turn, d, input);
    case 'when':
      return onDate(turn, d, input);
    case 'contact':
      return turn.say('contact.use_button', undefined, { keyboard: { type: 'contact' } });
    case 'ev':
      // "No, I don't have any photos of it": no files, said in words; not more of the story.
      if (declinesFiles(input)) {
        d.evidence ??= [];
        return turn.advance(d);
      }
      return moreStoryOrUnexpected(turn, d, input);
    case 'review':
      return atReview(turn, d, input);
    default:
      // A day typed ahead of its question ("jumamosi", "jana usiku"): kept, never "sijaelewa" and lost.
      if (BEFORE_STORY.includes(d.step) && dayFirst(turn, d, input)) return;
      return moreStoryOrUnexpected(turn, d, input);
  }
}

/**
 * A day ("jana usiku", "leo saa nne") typed at the kind, category or danger question, often by someone in
 * danger answering what they expect to be asked: kept (the date question not asked) and this
 * question asked again; "not understood" lost it, again and again.
 */
function dayFirst(turn: Turn, d: Draft, input: string): boolean {
  const day = d.when === undefined ? dayAnswer(input, turn.now) : undefined;
  // At the danger question "now" is that question's own word ("sasa hivi"), never the day.
  if (!day || (d.step === 'danger' && day.when === 'now')) return false;
  noteDay(d, day);
  turn.say('when.kept_early', { date: formatDay(day.incidentAt) });
  turn.show();
  return true;
}

/**
 * A town or area named alone ("Kayole", "Githurai 45", "Roysambu") at the kind, category or danger
 * question, as someone answers where before being asked: kept as the place for the county chosen
 * next (the place question not asked), said so, and this question asked again. It was "not
 * understood" and lost, or ("Githurai 45") kept as the story. A county's own name, a town that is
 * also a greeting ("hola") or an everyday word ("umoja") is not read so.
 */
function placeFirst(turn: Turn, d: Draft, input: string): boolean {
  // After a county typed ahead ("Nairobi", then "Mathare"), a place that may lie in it, as at the injury questions (`placeAhead`).
  const countyAsked = d.county !== undefined && !(d.countyEarly && !townOutsideCounty(input, d.county, electoralUnits()));
  if (d.editing || countyAsked || d.place !== undefined || d.location || [...input].length > COUNTY_NAME_MAX_CHARS) return false;
  // A county's own name is its county (`countyAhead`), also where a constituency bears it ("Kiambu", "Makueni", "Samburu", "Vihiga").
  const county = countyAlone(input);
  if (county && county.town === undefined) return false;
  const named = areaNamed(input);
  // Or a place phrase with a place's noun ("kituo cha polisi cha Kasarani", "Kencom stage"): it went into the story.
  const phrase = named ? undefined : placePhraseFirst(input);
  const check = checkText(phrase ?? input, LIMITS.placeMaxChars);
  if ((!named && phrase === undefined) || !check.ok) return false;
  turn.say('wizard.place_kept', { place: keepPlaceAtCounty(d, check.text) });
  turn.show();
  return true;
}

/**
 * A county typed ahead at an injury question ("nairobi" at "was anyone hurt?") or at the category list: the county, as at
 * the story's question (`restOfStoryAnswered`); it was "not understood" (or, at the P3 question,
 * added to the story). Said so, the injury question asked again, and the county question passed
 * after it (`Turn.advance`). Not while changing an answer, nor once a county is given.
 */
function countyAhead(turn: Turn, d: Draft, input: string): boolean {
  if (d.editing || d.county !== undefined || readWord(input)) return false;
  // Or "Kayole Nairobi", "Pipeline Nakuru": the county named, with the estate as a town typed alone ("Kayole") is, the place then asked within it.
  const m = ([...input].length > COUNTY_NAME_MAX_CHARS ? undefined : countyAlone(input)) ?? estateAsTown(input);
  if (!m) return false;
  keepCountyAhead(turn, d, m);
  turn.show();
  return true;
}

/** A correction's lead ("hapana", "sorry", "actually", "haikuwa ..."): what follows changes an answer. */
const CORRECTING = /^(?:(?:oh|ooh|o|eh|aah) )?(?:no|nope|hapana|la|sorry|samahani|pole|actually|kumbe|wait|ngoja|oops|not|sio|si|haikuwa|it wasn t|it was not|i mean|nilimaanisha|nimekosea|i made a mistake|my mistake|correction)\b/;
/** A day said not to be the one ("it was yesterday, not today", "si leo, ni jana"). */
const NOT_THAT_DAY = /\b(?:not|sio|si|siyo) (?:today|leo|yesterday|jana|juzi)\b/;
/** A correction's lead, never a bare no: at the danger question a no is its own answer (`dayWithNo` reads a day with it). */
const SORRY_FIRST = /^(?:(?:oh|ooh|o|eh|aah) )?(?:sorry|samahani|pole|oops|nimekosea|i made a mistake|my mistake|correction)\b/;

/**
 * "Hapana haikuwa leo, ilikuwa juzi jioni", "sorry it was not today, it was yesterday" after a day was kept early, at a
 * question before the day's: the day changed (`readCorrection`) and said, the question asked again. It went into the
 * story, and the day first kept was sent. Not at the story question (its words are the story); at the danger one only after a
 * sorry (a no there is its answer, read with its day by `dayWithNo`).
 */
function dayCorrectedEarly(turn: Turn, d: Draft, input: string): boolean {
  const early = STEPS.indexOf(d.step) < STEPS.indexOf('when') && d.step !== 'desc';
  const n = normalise(input);
  const correcting = d.step === 'danger' ? SORRY_FIRST.test(n) || (NOT_THAT_DAY.test(n) && !answerLead(input)) : CORRECTING.test(n) || NOT_THAT_DAY.test(n);
  if (d.editing || d.when === undefined || !early || !correcting) return false;
  const fix = readCorrection(input, d, turn.now);
  const day = fix?.part === 'when' ? fix.when : undefined;
  if (!day) return false;
  noteDay(d, { when: day.when, incidentAt: day.incidentAt, time: day.timeOfDay });
  turn.say('when.kept_early', { date: formatDay(day.incidentAt) });
  turn.show();
  return true;
}

/**
 * "Mombasa, Likoni, jana jioni", "nrb kayole juzi" at an injury question: the county (with its estate) and the day, each
 * read as when typed alone there (`countyAhead`, `dayFirst`), kept and said in one message; the question asked again.
 * They went into the story, and both were asked for after the injuries.
 */
function countyAndDayAhead(turn: Turn, d: Draft, input: string): boolean {
  if (!countyAndDay(turn, d, input, 'when.kept_early')) return false;
  turn.show();
  return true;
}

/** The county and the day of "Mombasa, Likoni, jana jioni" kept, and said (`dayKey`: with "please answer the question below first" or without). */
function countyAndDay(turn: Turn, d: Draft, input: string, dayKey: 'when.kept_early' | 'danger.day_noted'): boolean {
  if (d.editing || d.county !== undefined || d.when !== undefined || readWord(input)) return false;
  const split = placeThenDay(input, turn.now);
  const where = split && split.day.when !== 'now' ? split.place : '';
  const m = where && [...where].length <= COUNTY_NAME_MAX_CHARS ? (countyAlone(where) ?? estateAsTown(where)) : undefined;
  // Only an estate the lists know: "Uasin Gishu, Kamukunji grounds Eldoret" is a place in a town, left to the story as before.
  if (!split || !m || (m.town !== undefined && !townNamed(m.town))) return false;
  countyKept(d, m);
  noteDay(d, split.day);
  turn.message([
    { key: 'danger.county_noted', params: { county: { countyCode: m.county.code } } },
    { key: dayKey, params: { date: formatDay(split.day.incidentAt) } },
  ]);
  return true;
}

/** "Kayole Nairobi" read as "Kayole" typed alone is: the county, and the estate as the town named for it. */
function estateAsTown(input: string): Extract<CountyMatch, { kind: 'exact' }> | undefined {
  // Or the county first ("Nairobi, Kayole", "nrb kayole"): read the same way.
  const named = estateWithCounty(input);
  return named && { kind: 'exact', county: named.county, town: named.estate };
}

/**
 * What no injury answer reads, typed at an injury question, that answers a question still to come
 * or asks us one: a question to us ("how long will it take?") answered as at other questions; a
 * day ("last week on monday") kept for the date question; a place after the county typed there
 * (`placeAhead`). They went into the story (or were "not understood" under a voice note, and lost)
 * and were asked for again after the injuries.
 */
function answeredAheadAtInjury(turn: Turn, d: Draft, input: string): boolean {
  if (d.editing) return false;
  if (asksUs(input) && !ABOUT_INJURIES.test(normalise(input))) {
    turn.say('wizard.question');
    turn.show();
    return true;
  }
  if (d.when === undefined && dayAnswer(input, turn.now)?.when !== 'now' && dayFirst(turn, d, input)) return true;
  return placeFixedAhead(turn, d, input) || placeAhead(turn, d, input);
}

/**
 * "Sorry ilikuwa Kitengela" at an injury question after "Nairobi" was kept early (`countyAhead`):
 * the place meant (`placeMeant`), as a place typed alone there is. So too a known town or area
 * typed alone ("Kitengela", `areaNamed`) while no place is kept: never an everyday word ("wote"),
 * a greeting ("hola") or an injury ("rungus"); it was kept as the place, in Nairobi. A place of another county takes
 * the county kept back: the place is kept, said so, and the county question after the injuries
 * offers its county on top (`earlyPlaceCounties`: "Kitengela is in Kajiado"); the question
 * interrupted is asked again. It was kept word for word as the place, in Nairobi.
 */
function placeFixedAhead(turn: Turn, d: Draft, input: string): boolean {
  if (!d.countyEarly || d.county === undefined || d.location) return false;
  const sorry = placeMeant(input);
  // "Kayole Nairobi", "sorry ilikuwa Kitengela Kajiado": the estate, within the county it names.
  const named = estateWithCounty(sorry ?? (d.place === undefined ? input : ''));
  if (named) return estateNamedAhead(turn, d, named);
  const meant = sorry ?? (d.place === undefined && areaNamed(input) ? input.trim() : undefined);
  const counties = meant !== undefined ? countiesOfPlace(meant, electoralUnits()) : undefined;
  if (meant === undefined || d.county === undefined) return false;
  if (!counties || counties.includes(d.county)) return placeAhead(turn, d, meant);
  const old = d.county;
  const check = checkText(meant, LIMITS.placeMaxChars);
  if (!check.ok) return false;
  for (const key of ['county', 'countyEarly', 'town', 'placeSetAside', 'placeRead'] as const) delete d[key];
  Object.assign(d, { place: check.text, placeEarly: true });
  turn.say('injury.place_other_county', { place: check.text, county: { countyCode: old } });
  turn.show();
  return true;
}

/**
 * An estate and its county typed at an injury question after a county was kept early ("Nairobi", then "Kayole Nairobi"):
 * in the county kept, the estate is the place, as "Kayole" alone is; in another ("Kitengela Kajiado"), that county is
 * taken, as its own name would be (`keepCountyFixed`), and the place asked within the estate after the injuries.
 */
function estateNamedAhead(turn: Turn, d: Draft, named: NonNullable<ReturnType<typeof estateWithCounty>>): boolean {
  if (named.county.code === d.county) return placeAhead(turn, d, named.estate);
  return keepCountyFixed(turn, d, { code: named.county.code, town: named.estate }, undefined);
}

/** A question about the injury question itself ("what is a P3 form?", "what do you mean?"): the buttons are asked for, not "no one has read it". */
const ABOUT_INJURIES = /\b(mean|maana|maanisha|question|swali|p3|prc|form|fomu|hurt|injur\w*|medical|matibabu|hospital|hospitali|doctor|daktari)\b/;

/**
 * A place typed right after the county was typed ahead at an injury question ("Nairobi", then
 * "kayole junction"): the answer to where, as the county was; kept as the place for after the
 * injuries (`Turn.advance` passes its question, saying it). A few words telling no act, no person
 * and no state, that reads as a place: anything else goes on as before (the story, or an injury answer).
 */
function placeAhead(turn: Turn, d: Draft, input: string): boolean {
  if (!d.countyEarly || d.county === undefined || d.place !== undefined || d.location) return false;
  const place = fewWordsOfPlace(input);
  // At an injury question, never words that begin as a sentence does ("tunataka haki", "niliona likitokea", "tafadhali
  // mtusaidie": an everyday word or a verb first, no place lead): they were kept, and the place never asked. A name no
  // list knows ("Koma Rock", "stage ya Kwa Ndege") is still the place.
  if (place === undefined || (isInjuryStep(d.step) && beginsAsSentence(input))) return false;
  Object.assign(d, { place, placeEarly: true });
  turn.say('injury.place_kept', { place });
  turn.show();
  return true;
}

/** An everyday word or a verb first, and no place named ("tunataka haki"): a sentence, not a place's name. */
function beginsAsSentence(input: string): boolean {
  const first = normalise(input).split(' ')[0] ?? '';
  return everydayWord(first) && !PLACE_LEADS.has(first) && !namesAPlace(input) && !namedSpot(input) && !plainlyPlace(input);
}

/** "Hola", "holla": hi in a text, and a town of Tana River that is known (src/domain/towns.ts, `greeting`). */
const HOLA = /^hol+a\W*$/i;

/**
 * A town or village no list knows ("Ndabibi"), typed at the county question: kept as the place for
 * the county chosen next, as a place led into is (`placeBeforeCounty`), said so, and the county
 * asked with its buttons. It was "I do not know that county", and the only name the reporter knew
 * was lost. Right after "type the name of the nearest town" (`Draft.townAsked`, said to "sijui")
 * it is the town asked for; typed unasked, the county is said unknown too. Either way only a name is
 * read so (`plausibleName`): a misspelt county ("Nairobbi") was offered already (a suggestion),
 * and after a lead word ("ilikuwa Nairobbi") it is said unknown, never kept as the place.
 * Names only: letters, each word with a vowel ("qwrtz" is no name), and never a greeting ("holla").
 */
function unknownTown(turn: Turn, d: Draft, input: string, keyboard: ReturnType<typeof countyKeyboard>): boolean {
  const words = input.trim().split(/\s+/);
  if (!words.every((w) => (/^[\p{L}'’-]+$/u.test(w) && /[aeiouy]/i.test(w)) || SAINT.test(w)) || greetingOnly(input) || HOLA.test(input.trim())) return false;
  // Asked or not, a name: "bro", "kesho", "scared" after "sijui" were kept as the town.
  const spot = namedSpot(input);
  if (!spot && !plausibleName(input)) return false;
  // "Naitwa Wafula", "Brian Otieno", "Pastor John": a person (the reporter, maybe), whose name kept as the place agents would
  // read even when sent anonymously. A place noun makes it a spot named after one ("Tom Mboya Street", "Pastor John Church").
  if (selfIntroduction(input) !== undefined || (!spot && namesAPerson(input))) return false;
  // Unasked, never over a place or a pin kept already: the county is what is being typed.
  if (!d.townAsked && (d.place !== undefined || d.location)) return false;
  const typed = fewWordsOfPlace(input, TOWN_NAME_MAX_WORDS, spot);
  // "Ilikuwa Nairobbi": a county misspelt after a lead word is the county typed, never the place (which would not be asked).
  if (typed === undefined || (!d.townAsked && matchCounty(placeWithoutLead(typed)).kind !== 'none')) return false;
  const place = keepPlaceAtCounty(d, typed);
  turn.say(d.townAsked ? 'county.town_kept' : 'county.unknown_kept', { place }, { keyboard });
  return true;
}

/** The county typed before an injury question: taken, said so, and its question passed after them (`Turn.advance`). */
function keepCountyAhead(turn: Turn, d: Draft, m: Extract<CountyMatch, { kind: 'exact' }>, key = 'injury.county_kept'): void {
  countyKept(d, m);
  turn.say(key, { county: { countyCode: m.county.code } });
}

/** The county typed before its question, with the town it was named by, kept for it. */
function countyKept(d: Draft, m: Extract<CountyMatch, { kind: 'exact' }>): void {
  chooseCounty(d, m.county.code, townNaming(m.town, m.county.code));
  d.countyEarly = true;
}

/**
 * "Sitaki jina langu lijulikane", "nataka kutoa jina langu" before the review: how to send so (the
 * Send button for it at the end), and the question asked again; never the story, a place or an
 * answer. Said with what was done ("bila jina tafadhali, polisi walinipiga jana"), told how and
 * false: the words read on as typed (they were lost, the question asked again).
 */
function identityWishAnswered(turn: Turn, d: Draft, input: string): boolean {
  const wish = d.step !== 'review' && d.step !== 'contact' ? identityWish(input) : undefined;
  if (!wish) return false;
  turn.say(wish === 'anonymous' ? 'wizard.anonymous' : 'wizard.named');
  if (tellsWhatWasDone(normalise(input))) return false;
  turn.show();
  return true;
}

/** "Sijui" to "what happened?": how to choose (the closest, or "other"), never "not understood". */
function unsureOfCategory(turn: Turn, d: Draft, input: string): boolean {
  if (!d.kind || (!dontKnow(input) && readWord(input) !== 'skip')) return false;
  turn.say('category.dont_know', { other: { key: `common:categoryButton.${d.kind === 'election' ? 'e' : 'p'}_other` } });
  turn.show();
  return true;
}

/** What happened, typed at the kind, the category or the danger question: kept (and a category it names offered); false for anything else. */
function toldBeforeItsQuestion(turn: Turn, d: Draft, input: string): boolean {
  // "They beat my brother at the station": the category it names offered for a tap, the words kept as the story.
  const named = d.step === 'cat' && d.kind ? (categoryInWords(input, d.kind) ?? releaseWords(input, d.kind)) : undefined;
  if (named) {
    keepAndOffer(turn, d, input, named);
    return true;
  }
  if (d.step === 'kind' && !d.editing && offerAtKind(turn, d, input)) return true;
  const story = !d.text && !d.voice ? earlyStory(input) : undefined;
  if (story) keepEarly(turn, d, story);
  else if (d.step === 'danger' ? dangerPart(input) : storyPart(input)) keepStoryPart(turn, d, input);
  else return false;
  return true;
}

/** Words typed where the story is asked. */
function onStoryText(turn: Turn, d: Draft, input: string): void {
  if (categorySaidWrong(turn, d, input)) return;
  // "That's all", "ni hayo tu" to a story kept (shown here): the button's answer, in words; never added to it.
  if ((d.text !== undefined || d.voice) && DONE_WORDS.test(normalise(input))) return keepStory(turn, d);
  if (addedToKeptStory(turn, d, input)) return;
  if (restOfStoryAnswered(turn, d, input) || countyDeniedEarly(turn, d, input) || whereBeforeStory(turn, d, input)) return;
  if (dayBeforeStory(turn, d, input) || countyFixedBeforeStory(turn, d, input)) return;
  if (STUCK.test(normalise(input))) {
    turn.say('desc.how_to_start');
    return turn.show();
  }
  if (notAStory(input)) {
    turn.say('desc.not_a_story');
    return turn.show();
  }
  if ([...input].length >= PART_MIN_CHARS) {
    // Maybe the first of several parts: wait briefly for the rest before going on.
    d.parts = { texts: [input], at: turn.now.getTime() };
    return void turn.effects.push({ type: 'hold', draftId: d.id });
  }
  return takeStory(turn, d, input);
}

/** "Pia ...", "they also ...", "and they took ...", "I forgot to say ...": more of an account, not a new one. */
const MORE_OF_IT = /^(?:(?:oh|sorry|samahani|ah)[\s,]+)?(?:(?:and |na )?(?:pia|also|plus|zaidi ya hayo|another thing|one more thing|jambo lingine|kitu kingine|kuna kitu nilisahau)\b|(?:and|na|alafu|halafu|kisha)\s|(?:\w+ )?also\b|(?:i forgot to (?:say|mention|add|tell you)|(?:nilisahau|nimesahau) (?:ku)?(?:sema|kwambia|kuambia|taja))\b)/;

const MORE_MAX_CHARS = 160;
/** "I also want to correct", "tena sio elfu moja": a correction of the account, which a new text replaces as the question says. */
const CORRECTS = /\b(?:correct|correction|rekebisha|sahihisha)\b|^(?:tena |and |na )?(?:sio|si|siyo|haikuwa|not|it wasn t|it was not)\b/;

/**
 * Words that add to the story ("pia alichukua leseni yangu", "they also took my phone", "nilisahau kusema ...") typed
 * where the story kept is shown again (Change, Back): added to it, and on as after "Keep it". The question says a new
 * text replaces it, but a hurried reporter adds the detail forgotten; the whole account was lost under that one line.
 */
function addedToKeptStory(turn: Turn, d: Draft, input: string): boolean {
  // A few words, shorter than the account kept: an account typed anew ("Askari wa trafiki ... leseni yangu pia") replaces it.
  const n = normalise(input);
  if (d.text === undefined || d.storyPart || [...input].length > MORE_MAX_CHARS || input.length >= d.text.length || CORRECTS.test(n) || !MORE_OF_IT.test(n)) return false;
  if (!inStory(d, input) && !joinStory(d, input)) {
    tellStoryFull(turn, input);
    return true;
  }
  turn.say('desc.added');
  turn.advance(d);
  return true;
}

/**
 * "Ilikuwa jana", "it was yesterday", "sorry i meant yesterday", or only the day ("jana", "juzi",
 * "last night", "leo asubuhi") where the story is asked: the day led into, corrected
 * (`dayCorrected`) or alone, whole (`dayAnswer`: "jana polisi walinipiga" is a story), kept as a
 * day typed early is (`dayFirst`), said, and the story asked again; the day not asked later. They
 * were the whole story. "Sasa hivi" is no day here.
 */
function dayBeforeStory(turn: Turn, d: Draft, input: string): boolean {
  if ([...input].length > 40) return false;
  const led = input.replace(DAY_LEAD, '');
  const day = (led !== input ? dayAnswer(led, turn.now) : undefined) ?? dayCorrected(input, d, turn.now) ?? dayAnswer(input, turn.now);
  if (!day || day.when === 'now') return false;
  noteDay(d, day);
  turn.say('when.kept_early', { date: formatDay(day.incidentAt) });
  turn.show();
  return true;
}

/**
 * "Hapana ni Nakuru", "sorry i meant Kisumu" where the story is asked (`countyCorrection`): the
 * county, as when typed ahead (`keepCountyAhead`), or the county typed early changed (its place
 * dropped, `chooseCounty`); said, and the story asked again. They were the whole story.
 */
function countyFixedBeforeStory(turn: Turn, d: Draft, input: string): boolean {
  if (d.editing || (d.county !== undefined && !d.countyEarly) || [...input].length > 60) return false;
  const fixed = countyCorrection(input, d, turn.now);
  return fixed?.county !== undefined && keepCountyFixed(turn, d, fixed.county, fixed.when);
}

/**
 * "Sorry it was Kisumu", "samahani ni Kisumu" at an injury question (`countyCorrection`): a county's
 * own name corrects the county kept early, or given before Back was tapped, as where the story is
 * asked; said, and the question asked again. It was kept as the place "Kisumu", in Nairobi, or
 * (the county given) added to the story. A town with the sorry is the place meant (`placeFixedAhead`).
 */
function countyFixedAtInjury(turn: Turn, d: Draft, input: string): boolean {
  if (d.editing || [...input].length > 60) return false;
  const fixed = countyCorrection(input, d, turn.now);
  return fixed?.county !== undefined && !fixed.county.town && keepCountyFixed(turn, d, fixed.county, fixed.when);
}

/** The county corrected before its question: kept as typed ahead (a place kept under the old one dropped, `chooseCounty`), said, the question asked again. */
function keepCountyFixed(turn: Turn, d: Draft, county: NonNullable<Correction['county']>, when: Correction['when']): boolean {
  chooseCounty(d, county.code, townNaming(county.town, county.code));
  d.countyEarly = true;
  if (when) noteDay(d, { when: when.when, incidentAt: when.incidentAt, time: when.timeOfDay });
  turn.say('injury.county_kept', { county: { countyCode: county.code } });
  turn.show();
  return true;
}

/**
 * "Sitaki kusema", "sijui nianzie wapi", "I don't know where to start": someone finding it hard to
 * begin, not a story. Kept, it was the whole story; they are helped to start (what, who, where).
 */
const STUCK =
  /^(?:(?:sitaki|sipendi|siwezi) (?:kusema|kueleza|kuongea|kuzungumza|kuongelea)(?: (?:chochote|sana|hapa|sasa))?|sijui (?:nianzie|nianze|nianzia|niseme|nieleze|nikueleze|nikwambie) (?:wapi|vipi|nini|aje)|(?:i )?(?:don t|dont|do not) (?:want to|wanna) (?:say|talk|tell|talk about it|say it)|(?:i )?(?:don t|dont|do not) know (?:where|how) to (?:start|begin)|(?:i )?(?:can t|cant|cannot) say)$/;

/**
 * A county ("Nakuru") where the story is asked and none is told yet, then a place ("Free area"):
 * the county and the place, as when typed at the injury questions (`countyAhead`, `placeAhead`),
 * said so, and the story asked again; neither asked after it. "Free area" was the whole story.
 */
function whereBeforeStory(turn: Turn, d: Draft, input: string): boolean {
  if (d.text !== undefined || d.voice || d.editing) return false;
  if (countyAhead(turn, d, input)) return true;
  return placeAhead(turn, d, input);
}

/**
 * "Sio Nakuru", "not in Nakuru" where the story or an injury question is asked, after "Nakuru" was
 * kept from earlier words (`countyAhead`): the county taken back with the place kept under it, said
 * so, and the county asked after them. It was kept as the place "sio Nakuru", in Nakuru (at the
 * injury questions, added to the story, the county left).
 */
function countyDeniedEarly(turn: Turn, d: Draft, input: string): boolean {
  if (!d.countyEarly || d.county === undefined || d.editing || [...input].length > COUNTY_NAME_MAX_CHARS) return false;
  const n = normalise(input);
  const m = NOT_LEAD.test(n) ? matchCounty(n.replace(NOT_LEAD, '')) : undefined;
  if (m?.kind !== 'exact' || m.town || m.county.code !== d.county) return false;
  const county = d.county;
  for (const key of ['county', 'countyEarly', 'town', 'place', 'placeEarly', 'placeRead'] as const) delete d[key];
  turn.say('injury.county_not', { county: { countyCode: county } });
  turn.show();
  return true;
}

/**
 * "Sorry i chose wrong, it was arrest not bribe" where the story is asked, before any story: the
 * category question again, the one named offered for a tap or "yes" (`categoryCorrection`, as at
 * the review); the story and what is missing asked after it, as after a change. It was taken as
 * the story and the report sent with the category said to be wrong.
 */
function categorySaidWrong(turn: Turn, d: Draft, input: string): boolean {
  if (d.text !== undefined || d.voice || d.editing) return false;
  const code = categoryCorrection(input, d);
  if (!code) return false;
  d.offeredCategory = code;
  d.editing = true;
  turn.go('cat');
  return true;
}

/**
 * A short answer where "So far you told us" asks for the rest of a story kept (`Draft.storyPart`):
 * a county, a day or "no" is no story, but "please tell us what happened" read as if the story
 * had not arrived. The county ("Kisumu") ends the story and answers its question, when that comes
 * next or after the injury questions; a day ("last night") is the rest, added; "no" keeps the story as it is.
 */
function restOfStoryAnswered(turn: Turn, d: Draft, input: string): boolean {
  if (!d.storyPart || d.text === undefined || d.editing || [...input].length > 30) return false;
  const word = readWord(input);
  const county = countyAlone(input);
  if (county) {
    if (nextStep(d, 'desc') !== 'county') {
      // The injuries are asked first: the county is kept for after them, as when typed at them (`countyAhead`).
      if (d.county === undefined) keepCountyAhead(turn, d, county);
      keepStory(turn, d);
      return true;
    }
    delete d.storyPart;
    d.step = 'county';
    onCountyText(turn, d, input);
    return true;
  }
  if (word === 'today' || word === 'yesterday' || word === 'dayBefore' || parseIncidentDate(input, turn.now).ok) {
    takeStory(turn, d, input);
    return true;
  }
  if (word !== 'no') return false;
  keepStory(turn, d);
  return true;
}

/** "Send", "tuma" typed at the review: sent the way that gives away least, as "yes" is; "niko sure, tuma", "nimemaliza, tuma" too. */
const SEND_WORDS =
  /^((niko sure|i am sure|im sure|i m sure|imeisha|nimemaliza|ni hayo tu|hayo tu|done|that is all|thats all|that s all) )?((ok|okay|sawa|yes|ndio|ndiyo|poa|sure|alright|fine) )*(please |tafadhali )?(send|submit|confirm|tuma|ituma|itume|ipeleke|thibitisha|ithibitishe)( it| sasa| now| tu| basi| please| tafadhali| hii| hiyo| hio| ripoti| the report| my report| anonymously| without my name| bila jina| bila kutaja jina| langu)*$/;
/**
 * "Ni sawa", "ndio ni sawa tuma", "it is correct": the answer to "is everything right?" that the
 * review asks, sent as "yes" and "sawa" are (the way that gives away least). They were added to
 * the story, which an agency reads, and the report was not sent.
 */
const CORRECT_WORDS =
  /^((ni|iko|ndio|ndiyo|yes|yeah|ok|okay|sawa|yote|kila kitu|it|its|it s|that|thats|that s|is|everything|all) )*(sawa|sahihi|kweli|poa|fiti|correct|right|fine|good)( (kabisa|tu|basi|asante|sana|thanks|thank you|tuma|ituma|itume|send|send it|please|tafadhali))*$/;
/**
 * A question at the review ("will the police know it was me?"): nobody reads it before the report
 * is sent, and added to the story it would reach the agency as part of the account.
 */
const QUESTION = /^(je|will|would|does|do you|can you|can i|could|is it|are you|what does|what is|how do|how does|how long|why|kwa nini|nini maana|maana ya|watajua|nitajulikana|mtanipigia|mtaniambia|itachukua)\b/;
/** Asking to change something at the review: the change menu, not more of the story. */
const CHANGE_WORDS = /^(i want to |i d like to |nataka |naomba )?(change|edit|correct|badilisha|kubadilisha|rekebisha|kurekebisha)\b/;
/** A part of the report by its name ("kaunti", "tarehe", "the story"), as the Change menu's buttons are. */
const PART_NAMES: readonly [RegExp, Step][] = [
  [/^(?:county|kaunti)$/, 'county'],
  [/^(?:place|location|mahali|pahali|eneo)$/, 'place'],
  [/^(?:date|day|time|tarehe|siku|lini|when)$/, 'when'],
  [/^(?:story|description|maelezo|hadithi|what happened|kilichotokea|account)$/, 'desc'],
  [/^(?:category|type|aina|kind|what it is about)$/, 'kind'],
  [/^(?:injuries|injury|majeraha|who was hurt)$/, 'hurt'],
  [/^(?:photos?|pictures?|evidence|ushahidi|picha|files?|video)$/, 'ev'],
];
const CHANGE_PART = /^(?:(?:i want to |i d like to |nataka (?:ku)?|naomba (?:ku)?)?(?:change|edit|correct|badilisha|rekebisha|badili) )?(?:the |my |ya |la )?(.+?)(?: (?:please|tafadhali|tu))?$/;

/**
 * "Kaunti", "tarehe", "change the date", "nataka kubadilisha mahali" at the review: that part's question, as its Change
 * button opens it (the place within the county kept). They were "not understood", or the Change menu again and again.
 */
function partNamedToChange(turn: Turn, d: Draft, n: string): boolean {
  const named = CHANGE_PART.exec(n)?.[1] ?? '';
  const part = PART_NAMES.find(([re]) => re.test(named))?.[1];
  if (!part || (part === 'hurt' && !asksAboutInjuries(d.category)) || (part === 'place' && d.county === undefined)) return false;
  d.editing = true;
  turn.go(part);
  return true;
}

/**
 * "I want to change the category, it was not bribery, they were voting with IDs of dead people": what was told after
 * the wish kept in the story, and the part named opened (else the Change menu). The words were lost to the menu.
 */
/** A request about the report, not what happened ("please remove Kamau", "sitaki jina langu", "I'm not sure what", "I typed it wrong"). */
const ASKED_OF_US = /\b(?:please|pls|plz|naomba|tafadhali|remove|delete|don t|dont|do not|include|futa|mfute|ondoa|toa|sitaki|not sure|sina uhakika|typed|nimekosea|nilikosea|mistake)\b/;

function changeWithMore(turn: Turn, d: Draft, input: string): boolean {
  const [, head = '', rest = ''] = FIRST_PAUSE.exec(input.trim()) ?? [];
  const wish = normalise(head);
  if (!rest || !CHANGE_WORDS.test(wish) || !storyPart(rest) || ASKED_OF_US.test(normalise(rest))) return false;
  addNewOrTell(turn, d, rest.trim());
  if (!partNamedToChange(turn, d, wish)) askWhatToChange(turn, d);
  return true;
}

/** "Si sawa", "it is not correct": something is wrong, so what to change is asked; never added to the story. */
const NOT_RIGHT = /^((hapana|no|la) )?(si sawa|sio sawa|siyo sawa|si sahihi|sio sahihi|siyo sahihi|not correct|not right|(it is|its|it s|that is|thats|that s) (not correct|not right|wrong)|wrong|kuna kosa|kuna makosa)\b/;
/** "Nataka kuongeza picha", "i have a video", "add photo", "ongeza", "can I add a video": a file to add, or more. */
const ADD_FILES = new RegExp(
  [
    String.raw`^(?:(?:je|ok|okay|sawa|pia|also|and|na|nataka|ningependa|naomba|naweza|i want to|i d like to|i would like to|can i|may i|let me|how do i|how can i) )*`,
    String.raw`(?:(?:(?:ku)?(?:ongeza|tuma|weka|attach)|nitatuma|nitaweka|nitakutumia|add|send|attach|upload|i will send|i ll send|ill send|i can send|i have|i also have|nina|niko na|kuna|there is|i got) )?`,
    String.raw`(?:(?:a|an|the|some|more|my|zaidi) )?`,
    // "Screenshot ya mpesa", "ujumbe wa mpesa", "the mpesa message": the usual proof of a bribe.
    String.raw`(?:picha|video|videos|photo|photos|picture|pictures|pic|pics|image|images|file|files|faili|evidence|ushahidi|clip|screenshot|screenshots|(?:m ?pesa) (?:message|messages|sms|screenshot|ujumbe)|(?:ujumbe|message|messages|sms)(?: (?:ya|wa|za|of the|of))? m ?pesa)`,
    String.raw`(?: (?:zaidi|pia|nyingine|too|also|more|yake|zake|of it|ya tukio|please|tafadhali|ya m ?pesa|wa m ?pesa|za m ?pesa|kama ushahidi|as evidence|as proof))*$`,
    String.raw`|^(?:(?:nataka|naomba|naweza|i want to|can i) )?(?:(?:ku)?ongeza|add)(?: (?:zaidi|more|kitu|something))?$`,
  ].join(''),
);

/** How to add a file at the review: send it here (`fileKept` keeps it and shows the review); or that there is no room. */
function howToAddFiles(turn: Turn, d: Draft): void {
  const max = LIMITS.evidenceMaxItems;
  turn.say((d.evidence?.length ?? 0) >= max ? 'ev.full' : 'review.files_how', { max });
  turn.show();
}

/** A phone number typed after the words ("... my number 0712 345 678", "+254 712 345678"). */
const PHONE_TYPED = /[\s,:-]*(?:\+?254|0)(?:[\s-]?\d){9}\s*$/;

/** "Weka namba yangu", "tuma na namba yangu", "my number", "send with my number": the review's 📞 choice, typed. */
const MY_NUMBER =
  /^(?:(?:ok|okay|sawa|ndio|ndiyo|yes|please|tafadhali|nataka|naomba|i want to|i d like to) )*(?:(?:ku)?(?:weka|tuma|itume|ituma|toa|peana|tumia|ongeza)|send|send it|share|give|use|add)? ?(?:na |pamoja na |with )?(?:(?:namba|nambari)(?: ya simu)? yangu|(?:my )?(?:phone |mobile )?number|my phone)(?: (?:pia|too|also|please|tafadhali))?$/;

/**
 * "Sitaki namba yangu ionekane" with a phone number in the story: sent anonymously, staff would
 * still read that number. It goes anonymously once sent (a number shared for a failed send
 * dropped), and the review is shown again with its warning and how to take the number out.
 */
function numberInStory(turn: Turn, d: Draft): void {
  d.anonymous = true;
  d.phone = undefined;
  turn.show();
}

/**
 * Words typed at the review, where the whole report was just shown: a detail remembered ("they
 * had guns", three words or more) is added to the story and the review shown again with it,
 * never thrown away as "not understood".
 */
function atReview(turn: Turn, d: Draft, input: string): void {
  const n = normalise(input);
  // "Nataka kuongeza picha", "can I add a video?": how (sent here, it is kept); it was added to the story.
  if (ADD_FILES.test(n)) return howToAddFiles(turn, d);
  const told = tellsAnAct(n) || n.split(' ').some(doneInOneWord);
  const asked = input.includes('?') || QUESTION.test(n);
  // "Sitaki jina langu ijulikane", "bila jina", "tuma bila jina": sent as 🕶 Send anonymously is, a
  // number kept from a failed send dropped. It was added to the story, or sent with that number.
  // "What does anonymous mean?" is a question, answered below; with more told ("walichukua simu, niko
  // bila namba yangu") the words are the story's and the buttons choose, never sent with them lost.
  const wish = asked || told ? undefined : identityWish(input);
  const noNumber = !asked && !told && NO_NUMBER.test(n);
  // A number in the story would still be read by staff: not sent, the review's warning of it shown.
  if (noNumber && d.text && phoneNumberWritten(d.text)) return numberInStory(turn, d);
  if (wish === 'anonymous' || noNumber) return sendAnonymously(turn, d);
  // "Weka namba yangu", "my number": the number asked for, as 📞 Send with my phone number does.
  // "Yes send with my number 0712345678": the number is asked by the button (only a shared contact is known to be theirs), never kept in the story.
  if (wish === 'named' || (!asked && (MY_NUMBER.test(n) || MY_NUMBER.test(normalise(input.replace(PHONE_TYPED, ' ')))))) return turn.go('contact');
  if (SEND_WORDS.test(n) || (CORRECT_WORDS.test(n) && !input.trim().endsWith('?'))) return submit(turn, d);
  if (input.trim().endsWith('?') || QUESTION.test(n)) {
    turn.say('review.question');
    return turn.show();
  }
  if (DONE_WORDS.test(n)) {
    turn.say('review.not_sent_yet');
    return turn.show();
  }
  // "Polling station ni Kasarani Primary", "wadi ya Roysambu": its own field, never the story;
  // what was done there ("wahuni walivamia Kasarani Primary polling station") is the story.
  if (!told && detailAtReview(turn, d, input)) return;
  // "Hapana ilikuwa jana", "tarehe si sawa": that part is offered to change, never left wrong under a story that says otherwise.
  // "Wrong place, I was at the stage jana": the place offered with the day said after it, never the change menu.
  const fixPlace = correctedPlace(input, turn.now, d.place, true);
  const placeFix = fixPlace && { place: fixPlace.place, ...(fixPlace.day ? { when: dayFix(fixPlace.day) } : {}), ...(fixPlace.told ? { told: fixPlace.told } : {}) };
  if (correctAtReview(turn, d, input, placeFix)) return;
  if (partNamedToChange(turn, d, n)) return;
  if (changeWithMore(turn, d, input)) return;
  if (CHANGE_WORDS.test(n) || NOT_RIGHT.test(n)) return askWhatToChange(turn, d);
  if (addToStory(turn, d, input)) return turn.show();
  const words = n.split(' ');
  // Two words are enough when they tell what was done ("pia walinipiga"): lost as "not understood" otherwise.
  // One word, when it tells what they did to someone ("walinisimamisha").
  const tooFew = words.length < 3 && !(words.length === 2 && tellsAnAct(n)) && !(words.length === 1 && doneInOneWord(n));
  if (tooFew || words.every((w) => COURTESY.has(w)) || (d.text === undefined && !d.voice)) return unexpected(turn, d);
  if (alreadyTold(turn, d, input)) return turn.show();
  if (joinStory(d, input)) turn.say('desc.added');
  else tellStoryFull(turn, input);
  return turn.show();
}

/** A county or a town of one as the first one to three words ("Kisumu, Kondele", "Homa Bay juzi"). */
function countyFirst(input: string): boolean {
  const words = input.trim().split(/\s+/);
  return [3, 2, 1].some((k) => words.length >= k && matchCounty(words.slice(0, k).join(' ').replace(/[,.;:]+$/u, '')).kind === 'exact');
}

/**
 * "Nairobi last night", "Kisumu leo asubuhi", "Kayole jana": the county (or a town of one) and when, in one answer. It
 * was only offered to tap ("Did it happen in Nairobi City?"), and the day was lost and asked again later.
 */
function countyThenDay(turn: Turn, d: Draft, input: string): boolean {
  const words = input.trim().split(/\s+/);
  if (words.length > 8) return false;
  for (let k = words.length - 1; k >= 1; k--) {
    const m = matchCounty(words.slice(0, k).join(' ').replace(/[,.;:]+$/u, ''));
    if (m.kind !== 'exact') continue;
    const day = dayAnswer(words.slice(k).join(' '), turn.now);
    // "Nairobi now", "Nairobi sasa": no day (the danger question said whether it goes on), as at the other questions.
    if (!day || day.when === 'now') return false;
    noteDay(d, day);
    setCounty(turn, d, m.county.code, townNaming(m.town, m.county.code) ?? pendingTown(d, m.county.code));
    return true;
  }
  return false;
}

/**
 * A yes, "ni", "it was", "iko", "nilikuwa" before a county's name ("ndio kisumu", "ni Kisumu, Kondele"), or a yes after it
 * ("kisumu ndio"). Not "in", "pale", "kwa" ("in Nakuru", "pale Eldoret"): a place led into names the town as much as its
 * county, which is offered to tap, and where in the town asked.
 */
const COUNTY_LEAD = /^(?:(?:ndio|ndiyo|ndo|yes|yeah|yah|ee|eeh|ni|ilikuwa|ilikua|it was|it s|its|it's|it’s|iko|nilikuwa|tulikuwa)[\s,.!:;-]+)+(?=\p{L})(?!(?:in|kwa|pale|huko|kule|katika|at)\b)/iu;
const COUNTY_YES_AFTER = /[\s,.!]+(?:ndio|ndiyo|yes)[\s.!]*$/iu;

function onCountyText(turn: Turn, d: Draft, input: string): void {
  // "Ndio kisumu", "ni Kisumu, Kondele": read as typed without the lead; it was only offered to tap, and asked again.
  const bare = input.replace(COUNTY_LEAD, '').replace(COUNTY_YES_AFTER, '');
  // Only a short answer with nothing taken back ("ni Nairobi, si Kiambu", "its Nairobi, but i live in Kiambu" are offered to tap, as before).
  const short = wordCount(bare) <= 4 && !/\b(?:but|lakini|ila|si|sio|not|no)\b/.test(normalise(bare));
  if (bare !== input && bare.trim() && short && countyFirst(bare)) return onCountyText(turn, d, bare);
  const m = matchCounty(input);
  // A well-known town ("Kitengela") is taken as its county at once, as a county's name is: each
  // lies in one county only, so a tap to confirm would add a step without making the county surer;
  // the place question then names both ("Kitengela is in Kajiado. Where in Kitengela exactly?"),
  // and Back returns here. Typing the county a town was offered with ("Rongai") keeps the town.
  if (m.kind === 'exact') return setCounty(turn, d, m.county.code, townNaming(m.town, m.county.code) ?? pendingTown(d, m.county.code));
  if (countyThenDay(turn, d, input) || countyThenPlace(turn, d, input)) return;
  // "Did you mean Kisumu?" "Ndio": the county offered; or the one county of a town typed before ("Kayole": Nairobi City), or the story's ("huko Nakuru").
  const early = earlyPlaceCounties(d);
  const offeredOne = d.offered ?? (early ? soleCounty(early.counties) : storyCounty(d));
  if (offeredOne !== undefined && agrees(readWord(input))) return setCounty(turn, d, offeredOne, pendingTown(d, offeredOne));
  // "Jana", "yesterday", "juzi usiku" typed here answer when (it was "I do not know that county"): kept, and the day not asked after the place.
  const day = dayAnswer(input, turn.now);
  if (day && day.when !== 'now') {
    noteDay(d, day);
    const words = input.trim();
    return turn.say('county.day_noted', { words }, { keyboard: countyKeyboard(d, d.countyPage ?? 0, d.offered !== undefined ? [d.offered] : []) });
  }
  const page = d.countyPage ?? 0;
  // What was offered stays on top while the question is asked again (a place typed before the tap).
  const offered = d.offered !== undefined ? [d.offered] : [];
  // "Sijui" is no county: asked for a town or an area near it, never offered the nearest spelling (Kitui).
  if (readWord(input) === 'skip' || dontKnow(input)) {
    d.townAsked = true;
    return turn.say('county.dont_know', undefined, { keyboard: countyKeyboard(d, page, offered) });
  }
  if (m.kind === 'none' && (offerArea(turn, d, input, page) || areaLedInto(turn, d, input, page))) return;
  // "Niko Mombasa, Likoni ferry": a county named inside the answer is offered, never taken for more story.
  const within = countyNamedIn(input);
  if (m.kind !== 'suggest' && within && placeNamingTown(turn, d, input, within, page)) return;
  if (m.kind === 'none' && !within && placeNamingTwoCounties(turn, d, input, page)) return;
  const named = m.kind === 'suggest' ? m.county : within?.county;
  const added = addToStory(turn, d, input, named !== undefined);
  if (named) {
    d.offered = named.code;
    // "Niko Nairobi Kayole", "Pipeline Nakuru": the estate named with it is kept for the place question, once the county is tapped.
    const town = townWithin(input, named.code) ?? (within ? estateBeforeCounty(input, named.code) : undefined);
    if (town) d.town = { name: town, counties: [named.code] };
    // A near spelling is "not found, did you mean"; a county written right inside the answer is only asked about.
    return turn.say(within?.county.code === named.code ? 'county.named' : 'county.suggest', { county: { countyCode: named.code } }, { keyboard: countyKeyboard(d, page, [named.code]) });
  }
  if (added) return turn.show();
  // "Hola, karibu na soko": no county named, and it begins with the town that is also a greeting:
  // its county is offered, as for "Hola" alone ("Hola, niko Nairobi" was offered Nairobi above).
  const first = /^([^,;:\n–—]+)[,;:\n–—]/u.exec(input.trim())?.[1];
  if (first && townNamed(first)?.greeting && offerArea(turn, d, first, page)) return;
  if (placeBeforeCounty(turn, d, input, countyKeyboard(d, page, offered))) return;
  if (unknownTown(turn, d, input, countyKeyboard(d, page, offered))) return;
  return turn.say('county.unknown', undefined, { keyboard: countyKeyboard(d, page, offered) });
}

/**
 * "At the roadblock", "kwa Mama Ngina", "near the chief camp" at the county question: where it
 * happened, with no county named. It is a place (never the story: a place tells no act, 784837ac),
 * and it is kept as the place for the county chosen next, which is asked for; the place question
 * is then not asked again (`Turn.advance`). It was "I do not know that county", and lost. So too
 * when the county is asked again ("nimekosea kaunti", Change -> Place): the place typed there is
 * for the county chosen next, the one kept or another (`placeEarly: 'again'`).
 */
function placeBeforeCounty(turn: Turn, d: Draft, input: string, keyboard: ReturnType<typeof countyKeyboard>): boolean {
  // "Near the stage juzi jioni": the day said after the place answers when (`placeThenDay`); it was "I do not know that county".
  const split = placePhrase(input) === undefined ? placeThenDay(input, turn.now) : undefined;
  const typed = placePhrase(split?.place ?? input);
  if (typed === undefined) return false;
  if (split) noteDay(d, split.day);
  turn.say('county.place_kept', { place: keepPlaceAtCounty(d, typed) }, { keyboard });
  return true;
}

/**
 * "Kwenye barabara ya Thika", "at the roadblock on Thika Road", or a spot named by the town and a
 * place noun without a lead ("Kayole police station", "Thika Road"): a place that names a town
 * (not a county by its own name: "in Nairobi at Kayole" is offered Nairobi as before). The whole
 * phrase is the place, for the county chosen next, as any place typed here; the town's county is
 * offered for one tap and the town kept while it is that county ("Thika Road" runs through Nairobi
 * too: another county tapped keeps the place, not the town). Only the town was kept, and the phrase lost.
 * Beside a town ("nje ya Naivasha"), or a county's own town ("nje ya Nakuru"), the words are kept
 * too, for where exactly to be asked once the county is taken (`Draft.town.beside`). A spot named
 * with the county ("karibu na ofisi za kaunti ya Nakuru") is the place too (`countyLandmark`).
 */
function placeNamingTown(turn: Turn, d: Draft, input: string, within: NamedCounty, page: number): boolean {
  // "Kayole police station", "Thika Road", "Kisumu bus park": a spot named by the town, not led into, is as much a place.
  const spot = placePhrase(input) === undefined && namedSpot(input);
  const typed = spot ? checkedPlace(input) : placePhrase(input);
  const beside = besideTown(input, within);
  if (typed === undefined || (within.town ? townAlone(input, within.town) : !spot && !beside && !countyLandmark(input, within.county))) return false;
  const place = keepPlaceAtCounty(d, typed);
  // A spot by the county's name ("Nakuru county offices") is in no town of that name: none kept.
  const town = townNaming(within.town ?? (beside ? countyTownName(within.county) : undefined), within.county.code);
  if (town) d.town = beside ? { ...town, beside: place } : town;
  else delete d.town;
  d.offered = within.county.code;
  turn.say('county.place_kept_named', { place, county: { countyCode: within.county.code } }, { keyboard: countyKeyboard(d, page, [within.county.code]) });
  return true;
}

/**
 * "Near Githurai", "karibu na Githurai", "at Githurai stage": a place led into that names a town in
 * two counties (src/domain/towns.ts, `also`). Kept as the place, as any place typed here, with both
 * counties named for one tap, as for the town alone (`offerArea`); beside the town, where exactly
 * is asked once either is tapped, as after "near Thika" (`placeNamingTown`). It was kept with no county named.
 */
function placeNamingTwoCounties(turn: Turn, d: Draft, input: string, page: number): boolean {
  // "Githurai 45 stage", not led into, as "at Githurai stage".
  const typed = placePhrase(input) ?? (namedSpot(input) ? checkedPlace(input) : undefined);
  const town = typed === undefined ? undefined : townInTwoCounties(input);
  if (typed === undefined || town?.also === undefined || townAlone(input, town.name)) return false;
  const place = keepPlaceAtCounty(d, typed);
  const counties = [town.county, town.also];
  d.town = besideTownOnly(input, town.name) ? { name: town.name, counties, beside: place } : { name: town.name, counties };
  delete d.offered; // two counties: "ndio" cannot say which
  const params = { place, area: town.name, county: { countyCode: town.county }, other: { countyCode: town.also } };
  turn.say('county.place_kept_two', params, { keyboard: countyKeyboard(d, page, counties) });
  return true;
}

/**
 * A place typed at the county question: the place for the county chosen next (`chooseCounty` keeps
 * it), read as the place question reads it (`placeWithoutLead`): "pale Kencom", "it was at the
 * roadblock" are stored as "Kencom", "the roadblock" (the case file read "pale Kencom"). Returned, to be said.
 */
function keepPlaceAtCounty(d: Draft, typed: string): string {
  const place = placeWithoutLead(typed);
  // A place typed replaces a pin shared before, as at the place question. Over a county given
  // already, the mark says so: a bare mark there is an older release's, and keeps nothing.
  Object.assign(d, { place, placeEarly: d.county === undefined ? true : 'again', location: undefined });
  delete d.locationEarly;
  delete d.placeSetAside;
  // Read out of the words ("pale Kencom": "Kencom"): not said to be as typed once the county is chosen (`Turn.placeKept`).
  if (place !== typed.trim()) d.placeRead = true;
  else delete d.placeRead;
  return place;
}

/**
 * "Rongai" (a town in two counties), "Roysambu", "Othaya" (a constituency or ward), "Hola" (a town,
 * and a greeting: src/domain/towns.ts): its county, or both, offered by name for one tap, never
 * taken unasked; the county list stays under it, so a "hola" that was a greeting is answered with
 * the county question again. The name is kept for the place question.
 */
function offerArea(turn: Turn, d: Draft, input: string, page: number): boolean {
  const town = townNamed(input);
  if (town?.also !== undefined) {
    d.town = { name: town.name, counties: [town.county, town.also] };
    delete d.offered; // two counties: "ndio" cannot say which
    turn.say('county.of_town_two', { area: town.name, county: { countyCode: town.county }, other: { countyCode: town.also } }, { keyboard: countyKeyboard(d, page, [town.county, town.also]) });
    return true;
  }
  const unit = town?.greeting ? { area: town.name, county: town.county } : countyOfUnit(input);
  if (!unit) return false;
  d.town = { name: unit.area, counties: [unit.county] };
  d.offered = unit.county;
  turn.say('county.of_area', { area: unit.area, county: { countyCode: unit.county } }, { keyboard: countyKeyboard(d, page, [unit.county]) });
  return true;
}

/**
 * A town or area led into at the county question ("hapa Githurai", "pale Roysambu", "ilikuwa
 * Githurai"): read without its lead (`placeWithoutLead`), as the name alone is (`offerArea`): both
 * counties of a town in two offered. It was "I do not know that county", or the name kept as the
 * place with no county offered. "Near Githurai" says more than the town, and is kept as the place.
 */
function areaLedInto(turn: Turn, d: Draft, input: string, page: number): boolean {
  const rest = placeWithoutLead(input);
  return rest !== input.trim() && matchCounty(rest).kind === 'none' && offerArea(turn, d, rest, page);
}

/** A question that takes buttons, answered in words of its own: danger ("msaada", "niko salama"), the category ("kitu kidogo"). */
function answeredInWords(turn: Turn, d: Draft, input: string): boolean {
  // "Nataka kuripoti polisi" to "what do you want to report?": the kind, as on a first message.
  const kind = d.step === 'kind' ? kindAskedFor(input) : undefined;
  if (kind) {
    // Said with more ("... police brutality that happened to my son"): kept, as any story told early.
    const story = !d.text && !d.voice ? earlyStory(input) : undefined;
    if (story) {
      Object.assign(d, story);
      turn.say('desc.kept_early');
    }
    unbuttonKind(turn, d);
    chooseKind(d, kind);
    turn.advance(d);
    return true;
  }
  if (d.step === 'danger') return categorySlip(turn, d, input) || answeredDanger(turn, d, input);
  // "Yes it's hate speech" to "It sounds like: Hate speech": the yes, said with the category offered (it went to the
  // story). Only that one: "yes it was abuse" to a beating offered is no yes to sexual abuse, nor "ndio walinikamata" an arrest.
  const afterYes = d.step === 'cat' && d.kind && d.offeredCategory && YES_IT_IS.test(input) ? input.replace(YES_IT_IS, '') : '';
  const yesToOffer = afterYes && d.kind ? (categoryWord(afterYes, d.kind) ?? categoryLabelled(afterYes, d.kind)) === d.offeredCategory : false;
  const named = d.step === 'cat' && d.kind ? (yesToOffer ? d.offeredCategory : (categoryWord(input, d.kind) ?? categoryLabelled(input, d.kind))) : undefined;
  // A disappearance told in a sentence: the category, and the sentence is part of the story.
  const told = !named && d.step === 'cat' && d.kind ? disappearanceWords(input, d.kind) : undefined;
  const code = named ?? told;
  if (!code) return false;
  takeTypedCategory(turn, d, code as CategoryCode, () => {
    if (told && storyPart(input) && !alreadyTold(turn, d, input)) keepPart(turn, d, input);
  });
  return true;
}

/** A slip owned ("sorry I pressed the wrong one", "nimekosea"), then "it is" before the right category's name. */
const SLIP = /^(?:(?:sorry|samahani|pole|oops)\b[\s,.!]*)?(?:(?:i )?(?:pressed|chose|clicked|tapped|selected|picked) (?:the )?wrong(?: one| button| category| thing)?|wrong (?:one|button|category|choice)|nimekosea|nilikosea|nimebonyeza vibaya|nimechagua vibaya|i meant|nilimaanisha)\b[\s,.!:;-]*(?:(?:it is|it['’]s|its|it was|ni|ilikuwa|ni ya)\s+)?/i;
/** What it was not, after the right one ("... violence not bribery", "ni hongo sio kupigwa"). */
const NOT_THAT = /[\s,]+(?:not|sio|si|siyo)\s+[^.!?]+$/i;

/**
 * "Sorry I pressed the wrong one, it is violence not bribery" at the danger question: the category changed, as typed
 * at its own question, and danger asked. It was kept as the whole story, the wrong category sent.
 */
function categorySlip(turn: Turn, d: Draft, input: string): boolean {
  const sentences = input.trim().split(/(?<=[.!?])\s+/);
  const slip = SLIP.exec(sentences[0]);
  if (!slip?.[0].trim() || !d.kind) return false;
  // "Sorry, wrong button. It is force not bribery": the right one in the next sentence.
  const own = sentences[0].slice(slip[0].length).trim();
  const [said, rest] = own ? [own, sentences.slice(1)] : [(sentences[1] ?? '').replace(IT_WAS, ''), sentences.slice(2)];
  const named = said.replace(/[.!?]+$/u, '').replace(NOT_THAT, '').trim();
  const code = categoryWord(named, d.kind) ?? categoryLabelled(named, d.kind);
  if (!code || code === d.category) return false;
  chooseCategory(d, code as CategoryCode);
  turn.say('category.typed', { category: { key: `common:categoryButton.${code}` } });
  // "... It is force not bribery. They are beating him now": the danger said after it answers the question.
  if (rest.length && answeredDanger(turn, d, rest.join(' '))) return true;
  // "... sio kukamatwa. Walimpiga kaka yangu jana": what follows is the story, kept (it was lost with the slip).
  if (rest.length) keepTold(turn, d, rest.join(' '));
  turn.show();
  return true;
}

/** A yes and "it is" before a category's name ("yes it's", "ndio ni", "yes, it was"). */
const YES_IT_IS = /^\s*(?:yes|yeah|yep|ndio|ndiyo|ndyo|ee|eeh)\b[\s,.!:-]*(?:(?:it s|it’s|it's|its|it is|it was|this is|ni|ilikuwa)\s+)?/i;

/** "Is someone in danger right now?" answered in words: the yes or no, and what was said with it kept. */
function answeredDanger(turn: Turn, d: Draft, typed: string): boolean {
  // "Hapana hakuna hatari, Nakuru": a plain no and the county; its "hatari" is no danger going on.
  const input = safeAsNo(typed);
  // "Wako nje ya nyumba yangu sasa hivi", "mimi niko hatarini": danger told in words is the yes (it was kept as the story, and asked again).
  const danger = yeahAlone(input) || (dangerAnswer(input) ?? dangerLead(input) ?? (dangerToldAsYes(input) || undefined));
  // "Yes he was discharged yesterday": the injury question's answer typed early, kept whole; the danger asked again.
  if (danger === undefined && careAfterYes(input) && (d.text !== undefined || d.voice)) {
    addNewOrTell(turn, d, input);
    turn.show();
    return true;
  }
  if (danger === undefined) return false;
  const first = turn.replies.length;
  // "Ndio, polisi bado wako hapa wanapiga watu...": the answer, and the start of the story.
  const story = !d.text && !d.voice ? earlyStory(input) : undefined;
  // What is kept of the words is what follows the yes or no ("hapana, walimwachilia jana": "walimwachilia jana").
  const words = withoutAnswerWord(input);
  if (story) {
    Object.assign(d, story, { text: withoutAnswerWord(story.text) });
    markSplit(d, story.text, turn.now.getTime());
    turn.say('desc.kept_early');
  }
  const noted = turn.replies.length;
  const kept = !story && keptAfterAnswer(turn, d, input);
  const day = danger === false ? dayWithNo(turn, d, input) : !story && !kept && dayWithYes(turn, d, input);
  if (danger === false && !day) timeWithNo(d, input);
  // "Hapana, walimwachilia jana": what happened, said with the no, kept as a yes's words are (before the next question: no numbers come first).
  if (danger === false && !story && !kept && !day && toldWithAnswer(input, false) && !inStory(d, words)) keepPart(turn, d, words);
  setDanger(turn, d, danger);
  // The numbers come first, before the place or county said with the yes ("ndio Mathare"), or "I have kept what you sent".
  if (danger && (kept || day || story)) numbersFirst(turn, story ? first : noted);
  // After the numbers, which come first.
  // "Ndio, walinipiga jana Kayole": what was done, said with the yes, kept as with a no.
  // "Ndio, wako nje ya nyumba yangu sasa hivi", "ndio, bado yuko ndani": what goes on, said with the yes (it was lost: staff read "danger: yes" alone).
  const goesOn = dangerPart(words) && dangerAnswer(words) === undefined;
  if (!story && !kept && danger && (saysMoreOfDanger(input) || toldWithAnswer(input, true) || goesOn) && !inStory(d, words)) keepPart(turn, d, words);
  return true;
}

/** The emergency numbers moved up to `at`, ahead of what was said after that point. */
function numbersFirst(turn: Turn, at: number): void {
  const i = turn.replies.findIndex((r, k) => k > at && r.type === 'emergency');
  if (i > at) turn.replies.splice(at, 0, ...turn.replies.splice(i, 1));
}

/** Words that lead into a place named after a yes or no ("yes, in Mathare"): not the place's own name. */
const AREA_LEAD = /^(?:in|at|pale|huko|kule|katika)\s+/i;

/**
 * "Hapana, Nairobi", "hapana Mathare", "ndio Mathare", "yes, in Mathare" at the danger question:
 * the yes or no, and the county or a town named after it kept for its question, as when typed
 * alone (`countyAhead`, `placeFirst`): the county or place was lost, and asked for later.
 */
function keptAfterAnswer(turn: Turn, d: Draft, input: string): boolean {
  const rest = answerLead(input) && withoutAnswerWord(input).replace(AREA_LEAD, '');
  if (!rest || d.editing) return false;
  // A town first, as `placeFirst` is read before `countyAhead`: "Mathare" is the place, in the county asked next.
  const named = d.county === undefined && d.place === undefined && !d.location && areaNamed(rest);
  const check = checkText(rest, LIMITS.placeMaxChars);
  if (named && check.ok) {
    // Noted without "please answer the question below first": the danger is answered, the question below is the next one.
    turn.say('danger.place_noted', { place: keepPlaceAtCounty(d, check.text) });
    return true;
  }
  // "Hapana, Mombasa Likoni jana jioni": the county and the day, as typed alone before the question (`countyAndDayAhead`).
  if (countyAndDay(turn, d, rest, 'danger.day_noted')) return true;
  const county = d.county === undefined && !readWord(rest) ? countyAlone(rest) : undefined;
  if (county) keepCountyAhead(turn, d, county, 'danger.county_noted');
  return county !== undefined;
}

/**
 * "Hapana, ilikuwa juzi sio jana", "no, it was the day before yesterday": the no, and the day said
 * with it, read as a correction is at the review (`readCorrection`: only when every word before the
 * day is a correction's own, so "hapana, walirudi jana usiku" says nothing of the day). Taken as a
 * day typed early is (`dayFirst`), replacing one noted before, and said; it was dropped with the no.
 */
function dayWithNo(turn: Turn, d: Draft, input: string): boolean {
  const fix = readCorrection(input, d, turn.now);
  const day = fix?.part === 'when' ? fix.when : undefined;
  return dayAtDanger(turn, d, day && { when: day.when, incidentAt: day.incidentAt, time: day.timeOfDay });
}

/**
 * "Ndio jana", "yes, yesterday": the yes, and the day said with it, taken as a day typed early is
 * (`dayFirst`) when none was noted before, and said after the numbers; it was lost with the yes.
 */
function dayWithYes(turn: Turn, d: Draft, input: string): boolean {
  return dayAtDanger(turn, d, d.when === undefined && answerLead(input) ? dayAnswer(withoutAnswerWord(input), turn.now) : undefined);
}

/** A day said with the answer to the danger question, noted and said; "sasa hivi" is that question's own word, never the day. */
function dayAtDanger(turn: Turn, d: Draft, day: DayRead | undefined): boolean {
  if (!day || day.when === 'now') return false;
  noteDay(d, day);
  turn.say('danger.day_noted', { date: formatDay(day.incidentAt) });
  return true;
}

/**
 * "No, it happened last week", "hapana, ilitokea wiki iliyopita": the no, and a time that is no day
 * (`VAGUE_WHEN`), which the day question cannot take either. Noted as that question notes it
 * (`whenSaid`), so "Tuesday" answered there is last week's; the day is still asked, and the words
 * are kept in the story as any told with the no (`toldWithAnswer`).
 */
function timeWithNo(d: Draft, input: string): void {
  const n = answerLead(input) ? normalise(withoutAnswerWord(input)).replace(BEFORE_PLACE, '') : '';
  if (d.when === undefined && VAGUE_WHEN.test(n)) d.whenSaid = n.slice(0, 60);
}

/** A category answered in words: said back as a tap's choice is ("✓ ..."), so a wrong reading is seen and Back undoes it. */
function takeTypedCategory(turn: Turn, d: Draft, code: CategoryCode, keepWords?: () => void): void {
  chooseCategory(d, code);
  turn.say('category.typed', { category: { key: `common:categoryButton.${code}` } });
  keepWords?.();
  turn.advance(d);
}

/**
 * A sentence at the category question that names one category ("a policeman asked me for 500 bob
 * to let me go"): kept as the story (or a part of it), as any account told there is, and that
 * category offered; nothing is chosen without a tap or "ndio".
 */
function keepAndOffer(turn: Turn, d: Draft, input: string, code: CategoryCode): void {
  keepTold(turn, d, input);
  d.offeredCategory = code;
  return turn.show();
}

/**
 * A story typed at the kind question that names one category of one kind only ("a policeman asked
 * me for 500 bob", "they were giving out money to voters"): kept, and that category offered with
 * its kind's list, as at the category question (Back there asks the kind). Words that fit a
 * category of each kind ("walinipiga": police force or election violence) offer nothing.
 */
function offerAtKind(turn: Turn, d: Draft, input: string): boolean {
  // "Wanahonga wapiga kura" fits both bribes: the voters (or the police) named say which.
  const offer = categoryOfEitherKind(input);
  // No one category, but one kind named ("the clerks at the polling station ..."): that kind's list, as for a first message.
  const kind = offer?.kind ?? kindInWords(input);
  if (!kind || !keepTold(turn, d, input)) return false;
  unbuttonKind(turn, d);
  chooseKind(d, kind);
  if (offer) d.offeredCategory = offer.code;
  turn.advance(d);
  return true;
}

/** Words telling what happened, typed before the story's question: kept (the story, or a part of it); false when they are not kept. */
function keepTold(turn: Turn, d: Draft, input: string): boolean {
  const story = !d.text && !d.voice ? earlyStory(input) : undefined;
  if (story) {
    Object.assign(d, story);
    markSplit(d, story.text, turn.now.getTime());
    turn.say('desc.kept_early');
    return true;
  }
  if (!storyPart(input) || alreadyTold(turn, d, input)) return false;
  keepPart(turn, d, input);
  return true;
}

/**
 * "Sijui", "not sure", "maybe", "I think so" at "is someone in danger right now?": no answer, but not a
 * question not understood either. A yes half said is asked again, never taken: a wrong yes alerts staff.
 */
const UNSURE = /^(sijui|cjui|sjui|sina uhakika|sina hakika|hatujui|not sure|unsure|i m not sure|im not sure|i am not sure|i don t know|i dont know|i do not know|don t know|dont know|idk|labda|maybe|perhaps|pengine)\b|^(i think so|i guess so|probably|nadhani|nadhani hivyo|huenda|inawezekana)$/;

/**
 * Unsure whether someone is in danger (a mother whose son was taken and not seen since): told how
 * to choose, the question asked again; never guessed, as a wrong yes raises an alert. Words that
 * tell what happened are kept as the story, as at any question before it.
 */
function unsureOfDanger(turn: Turn, d: Draft, input: string): void {
  const story = !d.text && !d.voice ? earlyStory(input) : undefined;
  if (story) {
    Object.assign(d, story);
    markSplit(d, story.text, turn.now.getTime());
    turn.say('desc.kept_early');
  } else if (saysMoreAfterUnsure(input) && !inStory(d, input)) keepPart(turn, d, input);
  turn.say('danger.unsure');
  return turn.show();
}

/**
 * "Sijui kama ni hatari, hawajampiga lakini yuko na watu wazima kwa cell": what goes on, told after the doubt (kept whole,
 * the doubt with it: it was lost once a story was kept). Not a doubt alone ("sijui", "not sure", "sina uhakika kabisa").
 */
function saysMoreAfterUnsure(input: string): boolean {
  // "I don't know if he is in danger right now": the doubt about the question itself, nothing more told.
  const rest = normalise(input).replace(UNSURE, '').replace(DOUBT_OF_DANGER, '').trim();
  return (rest.split(' ').filter(Boolean).length >= 3 && storyPart(rest)) || dangerPart(rest);
}

/** What the doubt is about, said after it: "kama ni hatari", "if he is in danger right now", "whether we are safe". */
const DOUBT_OF_DANGER = /^\s*(?:kama|if|whether)\b.*?\b(?:hatari\w*|danger|safe|salama)\b(?:\s+(?:sasa hivi|sasa|right now|now))?/;

/**
 * "Hapana ila wako nje ya nyumba yangu", "no, but they said they will come back" (`dangerAfterNo`): no plain no,
 * and no yes guessed (a wrong yes alerts staff, as `dangerLead` says), so asked again with how to choose. The words
 * after the no are kept in the story, as what is happening told alone is (`dangerPart`); "not understood" lost them.
 */
function noTakenBackByDanger(turn: Turn, d: Draft, input: string): void {
  const words = withoutAnswerWord(input);
  const story = !d.text && !d.voice ? earlyStory(words) : undefined;
  if (story) {
    Object.assign(d, story);
    markSplit(d, story.text, turn.now.getTime());
    turn.say('desc.kept_early');
  } else if (storyPart(words) && !inStory(d, words)) keepPart(turn, d, words);
  turn.say('danger.unsure');
  return turn.show();
}

/**
 * "Kisumu, Kondele": the county and the place in one answer, both taken (the place is not asked
 * again). Named by a town ("Kondele, Kisumu"), the whole answer is the place.
 */
function countyThenPlace(turn: Turn, d: Draft, input: string): boolean {
  const parts = countyAndPlace(input.trim()) ?? countyThenKnownPlace(input.trim());
  if (!parts || !checkText(parts.place, LIMITS.placeMaxChars).ok) return false;
  const { county } = parts;
  // A place given with the county is the place: no town offered before is added to it.
  chooseCounty(d, county.county.code, townNaming(county.town, county.county.code));
  d.step = 'place';
  // "Kitengela, near the stage" is the place as typed; "nrb cbd, archives" the spot, the CBD added once by `withTown`.
  const typedTown = county.town !== undefined && normalise(input).startsWith(normalise(county.town));
  onPlaceText(turn, d, typedTown ? input : parts.place);
  return true;
}

/** "I don't want (to give my number)" at the phone question; "sitaki kuendelea" (to go on) is not about the number. */
const DECLINE_PHONE = /^(?:sitaki|siitaki|no thanks|no thank you|hapana asante|(?:i )?(?:don t|dont|do not) want)(?: (?:kutoa|kupeana|kuweka|to give|to share|give|share))?(?: (?:namba|nambari|number|my number|phone|my phone))?(?: yangu)?$/;
/**
 * The same in a sentence ("No wait, I do not want to give my number", "I have changed my mind",
 * "hapana sitaki kutoa namba yangu"), not to be called ("sitaki wanipigie", "I don't want them to call me"), or
 * "tuma tu", "just send it": back to the review, where nothing is lost and Send anonymously is. Answered "use the
 * button to share your number", someone who had just decided against it was pushed to give it.
 */
const DECLINE_PHONE_SAID =
  /^(no|nope|nah|hapana|hapna|la|wait|ngoja|subiri)\b.*\b(number|namba|nambari|phone|simu|call|want|sitaki|siitaki)\b|\b(don t|dont|do not) want (to )?(give|share|send|kutoa)\b|\b(changed|change|changing) my mind\b|\bnimebadili(sha)? (nia|mawazo|msimamo)\b|\b(bila|without) (namba|nambari|number|my number|jina|my name|kutaja jina)\b|\banonymous(ly)?\b|\bsitaki (wanipigie|anipigie|mnipigie|unipigie|kupigiwa)\b|\b(don t|dont|do not) want (them |you |anyone |staff )?to call\b|^(tuma|tuma tu|ituma|ituma tu|just send|just send it|send it|send it now)$/;

/** "Later", "sio sasa", "hii si simu yangu": not now, or this phone is not theirs to share. */
const PHONE_NOT_NOW =
  /^(?:(?:ok|okay|sawa|hapana|no|maybe|labda|nah|aah|ah) )*(?:later|baadaye|not now|not yet|sio sasa|si sasa|siyo sasa|not my phone|this is not my phone|simu si yangu|hii si simu yangu)(?: (?:tu|please|tafadhali|asante|thanks|for now|kwa sasa))*$/;
/** "Sina namba", "sina namba ya simu", "I don't have a number", "sina simu": no number to give at all. */
const HAS_NO_NUMBER =
  /^(?:(?:ok|okay|sawa|hapana|no|sorry|samahani|pole|but|lakini|aah|ah) )*(?:sina (?:simu|namba|nambari|number|line|laini)(?: ya (?:simu|kupigiwa|kupiga))?|i (?:don t|dont|do not) have (?:a |any |my )?(?:phone|number|phone number|mobile|mobile number|line)|i have no (?:phone|number|phone number|mobile|line)|no (?:phone|phone number))(?: (?:tu|please|tafadhali|asante|thanks|sorry|for now|kwa sasa))*$/;
/** Words beside a feeling in "naogopa sana", "I am afraid to give my number": the fear is the whole message. */
const WITH_FEAR = new Set('i am im m so very really a bit little sana kidogo mimi ni nina niko na bado still too lakini but yaani to give share it my number phone namba nambari yangu ya simu kutoa kuitoa kuipeana'.split(' '));
const afraidAlone = (n: string): boolean => n.split(' ').some(feels) && n.split(' ').every((w) => feels(w) || WITH_FEAR.has(w));

/**
 * Words typed to the phone question, each read as meant (all were "use the button to share your
 * number"): "no", "sitaki", "skip", "later", "sitaki kujulikana" decline the number, "sina namba",
 * "I don't have a number" too, kindly (none is needed), back to the review; "rudi", "back" are the Back button. "Naogopa", "I am scared": who sees what
 * and back to the review, where 🕶 Send anonymously is, as for "naogopa watanijua" (`saidFear`):
 * the share button held up again would press a frightened reporter to give who they are.
 */
function atPhoneQuestion(turn: Turn, d: Draft, input: string, word: Word | undefined): boolean {
  const n = normalise(input);
  // No number at all: none is needed, said kindly (staff write here), never "your number is not sent".
  if (HAS_NO_NUMBER.test(n)) {
    declinePhone(turn, 'contact.no_number');
    return true;
  }
  if (word === 'no' || word === 'skip' || DECLINE_PHONE.test(n) || DECLINE_PHONE_SAID.test(n) || PHONE_NOT_NOW.test(n) || identityWish(input) === 'anonymous') {
    declinePhone(turn);
    return true;
  }
  if (BACK_WORDS.has(n)) {
    turn.back(d);
    return true;
  }
  if (!afraidAlone(n)) return false;
  turn.say('review.fear', undefined, { keyboard: { type: 'remove' } });
  turn.go('review');
  return true;
}

/** The number not given after all (`key`: said so), back to the review, where the report can go anonymously. */
function declinePhone(turn: Turn, key = 'contact.declined'): void {
  turn.say(key, undefined, { keyboard: { type: 'remove' } });
  turn.go('review');
}

/** The questions a reporter may leave unanswered with words: the details typed for the agency. */
const MAY_SKIP: readonly Step[] = ['vic', 'ofc', 'wear', 'stn', 'plate', 'by', 'pstn', 'const', 'ward'];
const HERE = new Set(['hapa', 'here', 'niko hapa', 'ni hapa', 'hapa tu', 'iko hapa', 'right here', 'hapa hapa', 'hapa nilipo', 'i am here', 'im here', 'i m here']);
/** "Tuma", "send", "ni sawa", "ni hayo tu", "that's all": a wish to go on, at a detail question no name, station or plate. */
const GO_ON = new RegExp(`^(?:tuma|tuma tu|ituma|send|send it|just send|ni sawa|${ALL_TOLD})$`);

/**
 * "I don't know" (or "skip") to a detail for the agency goes on without an answer. The place is
 * needed (staff must know where): "sijui" there asks for the nearest landmark, "here" for the
 * shared location; never kept as the place. False when the words are an answer.
 */
function unanswered(turn: Turn, d: Draft, input: string, word: Word | undefined): boolean {
  // "Hakuna" (none) where the place is asked is no place, as "sijui" is: never stored as one.
  // At a detail: "nimemaliza", "tuma", "sitaki kusema" were kept as the officers' names or the station, and sent on so.
  const n = normalise(input);
  const unsure = word === 'skip' || dontKnow(input) || (d.step === 'place' && word === 'no') || (isDetailStep(d.step) && (word === 'done' || GO_ON.test(n) || fearOrWithheld(n) === 'withheld'));
  if (d.step === 'place' && unsure && townOf(d)) {
    // "Where in Kitengela exactly?" "Sijui": the town (or "nje ya Naivasha") is the place, as close as they can tell.
    takePlace(turn, d, townPlace(townOf(d)) ?? '');
    return true;
  }
  if (d.step === 'place' && (unsure || HERE.has(normalise(input)))) {
    turn.say(unsure ? 'place.unknown' : 'place.here');
    turn.show();
    return true;
  }
  const noStation = d.step === 'stn' ? NO_STATION.exec(n) : null;
  if (!MAY_SKIP.includes(d.step) || !(unsure || noStation)) return false;
  // "Hawakuwa na kituo, walikuwa roadblock tu", "I don't know the station but he is held at Capitol Hill": what
  // follows is for staff, in the story (the whole as typed).
  if (noStation && n.length > noStation[0].length) addNewOrTell(turn, d, input.trim());
  skipDetail(turn, d);
  return true;
}

/** No station known ("sijui walitoka wapi", "hakuna kituo", "hawakuwa na kituo"): kept as the station, an agency read it as one. */
const NO_STATION = /^(?:sijui (?:walitoka wapi|wanatoka wapi|ni kituo gani|kituo)|(?:hakuna|hakukuwa na|hawakuwa na|hana|hawana) kituo|no station|(?:there was|they had) no station|i (?:don t|dont|do not) know (?:which|what|the) station)\b(?= *$| (?:but|lakini|ila|na|and|walikuwa|they were)\b)/;
/** "Ngoja", "wait a minute", "subiri kidogo" alone (`COMING`): more is coming, nothing told yet. */
const waits = (input: string) => [...input].length <= 30 && COMING.test(normalise(input).replace(FILLERS, ' ').replace(/\s+/g, ' ').trim());

/**
 * The county corrected ("sorry it was Kisumu"), or another county or its town named where the
 * place is asked, read in the place alone: without the words that lead into it ("ni Thika", "ndio
 * Nairobi") or the day after it ("Thika jana", its day kept). "Thika jana" at "Where in Nakuru?"
 * was filed in Nakuru without a word.
 */
function countyChecked(turn: Turn, d: Draft, input: string): boolean {
  const split = placeThenDay(input, turn.now);
  const place = placeInWords(split?.place ?? input);
  const setAside = countyAfterSetAside(turn, d, place);
  // "Sorry it was Kisumu" (`countyCorrected`) reads the whole answer, and before the county named at the place.
  if (!setAside && countyCorrected(turn, d, input)) return true;
  if (!setAside && countyThenPlaceOfOther(turn, d, place, split?.day)) return true;
  const asked = setAside || estateOfOtherCounty(turn, d, place) || countyOffered(turn, d, place) || townCountyOffered(turn, d, place);
  if (asked && split) noteDay(d, split.day);
  // "Ni Thika": the place kept from the words ("Thika") is not what they typed, and is not said to be (`Turn.sayPlaceKept`).
  const typed = (split?.place ?? input).trim();
  if (asked && d.fix?.part === 'county' && d.fix.words !== typed) d.fix.typed = typed;
  return asked;
}

/**
 * A name as places are written ("Kaptembwo", "Moi Avenue", "Total petrol station"): up to four words, each capitalised
 * (a small "ya", "la", "of", "the" between them); never a word said alone to excuse ("Sorry").
 */
function properName(words: string): boolean {
  const list = words.trim().split(/\s+/);
  if (!list[0] || list.length > 4 || !/^\p{Lu}/u.test(list[0]) || sorryOnly(words) || EXCUSE.test(words.trim())) return false;
  return list.every((w) => /^\p{Lu}/u.test(w) || /^\d/.test(w) || /^(?:ya|la|wa|of|the|na|and)$/i.test(w));
}
const EXCUSE = /^(?:sorry|samahani|pole|thanks|asante|ok|okay|sawa|please|pls|tafadhali)$/i;
/** Words that name a kind of place ("somewhere on Thika road", "kituo cha polisi cha Kayole"). */
const PLACE_NOUN = String.raw`(?:road|rd|street|avenue|stage|kituo|soko|market|shule|school|church|kanisa|msikiti|mosque|hospital|hospitali|estate|mtaa|junction|roundabout|petrol|station|hotel|bar|club|primary|secondary|camp|barabara|highway|bridge|daraja)`;
/** A place begun by where ("somewhere on", "near", "karibu na") or by its kind ("kituo cha polisi ..."), telling nothing more ("the road was dark"). */
const PLACE_NOUN_FIRST = new RegExp(String.raw`^(?:(?:somewhere|near|on|at|along|opposite|behind|karibu(?: na)?|pale|kando ya|nje ya)\b.*\b${PLACE_NOUN}\b|(?:the )?${PLACE_NOUN}\b)`);
const placeNounFirst = (n: string) => PLACE_NOUN_FIRST.test(n) && !/\b(?:was|is|were|are|ilikuwa|iko|far|dark|giza|ask)\b/.test(n);

/** "It was", "it's", "ni", "ilikuwa" before an answer ("... it's near the Total petrol station", "It is force not bribery"). */
const IT_WAS = /^(?:it['’]?s|it is|it was|ni|ilikuwa)\s+/i;

/** What comes before the first pause ("sijui jina, ilikuwa jana usiku": "sijui jina"), and what follows it. */
const FIRST_PAUSE = /^([^,.;:]+)[,.;:]+\s*(\S.*)$/u;

/**
 * "Sijui jina, ilikuwa jana usiku", "hapana, juzi", "sikumbuki, ilikuwa giza" at the place question: no place known
 * (or a no), then more. The nearest place asked for; a day said after it taken, other words kept in the story. They
 * were kept as the place ("sijui jina, ilikuwa", "hapana").
 */
function noPlaceThenMore(turn: Turn, d: Draft, input: string): boolean {
  const [, head = '', rest = ''] = FIRST_PAUSE.exec(input.trim()) ?? [];
  if (!rest || !(dontKnow(head) || readWord(head) === 'no')) return false;
  const day = dayAnswer(rest, turn.now);
  const spot = rest.replace(IT_WAS, '');
  // "I don't know the name, it's near the Total petrol station", "hapana, ni Kayole": the place after the pause.
  if (!day && (properName(placeInWords(spot)) || namesAPlace(spot) || placeNounFirst(normalise(spot))) && !tellsAnAct(normalise(rest))) {
    takePlace(turn, d, withTown(placeInWords(spot), townOf(d)));
    return true;
  }
  if (day) noteDay(d, day);
  // Kept in the story, which says the place is still needed ("place.story_added"); "I don't know, sorry" is no place.
  const kept = !day && storyPart(rest) && addWords(turn, d, rest);
  if (!kept) turn.say('place.unknown');
  turn.show();
  return true;
}

/** How a day is begun ("yesterday", "jana", "it was last night", "on Tuesday", "tarehe 5", "12/11"). */
const DAY_FIRST =
  /^\s*(?:(?:it was|it['’]?s|ilikuwa|ilikua|on|from|the whole day|siku ya|mnamo)\s+)?(?:yesterday|yest|today|tonight|this|last|early|late|jana|juzi|leo|usiku|jioni|asubuhi|mchana|tarehe|\d|mon|tue|wed|thu|fri|sat|sun|juma|jmosi|jpili|jtatu|jnne|jtano|alhamisi|ijumaa|night|morning|evening|afternoon|day)/i;

/**
 * "Yesterday at Moi primary", "it was yesterday evening at Moi primary": the day, then the place led into ("at", "pale"),
 * no hour ("yesterday at 8pm"). It was the whole place, and the day asked again.
 */
function dayThenPlace(turn: Turn, d: Draft, input: string): boolean {
  // Only words that begin with a day are read for one (the reading tries every split of the words: most places begin with none).
  if (!DAY_FIRST.test(input)) return false;
  const first = dayThenMore(input, turn.now);
  const place = first ? placeInWords(first.rest) : '';
  if (!first || place === first.rest.trim() || /^\d/.test(place) || dayAnswer(place, turn.now) || !namesAPlace(first.rest)) return false;
  noteDay(d, first.day);
  takePlace(turn, d, withTown(place, townOf(d)));
  return true;
}

function onPlaceText(turn: Turn, d: Draft, input: string): void {
  if (countyChecked(turn, d, input) || placeCorrected(turn, d, input) || noPlaceThenMore(turn, d, input)) return;
  // "Sorry", "samahani" alone: no place (it was kept as the place "sorry"); no hurry, and Back changes a county given wrong.
  if (sorryOnly(input)) {
    turn.say('place.sorry');
    return turn.show();
  }
  // "Sorry nimekosea, ilikuwa Githurai", "I meant Kibera": the place named, read as typed alone (it was the whole place, word for word).
  const meant = placeMeant(input);
  if (meant !== undefined) return onText(turn, d, meant, false);
  // "Ndio" to "Mlolongo is in Machakos. Where exactly in Mlolongo?" agrees to the county: no place (it was "ndio, Mlolongo").
  const word = readWord(input);
  // "Ngoja", "wait", "subiri kidogo": the place is coming; kept, the place was "ngoja".
  if (waits(input)) {
    turn.say('place.wait');
    return turn.show();
  }
  if (notAPlace(input, turn.now) || word === 'yes' || word === 'ack') {
    // "Juzi asubuhi" typed here answers when (it was lost): kept, and the day not asked after the place.
    const day = dayAnswer(input, turn.now);
    if (day) noteDay(d, day);
    turn.say('place.unknown');
    return turn.show();
  }
  // "Wakanipiga tena", "pia walichukua kitambulisho changu" (often a reply to the story's
  // question): more of the story, and the place asked again; kept as the place, an agency read
  // no place at all. The same words sent again were meant as the place: taken. Who they were
  // ("they wore plain clothes") is never a place: sent again, it is said to be in the story already.
  const words = normalise(input);
  if (placeAfterAct(turn, d, input)) return;
  if ((tellsWhoTheyWere(words) || tellsSpeechOrThreat(words) || sumOfMoney(words)) && addToStory(turn, d, input)) return turn.show();
  if ((beginsWithAct(words) || beginsDoneToSomeone(words)) && !inStory(d, input) && addToStory(turn, d, input)) return turn.show();
  // "Call me 0712 345 678": no place, and as the place an anonymous report showed staff the number
  // unwarned; in the story, the review warns of it (and offers to send with the number instead).
  if (phoneNumberWritten(input) && addWords(turn, d, input)) return turn.show();
  const check = checkText(input, LIMITS.placeMaxChars);
  // Too long for a place and reads as an account: more of the story, not lost.
  if (!check.ok && check.reason === 'too_long' && addToStory(turn, d, input)) return turn.show();
  if (!check.ok) {
    turn.say(`place.${check.reason}`, { max: check.max });
    return turn.show();
  }
  if (dayThenPlace(turn, d, check.text)) return;
  // "Near the stage juzi jioni": the day said after the place answers when; in the place it was asked again.
  const split = placeThenDay(check.text, turn.now);
  if (split) noteDay(d, split.day);
  // "Ilikuwa jana", "it was yesterday": the day, and no place at all (the place was "ilikuwa" and never asked again).
  if (split && onlyLead(normalise(split.place))) {
    turn.say('place.unknown');
    return turn.show();
  }
  takePlace(turn, d, withTown(placeInWords(split?.place ?? check.text), townOf(d)));
}

/**
 * A county's own name typed where the place is asked, after the place typed early was set aside as
 * in another county ("Nairobi", told Kayole is in Nairobi City): the county changed, as by Back and
 * a tap, and the place set aside is the place when it lies there. It was taken as the place ("Nairobi", in Mombasa).
 */
function countyAfterSetAside(turn: Turn, d: Draft, input: string): boolean {
  const m = d.placeSetAside !== undefined && [...input].length <= COUNTY_NAME_MAX_CHARS ? matchCounty(input) : undefined;
  if (m?.kind !== 'exact' || m.town || m.county.code === d.county) return false;
  countyChangedAtPlace(turn, d, m.county.code);
  return true;
}

/**
 * "Pipeline Nakuru" at "Where in Nairobi?": an estate typed with another county's own name, read as
 * the county question reads it (`estateAndCounty`, `estateBeforeCounty`): that county taken and said
 * so (Back returns to the county question), and where in the estate asked. It was kept as a place in Nairobi.
 */
function estateOfOtherCounty(turn: Turn, d: Draft, input: string): boolean {
  const found = d.county !== undefined ? estateAndCounty(input) : undefined;
  if (!found || found.county.code === d.county) return false;
  countyChangedAtPlace(turn, d, found.county.code, townNaming(found.estate, found.county.code));
  return true;
}

/**
 * "Kisumu, Kondele", "Kisumu Kondele", "ksm kondele" at "Where in Nairobi?": another county by its own name (or short form),
 * then a place after a comma or dash, or a town or area of that county, read as the county question reads them
 * (`countyAndPlace`, `countyThenKnownPlace`): that county taken and said so, and the place after it taken in it, with
 * the day typed after it (`day`). It was kept as the place "Kisumu, Kondele" in Nairobi.
 */
function countyThenPlaceOfOther(turn: Turn, d: Draft, input: string, day: DayRead | undefined): boolean {
  // Never "Nairobi CBD", "nrb cbd" at "Where in Kiambu?": a place named after the county (a stage, a route), kept as typed as before.
  const parts = d.county !== undefined ? countyByNameThenPlace(input) : undefined;
  if (!parts || parts.county.county.code === d.county || !checkText(parts.place, LIMITS.placeMaxChars).ok) return false;
  const code = parts.county.county.code;
  chooseCounty(d, code);
  if (day) noteDay(d, day);
  turn.say('place.county_changed', { county: { countyCode: code } });
  onPlaceText(turn, d, parts.place);
  return true;
}

/**
 * Another county's name where the place is asked ("Where in Kiambu?" "Nairobi", "ilikuwa nrb"):
 * kept as the place, the report said "Nairobi", in Kiambu, where no agency can act. Asked as the
 * review asks for a county named in a correction ("Change the county to Nairobi City?"); the words
 * wait on the draft (`fix`): Yes changes the county, No makes them the place (`answerFix`).
 * A county that is also its town's name ("Kisumu" at "Where in Siaya?") is asked about too: that
 * town lies in that county, so either way the county chosen is in doubt; a place of that name is one tap away.
 */
function countyOffered(turn: Turn, d: Draft, input: string): boolean {
  const code = d.county !== undefined ? countyNamedAtPlace(input, d, turn.now, electoralUnits()) : undefined;
  if (code === undefined || d.county === undefined) return false;
  d.fix = { part: 'county', words: input.trim(), county: { code } };
  turn.askPlaceFix(d, d.county);
  return true;
}

/**
 * A known town of another county where the place is asked ("Thika" at "Where in Nakuru?"): it was
 * kept as the place, in a county where no agency can act. Asked as another county's name is
 * ("Change the county to Kiambu?"); the town waits on the draft (`fix.county.town`): Yes changes
 * the county and keeps it as the place, No keeps both as typed (`answerFix`). A town in two
 * counties ("Githurai 45") names both, since guessing one would file it in the wrong one; its Yes
 * opens the county question with both on top.
 */
function townCountyOffered(turn: Turn, d: Draft, input: string): boolean {
  const counties = d.county !== undefined ? townOutsideCounty(input, d.county, electoralUnits()) : undefined;
  if (d.county !== undefined && !counties) return countyAroundPlace(turn, d, d.county, input);
  if (!counties || d.county === undefined) return false;
  const words = input.trim();
  d.fix = { part: 'county', words, county: { code: counties[0], town: words } };
  // Asked as it is asked again after an aside (`Turn.askPlaceFix`): both counties named for a town in two.
  turn.askPlaceFix(d, d.county);
  return true;
}

/** Words that lead from a town into the spot in it ("Thika town pale stage", "Nakuru, Free Area"). */
const SPOT_LEAD = new Set(['pale', 'hapo', 'at', 'near', 'kwa', 'karibu', 'opposite', 'nje', 'in', 'kwenye', 'katika', 'next', 'behind', 'nyuma', 'mbele']);

/** Words before a county's name that make it where someone came from or a road's end ("they came from Nairobi", "road to Nakuru"). */
const FROM_OR_TOWARDS = /\b(?:from|came|come|went|going|to|towards|near|karibu|na|ya|la|kwa|wa|baba|mama|nje|opposite|behind|next|\w*toka|kwenda|road|barabara|highway|street|stage|matatu|gari|bus|basi)\b/;

/** Another county than `county` that the place begins with (a town or the name, before "pale", "at" or a comma) or ends with (the name). */
function countyLeadingOrEnding(words: string[], county: number): number | undefined {
  return countyLeading(words, county) ?? countyEnding(words, county);
}

function countyLeading(words: string[], county: number): number | undefined {
  for (const n of [2, 1]) {
    const head = words.slice(0, n).join(' ');
    const next = words[n];
    if (!next || !(head.endsWith(',') || SPOT_LEAD.has(next.toLowerCase()))) continue;
    const bare = head.replace(/,$/, '');
    if (!/^\p{L}[\p{L} '’-]+$/u.test(bare)) continue;
    const towns = townOutsideCounty(bare, county, electoralUnits());
    const named = matchCounty(bare);
    if (towns?.length === 1) return towns[0];
    if (named.kind === 'exact' && !named.town && named.county.code !== county) return named.county.code;
  }
  return undefined;
}

/**
 * A county's own name ending a short place, after a name ("Free Area Nakuru"): each word before it capitalised, none a
 * lead ("near", "ya") or a going ("Nilitoka"); never a number ("Phase 2"), nor a sentence's last word.
 */
function countyEnding(words: string[], county: number): number | undefined {
  const last = words[words.length - 1] ?? '';
  // The county's name first (cheap, and most places end with none), then what comes before it.
  const tail = /^\p{L}{3,}$/u.test(last) && words.length > 1 && words.length <= 4 ? matchCounty(last) : undefined;
  if (tail?.kind !== 'exact' || tail.town || tail.county.code === county) return undefined;
  // "Free Area in Nakuru": the "in" before the county no part of the name.
  const before = words.slice(0, -1).filter((w, i, all) => !(i === all.length - 1 && /^(?:in|katika)$/i.test(w)));
  // Capitalised as names are ("Free Area Nakuru"), or as a sentence begins ("Free area Nakuru"); all small ("baba meru") is too often no place.
  const cased = /^\p{Lu}/u.test(before[0] ?? '') && (before.every((w) => /^\p{Lu}/u.test(w)) || before.slice(1).every((w) => !/\p{Lu}/u.test(w)));
  const name = before.join(' ');
  if (!cased || before.some((w) => /,$/.test(w)) || FROM_OR_TOWARDS.test(name.toLowerCase())) return undefined;
  // A town of the county chosen before it ("Ruaka Nairobi" in Kiambu) says where in it, not another county.
  const home = townOutsideCounty(name, county, electoralUnits()) === undefined && townNamed(name) !== undefined;
  return home ? undefined : tail.county.code;
}

/**
 * "Thika town pale stage", "ilikuwa Nakuru pale Free Area", "Free Area Nakuru" at "Where in Nairobi?": a place of
 * another county, asked about as the town alone is ("Change the county to Kiambu?"). Yes files the words as the
 * place there (`Draft.placeSetAside`); No keeps them in the county chosen. They were filed in Nairobi without a word.
 */
function countyAroundPlace(turn: Turn, d: Draft, county: number, input: string): boolean {
  const place = placeWithoutLead(input).trim();
  const code = countyLeadingOrEnding(place.split(/\s+/), county);
  if (code === undefined) return false;
  d.fix = { part: 'county', words: place, county: { code } };
  d.placeSetAside = place;
  turn.askPlaceFix(d, county);
  return true;
}

/**
 * "They stopped me at Globe roundabout", "walinishika nikitoka kazi pale Kencom": what was done,
 * then where. Taken whole, the place read as an account; in the story alone, the place was asked
 * again and the same words sent again became the place. The place is where ("Globe roundabout",
 * a clause of when after it dropped, as `placeCorrection` does) and the sentence, as typed, goes to
 * the story once. Only after words that tell an act ("Stage ya Kawangware at Junction" is a name),
 * done by them or to me ("I was stopped at ...", "tulisimamishwa kwa roadblock ya ..."); more of
 * what was done after where ("... at the stage and took my phone") is no part of the place.
 */
function placeAfterAct(turn: Turn, d: Draft, input: string): boolean {
  const found = splitPlaceAfterAct(input, turn.now);
  if (!found) return false;
  if (found.day) noteDay(d, found.day);
  addNewOrTell(turn, d, input.trim());
  takePlace(turn, d, withTown(found.place, townOf(d)));
  return true;
}

/**
 * "Sorry it was Nyamira", "hapana ni Nyamira county" at the place or the date question: the county
 * given was wrong. Kept as the place, the report went with the wrong county and a place reading
 * "sorry it was Nyamira"; at the date question, "nimekosea kaunti" was "could not read that date".
 * The county named is taken, as typed at the county question (said, and Back returns there), and
 * the place asked within it; "nimekosea kaunti" asks the county again. At the date question (the
 * place answered), "nimekosea mahali" (the place was wrong) asks only the place again, the county
 * kept; so too at the place question itself, where the place said wrong is the town given for the
 * county ("Where in Naivasha exactly?" "nimekosea mahali"): asked within the county, the town dropped.
 * A story that only mentions the county ("askari wa kaunti walinipiga") is no correction (`countyCorrection`).
 * `dayFirst` (the date question): the day with another county's own name after it ("juzi saa nne usiku
 * Nairobi") corrects the county too, as "sorry ni juzi Nairobi" does; kept in the story, the report went with the old county.
 */
function countyCorrected(turn: Turn, d: Draft, input: string, dayFirst = false): boolean {
  const fix = countyCorrection(input, d, turn.now, dayFirst);
  if (!fix) return false;
  // "Samahani ni Kayole" where in Nairobi City is asked: a town of the county chosen is the place meant, no county changed.
  if (d.step === 'place' && fix.county?.town && fix.county.code === d.county && !fix.when) return false;
  if (!fix.county) {
    askPartAgain(turn, d, input, 'county');
    return true;
  }
  chooseCounty(d, fix.county.code, townNaming(fix.county.town, fix.county.code));
  // "Sorry ni juzi Nairobi": the day said with it is the answer to when, not asked again (`Turn.advance`).
  if (fix.when) {
    delete d.whenSaid;
    Object.assign(d, { when: fix.when.when, incidentAt: fix.when.incidentAt });
    setTimeOfDay(d, fix.when.timeOfDay);
  }
  turn.say('place.county_changed', { county: { countyCode: fix.county.code } });
  turn.go('place');
  return true;
}

/**
 * "Nimekosea mahali, ni Free Area" at the place or the date question: the new place, as typed, for
 * the county kept (a town given for it was the place said wrong). At the place question it is the
 * answer; at the date question the day is asked again. It was "could not read that date", or the
 * story.
 */
function placeCorrected(turn: Turn, d: Draft, input: string): boolean {
  const fix = correctedPlace(input, turn.now, d.place);
  if (fix === undefined || d.county === undefined) return false;
  delete d.town;
  // "Wrong place, I was at the stage jana jioni": the day said with it is the answer to when too.
  if (fix.day) noteDay(d, fix.day);
  if (d.step === 'place') {
    addTold(turn, d, fix.told);
    takePlace(turn, d, fix.place);
    return true;
  }
  Object.assign(d, { place: fix.place, location: undefined });
  turn.say('place.noted');
  addTold(turn, d, fix.told);
  if (fix.day) turn.advance(d);
  else turn.show();
  return true;
}

/**
 * "Sorry nimekosea, ilikuwa Pipeline", "sori it was Githurai", "pole, ni Mathare", "I meant Githurai" at the date question, no word for
 * "place" in it: the place given a moment ago corrected, when the words after the sorry or "I meant" (`placeMeant`, as the place
 * question reads them) are a town, area or place phrase that may lie in the county given (a town of another county only is the county
 * corrected: `countyCorrected`). Said ("Place noted"), and the day asked again; it was "I could not read that date", the words lost.
 */
function placeSaidSorry(turn: Turn, d: Draft, input: string): boolean {
  const rest = placeMeant(input);
  if (!rest || d.county === undefined || dayAnswer(rest, turn.now) || [...rest].length > COUNTY_NAME_MAX_CHARS) return false;
  const town = townNamed(rest);
  const unit = town ? undefined : countyOfUnit(rest);
  const here = town ? !town.greeting && [town.county, town.also].includes(d.county) : unit ? unit.county === d.county : placePhraseFirst(rest) !== undefined && !countyNamedIn(rest);
  const check = here ? checkText(rest, LIMITS.placeMaxChars) : undefined;
  if (!check?.ok) return false;
  Object.assign(d, { place: check.text, location: undefined });
  delete d.town;
  turn.say('place.noted');
  turn.show();
  return true;
}

/** "... when they beat me" with the new place: what was done there is more of the story, never lost with the place taken. */
function addTold(turn: Turn, d: Draft, told: string | undefined): void {
  if (told) addNewOrTell(turn, d, told);
}

/** A day read (`DayRead`) as a correction at the review carries it. */
function dayFix(day: DayRead): NonNullable<PlaceFix['when']> {
  return { when: day.when, incidentAt: day.incidentAt, ...(day.time ? { timeOfDay: day.time } : {}) };
}

/**
 * A location shared at the place question. Asked "where in Kitengela exactly?", the pin answers
 * "exactly" and the town stays the place's name: the place is stored as "Kitengela" with the
 * location, as a spot typed is stored as "<spot>, Kitengela" (a spot typed after all replaces the
 * pin, as ever). Why both: an agency's case file carries the pin only with the reporter's phone
 * number (it says where the reporter was: src/services/case-file-service.ts), so without the town
 * an anonymous report would reach the agency with no place at all; staff and the supervisors'
 * counts read a town at a glance where coordinates need a map; and a phone's pin is where the
 * reporter is when they tap, which may not be where it happened. Without a town the pin alone is
 * the place, as before.
 */
function takeLocation(turn: Turn, d: Draft, at: { lat: number; lon: number }): void {
  d.location = at;
  d.place = townPlace(townOf(d));
  placeGiven(d);
  turn.say('place.location_noted', undefined, { keyboard: { type: 'remove' } });
  return turn.advance(d);
}

/**
 * A location shared before the place was asked (someone frightened shares where they are at the
 * county question, or while telling what happened): kept, said so, and the question asked again.
 * The county is still needed: it cannot be told from coordinates here. Shared before the county
 * was answered, it belongs to the county chosen next (`chooseCounty` keeps it), and the place
 * question is not asked as if none were given (`Turn.advance`).
 */
function keepLocationEarly(turn: Turn, d: Draft, at: { lat: number; lon: number }): void {
  d.location = at;
  if (d.step === 'county' || d.county === undefined) {
    d.locationEarly = true;
    // The pin replaces a place typed under the county being changed (or before it), as at the place question.
    d.place = undefined;
    delete d.placeEarly;
    delete d.placeSetAside;
    delete d.placeRead;
  }
  turn.say(BEFORE_STORY.includes(d.step) ? 'wizard.location_kept' : `${d.step}.location_kept`);
  return turn.show();
}

function takePlace(turn: Turn, d: Draft, place: string): void {
  d.place = place;
  d.location = undefined;
  placeGiven(d);
  turn.say('place.noted', undefined, { keyboard: { type: 'remove' } });
  return turn.advance(d);
}

/**
 * More of the story at a question that takes buttons (the kind, the files, the review...): added
 * to it, never answered "tap a button" and thrown away.
 */
function moreStoryOrUnexpected(turn: Turn, d: Draft, input: string): void {
  if (addToStory(turn, d, input)) return turn.show();
  return unexpected(turn, d);
}

/**
 * Text that is more of the story, typed after the story's question was answered: a story of a
 * few words ("Good evening") and then the account at the county question, or "they also took my
 * phone..." at the review. Added to the story and said so (the caller asks its question again):
 * never thrown away as a county that does not exist. Elsewhere (the date, the review), or when
 * the text names a county, only a long message counts, so a try at an answer is not taken for
 * the story.
 */
function addToStory(turn: Turn, d: Draft, input: string, namesCounty = false): boolean {
  // A story told in a voice note takes written words beside it ("they also took my ID").
  if (d.text === undefined && !d.voice) return false;
  const more = input.trim();
  // "3", "2024", "0712345678": a number alone tells staff nothing; where it is no answer its question says to use the buttons.
  if (BARE_NUMBER.test(more)) return false;
  // "Near the bus stage opposite the chief camp": however long, plainly where, kept as the place (`placeBeforeCounty`).
  if (d.step === 'county' && !namesCounty && (plainlyPlace(more) || namedSpot(more))) return false;
  // A question is for staff once the report is sent, never part of the account; a sound ("hmm") is no account.
  if (asksUs(more) || soundOnly(more)) return false;
  const account = earlyStory(more) !== undefined;
  const atCounty = d.text !== undefined && d.step === 'county' && !namesCounty;
  const afterFewWords = atCounty && [...d.text!].length < EARLY_STORY_CHARS && more.split(/\s+/).length >= 4;
  // "Wakanipiga sana", "wakamchukua hadi station" at the county question go on with what was
  // done: no county is worded so. Said with a place ("... station ya Kondele"), they are the story
  // still (its county is offered too): "that county was not recognised" lost them.
  const words = normalise(more);
  const act =
    (d.step === 'county' && (tellsAnAct(words) || doneInOneWord(words) || namesWeaponOrBlow(words))) ||
    (d.step === 'place' && (beginsWithAct(words) || beginsDoneToSomeone(words))) ||
    // "There were 4 of them with guns", "2 cops": never a county, place, day or way to send.
    ((asksWhereOrWhen(d) || d.step === 'review') && (tellsWhoTheyWere(words) || tellsSpeechOrThreat(words))) ||
    // "Elfu mbili", "2k", "500 bob": how much they asked, never a county or a place (it was kept as the place).
    (asksWhereOrWhen(d) && sumOfMoney(words));
  // "Was anyone hurt?" follows the story at once: a story sent in short messages ("kwa stage ya
  // kondele", "walikuwa wawili") lands there; a few words that are no answer go on with it. A
  // reply that begins with yes, no or skip ("yes he is") is a try at the answer: buttons asked for.
  // Only when first asked, right after the story: asked again (Back, Change), it follows no story.
  // One word ("rungus", "mateke", "with") is a piece too, unless it is thanks, "what" or who was hurt ("wote", "mimi").
  const first = readWord(words.split(' ')[0]);
  const firstAsked = d.step === 'hurt' && !d.editing && d.injuries === undefined && !d.injuriesSkipped?.includes('hurt');
  const pieceAtHurt = words.includes(' ') || (!NO_ACCOUNT_WORDS.has(words) && !NOT_UNDERSTOOD.has(words) && !WHO_WAS_HURT.has(words));
  // "Ndio hapo walianza kunipiga", "hakuna mtu alinisaidia", "no one helped me": a yes or no and more after it is the story going on, as at the P3 question (it was "use the buttons", the words lost).
  const partAtHurt = firstAsked && pieceAtHurt && !more.endsWith('?') && ((first !== 'yes' && first !== 'no' && first !== 'skip') || saysMoreAfter(words)) && !HOW_SOMEONE_IS.test(words);
  // The P3 question follows at once: a town ("Nakuru") or a sentence there that no answer reads goes on with the story too.
  const p3FirstAsked = d.step === 'p3' && !d.editing && d.injuries?.record === undefined && !d.injuriesSkipped?.includes('record');
  const partAtP3 = p3FirstAsked && !more.endsWith('?') && ((first !== 'yes' && first !== 'no' && first !== 'skip') || saysMoreAfter(words)) && !words.split(' ').every((w) => NO_ACCOUNT_WORDS.has(w) || NOT_UNDERSTOOD.has(w));
  if (!account && !afterFewWords && !act && !partAtHurt && !partAtP3 && !partAtCounty(d, more, namesCounty)) return false;
  return addWords(turn, d, more);
}

/** Words added to the story told, and said so; the same words again are said to be there already, and words past the story's limit said not to fit. */
function addWords(turn: Turn, d: Draft, more: string): boolean {
  if (alreadyTold(turn, d, more)) return true;
  if (!joinStory(d, more)) {
    tellStoryFull(turn, more);
    return true;
  }
  if (d.storyPart) markStoryPart(d);
  // Where it happened is asked again next: said to be still needed, as the words may have been meant for it.
  turn.say(d.step === 'place' ? 'place.story_added' : 'desc.added');
  return true;
}

/**
 * The county question follows the story at once (or "was anyone hurt?" does, then it): the story
 * sent in short messages lands there ("hatujamwona tangu hapo", "he said he will plant bhang on
 * me"), and "I do not know that county" lost each part. Three words or more that name no county
 * and begin with no place ("kwa Mama Ngina", "Kawangware stage") go on with the story; a yes, a
 * no, a question or words about the county itself are a try at the answer. Only when first asked: changing the place, it follows no story.
 */
function partAtCounty(d: Draft, more: string, namesCounty: boolean): boolean {
  if (d.step !== 'county' || d.editing || d.county !== undefined || namesCounty || more.endsWith('?')) return false;
  const words = normalise(more).split(' ').filter(Boolean);
  const first = readWord(words[0] ?? '');
  // "Sina uhakika na county": about the question, not the story. "Joseph Kang'ethe" is two words, as typed.
  if (wordCount(more) < 3 || first === 'yes' || first === 'no' || first === 'skip' || namesAPlace(more) || words.some((w) => w === 'county' || w === 'kaunti')) return false;
  return !words.every((w) => NO_ACCOUNT_WORDS.has(w) || NOT_UNDERSTOOD.has(w));
}

/**
 * The same words sent again (the bot seemed slow, or the reporter was unsure they arrived): they
 * are in the story already, and twice there they would read as two incidents to staff and the agency.
 */
function alreadyTold(turn: Turn, d: Draft, input: string): boolean {
  if (!sentAgain(d, input)) return false;
  turn.say('desc.already');
  return true;
}

/** The story before its question: kept, and the question asked stays the one to answer. */
function keepEarly(turn: Turn, d: Draft, story: { text: string } | { voice: MediaRef }): void {
  Object.assign(d, story);
  markSplit(d, 'text' in story ? story.text : '', turn.now.getTime());
  turn.say('desc.kept_early');
  return turn.show();
}

/** Who was hurt, or how many, said alone at "was anyone hurt?" ("wote", "mimi", "both"): a try at the answer, never a piece of the story. */
const WHO_WAS_HURT = new Set('wote mimi yeye sisi wao wawili wengi mwingi me him her us them all both everyone everybody many'.split(' '));

/**
 * A part of the story kept before its question (the first one "kept", the next ones "added"), and
 * the question asked again. While the parts are too short to tell what happened on their own
 * (`earlyStory`), the story question is still asked, showing them (`Draft.storyPart`).
 */
function keepStoryPart(turn: Turn, d: Draft, input: string): void {
  if (alreadyTold(turn, d, input)) return turn.show();
  keepPart(turn, d, input);
  return turn.show();
}

/** Adds a part to the story kept so far and says so, or says it does not fit (the story at its limit). */
function keepPart(turn: Turn, d: Draft, input: string): void {
  const first = d.text === undefined && !d.voice;
  if (!joinStory(d, input)) return tellStoryFull(turn, input);
  markStoryPart(d);
  turn.say(first ? 'desc.kept_early' : 'desc.added');
}

/** Parts kept before the story question tell what happened once long enough: then that question is skipped, as for any story told early. */
function markStoryPart(d: Draft): void {
  const told = d.text !== undefined ? earlyStory(d.text) : undefined;
  if (d.voice || (told && !told.storyPart)) delete d.storyPart;
  else d.storyPart = true;
}

function continuesEarlyStory(turn: Turn, d: Draft): boolean {
  return BEFORE_STORY.includes(d.step) && d.earlyAt !== undefined && d.text !== undefined && turn.now.getTime() - d.earlyAt < PARTS_WINDOW_MS;
}

/**
 * The next part of a long story pasted before its question: joined to it, nothing said. Past the
 * limit, what fits is kept and the reporter told where the story stops, the words after it quoted
 * (as more words are at a full story); a further part of the paste is told so too, never an answer.
 */
function appendEarly(turn: Turn, d: Draft, part: string): void {
  const rest = d.earlyFull ? part.trim() : joinWhatFits(d, part);
  markSplit(d, part, turn.now.getTime());
  if (!rest) return;
  // Words after the cut would read as following it: the rest of the paste is quoted, never joined.
  d.earlyFull = true;
  cutStory(turn, d, rest);
  return turn.show();
}

/**
 * The story, whole. Past its limit (a long paste Telegram split in parts), what fits is kept, cut
 * before a word, and the reporter told where it stops, the words after it quoted (as a paste
 * before the question is); never joined after the cut, never dropped whole. Only a first word
 * longer than the limit leaves nothing to keep: that is refused, as before.
 */
function takeStory(turn: Turn, d: Draft, told: string): void {
  // Parts sent before the question ("ballot stuffing Tononoka"), shown with it: the answer goes on from them.
  const story: Pick<Draft, 'text'> = { text: d.storyPart ? d.text : undefined };
  const rest = joinWhatFits(story, told);
  if (story.text === undefined) {
    const refused = checkText(told, LIMITS.descriptionMaxChars);
    turn.say(`desc.${refused.ok ? 'too_long' : refused.reason}`, { max: LIMITS.descriptionMaxChars, length: [...told.trim()].length });
    return turn.show();
  }
  d.text = story.text;
  d.voice = undefined;
  delete d.storyPart;
  delete d.storyCut;
  if (rest) cutStory(turn, d, rest);
  return turn.advance(d);
}

/** The story stops at its limit: the words after the cut are quoted now, and the review says where it stops. */
function cutStory(turn: Turn, d: Draft, rest: string): void {
  d.storyCut = true;
  tellStoryFull(turn, rest);
}

/** A typed word where a button would do; false when the word means nothing at this step. */
function onWord(turn: Turn, d: Draft, word: Word, input: string): boolean {
  switch (d.step) {
    case 'kind':
      if (word !== 'police' && word !== 'election') return false;
      unbuttonKind(turn, d);
      chooseKind(d, word);
      turn.advance(d);
      return true;
    case 'cat':
      // "Hapana" to the category a sentence named: the question as it was, never "not understood".
      if (word === 'no' && d.offeredCategory) {
        delete d.offeredCategory;
        turn.show();
        return true;
      }
      // "Ndio" to it: taken, said back as a tap's choice is.
      if (!agrees(word)) return false;
      if (!d.offeredCategory || !d.offeredCategory.startsWith(d.kind === 'election' ? 'e_' : 'p_')) return yesToNothing(turn, d);
      takeTypedCategory(turn, d, d.offeredCategory);
      return true;
    case 'danger':
      if (word !== 'yes' && word !== 'no' && word !== 'now') return false;
      if (word === 'now' && !d.when) {
        // "It is happening now" answers the date question too.
        d.when = 'now';
        d.incidentAt = turn.now.getTime();
      }
      setDanger(turn, d, word !== 'no');
      return true;
    case 'when':
      // "Jana usiku": the part of the day is kept with it.
      return onWhenWord(turn, d, word, splitTime(input).time);
    case 'ev':
      if (word !== 'skip' && word !== 'done' && word !== 'no') return false;
      d.evidence ??= [];
      turn.advance(d);
      return true;
    case 'role': case 'vic': case 'ofc': case 'unit': case 'wear': case 'stn': case 'plate': case 'by': case 'how': case 'pstn': case 'const': case 'ward':
      return onDetailWord(turn, d, d.step, word);
    case 'review':
      // "Yes" sends the way that gives away least: anonymously, unless a phone was shared.
      if (!agrees(word)) return false;
      submit(turn, d);
      return true;
    default:
      return false;
  }
}

/** A typed word at an optional detail's question ("who did this happen to?", "do you know the officer's name?"). */
function onDetailWord(turn: Turn, d: Draft, step: DetailStep, word: Word): boolean {
  // "Yes" to "who did this happen to?" asked as told ("I am reporting for my neighbour"): someone else.
  if (step === 'role' && agrees(word) && toldForSomeoneElse(d.text)) {
    d.role = 'on_behalf';
    turn.advance(d);
    return true;
  }
  // "No" / "hapana" to "do you know…?" is a skip too; a bare "yes" is not the answer itself
  // (where an answer is typed: at the questions answered by a tap it meets "use the buttons").
  if (agrees(word) && !(TAP_ONLY_DETAILS as readonly Step[]).includes(step)) {
    askToType(turn, d, step);
    return true;
  }
  if (word !== 'skip' && word !== 'no') return false;
  skipDetail(turn, d);
  return true;
}

/**
 * "Yes" at the category list with no category offered: nothing to agree to, said so, with how to
 * choose (the closest button, or "other"). It was a bare "not understood", and the reporter waited.
 */
function yesToNothing(turn: Turn, d: Draft): boolean {
  if (!d.kind) return false;
  turn.say('category.yes_unoffered', { other: { key: `common:categoryButton.${d.kind === 'election' ? 'e' : 'p'}_other` } });
  turn.show();
  return true;
}

function onWhenWord(turn: Turn, d: Draft, word: Word, time?: string): boolean {
  // "Ndio" to "Saturday or Sunday?": which of the two is still to tap, asked again with them (it was "could not read that date", the buttons gone).
  if (d.weekendAsked && agrees(word)) {
    askWhichWeekendDay(turn, d);
    return true;
  }
  // "Ndio" to the day the story names, offered with the question: that day, with its part of the day.
  const day = agrees(word) ? storyDay(d, turn.now) : wordDay(word, turn.now, time);
  if (!day) return false;
  takeDay(turn, d, day);
  return true;
}

/**
 * "Ndio jana", "ndiyo ilikuwa jana", "ndio tarehe 3": a yes to the day offered, and that day said again; "ndio, kama saa
 * tano usiku": the day offered at that hour. Each was "could not read that date", and the offer went. Only the day
 * offered: a yes with another ("yes 2" to yesterday) is no answer, and a day of the month said alone is the offer's
 * when it is the same day ("ndio tarehe 3" to 03/11 is not 03/12).
 */
function yesWithDay(d: Draft, input: string, now: Date): DayRead | undefined {
  const yes = answerLead(input);
  if (yes?.word !== 'yes') return undefined;
  const led = yes.rest.replace(DAY_LEAD, '');
  const offer = offeredDay(d, now);
  // Nothing offered: "ndio jana", "yes today" are that day (the yes only says it is so).
  if (!offer) return DAY_WORD_FIRST.test(normalise(led)) ? dayAnswer(led, now, d.whenSaid) : undefined;
  const hour = timeAlone(led, now);
  if (hour) return { ...offer, time: hour.time };
  const day = dayAnswer(yes.rest, now, d.whenSaid) ?? dayAnswer(led, now, d.whenSaid) ?? dayOfMonthAlone(led, now, d.whenSaid);
  const same = day && (day.incidentAt === offer.incidentAt || (MONTH_DAY_ONLY.test(normalise(splitTime(led).day)) && dayOfMonth(day.incidentAt) === dayOfMonth(offer.incidentAt)));
  return same ? { ...offer, ...(day.time ? { time: day.time } : {}) } : undefined;
}

/** "Tarehe 3", "the 3rd", "3rd": a day of the month with no month said. */
const MONTH_DAY_ONLY = /^(?:(?:on )?the |tarehe )?\d{1,2}(?:st|nd|rd|th)?$/;
/** Today, yesterday or the day before, said first. */
const DAY_WORD_FIRST = /^(?:jana|leo|juzi|yesterday|today)\b/;
/** The day offered above the date question (`Turn.askWhen`): only while the question is asked the first time. */
function offeredDay(d: Draft, now: Date): DayRead | undefined {
  return d.when === undefined && !d.whenMissed ? storyDay(d, now) : undefined;
}

/** The day the story names: today or yesterday (`dayInStory`), or another day (`storyDate`); with its part of the day. */
function storyDay(d: Draft, now: Date): DayRead | undefined {
  const said = d.text !== undefined ? dayInStory(d.text) : undefined;
  return said ? wordDay(said.when, now, said.time) : storyDate(d, now);
}

function takeDay(turn: Turn, d: Draft, day: DayRead): void {
  noteDay(d, day);
  turn.advance(d);
}

/** It happens again and again: "kila siku", "every day", "daily", "every morning", "mara kwa mara". */
const OFTEN = /^(every ?day|daily|each day|every (morning|evening|night|week|time|trip)|kila (siku|asubuhi|jioni|usiku|wiki|mara|saa)|mara kwa mara|all the time|always|(ever )?since|tangu|kuanzia)\b/;

/** "Tangu jana usiku", "since yesterday", "kuanzia juzi": the day something began that goes on. */
const SINCE_DAY = /^(?:(?:amekuwa|yuko|ako|wako|he has been|she has been|they have been|held)\s+(?:ndani\s+|in\s+(?:the\s+)?cells?\s+)?)?(?:tangu|since|kuanzia)\s+(.+?)[\s.!]*$/i;

/** Words that lead into the day ("ilikuwa jana", "it was yesterday", "ni leo"): not the day. */
const DAY_LEAD = /^\s*(?:ilikuwa|ilikua|ilitokea|ni|it was|it happened|that was|was)\s+(?:on\s+)?(?=\S)/i;

function onDate(turn: Turn, d: Draft, input: string): void {
  const led = input.replace(DAY_LEAD, '');
  const day = dayAnswer(input, turn.now, d.whenSaid) ?? (led !== input ? dayAnswer(led, turn.now, d.whenSaid) : undefined) ?? dayOfMonthAlone(led, turn.now, d.whenSaid) ?? yesWithDay(d, input, turn.now);
  if (day) return takeDay(turn, d, day);
  // "Nimekosea kaunti" (the county was wrong), noticed when the day is asked: as at the place question.
  if (placeSaidSorry(turn, d, input) || countyCorrected(turn, d, input, true) || placeCorrected(turn, d, input)) return;
  const fixed = dayCorrected(input, d, turn.now);
  if (fixed) return takeDay(turn, d, fixed);
  if (WEEKEND.test(normalise(led))) return askWhichWeekendDay(turn, d);
  // "Jana Kayole", "yesterday at Kayole stage", "jana walinipiga tena": the day, and the rest kept in the story (the place was asked already).
  const withMore = dayThenMore(input, turn.now, d.whenSaid);
  if (withMore) {
    keepWordsWithDay(turn, d, input, withMore.rest);
    return takeDay(turn, d, withMore.day);
  }
  // "Near the stage juzi jioni": the day after the place, the words kept as with the day first.
  const placeFirst = placeThenDay(input, turn.now);
  if (placeFirst && namesAPlace(placeFirst.place)) {
    keepWordsWithDay(turn, d, input, placeFirst.place);
    return takeDay(turn, d, placeFirst.day);
  }
  if (placeAtDate(turn, d, input) || tomorrowSaid(turn, d, led, input)) return;
  const n = normalise(input);
  // "Tangu jana usiku" (held since last night), "since yesterday": the day it began, and the words kept (it goes on).
  const since = SINCE_DAY.exec(input.trim());
  const began = since ? dayAnswer(since[1], turn.now, d.whenSaid) : undefined;
  if (began) {
    keepWordsWithDay(turn, d, input, input);
    return takeDay(turn, d, began);
  }
  // "Kila siku", "every day", "since last week", "tangu jana": it goes on. The words go in the story (staff read that it repeats), and the last day it happened is asked.
  if (OFTEN.test(n)) {
    addNewOrTell(turn, d, input);
    turn.say('when.often', { example: formatDay(turn.now.getTime()) });
    return turn.show();
  }
  // "Wiki iliyopita pale stage", "sikumbuki, pale stage": no day to take, but the place or what was done is kept while the day is asked for.
  const noDay = thenMore(input, (head) => (VAGUE_WHEN.test(normalise(head)) ? 'vague' : dontKnow(head) ? 'unknown' : undefined));
  if (noDay) keepWordsWithDay(turn, d, input, noDay.rest);
  else if (addToStory(turn, d, input)) return turn.show();
  const parsed = parseIncidentDate(input, turn.now);
  // "Ruka": the day cannot be skipped; asked for the closest one, as for "sijui".
  const unknown = dontKnow(input) || readWord(input) === 'skip' || noDay?.head === 'unknown';
  const vague = VAGUE_WHEN.test(n);
  // "Mwezi uliopita": kept to read the day that comes next ("tarehe 5" of last month).
  if (vague || noDay?.head === 'vague') d.whenSaid = n.slice(0, 60);
  // "Wiki hii Jumapili" typed on a Saturday starts as vaguely as "wiki hii" but was read: a day still to come.
  const read = !parsed.ok && parsed.reason !== 'format';
  const key = unknown ? 'when.unknown' : vague && !read ? 'when.which_day' : `when.${parsed.ok ? 'format' : parsed.reason}`;
  // No day read a second time running ("last week" twice): the same question again is a loop a reporter gives up on.
  if (NOT_READ.includes(key)) {
    if (d.whenMissed) return dayNotReadAgain(turn, d, input);
    d.whenMissed = true;
  }
  turn.say(key, { example: formatDay(turn.now.getTime()) });
  return turn.show();
}

/** A day still to come named alone, with its time or not ("kesho", "kesho asubuhi", "tomorrow morning", "kesho kutwa"). */
const TOMORROW = /^(?:kesho(?: kutwa)?|keshokutwa|tomorrow|the day after tomorrow)$/;
const TOMORROW_WORD = /\b(?:kesho|keshokutwa|tomorrow)\b/;

/**
 * "Kesho", "tomorrow morning" where the day is asked: that day has not come, said so in the
 * reporter's words and asked again (it was "could not read that date"). With more words ("watakuja
 * kesho", they will come tomorrow) it is something told of tomorrow, often a threat: kept in the
 * story for staff, and the day it happened asked again.
 */
function tomorrowSaid(turn: Turn, d: Draft, led: string, input: string): boolean {
  const n = normalise(led);
  if (!TOMORROW_WORD.test(n)) return false;
  const { day, dayAlone } = splitTime(n);
  if (TOMORROW.test(day) || (dayAlone !== undefined && TOMORROW.test(dayAlone))) turn.say('when.tomorrow');
  else addNewOrTell(turn, d, input);
  turn.show();
  return true;
}

/** "Wikendi", "the weekend": Saturday or Sunday, which the words do not say. */
const WEEKEND = /^(?:(?:on|over|during|at) )?(?:the |last |this |past )?(?:weekend|week end|wikendi|wikend|weekendi)(?: (?:iliyopita|hii|tu))?$/;

/** "Wikendi": which of the weekend's two days, offered to tap (`lastWeekend`), never guessed; a day typed still answers. */
function askWhichWeekendDay(turn: Turn, d: Draft): void {
  const weekend = lastWeekend(turn.now);
  d.weekendAsked = true;
  turn.say('when.weekend', { saturday: formatDay(weekend[0]), sunday: formatDay(weekend[1]) }, { keyboard: { type: 'when', draftId: d.id, weekend } });
}

/** Words that correct an answer ("hapana", "sorry", "I meant"); a day after one of them is the day meant. */
const DAY_CORRECTING = /\b(hapana|hapna|no|nope|sio|siyo|not|wrong|sorry|sori|pole|samahani|meant|mean|namaanisha|nilimaanisha|nimekosea|nilikosea|mistake|actually|kumbe|oops)\b/;

/**
 * "Hapana ni jana", "sorry i meant yesterday", "hapana ilikuwa juzi": a day said as a correction
 * (`readCorrection`, as at the review), whether of a day given before or of what the question
 * seemed to expect. It was "could not read that date". Read as if no day was given, so a day
 * changed from the review is taken even when it is the one given.
 */
function dayCorrected(input: string, d: Draft, now: Date): DayRead | undefined {
  // "Juzi juzi" (the other day) is no day corrected: a word of correcting is needed.
  if (!DAY_CORRECTING.test(normalise(input))) return undefined;
  const fixed = readCorrection(input, { county: d.county }, now);
  if (fixed?.part !== 'when' || !fixed.when) return undefined;
  return { when: fixed.when.when, incidentAt: fixed.when.incidentAt, time: fixed.when.timeOfDay };
}

/**
 * "Stage ya Kitengela", "at Globe roundabout" typed where the day is asked: the place, as the
 * place question takes it, or the place given changed, as "samahani ni Kayole si Umoja" changes it
 * (`placeCorrected`); the day asked again. It was "could not read that date" and the words lost.
 */
function placeAtDate(turn: Turn, d: Draft, input: string): boolean {
  // A spot no list knows named with its noun ("Kiandutu primary school polling station"): taken where no place was
  // given, or only a constituency or ward ("Thika Town constituency"), which it narrows; it was "could not read that date".
  const coarse = d.place === undefined || countyOfUnit(d.place.replace(/\s+(?:constituency|sub ?county|ward)$/iu, '')) !== undefined;
  const typed = placeTypedAlone(input) ?? (coarse ? placePhraseFirst(input.replace(/^(?:it was at|it was|ilikuwa pale|ilikuwa|ni pale)\s+/iu, '')) : undefined);
  if (typed === undefined || d.county === undefined) return false;
  // "Pale Kencom": "Kencom", as the place question stores it (`placeWithoutLead`).
  const place = placeWithoutLead(typed);
  if (d.place === undefined && !d.location) d.place = withTown(place, townOf(d));
  else Object.assign(d, { place, location: undefined, town: undefined });
  placeGiven(d);
  turn.say('place.noted');
  turn.show();
  return true;
}

/** The date question's answers that gave no day (as against a day in the future or too old, which was read). */
const NOT_READ = ['when.unknown', 'when.which_day', 'when.format'];

/**
 * A second answer running with no day in it: what the question takes (its buttons, and the ways a
 * day is typed), and the words kept in the story for staff, as for "kila siku"; kept once.
 */
function dayNotReadAgain(turn: Turn, d: Draft, input: string): void {
  // A yes, a no ("ndiyo", "hapana") or a sound ("hmm") tells staff nothing: never the story.
  const word = readWord(input);
  if (!addsNothing(input) && word !== 'yes' && word !== 'no' && word !== 'ack' && !soundOnly(input)) addNewOrTell(turn, d, input);
  turn.say('when.again', { example: formatDay(turn.now.getTime()) });
  return turn.show();
}

/**
 * The words typed with the day ("jana Kayole"): into the story with the day, as the reporter wrote
 * them, unless they add nothing or only name the place given already.
 */
function keepWordsWithDay(turn: Turn, d: Draft, input: string, rest: string): void {
  // "Yesterday at Naivasha road junction": the place given already, said again.
  const more = normalise(rest).replace(BEFORE_PLACE, '').replace(/^(\w+ )/, (w) => (PLACE_LEADS.has(w.trim()) ? '' : w));
  if (addsNothing(rest)) return;
  if (d.place && ` ${normalise(d.place)} `.includes(` ${more} `)) return;
  if (inStory(d, input)) return;
  if (!joinStory(d, input)) return tellStoryFull(turn, input);
  if (d.storyPart) markStoryPart(d);
  turn.say('desc.added');
}
