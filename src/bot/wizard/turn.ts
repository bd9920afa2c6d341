import { categoryInWords, categoryOfEitherKind, countiesOfPlace, countyByCode, countyNamedInStory, dayInStory, incidentTimeFor, kindInWords, LIMITS, placeOutsideCounty, townOutsideCounty, type ReportKind, dateInStory } from '../../domain';
import type { IntakeResult } from '../../services/intake-service';
import type { Draft, MediaRef, Step } from '../session';
import { fixAsked, keepFixWords } from './correction';
import { askDetail, isDetailStep } from './details';
import { afterEdit, chainsOn, firstMissing, markSplit, nextStep, prevStep, REPLY_KEYBOARD_STEPS, townOf, townPlace } from './flow';
import { askInjury, isInjuryStep } from './injuries';
import { formatDay, lastWeekend } from './format';
import { dangerToldFirst, normalise } from './parse';
import { setDanger } from './buttons';
import type { Effect, FirstMessage, InPlace, Keyboard, Reply, Text, WizardState } from './types';
import { electoralUnits } from './units';

/**
 * How long a danger said in the first message answers the danger question. The mark stands only
 * between that message and the question (the kind and the category, a minute or two); a reporter
 * who comes to it an hour later left and came back, and whether someone is still in danger is then
 * the question to ask: asked, it costs one tap; taken, old words send staff an urgent alert.
 */
export const DANGER_SAID_FOR_MS = 60 * 60 * 1000;

/** How much of a kept story its question shows when asked again: enough to recognise it. */
const STORY_SHOWN_CHARS = 300;

/** One step's working copy: the handlers change it and collect replies and effects. */
export class Turn {
  draft: Draft | undefined;
  lastSubmitted: WizardState['lastSubmitted'];
  cancelled: WizardState['cancelled'];
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  /** Set for a valid press on the current question: the answer replaces that question. */
  inPlace: InPlace | undefined;

  constructor(
    state: WizardState,
    readonly now: Date,
  ) {
    this.draft = state.draft ? structuredClone(state.draft) : undefined;
    this.lastSubmitted = state.lastSubmitted;
    this.cancelled = state.cancelled;
  }

  /** A message of the given texts (joined by a blank line). */
  say(key: string, params?: Record<string, unknown>, opts: { keyboard?: Keyboard; html?: true } = {}): void {
    this.message([{ key, ...(params ? { params } : {}) }], opts);
  }

  message(texts: Text[], opts: { keyboard?: Keyboard; html?: true } = {}): void {
    this.replies.push({ type: 'message', texts, ...(opts.html ? { html: true as const } : {}), ...(opts.keyboard ? { keyboard: opts.keyboard } : {}) });
  }

  /**
   * The place kept for the report, said with "as you wrote it" only when it is exactly what they
   * typed: read out of their words ("ni Thika": "Thika") or with the town added, it is not.
   */
  sayPlaceKept(place: string | undefined, typed: string | undefined, opts: { keyboard?: Keyboard } = {}): void {
    this.say(place === typed ? 'place.kept_early' : 'place.kept_read', { place }, opts);
  }

  /** Answers the button press (a short notice with `key`). */
  answer(key?: string): void {
    this.replies.push(key ? { type: 'answer', text: { key } } : { type: 'answer' });
  }

  begin(newDraftId: string, kind?: ReportKind, story?: FirstMessage, dangerSaid?: true, identity?: 'anonymous'): void {
    if (this.draft) {
      this.say('wizard.resume');
      return this.show();
    }
    this.draft = kind ? { id: newDraftId, step: 'cat', kind } : { id: newDraftId, step: 'kind' };
    this.effects.push({ type: 'started' });
    if (dangerSaid || (story && 'text' in story && story.text !== undefined && dangerToldFirst(story.text))) {
      this.draft.dangerSaid = true;
      this.draft.dangerSaidAt = this.now.getTime();
    }
    if (story && 'file' in story) {
      // A photo (or any file) sent first: the report starts with it as evidence; an album's files
      // are counted once, after its last (the question is asked now).
      this.draft.evidence = [story.file];
      if (story.album) {
        this.draft.albumPending = true;
        this.effects.push({ type: 'hold', draftId: newDraftId });
      } else this.say('ev.kept', { count: 1, max: LIMITS.evidenceMaxItems });
      // Its caption told what happened: the story too, as for a file sent at the first questions.
      if (story.text !== undefined) this.keepEarly({ text: story.text });
    } else if (story && 'passedOn' in story) {
      // Someone else's words sent first: kept, and the reporter's own account asked for at its question.
      this.draft.passedOn = [story.passedOn];
      this.say('passed.kept_first');
    } else if (story) this.keepEarly(story);
    // "Sitaki jina langu lijulikane" as the first message: how to send without the name, then the first question.
    if (identity) this.say('wizard.anonymous');
    this.offerNamed(this.draft);
    return this.show();
  }

  /**
   * A story told in the first message that names one category of one kind ("a policeman asked me
   * for 500 bob", "they arrested my brother"): that kind taken and the category offered with its
   * list, as for the same words typed at the kind question (Back there asks the kind).
   */
  private offerNamed(d: Draft): void {
    if (d.text === undefined || d.category) return;
    const offer = d.kind ? { kind: d.kind, code: categoryInWords(d.text, d.kind) } : categoryOfEitherKind(d.text);
    if (!offer?.code) {
      // No one category, but one kind named ("there is a problem at the polling station", "police did
      // something bad at Kilimani"): that kind's list at once, not "police or election?" (Back asks it).
      const kind = d.kind ? undefined : kindInWords(d.text);
      if (kind) Object.assign(d, { kind, step: 'cat' });
      return;
    }
    Object.assign(d, { kind: offer.kind, step: 'cat', offeredCategory: offer.code });
  }

  /**
   * Someone in danger, said in the first message and answered with the numbers then: taken as the
   * yes ("marked urgent", staff alerted), never asked after them as if unsaid. The numbers every
   * report gets were shown with that message: not again, only the category's own (a GBV line).
   * Once, and only while recent (`dangerSaidLately`): Back to the question, or Change from the
   * review, asks it.
   */
  private dangerTold(d: Draft): void {
    this.say('danger.told');
    setDanger(this, d, true, true);
  }

  /** The first message's danger, if it still answers the question (said lately); the mark is used up either way. */
  private dangerSaidLately(d: Draft): boolean {
    const at = d.dangerSaidAt;
    delete d.dangerSaid;
    delete d.dangerSaidAt;
    // Without a time (a draft from before times were kept) its age is unknown: asked.
    return at !== undefined && this.now.getTime() - at < DANGER_SAID_FOR_MS;
  }

  /** A story told before its question: kept, and said so. */
  private keepEarly(story: { text: string } | { voice: MediaRef }): void {
    if (!this.draft) return;
    Object.assign(this.draft, story);
    markSplit(this.draft, 'text' in story ? story.text : '', this.now.getTime());
    this.say('desc.kept_early');
  }

  /**
   * A typed cancel word: asks first, since a word typed by mistake must not throw a report away.
   * `before`: a text said above the question, in the same message (the answer to a fear).
   */
  askCancel(d: Draft, before?: string): void {
    d.cancelAsked = true;
    const ask = { key: d.urgent ? 'cancel.ask_urgent' : 'cancel.ask' };
    this.message(before ? [{ key: before }, ask] : [ask], { keyboard: { type: 'cancelAsk', draftId: d.id, step: d.step } });
  }

  /**
   * A Cancel button: asks first when the report holds what the reporter wrote or sent (on the
   * phone-number keyboard or beside Skip it reads as "not this", and one tap would delete the
   * whole report); at once otherwise. /cancel always cancels at once.
   */
  cancelPressed(d: Draft): void {
    if (holdsWork(d)) return this.askCancel(d);
    this.cancel();
  }

  /** Discards the draft (from /cancel, a Cancel button, or Yes to "cancel this report?") and says so plainly. */
  cancel(): void {
    const d = this.draft;
    if (!d) return this.say('cancel.nothing', undefined, { keyboard: { type: 'main' } });
    this.draft = undefined;
    this.cancelled = d.id;
    this.effects.push({ type: 'cancelled', step: d.step, ...(d.urgent ? { abandon: d.id } : {}) });
    // A staff member was already alerted that someone is in danger: that stays, and they may still write here.
    const done: Text = d.urgent ? { key: 'cancel.done_urgent', params: { reference: d.urgent } } : { key: 'cancel.done' };
    const html = d.urgent ? { html: true as const } : {};
    if (REPLY_KEYBOARD_STEPS.includes(d.step)) {
      this.message([done], { keyboard: { type: 'remove' }, ...html });
      this.say('cancel.again', undefined, { keyboard: { type: 'startAgain' } });
    } else {
      this.message([done, { key: 'cancel.again' }], { keyboard: { type: 'startAgain' }, ...html });
    }
  }

  /**
   * The report stored at "someone is in danger": say that a staff member is alerted (with the
   * reference the report will keep), then ask the next question. If it could not be stored, the
   * wizard goes on all the same: sending stores it (priority 1) as any report.
   */
  urgentStored(draftId: string, result: IntakeResult): void {
    const d = this.draft;
    if (!d || d.id !== draftId) return;
    if (result.ok) {
      d.urgent = result.reference;
      this.say('danger.alerted', { reference: result.reference }, { html: true });
    } else {
      // Nobody was alerted: said plainly, with where to call, never left for them to assume.
      this.say(result.reason === 'daily_limit' ? 'danger.not_alerted_limit' : 'danger.not_alerted', result.reason === 'daily_limit' ? { count: result.limit } : undefined);
    }
    if (d.step === 'danger') this.advance(d);
    // Danger told later, at another question (`dangerToldLater`): that question again, the newest message.
    else this.show();
  }

  /** The current question, when it ends this turn's replies, left for `urgentStored` to ask under "alerted". */
  holdQuestion(): void {
    if (!this.draft) return;
    const ask = new Turn({ draft: this.draft }, this.now);
    ask.show();
    const n = ask.replies.length;
    if (n && JSON.stringify(this.replies.slice(-n)) === JSON.stringify(ask.replies)) this.replies.splice(-n);
  }

  /**
   * Asks the current step's question. Every question is the newest message (a new one, or the
   * pressed question replaced in place), so the newest one is always the live one.
   */
  show(): void {
    const d = this.draft;
    if (!d) return;
    const id = d.id;
    switch (d.step) {
      case 'kind':
        return this.say('kind.ask', undefined, { keyboard: { type: 'kind', draftId: id } });
      case 'cat':
        if (!d.kind) return this.go('kind');
        // A category the story named ("a policeman asked me for 500 bob"): offered until taken or refused,
        // named as on its button so it is found below.
        if (d.offeredCategory?.startsWith(d.kind === 'election' ? 'e_' : 'p_')) {
          return this.say('category.offer', { category: { key: `common:categoryButton.${d.offeredCategory}` } }, { keyboard: { type: 'category', draftId: id, kind: d.kind } });
        }
        return this.say('category.ask', { kind: { key: `common:kind.${d.kind}` } }, { keyboard: { type: 'category', draftId: id, kind: d.kind } });
      case 'danger':
        if (d.dangerSaid && d.danger === undefined && this.dangerSaidLately(d)) return this.dangerTold(d);
        return this.say('danger.ask', undefined, { keyboard: { type: 'danger', draftId: id } });
      case 'desc':
        return this.askStory(d);
      case 'county':
        // Asked anew (Place changed from the review): a town named for the county before is no longer the answer.
        delete d.town;
        return this.askCounty(d, d.countyPage ?? 0);
      case 'place': {
        const county = countyByCode(d.county ?? 0);
        if (!county) return this.go('county');
        // "Change the county to Nairobi City?" waits (after "habari", "who sees this?", a language change): it, with its Yes/No, not the bare place question.
        if (fixAsked(d)) return this.askPlaceFix(d, county.code);
        // "Kitengela" given for the county: where in Kitengela, never "where in Kajiado?" again.
        const town = townOf(d);
        // "Nje ya Naivasha": as vague as a town alone, so where exactly, said with the words typed.
        if (town?.beside) return this.say('place.ask_beside', { place: town.beside, county: { countyCode: county.code } }, { keyboard: { type: 'place' } });
        if (town) return this.say('place.ask_town', { town: town.name, county: { countyCode: county.code } }, { keyboard: { type: 'place' } });
        return this.say('place.ask', { county: { countyCode: county.code } }, { keyboard: { type: 'place' } });
      }
      default:
        return this.showLater(d);
    }
  }

  /**
   * "Change the county to Kiambu?" asked where the place is, after another county's name or town
   * typed there (`Draft.fix`): Yes, or No that keeps `chosen`. A town in two counties ("Githurai
   * 45") names both (`place.fix_town_two`): guessing one would file it in the wrong one.
   */
  askPlaceFix(d: Draft, chosen: number): void {
    const fix = d.fix?.county;
    if (!fix) return;
    const other = fix.town !== undefined ? townOutsideCounty(fix.town, chosen, electoralUnits())?.[1] : undefined;
    const text: Text =
      other === undefined
        ? { key: 'review.fix_county', params: { county: { countyCode: fix.code } } }
        : { key: 'place.fix_town_two', params: { place: fix.town, county: { countyCode: fix.code }, other: { countyCode: other }, chosen: { countyCode: chosen } } };
    this.message([text], { keyboard: { type: 'fix', draftId: d.id, keep: chosen } });
  }

  /**
   * The county question, on `page` of the list. Changing the place from the review, the county
   * already given comes first on every page ("✅ Nairobi City"): one tap keeps it and asks where
   * in it, rather than paging through the list to find it again.
   */
  askCounty(d: Draft, page: number): void {
    const kept = keptCounty(d);
    if (kept !== undefined) return this.say('county.ask_edit', { county: { countyCode: kept } }, { keyboard: countyKeyboard(d, page) });
    // "Kayole" typed before this question: its county is offered on top (`countyKeyboard`), and this line says why.
    const early = earlyPlaceCounties(d);
    const [county, other] = (early?.counties ?? []).map((countyCode) => ({ countyCode }));
    // Or the county the story names ("…huko Nakuru…"), offered the same way.
    const told = early ? undefined : storyCounty(d);
    const note: Text[] = early
      ? [{ key: other ? 'county.early_town_two' : 'county.early_town', params: { place: early.place, county, ...(other ? { other } : {}) } }]
      : told !== undefined
        ? [{ key: 'county.story_county', params: { county: { countyCode: told } } }]
        : [];
    return this.message([...note, { key: 'county.ask' }], { keyboard: countyKeyboard(d, page) });
  }

  /** The story's question; asked again (Back, Change) over a story kept, it shows that story and offers to keep it. */
  private askStory(d: Draft): void {
    const keyboard: Keyboard = { type: 'nav', draftId: d.id, step: 'desc' };
    if (d.voice) return this.say('desc.ask_again_voice', undefined, { keyboard: { ...keyboard, keep: true } });
    if (!d.text) return this.say('desc.ask', undefined, { keyboard });
    const chars = [...d.text];
    const story = chars.length > STORY_SHOWN_CHARS ? `${chars.slice(0, STORY_SHOWN_CHARS).join('').trimEnd()}…` : d.text;
    // Asked for the rest, the reporter may have no more to tell: the button says "That's all".
    return this.say(d.storyPart ? 'desc.ask_more' : 'desc.ask_again', { story }, { keyboard: { ...keyboard, keep: d.storyPart ? 'all' : true } });
  }

  /**
   * The date question; a day the story names ("jana usiku", "yesterday", "on Tuesday") is offered above it, the
   * button for that day (Today, Yesterday, or its own "✅ Yes, 24/11/2026") or "yes" taking it: told once, not asked as if it had not been said.
   */
  private askWhen(d: Draft): void {
    const ask: Text = { key: 'when.ask', params: { example: formatDay(this.now.getTime()) } };
    const said = d.text !== undefined && d.when === undefined && !d.whenMissed ? dayInStory(d.text) : undefined;
    // Or another day it names ("on Tuesday", "juzi"), as its date: "yes" takes it.
    const other = d.text !== undefined && d.when === undefined && !d.whenMissed && !said ? dateInStory(d.text, this.now) : undefined;
    const offer: Text[] = said
      ? [{ key: `when.offer_${said.when}`, params: { words: said.words, date: formatDay(incidentTimeFor(said.when, this.now).getTime()) } }]
      : other ? [{ key: 'when.offer_date', params: { words: other.words, date: formatDay(other.at.getTime()) } }] : [];
    // "Wikendi" answered: its two days stay on offer while the question is asked again.
    const weekend = d.weekendAsked ? { weekend: lastWeekend(this.now) } : {};
    // The day offered has its button, as Today and Yesterday are theirs for `said`.
    const button = other ? { said: other.at.getTime() } : {};
    return this.message([...offer, ask], { keyboard: { type: 'when', draftId: d.id, ...weekend, ...button } });
  }

  private showLater(d: Draft): void {
    const id = d.id;
    switch (d.step) {
      case 'when':
        return this.askWhen(d);
      case 'ev': {
        const count = d.evidence?.length ?? 0;
        // "No files" is the button only until a file is kept; then "Done" is, and ev.count says so.
        const ask: Text = { key: count ? 'ev.ask_more' : 'ev.ask', params: { max: LIMITS.evidenceMaxItems } };
        const texts = count ? [ask, { key: 'ev.count', params: { count, max: LIMITS.evidenceMaxItems } }] : [ask];
        return this.message(texts, { keyboard: { type: 'evidence', draftId: id, count } });
      }
      case 'contact':
        return this.say('contact.ask', undefined, { keyboard: { type: 'contact' } });
      default: {
        if (isDetailStep(d.step)) return askDetail(this, d, d.step);
        if (isInjuryStep(d.step)) return askInjury(this, d, d.step);
        const missing = firstMissing(d);
        if (missing) {
          // As an edit: the answer comes back here, and the next missing one is asked.
          d.editing = true;
          return this.go(missing);
        }
        this.replies.push({ type: 'review', draft: structuredClone(d) });
      }
    }
  }

  go(to: Step): void {
    const d = this.draft;
    if (!d) return;
    // The county question left with a county on the draft (kept by Back, or just chosen): a pin
    // shared there belongs to that county from now, so a later change of county drops it. With
    // no county yet (Back on the first pass), the pin still waits for the county chosen next.
    // A place typed there while it was asked again is the place as typed, but no longer waits for a county.
    if (d.step === 'county' && to !== 'county' && d.county !== undefined) {
      delete d.locationEarly;
      delete d.placeEarly;
    }
    // The date question left: an answer not read there before counts no more when it is asked again.
    if (d.step === 'when' && to !== 'when') {
      delete d.whenMissed;
      delete d.weekendAsked;
    }
    // Back at the review after the question a correction opened was answered: the words were used.
    if (to === 'review' && d.step !== 'review') delete d.fix;
    d.step = to;
    if (to === 'review') d.editing = undefined;
    return this.show();
  }

  /** After an answer: the next step, or back to review when editing one part. */
  advance(d: Draft): void {
    if (d.editing && !chainsOn(d, d.step)) return this.go(afterEdit(d, d.step));
    const next = nextStep(d, d.step);
    // A pin shared before the county was known answers where: the place question is not asked for it again.
    if (next === 'place' && d.locationEarly && d.location) return this.placeFromPin(d);
    // A place typed at the county question ("at the roadblock") answers where: said, not asked again;
    // beside its town ("nje ya Naivasha"), where exactly is still asked (`show`).
    if (next === 'place' && d.placeEarly && d.place && !townOf(d)?.beside) return this.placeKept(d, d.place);
    // A town set aside ("Githurai 45", Yes to "Change the county?") and a county not its own tapped
    // (Mombasa): still set aside, said so as for a town typed early, never silently dropped.
    if (next === 'place' && d.placeSetAside !== undefined && !d.place) {
      const elsewhere = d.county !== undefined ? placeOutsideCounty(d.placeSetAside, d.county, electoralUnits()) : undefined;
      if (elsewhere) return this.placeElsewhere(d, d.placeSetAside, elsewhere);
    }
    // A county typed ahead at an injury question answers the county question: passed once.
    if (next === 'county' && d.countyEarly && d.county !== undefined) {
      delete d.countyEarly;
      d.step = 'county';
      return this.advance(d);
    }
    // "It is happening now" at the danger question already said when.
    if (next === 'when' && d.when) return this.go(nextStep(d, 'when'));
    // The story written before it was asked is kept (the review shows it, to change if need be);
    // short parts of it that do not yet tell what happened are shown at its question, to go on from,
    // except a first message's few words while someone is in danger: the county comes first, as before.
    // Passed as answered, so a county or place typed ahead is not asked for after it (it was: "Ilitokea katika kaunti gani?" after "Sitakuuliza kaunti tena").
    if (next === 'desc' && (d.voice || (d.text && (!d.storyPart || (d.storyPart === 'first' && d.danger))))) {
      d.step = 'desc';
      return this.advance(d);
    }
    return this.go(next);
  }

  /** The pin shared early is the place (with the town named for the county, as at the place question); on as after it. */
  private placeFromPin(d: Draft): void {
    delete d.locationEarly;
    delete d.placeEarly;
    d.place = townPlace(townOf(d));
    d.step = 'place';
    this.say('place.location_kept');
    return this.advance(d);
  }

  /** The place typed before the county was known is the place (with the town named for the county, as at the place question); on as after it. */
  private placeKept(d: Draft, place: string): void {
    delete d.placeEarly;
    const elsewhere = d.county !== undefined ? placeOutsideCounty(place, d.county, electoralUnits()) : undefined;
    if (elsewhere) return this.placeElsewhere(d, place, elsewhere);
    const town = townOf(d);
    d.place = town && !normalise(place).includes(normalise(town.name)) && [...`${place}, ${town.name}`].length <= LIMITS.placeMaxChars ? `${place}, ${town.name}` : place;
    d.step = 'place';
    const read = d.placeRead;
    delete d.placeRead;
    this.sayPlaceKept(d.place, read ? undefined : place);
    return this.advance(d);
  }

  /**
   * The town typed early ("Kayole") lies in other counties than the one chosen (Mombasa): kept, the
   * report said "Kayole, Mombasa", where no agency can act. Set aside (`Draft.placeSetAside`); the
   * note names it and its county (Back changes the county), and the place is asked within the county chosen.
   */
  private placeElsewhere(d: Draft, place: string, counties: number[]): void {
    d.place = undefined;
    d.placeSetAside = place;
    const [county, other] = counties.map((countyCode) => ({ countyCode }));
    const chosen = { countyCode: d.county ?? 0 };
    if (other) this.say('place.early_elsewhere_two', { place, county, other, chosen });
    else this.say('place.early_elsewhere', { place, county, chosen });
    return this.go('place');
  }

  back(d: Draft): void {
    // Back from the review while "Change the county to Nyandarua?" waits: its words go to the story, not lost.
    // So too where the place is asked ("Nairobi" typed there, the question unanswered).
    if (d.fix && (d.step === 'review' || fixAsked(d))) keepFixWords(this, d);
    if (REPLY_KEYBOARD_STEPS.includes(d.step)) this.say('wizard.ok', undefined, { keyboard: { type: 'remove' } });
    if (d.step === 'kind' && !d.editing) {
      // Back from the first question leaves the report, once asked when it holds something
      // already (files, or the story told before the questions): that is not thrown away silently.
      if (holdsWork(d)) return this.askCancel(d);
      this.draft = undefined;
      this.cancelled = d.id;
      // Left as a cancel is: a reply to staff held on "where should it go?" goes to them.
      this.effects.push({ type: 'cancelled', step: d.step, ...(d.urgent ? { abandon: d.id } : {}) });
      return this.say('menu.prompt', undefined, { keyboard: { type: 'main' } });
    }
    // While editing, Back returns to review, except within the chained pairs kind->cat and
    // county->place, and within the details group (always opened as an edit): "Which unit?" goes
    // back to the officers' names, not out of the group.
    if (d.editing && d.step !== 'cat' && d.step !== 'place' && !isDetailStep(d.step)) {
      // Back from the question a correction typed at the review opened: nothing changed, so its words go to the story.
      if (d.fix) keepFixWords(this, d);
      return this.go('review');
    }
    return this.go(prevStep(d, d.step));
  }

  /** Tells the reporter the button is no longer valid and shows where they are (`draftId`: the report it was for). */
  stale(draftId?: string): void {
    // An old or altered button: the question it sits on stays as it was, the current one is asked anew.
    this.inPlace = undefined;
    this.answer('wizard.stale');
    if (this.draft) return this.show();
    // A report cancelled a moment ago is not one "deleted after 24 hours": said as it is.
    if (draftId !== undefined && draftId === this.cancelled) {
      this.say('wizard.cancelled', undefined, { keyboard: { type: 'remove' } });
      return this.say('menu.prompt', undefined, { keyboard: { type: 'main' } });
    }
    // The report this button was for is gone (sent, or deleted unsent): "old" alone left a
    // reporter whose unfinished report expired wondering where it went.
    // The place or phone keyboard it showed may still be up: it goes with the report.
    this.say('wizard.gone', undefined, { keyboard: { type: 'remove' } });
    this.say('menu.prompt', undefined, { keyboard: { type: 'main' } });
  }

  /**
   * "Received" is said only once intake has the report; otherwise the draft stays and Confirm can
   * be tapped again. Then who reads it (our staff, not the police) and when, from the SLA. A
   * report sent before (the session holding the review was not saved: a crash after "received",
   * Telegram delivering the tap again) is "we already have it": one report, said so, with what
   * comes next, since the first answer may not have reached the reporter.
   */
  submitted(draftId: string, result: IntakeResult, withinMinutes?: number): void {
    if (result.ok) {
      if (this.draft?.id === draftId) this.draft = undefined;
      this.lastSubmitted = { draftId, reference: result.reference, at: this.now.getTime() };
      const next: Text = withinMinutes ? { key: 'submit.next', params: { reference: result.reference, time: duration(withinMinutes) } } : { key: 'submit.next_soon', params: { reference: result.reference } };
      const first: Text = { key: result.sentBefore ? 'submit.already' : 'submit.received', params: { reference: result.reference } };
      return this.message([first, next], { keyboard: { type: 'main' }, html: true });
    }
    // When it can be sent: the draft, renewed by this tap, is kept longer than that wait.
    if (result.reason === 'daily_limit') return this.say(result.retryAfterSec ? 'limits:reports_per_day_until' : 'limits:reports_per_day', { count: result.limit, ...(result.retryAfterSec ? { time: durationAtLeast(result.retryAfterSec / 60) } : {}) });
    this.say('submit.failed', undefined, { keyboard: { type: 'confirmAgain', draftId } });
  }
}

/** A wait in plain words: "15 minutes", "about 4 hours". */
export function duration(minutes: number): Text {
  if (minutes < 90) return { key: 'time.minutes', params: { count: Math.max(1, Math.round(minutes)) } };
  return { key: 'time.hours', params: { count: Math.round(minutes / 60) } };
}

/** A wait as said, never shorter than it is: whole minutes, or whole hours from 90 minutes, rounded up. */
function durationAtLeast(minutes: number): Text {
  const whole = Math.ceil(minutes);
  return duration(whole >= 90 ? Math.ceil(whole / 60) * 60 : whole);
}

/** Changing the place from the review: the county already given, offered to keep. */
function keptCounty(d: Draft): number | undefined {
  return d.editing && d.county !== undefined && countyByCode(d.county) ? d.county : undefined;
}

/**
 * Every county keyboard (the question, and each reply to an answer that was no county), on `page`:
 * `offered`, the counties the reply names ("Did you mean Kisumu?", "Rongai is in Kajiado or
 * Nakuru"), on top, then the county already given while changing the place from the review.
 * A county the reply names goes first: the reply asks about it, and typing near another county's
 * name says the reporter means to change it; the one already given stays beside it, one tap to keep.
 * Two at most (one row): a town in two counties other than the one given shows its two, and the
 * one given stays in the list.
 */
export function countyKeyboard(d: Draft, page: number, offered: readonly number[] = []): Keyboard {
  const kept = keptCounty(d);
  // Nothing else offered: the county (or two) of a town typed before this question ("Kayole"), on every page and reply.
  const top = offered.length || kept !== undefined ? offered : (earlyPlaceCounties(d)?.counties ?? storyCountyOffered(d));
  const [suggestion, also] = [...new Set(kept === undefined ? top : [...top, kept])];
  return { type: 'county', draftId: d.id, page, ...(suggestion !== undefined ? { suggestion } : {}), ...(also !== undefined ? { also } : {}) };
}

/**
 * A town or area typed before the county was asked ("Kayole", "Githurai 45"), or set aside as in
 * another county than the one chosen (`Draft.placeSetAside`, then Back), with the county or two it
 * lies in: offered at the county question for one tap. None for a place phrase no list knows the
 * county of ("kituo cha polisi cha Kasarani"), nor while changing the place from the review.
 */
export function earlyPlaceCounties(d: Draft): { place: string; counties: number[] } | undefined {
  if (keptCounty(d) !== undefined) return undefined;
  const place = d.placeSetAside ?? (d.placeEarly && d.county === undefined ? d.place : undefined);
  const counties = place === undefined ? undefined : countiesOfPlace(place, electoralUnits());
  return place !== undefined && counties ? { place, counties } : undefined;
}

/**
 * The one county the story names after a word of where ("…huko Nakuru…": `countyNamedInStory`),
 * offered at the county question for one tap when no town typed early is (`earlyPlaceCounties`);
 * none while changing the place from the review. It was typed or looked for in the list.
 */
export function storyCounty(d: Draft): number | undefined {
  if (keptCounty(d) !== undefined || d.text === undefined) return undefined;
  return countyNamedInStory(d.text)?.code;
}

/** `storyCounty` as the county keyboard offers it: read only when nothing else is on top. */
function storyCountyOffered(d: Draft): number[] {
  const told = storyCounty(d);
  return told !== undefined ? [told] : [];
}

/** The draft holds the reporter's own words or files, or an alert already raised: not thrown away on one tap. */
function holdsWork(d: Draft): boolean {
  return Boolean(d.evidence?.length || d.passedOn?.length || d.text || d.voice || d.urgent);
}
