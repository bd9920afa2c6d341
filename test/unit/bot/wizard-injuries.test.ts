/**
 * Injuries and medical evidence: where the case is about bodily harm (brutality, a killing, sexual
 * abuse, election violence), "was anyone hurt?" right after the story and, if so, "is there a P3
 * form or a medical report?"; each one tap, skippable, answered in words too; stored on the report,
 * shown on the review and changeable from it. Replies are checked by locale key and keyboard.
 */
import { migrateSession, type Draft, type Step } from '../../../src/bot/session';
import { toReport, urgentSoFar } from '../../../src/bot/wizard/flow';
import { reviewText } from '../../../src/bot/wizard/render';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Polisi walimpiga kaka yangu kwa rungu nje ya soko.';
const BASE: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
const at = (s: Step, extra: Partial<Draft> = {}): WizardState => ({ draft: { ...BASE, step: s, ...extra } });
/** A draft at the review with every answer given. */
const full = (extra: Partial<Draft> = {}): WizardState =>
  at('review', { text: STORY, county: 47, place: 'Gikomba market', when: 'today', incidentAt: NOW.getTime(), ...extra });
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'kind', value }, NOW);
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
function said(r: StepResult): string[] {
  return r.replies.map((x: Reply) => (x.type === 'answer' ? 'answer' : x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));
}
const lastKeyboard = (r: StepResult) => {
  const m = [...r.replies].reverse().find((x) => x.type === 'message');
  return m && m.type === 'message' ? m.keyboard : undefined;
};
const stepOf = (r: StepResult) => r.state.draft?.step;
/** The translation as keys: enough to see which line the reporter reads. */
const keys = (key: string) => key;

describe('was anyone hurt?', () => {
  it('comes right after the story for brutality, with its three answers, Skip, Back and Cancel', () => {
    const r = type(at('desc'), STORY);
    expect(stepOf(r)).toBe('hurt');
    expect(said(r)).toEqual(['injury.hurt.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt' });
  });

  it('is asked for sexual abuse and election violence too, never for a bribe or an arrest', () => {
    for (const [kind, category] of [['police', 'p_sexual'], ['election', 'e_violence']] as const) expect(stepOf(type(at('desc', { kind, category }), STORY))).toBe('hurt');
    for (const category of ['p_bribery', 'p_arrest'] as const) expect(stepOf(type(at('desc', { category }), STORY))).toBe('county');
  });

  it('after a killing it asks, with sympathy, whether anyone else was hurt, and "no one else" reads so', () => {
    const r = type(at('desc', { category: 'p_killing' }), 'Walimpiga risasi jirani yangu akafariki.');
    expect(said(r)).toEqual(['injury.hurt.ask_others']);
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt', others: true });
    const none = press(r.state, 'none');
    expect(stepOf(none)).toBe('county');
    expect(toReport({ ...full({ category: 'p_killing' }).draft!, injuries: none.state.draft?.injuries })?.injuries).toEqual({ hurt: 'none' });
  });

  it('"no one was hurt" goes on to the county without the P3 question', () => {
    const r = press(at('hurt', { text: STORY }), 'none');
    expect(r.state.draft).toMatchObject({ step: 'county', injuries: { hurt: 'none' } });
    expect(said(r)).toEqual(['answer', 'county.ask']);
  });

  it('Skip goes on with no answer kept', () => {
    const r = press(at('hurt', { text: STORY }), 'sk');
    expect(stepOf(r)).toBe('county');
    expect(r.state.draft?.injuries).toBeUndefined();
    expect(toReport({ ...full().draft! })).not.toHaveProperty('injuries');
  });

  it('a tampered value is stale, nothing kept', () => {
    const r = press(at('hurt', { text: STORY }), 'hurt');
    expect(stepOf(r)).toBe('hurt');
    expect(r.state.draft?.injuries).toBeUndefined();
  });
});

describe('is there a P3 form or a medical report?', () => {
  it('follows a yes, with Yes / Not yet / I don\'t know', () => {
    for (const hurt of ['treated', 'untreated']) {
      const r = press(at('hurt', { text: STORY }), hurt);
      expect(r.state.draft).toMatchObject({ step: 'p3', injuries: { hurt } });
      expect(said(r)).toEqual(['answer', 'injury.p3.ask']);
      expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'p3' });
    }
  });

  it('"not yet" gets one line on how a P3 form is had, then the next question', () => {
    const r = press(at('p3', { text: STORY, injuries: { hurt: 'untreated' } }), 'not_yet');
    expect(said(r)).toEqual(['answer', 'injury.p3.help', 'county.ask']);
    expect(r.state.draft?.injuries).toEqual({ hurt: 'untreated', record: 'not_yet' });
  });

  it('after sexual violence it is asked even when no one was hurt, naming the PRC form, and "not yet" says where care comes first', () => {
    const none = press(at('hurt', { text: STORY, category: 'p_sexual' }), 'none');
    expect(none.state.draft).toMatchObject({ step: 'p3', injuries: { hurt: 'none' } });
    expect(said(none)).toEqual(['answer', 'injury.p3.ask_sexual']);
    const notYet = press(none.state, 'not_yet');
    expect(said(notYet)).toEqual(['answer', 'injury.p3.help_sexual', 'county.ask']);
    expect(notYet.state.draft?.injuries).toEqual({ hurt: 'none', record: 'not_yet' });
  });

  it('yes and "I don\'t know" are kept without the guidance; Skip keeps nothing', () => {
    for (const record of ['yes', 'unknown']) {
      const r = press(at('p3', { text: STORY, injuries: { hurt: 'treated' } }), record);
      expect(said(r)).toEqual(['answer', 'county.ask']);
      expect(r.state.draft?.injuries).toEqual({ hurt: 'treated', record });
    }
    expect(press(at('p3', { text: STORY, injuries: { hurt: 'treated' } }), 'sk').state.draft?.injuries).toEqual({ hurt: 'treated' });
  });

  it('both answers reach the report', () => {
    expect(toReport(full({ injuries: { hurt: 'treated', record: 'yes' } }).draft!)?.injuries).toEqual({ hurt: 'treated', record: 'yes' });
  });
});

describe('typed answers work like the buttons', () => {
  it.each([
    ['ndio', { hurt: 'hurt' }, 'p3'],
    ['Yes', { hurt: 'hurt' }, 'p3'],
    ['hapana', { hurt: 'none' }, 'county'],
    ['no', { hurt: 'none' }, 'county'],
    ['Hakuna aliyeumia', { hurt: 'none' }, 'county'],
    ['ndio, alitibiwa hospitali', { hurt: 'treated' }, 'p3'],
    ['bado hajatibiwa', { hurt: 'untreated' }, 'p3'],
  ])('"%s" at "was anyone hurt?"', (text, injuries, next) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect(r.state.draft?.injuries).toEqual(injuries);
    expect(stepOf(r)).toBe(next);
  });

  it('"sijui" or "ruka" at "was anyone hurt?" is no answer: it goes on', () => {
    for (const text of ['sijui', 'ruka', 'skip', "I don't know"]) {
      const r = type(at('hurt', { text: STORY }), text);
      expect(stepOf(r)).toBe('county');
      expect(r.state.draft?.injuries).toBeUndefined();
    }
  });

  it.each([
    ['ndio', 'yes', []],
    ['tunayo', 'yes', []],
    ['hapana', 'not_yet', ['injury.p3.help']],
    ['bado', 'not_yet', ['injury.p3.help']],
    ['not yet', 'not_yet', ['injury.p3.help']],
    ['sina', 'not_yet', ['injury.p3.help']],
    ['sijui', 'unknown', []],
    ["I don't know", 'unknown', []],
  ])('"%s" at the P3 question', (text, record, help) => {
    const r = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), text);
    expect(r.state.draft?.injuries).toEqual({ hurt: 'hurt', record });
    expect(said(r)).toEqual([...help, 'county.ask']);
  });

  it.each(['the doctor at Kenyatta saw him', 'alitibiwa na daktari wa Nakuru'])('"%s" at the P3 question is kept in the story, and the question asked again', (text) => {
    const r = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), text);
    expect(r.state.draft?.text).toBe(`${STORY}\n${text}`);
    expect(r.state.draft?.injuries).toEqual({ hurt: 'hurt' });
    expect(stepOf(r)).toBe('p3');
    expect(said(r)).toEqual(['desc.added', 'injury.p3.ask']);
  });

  it.each(['ndio nilienda Nakuru level 5', 'yes from Nakuru level 5', 'hapana polisi walikataa'])('"%s" (yes or no, and more) at the P3 question keeps the words in the story, not read as an answer', (text) => {
    const r = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), text);
    expect([r.state.draft?.text, r.state.draft?.injuries, said(r)]).toEqual([`${STORY}\n${text}`, { hurt: 'hurt' }, ['desc.added', 'injury.p3.ask']]);
  });

  it('a county typed ahead ("nairobi", "Nakuru") is the county: said so, the question asked again, and the county not asked after it', () => {
    const hurt = type(at('hurt', { text: STORY }), 'nairobi');
    expect([hurt.state.draft?.step, hurt.state.draft?.county, hurt.state.draft?.text, said(hurt)]).toEqual(['hurt', 47, STORY, ['injury.county_kept', 'injury.hurt.ask']]);
    const none = press(hurt.state, 'none');
    expect([stepOf(none), none.state.draft?.county, said(none)]).toEqual(['place', 47, ['answer', 'place.ask']]);
    const p3 = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), 'Nakuru');
    expect([p3.state.draft?.step, p3.state.draft?.county, p3.state.draft?.text, said(p3)]).toEqual(['p3', 32, STORY, ['injury.county_kept', 'injury.p3.ask']]);
    const yes = press(p3.state, 'yes');
    expect([stepOf(yes), yes.state.draft?.county, yes.state.draft?.injuries]).toEqual(['place', 32, { hurt: 'hurt', record: 'yes' }]);
    // Skipped instead of answered: on to the place as well.
    expect(stepOf(press(hurt.state, 'sk'))).toBe('place');
  });

  it('a place typed after the county there ("kayole junction", "Kisii central police station") is the place: said so, not the story, and the place not asked after the injuries', () => {
    for (const place of ['kayole junction', 'Kisii central police station', 'Ruiru roadblock thika road']) {
      const county = type(at('hurt', { text: STORY }), 'Nairobi');
      const r = type(county.state, place);
      expect([place, stepOf(r), r.state.draft?.place, r.state.draft?.text, said(r)]).toEqual([place, 'hurt', place, STORY, ['injury.place_kept', 'injury.hurt.ask']]);
      const none = press(r.state, 'none');
      expect([place, stepOf(none), none.state.draft?.place, said(none)]).toEqual([place, 'when', place, ['answer', 'place.kept_early', 'when.ask']]);
    }
    // With a story told in a voice note too (it was "not understood", and the place lost).
    const voice = type(type(at('hurt', { voice: { fileId: 'v1', fileUniqueId: 'u1', kind: 'voice', durationSec: 40 } }), 'Nairobi').state, 'Kibera');
    expect([voice.state.draft?.place, said(voice)]).toEqual(['Kibera', ['injury.place_kept', 'injury.hurt.ask']]);
    // What was done, or how someone is, stays what it was: the story, an answer.
    const told = type(type(at('hurt', { text: STORY, category: 'p_killing' }), 'Nairobi').state, 'his wife was also beaten');
    expect([told.state.draft?.place, told.state.draft?.text]).toEqual([undefined, `${STORY}\nhis wife was also beaten`]);
  });

  it.each(['tunataka haki', 'niliona likitokea', 'tafadhali mtusaidie'])('"%s" after the county there names no place: never kept as the place (it was, and the place was never asked)', (words) => {
    const county = type(at('hurt', { text: STORY }), 'Nairobi');
    const r = type(county.state, words);
    expect([words, r.state.draft?.place, said(r)]).not.toEqual([words, words, ['injury.place_kept', 'injury.hurt.ask']]);
    expect(r.state.draft?.place).toBeUndefined();
  });

  it.each(['stage ya Kwa Ndege', 'nyuma ya Tuskys', 'Mwiki', 'Koma Rock', 'Mlango Kubwa', 'Soko mjinga'])('"%s" (a place no list knows) after the county there is still kept as the place', (words) => {
    const r = type(type(at('hurt', { text: STORY }), 'Nairobi').state, words);
    expect([words, r.state.draft?.place]).toEqual([words, words]);
  });

  it('a day typed there ("last week on monday", "jana usiku") is kept for the date question, said so, never the story', () => {
    for (const [text, when] of [['last week on monday', 'date'], ['jana usiku', 'yesterday']] as const) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, stepOf(r), r.state.draft?.when, r.state.draft?.text, said(r)]).toEqual([text, 'hurt', when, STORY, ['when.kept_early', 'injury.hurt.ask']]);
    }
  });

  it('a question to us there ("how long will it take?", "is this safe?") is answered as elsewhere, never "not understood" nor the story', () => {
    // Whether it is safe, who sees it: who reads a report is answered (wizard.privacy); any other question gets "not sent yet".
    for (const [text, answer] of [['how long will it take?', 'wizard.process'], ['will you read my photos too?', 'wizard.question'], ['is this safe?', 'wizard.privacy'], ['who will see this?', 'wizard.privacy']]) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, r.state.draft?.text, said(r)]).toEqual([text, STORY, [answer, 'injury.hurt.ask']]);
    }
  });

  it('a county typed as the rest of a story kept ("Nakuru" where "So far you told us" asks for more) is the county: said so, the injuries asked, and the county not asked after them', () => {
    const told = 'walimpiga kaka yangu';
    for (const county of ['Nakuru', 'nakuru county']) {
      const r = type(at('desc', { text: told, storyPart: true }), county);
      expect([county, stepOf(r), r.state.draft?.county, r.state.draft?.text, r.state.draft?.storyPart, said(r)]).toEqual([county, 'hurt', 32, told, undefined, ['injury.county_kept', 'injury.hurt.ask']]);
      const none = press(r.state, 'none');
      expect([county, stepOf(none), none.state.draft?.county, said(none)]).toEqual([county, 'place', 32, ['answer', 'place.ask']]);
    }
    // "Wote" (all of us) is never the town of Wote: the county asked after the injuries.
    const wote = type(at('desc', { text: told, storyPart: true }), 'wote');
    expect([wote.state.draft?.county, wote.state.draft?.town]).toEqual([undefined, undefined]);
  });

  it('"wote" (all of us) or "mwingi" at an injury question is an answer\'s word, never the town of Wote (Makueni) or Mwingi (Kitui)', () => {
    for (const text of ['wote', 'Wote', 'mwingi']) {
      const hurt = type(at('hurt', { text: STORY }), text);
      expect([text, hurt.state.draft?.county, said(hurt)[0]]).toEqual([text, undefined, expect.not.stringMatching(/county_kept/)]);
      const p3 = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), text);
      expect([text, p3.state.draft?.county]).toEqual([text, undefined]);
    }
  });

  it('a county typed at an injury question once the county is given, or while changing an answer, is not taken as the county', () => {
    const given = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' }, county: 47 }), 'Nakuru');
    expect([given.state.draft?.county, given.state.draft?.text]).toEqual([47, `${STORY}\nNakuru`]);
    const editing = type(at('hurt', { text: STORY, county: 47, editing: true }), 'Kisumu');
    expect([editing.state.draft?.county, said(editing)]).toEqual([47, ['injury.use_buttons', 'injury.hurt.ask']]);
  });

  it('at the P3 question, thanks or a question is no part of the story: the buttons are asked for', () => {
    // "Sielewi", "what is a P3 form?" get a word on what the form is (below).
    for (const text of ['what', 'asante sana', 'yes we do', 'ndio it is', 'no we dont']) {
      const r = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), text);
      expect([text, r.state.draft?.text, said(r)]).toEqual([text, STORY, ['injury.use_buttons', 'injury.p3.ask']]);
    }
  });

  it('"ruka" at the P3 question goes on with nothing kept', () => {
    const r = type(at('p3', { text: STORY, injuries: { hurt: 'hurt' } }), 'ruka');
    expect(r.state.draft?.injuries).toEqual({ hurt: 'hurt' });
    expect(stepOf(r)).toBe('county');
  });

  it('someone else told hurt ("his wife was also beaten") at "was anyone else hurt?" is the yes: the words in the story once, the question not asked again', () => {
    const killed = { text: STORY, category: 'p_killing' as const };
    for (const [text, hurt] of [['his wife was also beaten', 'hurt'], ['mke wake pia alipigwa', 'hurt'], ['his brother was also shot and is in hospital', 'treated']] as const) {
      const r = type(at('hurt', killed), text);
      expect([text, r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([text, { hurt }, `${STORY}\n${text}`, 'p3', ['desc.added', 'injury.p3.ask']]);
      // Sent again (the bot seemed slow): in the story once.
      const again = type(at('hurt', { ...killed, text: `${STORY}\n${text}` }), text);
      expect([text, again.state.draft?.text, again.state.draft?.injuries]).toEqual([text, `${STORY}\n${text}`, { hurt }]);
    }
    // After a killing, the one killed beaten first is no one else; nor is someone not hurt.
    for (const text of ['he was beaten before they shot him', 'his wife was not beaten']) expect([text, type(at('hurt', killed), text).state.draft?.injuries]).toEqual([text, undefined]);
    // Where the question is "was anyone hurt?", someone told beaten is a yes too.
    const r = type(at('hurt', { text: STORY }), 'my brother was beaten too');
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\nmy brother was beaten too`, 'p3']);
  });

  it('anything else asks for the buttons; an account is added to the story instead of lost', () => {
    const r = type(at('hurt', { text: STORY }), 'eh?');
    expect(said(r)).toEqual(['injury.use_buttons', 'injury.hurt.ask']);
    expect(stepOf(r)).toBe('hurt');
    const more = 'They also kicked him in the ribs many times until he could not stand up.';
    const added = type(at('hurt', { text: STORY }), more);
    expect(said(added)).toEqual(['desc.added', 'injury.hurt.ask']);
    expect(added.state.draft?.text).toBe(`${STORY}\n${more}`);
  });

  it('a few words that are no answer go on with the story told just before (sent in short messages); a question does not', () => {
    const r = type(at('hurt', { text: STORY }), 'walikuwa wawili');
    expect(said(r)).toEqual(['desc.added', 'injury.hurt.ask']);
    expect(r.state.draft?.text).toBe(`${STORY}\nwalikuwa wawili`);
    expect(said(type(at('hurt', { text: STORY }), 'what do you mean?'))).toEqual(['injury.use_buttons', 'injury.hurt.ask']);
    // Words of how someone is ("niko poa", "just bruises", "si sana") are a try at the answer, not more story.
    for (const answer of ['niko poa', 'kidogo tu', 'si sana', 'he is ok', 'mimi sikuumia', 'just bruises', 'minor injuries', 'wote tuko fiti']) {
      expect([answer, said(type(at('hurt', { text: STORY }), answer))]).toEqual([answer, ['injury.use_buttons', 'injury.hurt.ask']]);
    }
    // Asked again (Back, or Change): the story was not just told, and the words are a try at an answer.
    for (const again of [{ injuriesSkipped: ['hurt' as const] }, { injuries: { hurt: 'none' as const } }, { editing: true as const }]) {
      expect(said(type(at('hurt', { text: STORY, ...again }), 'Kondele stage'))).toEqual(['injury.use_buttons', 'injury.hurt.ask']);
    }
    for (const [text, hurt] of [['hapana hakuna', 'none'], ['ndio ameumia', 'hurt'], ['no one', 'none'], ['yes he is', undefined], ['yes he is bleeding', 'hurt'], ['ndio anavuja damu', 'hurt']] as const) {
      const answer = type(at('hurt', { text: STORY }), text);
      if (hurt) expect(answer.state.draft?.injuries?.hurt).toBe(hurt);
      else expect(answer.state.draft?.text).toBe(STORY);
    }
  });

  it.each(['ni hayo tu', 'hiyo ndio story', "that's all"])('"%s" (the account said to be over) right after the story: "OK." and the question again, never added to the story the agency reads', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([said(r), r.state.draft?.text, r.state.draft?.injuries]).toEqual([['wizard.ok', 'injury.hurt.ask'], STORY, undefined]);
  });

  it('"basi" (that is it) where the county is asked: "OK." and the question again; it was "Did you mean Busia?"', () => {
    const r = type(at('county', { text: STORY }), 'basi');
    expect([said(r)[0], r.state.draft?.offered, r.state.draft?.text]).toEqual(['wizard.ok', undefined, STORY]);
  });

  it('"ndio hiyo" (yes, that one) to a county offered is the yes, never the account said to be over', () => {
    const r = type(at('county', { text: STORY, offered: 42 }), 'ndio hiyo');
    expect([r.state.draft?.county, said(r)]).not.toEqual([undefined, ['wizard.ok', 'county.ask']]);
  });

  it.each(['ndio hapo walianza kunipiga', 'hakuna mtu alinisaidia', 'yes and then they started beating me', 'no one helped me'])(
    '"%s" (a yes or a no, then more of the story) right after the story: added to it and the question asked again, never guessed (it was "use the buttons", the words lost)',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([said(r), r.state.draft?.text, r.state.draft?.injuries]).toEqual([['desc.added', 'injury.hurt.ask'], `${STORY}\n${text}`, undefined]);
    },
  );

  it.each(['with', 'rungus', 'mateke', 'kwa'])('"%s" (one word of a story sent in pieces) right after the story: added to it, the question asked again', (word) => {
    const first = type(at('hurt', { text: STORY }), 'walikuja na polisi wengine');
    const r = type(first.state, word);
    expect([r.state.draft?.text, stepOf(r), r.state.draft?.injuries, said(r)]).toEqual([`${STORY}\nwalikuja na polisi wengine\n${word}`, 'hurt', undefined, ['desc.added', 'injury.hurt.ask']]);
    // Sent again (the bot seemed slow): in the story once.
    const again = type(r.state, word);
    expect([again.state.draft?.text, said(again)]).toEqual([r.state.draft?.text, ['desc.already', 'injury.hurt.ask']]);
  });

  it('one word that answers or is no story ("ndio", "no", "sijui", "asante", "what", "kidogo") is not added to the story; nor one word once the question is asked again', () => {
    for (const [text, next, injuries] of [['ndio', 'p3', { hurt: 'hurt' }], ['no', 'county', { hurt: 'none' }], ['sijui', 'county', undefined], ['nobody', 'county', { hurt: 'none' }]] as const) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, stepOf(r), r.state.draft?.injuries, r.state.draft?.text]).toEqual([text, next, injuries, STORY]);
    }
    // "Wote", "mimi" (who was hurt) are a yes: below.
    for (const text of ['asante', 'ok', 'what', 'kidogo', 'sana', 'hmm']) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, r.state.draft?.text, said(r)]).toEqual([text, STORY, ['injury.use_buttons', 'injury.hurt.ask']]);
    }
    expect(said(type(at('hurt', { text: STORY, editing: true }), 'rungus'))).toEqual(['injury.use_buttons', 'injury.hurt.ask']);
  });

  it.each([
    ['ndiyo, walimvunja mkono', 'hurt', 'walimvunja mkono'],
    ['yes they broke his arm', 'hurt', 'they broke his arm'],
    ['ndio alitibiwa hospitali ya Nakuru level 5', 'treated', 'alitibiwa hospitali ya Nakuru level 5'],
    ['ndio, hajaenda hospitali kwa sababu ya pesa', 'untreated', 'hajaenda hospitali kwa sababu ya pesa'],
  ] as const)('"%s" at "was anyone hurt?": the answer, and the words after the yes kept in the story and said so', (text, hurt, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt }, `${STORY}\n${kept}`, 'p3', ['desc.added', 'injury.p3.ask']]);
    // Sent again (the bot seemed slow): in the story once.
    expect(type(at('hurt', { text: `${STORY}\n${kept}` }), text).state.draft?.text).toBe(`${STORY}\n${kept}`);
  });

  it.each(['nimevunjika mkono', 'alivunjika mguu', 'amevunjika', 'broken arm', 'his leg is broken', 'ana majeraha', 'he has wounds', 'walinijeruhi'])(
    '"%s" (a broken bone, wounds) at "was anyone hurt?" without a yes: someone was hurt, the P3 question next (it was asked again)',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, stepOf(r), said(r).at(-1)]).toEqual([{ hurt: 'hurt' }, 'p3', 'injury.p3.ask']);
    },
  );

  it.each([
    ['walimvunja mguu'], ['walinivunja mkono'], ['wamemvunja mguu'], ['wakamvunja mkono'], ['walituvunja miguu'], ['alivunjwa mkono'], ['walimvunja mbavu kwa rungu'],
    ['they broke his arm'], ['they broke my leg'], ['police broke her hand'],
  ])('"%s" (a bone broken by someone, said without a yes) at "was anyone hurt?": someone hurt, the words kept in the story, the P3 question next', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${text}`, 'p3', ['desc.added', 'injury.p3.ask']]);
  });

  it.each(['walivunja mlango', 'walivunja mlango wangu', 'they broke the door', 'walimvunja moyo', 'hawakumvunja mkono', 'hakuvunjwa mkono', "they didn't break his arm"])(
    '"%s" (a door broken, a heart, or a bone not broken) at "was anyone hurt?" is no one hurt: no P3 question',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, stepOf(r)]).toEqual([undefined, 'hurt']);
    },
  );

  it.each(['hawakumjeruhi', 'hana majeraha', 'hana jeraha lolote', 'hawana vidonda', 'he has no wounds', 'the bones are fine, no broken bones'])(
    '"%s" (wounds or harm denied) at "was anyone hurt?" is never someone hurt: no P3 question',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, stepOf(r)]).toEqual([undefined, 'hurt']);
    },
  );

  it.each(['nimevunjika moyo sana', 'amevunjika moyo', 'moyo wangu umevunjika'])('"%s" (heartbroken, disheartened) at "was anyone hurt?" is no broken bone: no P3 question', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, stepOf(r)]).toEqual([undefined, 'hurt']);
  });

  it.each(['hakuwa na majeraha', 'sikuwa na jeraha lolote', 'hakupata majeraha yoyote', 'hajapata majeraha', "he didn't have any wounds", 'he has no visible wounds', 'his leg is not broken', "his arm isn't broken", 'none of his bones were broken'])(
    '"%s" (no wounds had, no bone broken) at "was anyone hurt?" is never someone hurt: no P3 question',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, stepOf(r)]).toEqual([undefined, 'hurt']);
    },
  );

  it.each(['walimuumiza', 'wamemuumiza vibaya', 'walituumiza', 'ndio walimuumiza'])('"%s" (they hurt him, us) is someone hurt, as "they hurt him" is: the P3 question next', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, stepOf(r)]).toEqual([{ hurt: 'hurt' }, 'p3']);
  });

  it('a thing broken ("simu yangu imevunjika") is no one hurt', () => {
    expect(type(at('hurt', { text: STORY }), 'simu yangu imevunjika').state.draft?.injuries).toBeUndefined();
    expect(type(at('hurt', { text: STORY }), 'my phone is broken').state.draft?.injuries).toBeUndefined();
  });

  it.each([
    ['yes he is bleeding', 'he is bleeding'],
    ['ndio anavuja damu', 'anavuja damu'],
  ])('"%s" (bleeding now) at "was anyone hurt?": the yes, the alert, and the words after the yes kept in the story', (text, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.danger, r.state.draft?.text, said(r)]).toEqual([{ hurt: 'hurt' }, true, `${STORY}\n${kept}`, ['emergency', 'desc.added']]);
  });

  it('an answer in its own words only ("ndio", "ndio, alitibiwa hospitali", "bado hajatibiwa", "yes injured") adds nothing to the story; a yes with no harm told is no yes', () => {
    for (const [text, hurt] of [['ndio', 'hurt'], ['Yes', 'hurt'], ['ndio, alitibiwa hospitali', 'treated'], ['bado hajatibiwa', 'untreated'], ['yes injured', 'hurt'], ['yes he was treated', 'treated'], ['hapana hakuna', 'none'], ['no one was hurt', 'none']] as const) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, r.state.draft?.injuries, r.state.draft?.text]).toEqual([text, { hurt }, STORY]);
    }
    for (const text of ['yes he is', 'ndio lakini hakuumia', 'yes but they did not beat him']) {
      expect([text, type(at('hurt', { text: STORY }), text).state.draft?.injuries]).toEqual([text, undefined]);
    }
  });

  it.each(['yes they broke his arm but he is ok', 'ndio walimvunja mkono lakini yuko sawa', 'ndio walimpiga, lakini sasa yuko sawa', 'yes they beat him but now he is fine'])('"%s" (hurt, and how they are now) at "was anyone hurt?": the yes, the words after it kept in the story and said so', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${text.replace(/^\w+ /, '')}`, 'p3', ['desc.added', 'injury.p3.ask']]);
  });

  it.each(['ndio walimpiga lakini si vibaya', 'ndio walimpiga lakini sio vibaya', 'ndio walimpiga kidogo tu', 'yes they hit him but not badly', 'yes they beat him but not seriously', 'yes they hit him just a little'])(
    '"%s" (hurt, not badly) at "was anyone hurt?": the yes kept, the words after it kept in the story',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${text.replace(/^\w+ /, '')}`, 'p3', ['desc.added', 'injury.p3.ask']]);
    },
  );

  it.each(['yes they hit him but he wasn\'t hurt', 'yes they hit him but he hasn\'t been injured', 'yes they hit him, he was not hurt', 'ndio walimpiga lakini hakuumia', 'ndio walimpiga lakini hajaumia', 'ndio walimpiga hajaumia', 'he was beaten but wasn\'t hurt', "he wasn't hurt"])(
    '"%s" (the hurt denied) at "was anyone hurt?": no answer recorded, the question asked again',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, stepOf(r), said(r).at(-1)]).toEqual([undefined, 'hurt', 'injury.hurt.ask']);
    },
  );

  it('"ndio maana nilienda hospitali" ("that is why I went to hospital") at "was anyone hurt?": kept in the story whole, "ndio maana" is no yes said first', () => {
    const r = type(at('hurt', { text: STORY }), 'ndio maana nilienda hospitali');
    expect([r.state.draft?.injuries, r.state.draft?.text]).toEqual([{ hurt: 'treated' }, `${STORY}\nndio maana nilienda hospitali`]);
  });

  it.each([
    'hapana hajaumia', 'hapana, hakuumia', 'hapana hawakuumia', 'hapana hawajaumia', 'hapana, hakuumizwa', 'hapana hakujeruhiwa', 'hajaumia',
    "no, he wasn't hurt", 'no he was not injured', "no they weren't hurt", 'no she wasnt hurt', "no he didn't get hurt", "no i'm not hurt",
    'no one was hurt', 'no one got hurt', 'nobody got injured', 'none of us was hurt', 'none of us were injured', 'hakuna aliyeumia', 'hakuna jeraha',
  ])('"%s" (a no, the hurt denied) at "was anyone hurt?": no one hurt, on to the county, nothing added to the story', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'none' }, STORY, 'county', ['county.ask']]);
  });

  it.each([
    'yes badly', 'yes, very badly', 'Yes very bad', 'yes seriously', 'yes severely', 'yes a lot', 'yes a little', 'yes a bit', 'yes slightly', 'yes just a little', 'yes, not badly', 'yes but not seriously', 'yeah badly',
    'ndio vibaya sana', 'ndio vibaya', 'ndio mbaya sana', 'ee vibaya', 'ndio si vibaya', 'ndio lakini si vibaya', 'ndio kidogo', 'ndio kidogo tu', 'ndio, kidogo sana', 'ndio kiasi', 'ndiyo sana',
  ])('"%s" (a yes and how badly) at "was anyone hurt?": someone hurt, the P3 question next; how badly is the answer\'s own words, none added to the story', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'hurt' }, STORY, 'p3', ['injury.p3.ask']]);
  });

  it.each(['yes but', 'ndio lakini', 'yes very', 'ndio si'])('"%s" (a yes with no harm told) at "was anyone hurt?" is no answer: the question asked again', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, stepOf(r), said(r).at(-1)]).toEqual([undefined, 'hurt', 'injury.hurt.ask']);
  });

  it.each([
    ["yes he was beaten but wasn't hurt badly", "he was beaten but wasn't hurt badly"],
    ['yes they hit him but he was not seriously injured', 'they hit him but he was not seriously injured'],
    ["he wasn't hurt too badly", "he wasn't hurt too badly"],
    // The same in Swahili: the words were lost with 'use the buttons'.
    ['ndio walimpiga lakini hakuumia sana', 'walimpiga lakini hakuumia sana'],
  ])('"%s" (hurt, not badly) at "was anyone hurt?": someone hurt, the words kept in the story, not asked again', (text, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${kept}`, 'p3']);
  });

  it.each([
    ['hakuna aliyeumia sana', 'hakuna aliyeumia sana'],
    ['nobody was badly hurt', 'nobody was badly hurt'],
    ['hakuna aliyeumia vibaya', 'hakuna aliyeumia vibaya'],
    ['No one was seriously injured.', 'No one was seriously injured.'],
    ['hapana, hakuna mtu aliyeumia sana', 'hakuna mtu aliyeumia sana'],
  ])('"%s" (no one badly hurt: some may be hurt a little) is no "no one hurt": the words kept in the story, a line to tap Yes if anyone was hurt even a little, the question again', (text, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([undefined, `${STORY}\n${kept}`, 'hurt', ['desc.added', 'injury.hurt.even_a_little', 'injury.hurt.ask']]);
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt' });
  });

  it('"hakuna mwingine aliyeumia sana" after a killing: the line asks to tap Yes if anyone else was hurt even a little, then "was anyone else hurt?" again', () => {
    const r = type(at('hurt', { text: STORY, category: 'p_killing' }), 'hakuna mwingine aliyeumia sana');
    expect([r.state.draft?.injuries, stepOf(r), said(r)]).toEqual([undefined, 'hurt', ['desc.added', 'injury.hurt.even_a_little_others', 'injury.hurt.ask_others']]);
  });

  it.each(['hakuumia sana', 'hajaumia vibaya', 'hawakuumia sana'])('"%s" (not hurt badly, the answer\'s own words as "yes a little") at "was anyone hurt?": someone hurt, the P3 question next', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, stepOf(r), said(r).at(-1)]).toEqual([{ hurt: 'hurt' }, 'p3', 'injury.p3.ask']);
  });

  it.each(['sikuumia lakini kaka yangu aliumia', 'mimi sikuumia ila mwenzangu ameumia', "I wasn't hurt but my brother was injured"])(
    '"%s" (one not hurt, another hurt) at "was anyone hurt?": someone hurt, the words kept in the story',
    (text) => {
      const r = type(at('hurt', { text: STORY }), text);
      expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${text}`, 'p3']);
    },
  );

  it.each([
    ['hapana hakuumia lakini kaka yangu aliumia', 'hakuumia lakini kaka yangu aliumia'],
    ['hapana, yeye hakuumia ila mke wake ameumia', 'yeye hakuumia ila mke wake ameumia'],
    ["no he wasn't hurt but his wife was injured", "he wasn't hurt but his wife was injured"],
    ['no, i was not hurt but my brother was injured', 'i was not hurt but my brother was injured'],
  ])('"%s" (a no, one not hurt, then another hurt) at "was anyone hurt?": someone hurt, the words after the no kept in the story', (text, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r), said(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${kept}`, 'p3', ['desc.added', 'injury.p3.ask']]);
  });

  it.each([
    ['hapana lakini alivunjika mguu', 'lakini alivunjika mguu'],
    ['hapana, ila walimjeruhi kichwa', 'ila walimjeruhi kichwa'],
    ['no but his leg is broken', 'but his leg is broken'],
    ['no, but he was beaten badly', 'but he was beaten badly'],
    // Beaten, said of oneself or as what they did: the words were lost with 'use the buttons'.
    ['no but they beat me', 'but they beat me'],
    ['hapana ila nilipigwa', 'ila nilipigwa'],
    ['hapana lakini walinipiga sana', 'lakini walinipiga sana'],
    ['no, but they slapped him', 'but they slapped him'],
  ])('"%s" (a no, then a "but" and harm told) at "was anyone hurt?": someone hurt, the words after the no kept in the story', (text, kept) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([r.state.draft?.injuries, r.state.draft?.text, stepOf(r)]).toEqual([{ hurt: 'hurt' }, `${STORY}\n${kept}`, 'p3']);
  });

  it.each(['hapana lakini naogopa', 'no but the phone broke', 'hapana lakini walinipiga simu', 'no but they hit my car', "no, but they didn't beat me", 'no but they did not hit him', 'no, they never slapped him'])('"%s" (a no, then a "but" with no one harmed) is not read as someone hurt', (text) => {
    expect(type(at('hurt', { text: STORY }), text).state.draft?.injuries).toBeUndefined();
  });

  it('a cancel word still asks "cancel this report?" first', () => {
    expect(said(type(at('hurt', { text: STORY }), 'ghairi'))).toEqual(['cancel.ask']);
  });
});

describe('the danger path and the way back', () => {
  it('"someone is in danger" shows the emergency numbers before any question; the injury question comes after the story', () => {
    const yes = press(at('danger', { danger: undefined }), 'y');
    expect(said(yes)).toEqual(['answer', 'emergency']);
    expect(yes.effects.map((e) => e.type)).toEqual(['urgent']);
    const stored = step(yes.state, { type: 'urgentStored', draftId: ID, result: { ok: true, reportId: 'r1', reference: 'R-7K3F-9QX2', created: true, priority: 1 } }, NOW);
    expect(stepOf(stored)).toBe('desc');
    const hurt = type(stored.state, STORY);
    expect(stepOf(hurt)).toBe('hurt');
    // Someone hurt without help is on the urgent ticket as soon as it is answered, and the county
    // comes next: no P3 question while someone is in danger now.
    const untreated = press(hurt.state, 'untreated');
    expect(urgentSoFar(untreated.state.draft!)).toMatchObject({ injuries: { hurt: 'untreated' } });
    expect(stepOf(untreated)).toBe('county');
  });

  it('a story told before its question leads from danger straight to the injury question', () => {
    expect(stepOf(press(at('danger', { danger: undefined, text: STORY }), 'n'))).toBe('hurt');
  });

  it('Back from the county returns to the injury question (the P3 one when someone was hurt), and from there to the story', () => {
    expect(stepOf(press(at('county', { text: STORY }), 'back'))).toBe('hurt');
    expect(stepOf(press(at('county', { text: STORY, injuries: { hurt: 'treated' } }), 'back'))).toBe('p3');
    expect(stepOf(press(at('hurt', { text: STORY }), 'back'))).toBe('desc');
    expect(stepOf(press(at('county', { text: STORY, category: 'p_bribery' }), 'back'))).toBe('desc');
  });
});

describe('on the review', () => {
  const t = keys;

  it('shows the answers, and "change" offers the injuries only where they are asked', () => {
    const text = reviewText(t, full({ injuries: { hurt: 'untreated', record: 'not_yet' } }).draft!);
    expect(text).toContain('<b>review.hurt</b> injury.hurt.untreated');
    expect(text).toContain('<b>review.p3</b> injury.p3.not_yet');
    expect(reviewText(t, full({ category: 'p_killing', injuries: { hurt: 'none' } }).draft!)).toContain('<b>review.hurt_others</b> injury.hurt.none_others');
    expect(lastKeyboard(press(full(), 'edit'))).toEqual({ type: 'edit', draftId: ID, injuries: true });
    expect(lastKeyboard(press(full({ category: 'p_bribery' }), 'edit'))).toEqual({ type: 'edit', draftId: ID });
    // The button cannot be forged onto a bribery report's review.
    expect(stepOf(press(full({ category: 'p_bribery' }), 'e_hurt'))).toBe('review');
  });

  it('changed from the review: a yes goes on to the P3 question, then back to the review; "no one" clears the P3 answer', () => {
    const opened = press(full({ injuries: { hurt: 'none' } }), 'e_hurt');
    expect(opened.state.draft).toMatchObject({ step: 'hurt', editing: true });
    const p3 = press(opened.state, 'treated');
    expect(stepOf(p3)).toBe('p3');
    const back = press(p3.state, 'yes');
    expect(stepOf(back)).toBe('review');
    expect(back.state.draft?.injuries).toEqual({ hurt: 'treated', record: 'yes' });
    const none = press(press(back.state, 'e_hurt').state, 'none');
    expect(stepOf(none)).toBe('review');
    expect(none.state.draft?.injuries).toEqual({ hurt: 'none' });
  });

  it('a category changed to one without the question sends no injury answer', () => {
    expect(toReport(full({ category: 'p_bribery', injuries: { hurt: 'treated' } }).draft!)).not.toHaveProperty('injuries');
  });

  it('after sexual violence the medical answer is labelled with the PRC form the question named', () => {
    const text = reviewText(t, full({ category: 'p_sexual', injuries: { hurt: 'none', record: 'yes' } }).draft!);
    expect(text).toContain('<b>review.p3_prc</b> injury.p3.yes');
    expect(text).not.toContain('review.p3<');
  });
});

describe('a category changed on the review', () => {
  /** Change -> Type -> Police -> this category (the way the review changes a category). */
  const changeCategory = (state: WizardState, category: string): StepResult => {
    const kind = press(press(state, 'edit').state, 'e_kind');
    return press(press(kind.state, 'police').state, category);
  };

  it('to one with injury questions asks them at once, then returns to the review', () => {
    const hurt = changeCategory(full({ category: 'p_bribery' }), 'p_force');
    expect(hurt.state.draft).toMatchObject({ step: 'hurt', editing: true, category: 'p_force' });
    expect(said(hurt)).toEqual(['answer', 'injury.hurt.ask']);
    const p3 = press(hurt.state, 'untreated');
    expect(stepOf(p3)).toBe('p3');
    const review = press(p3.state, 'not_yet');
    expect(said(review)).toEqual(['answer', 'injury.p3.help', 'review']);
    expect(toReport(review.state.draft!)?.injuries).toEqual({ hurt: 'untreated', record: 'not_yet' });
    // Skipped: back to the review all the same.
    expect(stepOf(press(changeCategory(full({ category: 'p_bribery' }), 'p_force').state, 'sk'))).toBe('review');
  });

  it('typed ("kichapo") as well as tapped', () => {
    const kind = press(press(full({ category: 'p_bribery' }), 'edit').state, 'e_kind');
    const r = type(press(kind.state, 'police').state, 'kichapo');
    expect(r.state.draft).toMatchObject({ step: 'hurt', category: 'p_force' });
  });

  it('answers already given to the same questions are not asked again', () => {
    const r = changeCategory(full({ injuries: { hurt: 'treated', record: 'yes' } }), 'p_force');
    expect(stepOf(r)).toBe('review');
    expect(r.state.draft?.injuries).toEqual({ hurt: 'treated', record: 'yes' });
  });

  it('asks only the question the new category adds: after sexual violence, the PRC one', () => {
    const r = changeCategory(full({ injuries: { hurt: 'none' } }), 'p_sexual');
    expect(stepOf(r)).toBe('p3');
    expect(said(r)).toEqual(['answer', 'injury.p3.ask_sexual']);
    expect(stepOf(press(r.state, 'yes'))).toBe('review');
  });

  it('to a killing asks whether anyone else was hurt, as "was anyone hurt?" answered something else', () => {
    const r = changeCategory(full({ injuries: { hurt: 'treated', record: 'yes' } }), 'p_killing');
    expect(said(r)).toEqual(['answer', 'injury.hurt.ask_others']);
    expect(r.state.draft?.injuries).toBeUndefined();
  });

  it('someone in danger now: "was anyone hurt?" is asked, the P3 question is not', () => {
    const hurt = changeCategory(full({ category: 'p_bribery', danger: true, urgent: 'R-7K3F-9QX2' }), 'p_force');
    expect(stepOf(hurt)).toBe('hurt');
    const review = press(hurt.state, 'untreated');
    expect(stepOf(review)).toBe('review');
    expect(urgentSoFar(review.state.draft!)).toMatchObject({ injuries: { hurt: 'untreated' } });
  });

  /** A question skipped on the way through, then the rest of the report answered up to the review. */
  const skippedOnTheWay = (r: StepResult): WizardState => ({ draft: { ...full().draft!, ...r.state.draft!, step: 'review' } });

  it('"was anyone hurt?" skipped is not asked again where the new category asks it the same way; it is where it asks another question', () => {
    const skipped = skippedOnTheWay(press(at('hurt', { text: STORY }), 'sk'));
    const sexual = changeCategory(skipped, 'p_sexual');
    expect(stepOf(sexual)).toBe('review');
    expect(said(sexual)).toEqual(['answer', 'review']);
    expect(stepOf(changeCategory(skipped, 'p_force'))).toBe('review');
    // After a killing the question is whether anyone ELSE was hurt: a new question, asked.
    expect(said(changeCategory(skipped, 'p_killing'))).toEqual(['answer', 'injury.hurt.ask_others']);
    // "sijui" typed is a skip too.
    expect(stepOf(changeCategory(skippedOnTheWay(type(at('hurt', { text: STORY }), 'sijui')), 'p_sexual'))).toBe('review');
  });

  it('the P3 question skipped is not asked again while it names the same form; the PRC one after sexual violence is asked', () => {
    const p3 = press(at('hurt', { text: STORY }), 'treated');
    expect(stepOf(p3)).toBe('p3');
    const skipped = skippedOnTheWay(press(p3.state, 'sk'));
    // The same category chosen again (the only other police one naming the P3 form asks whether anyone ELSE was hurt).
    const again = changeCategory(skipped, 'p_force');
    expect(stepOf(again)).toBe('review');
    expect(again.state.draft?.injuries).toEqual({ hurt: 'treated' });
    expect(said(changeCategory(skipped, 'p_sexual'))).toEqual(['answer', 'injury.p3.ask_sexual']);
  });

  it('a question skipped, then answered from the review, is the answer; one skipped under a category without the questions is asked again', () => {
    const skipped = skippedOnTheWay(press(at('hurt', { text: STORY }), 'sk'));
    const answered = press(press(press(skipped, 'edit').state, 'e_hurt').state, 'none');
    expect(answered.state.draft?.injuries).toEqual({ hurt: 'none' });
    // To sexual violence: the PRC question follows whatever "was anyone hurt?" answered, and was never skipped.
    expect(said(changeCategory(answered.state, 'p_sexual'))).toEqual(['answer', 'injury.p3.ask_sexual']);
    // Through a bribe (no injury questions) and back: asked again.
    const bribe = changeCategory(skipped, 'p_bribery');
    expect(stepOf(changeCategory(bribe.state, 'p_force'))).toBe('hurt');
  });

  it('through a change of kind: answers given under police brutality are kept for election violence, which asks the same; not for a bribe at an election', () => {
    const toElection = (state: WizardState, category: string): StepResult => {
      const kind = press(press(state, 'edit').state, 'e_kind');
      return press(press(kind.state, 'election').state, category);
    };
    const violence = toElection(full({ injuries: { hurt: 'treated', record: 'yes' } }), 'e_violence');
    expect(stepOf(violence)).toBe('review');
    expect(violence.state.draft).toMatchObject({ kind: 'election', category: 'e_violence', injuries: { hurt: 'treated', record: 'yes' } });
    expect(violence.state.draft).not.toHaveProperty('injuriesUnder');
    expect(toReport(violence.state.draft!)?.injuries).toEqual({ hurt: 'treated', record: 'yes' });
    // A skip likewise; typed as well as tapped.
    const skipped = skippedOnTheWay(press(at('hurt', { text: STORY }), 'sk'));
    const kind = press(press(skipped, 'edit').state, 'e_kind');
    expect(stepOf(press(type(kind.state, 'uchaguzi').state, 'e_violence'))).toBe('review');
    // Election bribery asks nothing about injuries: the answers go, and come back asked after another change.
    const bribe = toElection(full({ injuries: { hurt: 'treated' } }), 'e_bribery');
    expect(bribe.state.draft?.injuries).toBeUndefined();
    expect(stepOf(changeCategory(bribe.state, 'p_force'))).toBe('hurt');
  });

  it('to one without them: the answers are gone from the draft, the review and the report', () => {
    const r = changeCategory(full({ injuries: { hurt: 'untreated', record: 'not_yet' } }), 'p_bribery');
    expect(stepOf(r)).toBe('review');
    expect(r.state.draft?.injuries).toBeUndefined();
    expect(reviewText(keys, r.state.draft!)).not.toContain('review.hurt');
    expect(toReport(r.state.draft!)).not.toHaveProperty('injuries');
    expect(urgentSoFar(r.state.draft!)).not.toHaveProperty('injuries');
  });
});

describe('a draft saved before this release', () => {
  it('at the story question carries on to the injury question; past it, goes on without it', () => {
    const atStory = migrateSession({ v: 7, lang: 'sw', draft: { ...BASE } });
    expect(stepOf(type({ draft: atStory?.draft }, STORY))).toBe('hurt');
    const atCounty = migrateSession({ v: 7, lang: 'sw', draft: { ...BASE, step: 'county', text: STORY } });
    expect(stepOf(type({ draft: atCounty?.draft }, 'Nairobi'))).toBe('place');
  });

  it('with no skip marked: a category change asks "was anyone hurt?" as it did (skipped or never asked cannot be told apart)', () => {
    const saved = migrateSession({ v: 8, lang: 'sw', draft: { ...full().draft! } });
    expect(saved?.draft?.injuriesSkipped).toBeUndefined();
    const kind = press(press({ draft: saved?.draft }, 'edit').state, 'e_kind');
    expect(stepOf(press(press(kind.state, 'police').state, 'p_sexual'))).toBe('hurt');
  });
});

describe('a death told at "was anyone hurt?" ("amekufa", "he died", "amefariki")', () => {
  it.each(['amekufa', 'He died', 'amefariki', 'alifariki jana usiku', 'ameuawa', 'walimuua', 'they killed him', 'he is dead', 'walimpiga hadi akafa', 'ni ndugu yangu aliyekufa', 'waliouawa ni wawili'])(
    '"%s" after a brutality story: the words kept in the story, the report made a killing and said so, and asked, with sympathy, whether anyone else was hurt',
    (words) => {
      const r = type(at('hurt', { text: STORY }), words);
      expect([r.state.draft?.category, r.state.draft?.text, stepOf(r), r.state.draft?.injuries]).toEqual(['p_killing', `${STORY}\n${words}`, 'hurt', undefined]);
      expect(said(r).slice(-2)).toEqual(['injury.hurt.now_killing', 'injury.hurt.ask_others']);
      expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt', others: true });
      // Killing by police reaches the review as what happened.
      expect(toReport({ ...full(r.state.draft).draft!, injuries: undefined })?.category).toBe('p_killing');
    },
  );

  it.each(['alikufa karibu na kituo', 'amefariki karibu na soko', 'he died, the police did not help him', 'they killed him and never took him to hospital'])(
    '"%s": a death told with "near" ("karibu") or a "not" of something else is still a death: the report made a killing',
    (words) => {
      const r = type(at('hurt', { text: STORY }), words);
      expect([r.state.draft?.category, r.state.draft?.text]).toEqual(['p_killing', `${STORY}\n${words}`]);
    },
  );

  it('at election violence: the words kept, sympathy said, the question asked again (no killing category there)', () => {
    const r = type(at('hurt', { kind: 'election', category: 'e_violence', text: STORY }), 'amekufa');
    expect([r.state.draft?.category, r.state.draft?.text, stepOf(r)]).toEqual(['e_violence', `${STORY}\namekufa`, 'hurt']);
    expect(said(r).slice(-2)).toEqual(['injury.hurt.loss', 'injury.hurt.ask']);
  });

  it.each(['no one else, only my brother who died', 'hakuna mwingine, ni ndugu yangu tu aliyekufa', 'No one else was hurt, only my brother died', 'hapana hakuna mtu mwingine, ni yeye tu aliyeuawa'])(
    '"%s" at "was anyone else hurt?" after the death told is a no: no one else hurt, the words kept, on to the county',
    (words) => {
      const killed = type(at('hurt', { text: STORY }), 'amekufa');
      const r = type(killed.state, words);
      expect([r.state.draft?.injuries, r.state.draft?.category, stepOf(r), said(r)]).toEqual([{ hurt: 'none' }, 'p_killing', 'county', ['desc.added', 'county.ask']]);
      expect(r.state.draft?.text).toBe(`${STORY}\namekufa\n${words.replace(/^hapana /, '')}`);
    },
  );

  it('"no one else died, but his wife was beaten" after a killing is no "no one else hurt"', () => {
    for (const words of ['hakuna mwingine aliyekufa lakini mke wake alipigwa', 'no one else died but his wife was beaten']) {
      expect([words, type(at('hurt', { text: STORY, category: 'p_killing' }), words).state.draft?.injuries]).not.toEqual([words, { hurt: 'none' }]);
    }
  });

  it('one who nearly died, or did not, is no death: the category stays', () => {
    for (const words of ['alikaribia kufa', 'he almost died', 'hajafa', 'he did not die', 'no one died', 'nobody died but they beat him', 'hakuna mtu amekufa', 'hamna aliyefariki', 'none of them died']) {
      expect([words, type(at('hurt', { text: STORY }), words).state.draft?.category]).toEqual([words, 'p_force']);
    }
  });

  it.each(['no one else died', 'nobody else was killed', 'hakuna mwingine aliyekufa', 'hakuna mtu mwingine aliyefariki', 'hamna mwingine aliyeuawa'])(
    '"%s" at a brutality report (no one had died) is no death: the category stays, never a killing',
    (words) => {
      const r = type(at('hurt', { text: STORY }), words);
      expect(r.state.draft?.category).toBe('p_force');
      expect(said(r)).not.toContain('injury.hurt.now_killing');
    },
  );

  it('"my brother died" after "no one else died" is still a death: a killing', () => {
    for (const words of ['my brother died', 'no one else died, my brother died']) {
      expect([words, type(at('hurt', { text: STORY }), words).state.draft?.category]).toEqual([words, 'p_killing']);
    }
  });
});

describe('the P3 question not understood, or answered with why not ("p3 ni nini", "sikuenda", "sina pesa")', () => {
  const hurt = { text: STORY, injuries: { hurt: 'untreated' as const } };

  it.each(['p3 ni nini', 'P3 ni nini?', 'What is P3?', 'what is a p3 form', 'i dont understand', 'sielewi', 'unamaanisha nini?'])('"%s": a short word on what the P3 form is, the question again, nothing added to the story', (words) => {
    const r = type(at('p3', hurt), words);
    expect([said(r), stepOf(r), r.state.draft?.text, r.state.draft?.injuries]).toEqual([['injury.p3.what', 'injury.p3.ask'], 'p3', STORY, hurt.injuries]);
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'p3' });
  });

  it.each(['1', '2', '47', ' 3 '])('"%s" (a bare number, no button is numbered) asks for the buttons and is never added to the story', (words) => {
    const r = type(at('p3', hurt), words);
    expect([said(r), stepOf(r), r.state.draft?.text, r.state.draft?.injuries]).toEqual([['injury.use_buttons', 'injury.p3.ask'], 'p3', STORY, hurt.injuries]);
  });

  it.each(['2024', '12345', '0712345678'])('"%s" (a longer bare number) asks for the buttons too, at either injury question; never added to the story', (words) => {
    const p3 = type(at('p3', hurt), words);
    expect([said(p3), p3.state.draft?.text]).toEqual([['injury.use_buttons', 'injury.p3.ask'], STORY]);
    const asked = type(at('hurt', { text: STORY }), words);
    expect([said(asked), stepOf(asked), asked.state.draft?.text, asked.state.draft?.injuries]).toEqual([['injury.use_buttons', 'injury.hurt.ask'], 'hurt', STORY, undefined]);
  });

  it('after sexual violence the word is about the PRC form the question names', () => {
    const r = type(at('p3', { ...hurt, category: 'p_sexual' }), 'what is prc');
    expect(said(r)).toEqual(['injury.p3.what_sexual', 'injury.p3.ask_sexual']);
  });

  it.each(['nimeenda hospitali', 'Nilienda hospitali', 'tulienda hospitali ya Kenyatta', 'alipelekwa hospitali', 'nilipelekwa hospitali ya Nakuru', 'I went to hospital', 'we went to the hospital', 'he was taken to hospital', 'ndio nimeenda hospitali'])(
    '"%s" (gone to hospital, which is no P3) is neither yes nor no: the words kept in the story, what a P3 is (free, from the police), the same buttons again',
    (words) => {
      const r = type(at('p3', hurt), words);
      expect([said(r), stepOf(r), r.state.draft?.text, r.state.draft?.injuries]).toEqual([['desc.added', 'injury.p3.what', 'injury.p3.ask'], 'p3', `${STORY}\n${words.replace(/^ndio /, '')}`, hurt.injuries]);
      expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'p3' });
    },
  );

  it('gone to hospital after sexual violence: the word on the PRC form the question names', () => {
    const r = type(at('p3', { ...hurt, category: 'p_sexual' }), 'nimeenda hospitali');
    expect(said(r)).toEqual(['desc.added', 'injury.p3.what_sexual', 'injury.p3.ask_sexual']);
  });

  it('changed from the review, gone to hospital is kept and explained as well (it was "use the buttons")', () => {
    const r = type(at('p3', { ...hurt, editing: true }), 'I went to hospital');
    expect([said(r), r.state.draft?.text]).toEqual([['desc.added', 'injury.p3.what', 'injury.p3.ask'], `${STORY}\nI went to hospital`]);
  });

  it.each(['sikuenda', 'Sikuenda hospitali', 'hatukuenda', 'sina pesa', 'Sina pesa ya kwenda hospitali', 'hatuna pesa', 'no money', 'I didnt go'])('"%s" is "not yet": the line on how a P3 is had (it is free), then the county', (words) => {
    const r = type(at('p3', hurt), words);
    expect([r.state.draft?.injuries, stepOf(r), said(r)]).toEqual([{ hurt: 'untreated', record: 'not_yet' }, 'county', ['injury.p3.help', 'county.ask']]);
  });
});

describe('a place corrected at "was anyone hurt?" after a county was kept early ("Nairobi", then "sorry ilikuwa Kitengela")', () => {
  const keptNairobi = () => type(at('hurt', { text: STORY }), 'Nairobi').state;

  it('a town of another county: the county kept is taken back, the town kept as the place, the question asked again; the county question then offers its county on top', () => {
    const r = type(keptNairobi(), 'sorry ilikuwa Kitengela');
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place, r.state.draft?.text]).toEqual([['injury.place_other_county', 'injury.hurt.ask'], 'hurt', undefined, 'Kitengela', STORY]);
    const message = r.replies.find((x) => x.type === 'message');
    expect(message?.type === 'message' && message.texts[0].params).toEqual({ place: 'Kitengela', county: { countyCode: 47 } });
    // The interrupted question answered: the county asked, Kajiado (Kitengela's) on top; tapped, the place is not asked again.
    const county = press(r.state, 'none');
    expect([stepOf(county), said(county)]).toEqual(['county', ['answer', 'county.early_town+county.ask']]);
    expect(lastKeyboard(county)).toMatchObject({ type: 'county', suggestion: 34 });
    const tapped = press(county.state, '34');
    expect(tapped.state.draft).toMatchObject({ step: 'when', county: 34, place: 'Kitengela' });
  });

  it('a place within the county kept ("samahani ni Kayole"): the place kept, as typed alone, never the sorry with it', () => {
    const r = type(keptNairobi(), 'samahani ni Kayole');
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place]).toEqual([['injury.place_kept', 'injury.hurt.ask'], 'hurt', 47, 'Kayole']);
  });
});

describe('a story that says someone is in hospital ("yuko hospitalini", "admitted at KNH")', () => {
  it.each([
    'Polisi walimpiga kaka yangu, sasa yuko hospitalini',
    'They beat my brother at the station and he is in hospital',
    'Polisi walimpiga kaka yangu na amelazwa Kenyatta',
    'Police beat him badly, he was admitted at KNH',
  ])('"%s": said back, someone hurt noted (nothing said of treatment), and the P3 question follows', (story) => {
    const r = type(at('desc'), story);
    expect([said(r), stepOf(r), r.state.draft?.injuries, r.state.draft?.text]).toEqual([['injury.hurt.in_hospital', 'injury.p3.ask'], 'p3', { hurt: 'hurt' }, story]);
  });

  it.each([
    'Polisi walimpiga, hakulazwa',
    'They beat him, he was not admitted',
    'Walimpiga lakini hayuko hospitalini',
    'Alilazwa chini akapigwa na polisi',
    'They beat him and refused to take him to hospital',
    'The beating was at Kenyatta hospital, by two officers',
    'We were at the hospital gate when police beat us',
    'Walitupiga tukiwa tuko hospitali gate',
  ])('"%s" (not in hospital, or made to lie down, or the hospital only where it happened) is asked as ever', (story) => {
    const r = type(at('desc'), story);
    expect([said(r), stepOf(r), r.state.draft?.injuries]).toEqual([['injury.hurt.ask'], 'hurt', undefined]);
  });

  it('after a killing "was anyone else hurt?" is asked as ever: the one in hospital may be the one who died', () => {
    const r = type(at('desc', { category: 'p_killing' }), 'Walimpiga risasi, alifariki akiwa amelazwa KNH');
    expect([said(r), r.state.draft?.injuries]).toEqual([['injury.hurt.ask_others'], undefined]);
  });

  it('someone in danger now: noted, and the county comes next (no P3 question)', () => {
    const r = type(at('desc', { danger: true }), 'Polisi walimpiga kaka yangu, yuko hospitalini');
    expect([said(r), stepOf(r), r.state.draft?.injuries]).toEqual([['injury.hurt.in_hospital', 'county.ask'], 'county', { hurt: 'hurt' }]);
  });

  it('asked again (Back from the P3 question, or Change from the review): the question with its buttons, as ever', () => {
    const story = 'Polisi walimpiga kaka yangu, sasa yuko hospitalini';
    const back = press(at('p3', { text: story, injuries: { hurt: 'hurt' } }), 'back');
    expect([stepOf(back), said(back)]).toEqual(['hurt', ['answer', 'injury.hurt.ask']]);
    const change = step(at('hurt', { text: story, editing: true }), { type: 'show' }, NOW);
    expect([said(change), change.state.draft?.injuries]).toEqual([['injury.hurt.ask'], undefined]);
  });
});

describe('a count typed at "was anyone hurt?" ("3", "watatu", "three people")', () => {
  const EN_STORY = 'The police beat us at the stage with rungus.';
  it.each([
    ['3', STORY, 'watu 3 waliumia'],
    [' 3 ', EN_STORY, '3 people hurt'],
    ['watatu', STORY, 'watu 3 waliumia'],
    ['watatu', EN_STORY, 'watu 3 waliumia'],
    ['three people', STORY, '3 people hurt'],
    ['watu wawili', STORY, 'watu 2 waliumia'],
    ['ndio watatu', STORY, 'watu 3 waliumia'],
    ['yes 2 people', EN_STORY, '2 people hurt'],
    ['1', EN_STORY, '1 person hurt'],
    ['mtu mmoja', STORY, 'mtu mmoja aliumia'],
    ['1', STORY, 'mtu mmoja aliumia'],
  ])('"%s" is a yes: the count kept in the story, said so, and on as "Yes" goes', (text, story, line) => {
    const r = type(at('hurt', { text: story }), text);
    expect([said(r), stepOf(r), r.state.draft?.injuries, r.state.draft?.text]).toEqual([['desc.added', 'injury.p3.ask'], 'p3', { hurt: 'hurt' }, `${story}\n${line}`]);
  });

  it('after a killing, others counted', () => {
    const r = type(at('hurt', { text: STORY, category: 'p_killing' }), '2');
    expect([r.state.draft?.injuries, r.state.draft?.text]).toEqual([{ hurt: 'hurt' }, `${STORY}\nwatu wengine 2 waliumia`]);
    const one = type(at('hurt', { text: STORY, category: 'p_killing' }), '1');
    expect(one.state.draft?.text).toBe(`${STORY}\nmtu mwingine mmoja aliumia`);
  });

  it.each(['0', '2024', '0712345678', '3 days ago', 'sita'])('"%s" is no count of the hurt', (text) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect(r.state.draft?.injuries).toBeUndefined();
    expect(r.state.draft?.text).not.toMatch(/waliumia|hurt/);
  });
});

describe('where, typed at "was anyone hurt?" as an estate and its county ("Kayole Nairobi")', () => {
  it.each([
    ['Kayole Nairobi', 'Kayole', 47],
    ['Kayole, Nairobi', 'Kayole', 47],
    ['Pipeline Nakuru', 'Pipeline', 32],
  ])('"%s" with no county yet: the county kept, as "Kayole" alone is; the place then asked within the estate', (text, estate, county) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.town, r.state.draft?.text]).toEqual([['injury.county_kept', 'injury.hurt.ask'], 'hurt', county, { name: estate, counties: [county] }, STORY]);
    const none = press(r.state, 'none');
    expect([stepOf(none), said(none)]).toEqual(['place', ['answer', 'place.ask_town']]);
  });

  it('after "Nairobi" was kept there: "Kayole Nairobi" is the place Kayole, as "Kayole" is', () => {
    const kept = type(at('hurt', { text: STORY }), 'Nairobi').state;
    const r = type(kept, 'Kayole Nairobi');
    expect([said(r), r.state.draft?.county, r.state.draft?.place, r.state.draft?.text]).toEqual([['injury.place_kept', 'injury.hurt.ask'], 47, 'Kayole', STORY]);
  });

  it('after "Nairobi" was kept there: an estate of another county named with it takes that county, the estate asked within', () => {
    const kept = type(at('hurt', { text: STORY }), 'Nairobi').state;
    for (const text of ['Kitengela Kajiado', 'sorry ilikuwa Kitengela Kajiado']) {
      const r = type(kept, text);
      expect([text, said(r), r.state.draft?.county, r.state.draft?.town, r.state.draft?.place, r.state.draft?.text]).toEqual([text, ['injury.county_kept', 'injury.hurt.ask'], 34, { name: 'Kitengela', counties: [34] }, undefined, STORY]);
    }
  });

  it('a place typed early ("Kayole" at the danger question), then "Kayole Nairobi": the county kept, the place kept too', () => {
    const r = type(at('hurt', { text: STORY, place: 'Kayole', placeEarly: true }), 'Kayole Nairobi');
    expect([said(r), r.state.draft?.county, r.state.draft?.place, r.state.draft?.text]).toEqual([['injury.county_kept', 'injury.hurt.ask'], 47, 'Kayole', STORY]);
  });
});

describe('where, typed at "was anyone hurt?" county first ("Nairobi, Kayole", "nrb kayole", "Kisumu Kondele")', () => {
  it.each([
    ['Nairobi, Kayole', 'Kayole Nairobi', 'Kayole', 47],
    ['nrb kayole', 'kayole nrb', 'kayole', 47],
    ['Kisumu Kondele', 'Kondele Kisumu', 'Kondele', 42],
    ['Nakuru, Pipeline', 'Pipeline Nakuru', 'Pipeline', 32],
    ['Kajiado - Kitengela', 'Kitengela Kajiado', 'Kitengela', 34],
  ])('"%s" with no county yet is read as "%s" is: the county kept, the place then asked within the estate', (text, estateFirst, estate, county) => {
    const r = type(at('hurt', { text: STORY }), text);
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.town, r.state.draft?.text]).toEqual([['injury.county_kept', 'injury.hurt.ask'], 'hurt', county, { name: estate, counties: [county] }, STORY]);
    expect(r.state.draft).toEqual(type(at('hurt', { text: STORY }), estateFirst).state.draft);
    const none = press(r.state, 'none');
    expect([stepOf(none), said(none)]).toEqual(['place', ['answer', 'place.ask_town']]);
  });

  it('after "Nairobi" was kept there: "Nairobi, Kayole" is the place Kayole, and "Kajiado, Kitengela" takes Kajiado, as the estate first does', () => {
    const kept = type(at('hurt', { text: STORY }), 'Nairobi').state;
    for (const [text, estateFirst] of [['Nairobi, Kayole', 'Kayole Nairobi'], ['nrb kayole', 'kayole nrb'], ['Kajiado, Kitengela', 'Kitengela Kajiado']]) {
      const r = type(kept, text);
      const first = type(kept, estateFirst);
      expect([text, said(r), r.state.draft]).toEqual([text, said(first), first.state.draft]);
    }
    expect(type(kept, 'Nairobi, Kayole').state.draft).toMatchObject({ county: 47, place: 'Kayole', text: STORY });
  });

  it('at the danger question and where the story is asked, before any story, as the estate first is read there too', () => {
    for (const [text, estateFirst] of [['Nairobi, Kayole', 'Kayole Nairobi'], ['Kisumu Kondele', 'Kondele Kisumu']]) {
      for (const state of [at('danger', { danger: undefined }), at('desc')]) {
        const r = type(state, text);
        const first = type(state, estateFirst);
        expect([text, said(r), r.state.draft]).toEqual([text, said(first), first.state.draft]);
        expect([text, said(r)[0], r.state.draft?.town?.name]).toEqual([text, 'injury.county_kept', text === 'Kisumu Kondele' ? 'Kondele' : 'Kayole']);
      }
    }
  });

  it('what the estate first does not read stays as before: a place that is no estate, a road, a county named by a town', () => {
    for (const text of ['Nairobi, near the stage', 'Mombasa road', 'Thika, Kiandutu']) {
      const r = type(at('hurt', { text: STORY }), text);
      expect([text, said(r), r.state.draft?.county, r.state.draft?.text]).toEqual([text, ['desc.added', 'injury.hurt.ask'], undefined, `${STORY}\n${text}`]);
    }
    // "Nairobi CBD" was read already (a town of the county's own name).
    expect(type(at('hurt', { text: STORY }), 'nrb cbd').state.draft).toMatchObject({ county: 47, town: { name: 'Nairobi CBD' } });
  });
});

describe('a weapon typed at "was anyone hurt?" after "Nairobi" ("rungus")', () => {
  it.each(['rungus', 'marungu', 'mateke', 'teargas', 'bunduki'])('"%s" is more of the story, never the place', (word) => {
    const kept = type(at('hurt', { text: STORY }), 'Nairobi').state;
    const r = type(kept, word);
    expect([said(r), r.state.draft?.place, r.state.draft?.county, r.state.draft?.text]).toEqual([['desc.added', 'injury.hurt.ask'], undefined, 47, `${STORY}\n${word}`]);
  });

  it.each(['rungus', 'bunduki'])('"%s" at the county question right after is more of the story too, never the place nor an unknown county', (word) => {
    const r = type(at('county', { text: STORY, injuries: { hurt: 'hurt', record: 'yes' } }), word);
    expect([said(r)[0], stepOf(r), r.state.draft?.place, r.state.draft?.text]).toEqual(['desc.added', 'county', undefined, `${STORY}\n${word}`]);
  });
});

describe('not knowing whether anyone was hurt, said in a sentence ("i dont know if anyone was hurt, i wasnt there")', () => {
  it.each(['i dont know if anyone was hurt, i wasnt there', 'not sure if anyone got hurt', 'sijui kama kuna aliyeumia', 'sina uhakika kama kuna mtu aliumia'])(
    '"%s": the question skipped as "sijui" skips it, the words kept for staff; it was "someone hurt" and the P3 question asked',
    (words) => {
      const r = type(at('hurt', { text: STORY }), words);
      expect([words, r.state.draft?.injuries, r.state.draft?.injuriesSkipped, stepOf(r), r.state.draft?.text]).toEqual([words, undefined, ['hurt'], 'county', `${STORY}\n${words}`]);
    },
  );

  it.each(['idk if anyone was hurt', 'sina hakika kama kuna aliyeumia'])('"%s" too', (words) => {
    expect(type(at('hurt', { text: STORY }), words).state.draft?.injuriesSkipped).toEqual(['hurt']);
  });

  it('"sijui kama atapona, alivunjika mguu", or harm told after the unsure part, still tell someone hurt', () => {
    expect(type(at('hurt', { text: STORY }), 'sijui kama atapona, alivunjika mguu').state.draft?.injuries?.hurt).toBe('hurt');
    expect(type(at('hurt', { text: STORY }), 'sijui kama wengine waliumia, mimi niliumia mguu').state.draft?.injuries?.hurt).toBeDefined();
    expect(type(at('hurt', { text: STORY }), "I don't know if he was hurt, they took him to hospital").state.draft?.injuries?.hurt).toBeDefined();
  });

  it.each(['hawakunipa first aid', 'they did not even give me first aid', 'sikupata huduma ya kwanza', 'hakushonwa'])('"%s" is never "treated"', (words) => {
    expect([words, type(at('hurt', { text: STORY }), words).state.draft?.injuries?.hurt]).not.toEqual([words, 'treated']);
  });
});

describe('who was hurt, as the answer ("mimi", "ni mimi", "mimi tu")', () => {
  it.each(['mimi', 'ni mimi', 'mimi tu', 'ndio mimi', 'mimi mwenyewe', 'sisi wote', 'it was me', 'me'])('"%s": someone hurt (it was "use the buttons", or a line alone in the story)', (words) => {
    const r = type(at('hurt', { text: STORY }), words);
    expect([words, r.state.draft?.injuries?.hurt, r.state.draft?.text]).toEqual([words, 'hurt', STORY]);
  });

  it('"ndio, nilishonwa" (stitched), "nilipata first aid": someone hurt and treated', () => {
    for (const words of ['ndio, nilishonwa', 'nilipata first aid']) expect([words, type(at('hurt', { text: STORY }), words).state.draft?.injuries?.hurt]).toEqual([words, 'treated']);
  });
});

describe('the P3 question answered in a sentence ("nina ripoti ya daktari", "polisi walikataa kunipa p3", "sijui hiyo ni nini")', () => {
  const hurt = { text: STORY, injuries: { hurt: 'untreated' as const } };

  it.each(['nina ripoti ya daktari', 'niko na ripoti ya daktari', "I have a doctor's report", 'we have a medical report'])('"%s" is a yes (it was added to the story, and the question asked again)', (words) => {
    const r = type(at('p3', hurt), words);
    expect([words, r.state.draft?.injuries?.record, stepOf(r)]).toEqual([words, 'yes', 'county']);
  });

  it.each(['polisi walikataa kunipa p3', 'the police refused to give me a p3'])('"%s" is not yet, and the refusal kept in the story for staff (it was asked again)', (words) => {
    const r = type(at('p3', hurt), words);
    expect([words, r.state.draft?.injuries?.record, stepOf(r), r.state.draft?.text]).toEqual([words, 'not_yet', 'county', `${STORY}\n${words}`]);
  });

  it.each([
    ['not yet, they went to Kenyatta to get it', 'not yet, they went to Kenyatta to get it'],
    ['Not yet we are waiting for the doctor', 'Not yet we are waiting for the doctor'],
    ['bado, daktari hajaijaza', 'bado, daktari hajaijaza'],
    // The no before it is the answer's, as with every answer kept.
    ['hapana bado, tunangoja polisi watupe', 'bado, tunangoja polisi watupe'],
  ])('"%s" is not yet, and what follows kept in the story for staff (it was asked again: only a whole "not yet" was read)', (words, kept) => {
    const r = type(at('p3', hurt), words);
    expect([words, r.state.draft?.injuries?.record, stepOf(r), r.state.draft?.text]).toEqual([words, 'not_yet', 'county', `${STORY}\n${kept}`]);
  });

  it('"bado tunayo" (we still have it) is no "not yet"; "bado" leading without a pause is read as before', () => {
    expect(type(at('p3', hurt), 'bado, tunayo').state.draft?.injuries?.record).not.toBe('not_yet');
    expect(type(at('p3', hurt), 'bado tunayo').state.draft?.injuries?.record).not.toBe('not_yet');
  });

  it.each(['sijui hiyo ni nini', "I don't know what that is", 'what is that'])('"%s": what the form is, and the question again', (words) => {
    expect([words, said(type(at('p3', hurt), words))]).toEqual([words, ['injury.p3.what', 'injury.p3.ask']]);
  });
});

describe('a no as far as the reporter knows ("I don\'t think so", "not really", "sidhani")', () => {
  it.each(["I don't think so", 'not really', 'not that I know of', 'no one that I know of', 'sidhani', 'sidhani kama kuna aliyeumia'])('"%s" is no one hurt (it was asked again, or "use the buttons")', (words) => {
    expect([words, type(at('hurt', { text: STORY }), words).state.draft?.injuries]).toEqual([words, { hurt: 'none' }]);
  });
});

describe('the P3 question: a refusal denied, and a form the police hold', () => {
  it('"polisi hawakukataa kunipa p3" is no refusal; "they have the p3 form" no yes', () => {
    const hurt = { text: STORY, injuries: { hurt: 'untreated' as const } };
    expect(type(at('p3', hurt), 'polisi hawakukataa kunipa p3').state.draft?.injuries?.record).toBeUndefined();
    expect(type(at('p3', hurt), 'they have the p3 form').state.draft?.injuries?.record).toBeUndefined();
  });
});

describe('bleeding told after a yes, at length ("yes two people, one is bleeding badly and we cant get him to hospital")', () => {
  it('someone hurt, the words kept for staff; it was asked again with the injuries left empty', () => {
    const words = 'yes two people, one is bleeding badly and we cant get him to hospital';
    const r = type(at('hurt', { text: STORY }), words);
    // The yes is the answer's, as with every answer kept.
    expect([r.state.draft?.injuries?.hurt, r.state.draft?.text]).toEqual(['hurt', `${STORY}\n${words.replace(/^yes /, '')}`]);
  });
});

describe('after a killing, "only him" said the way a grieving mother says it ("hapana, ni mwanangu peke yake")', () => {
  const killing = { category: 'p_killing' as const, text: 'Mwanangu Brian aliuawa na polisi Kondele' };
  it.each(['hapana ni yeye peke yake alikufa', 'hapana, ni mwanangu peke yake', 'ni yeye peke yake', 'hapana, yeye tu ndiye alikufa', 'hakuna, mwanangu tu ndio aliuawa', 'hapana ni yeye tu', 'hapana mwingine', 'no, only my son', 'just him'])(
    '"%s" is no one else hurt, the next question asked (it was asked again, and again)',
    (words) => {
      const r = type(at('hurt', killing), words);
      expect([words, r.state.draft?.injuries?.hurt, stepOf(r)]).toEqual([words, 'none', 'county']);
    },
  );

  it('"only him" where anyone hurt is asked (not after a killing) is no such answer', () => {
    expect(type(at('hurt', { text: STORY }), 'ni yeye peke yake').state.draft?.injuries?.hurt).not.toBe('none');
  });
});

describe('"sijui" with why at "was anyone hurt?" ("sijui, bado yuko ndani hatujamwona")', () => {
  it('skipped as "sijui" is, the words kept for staff (they were lost to "use the buttons")', () => {
    const words = 'sijui, bado yuko ndani hatujamwona';
    const r = type(at('hurt', { text: STORY }), words);
    expect([r.state.draft?.injuries?.hurt, stepOf(r), r.state.draft?.text]).toEqual([undefined, 'county', `${STORY}\n${words}`]);
  });

  it('"sijui, walimpiga sana" tells harm: read as before, never skipped', () => {
    expect(type(at('hurt', { text: STORY }), 'sijui, walimpiga sana').state.draft?.step).not.toBe('county');
  });
});

describe('what a review found too loose in the injury readings', () => {
  const hurt = { text: STORY, injuries: { hurt: 'untreated' as const } };
  it.each(['Tulinyimwa P3 na OCS', 'hatujajaza kwa sababu polisi walikataa', 'Hatujajaza, daktari anataka pesa'])('"%s" is not yet, and the why kept in the story for staff', (words) => {
    const r = type(at('p3', hurt), words);
    expect([words, r.state.draft?.injuries?.record, r.state.draft?.text]).toEqual([words, 'not_yet', `${STORY}\n${words}`]);
  });

  it.each(['not yet sure what that is', 'Bado, sijui ni nini', 'they will go to court'])('"%s" is no "not yet"', (words) => {
    expect([words, type(at('p3', hurt), words).state.draft?.injuries?.record]).toEqual([words, undefined]);
  });

  it.each(['Yes, he was treated but I cant remember the hospital name', 'Ndio, alitibiwa lakini siwezi kumbuka jina la hospitali', 'yes, he got first aid, we can not go to another hospital'])('"%s" is treated', (words) => {
    expect([words, type(at('hurt', { text: STORY }), words).state.draft?.injuries?.hurt]).toEqual([words, 'treated']);
  });

});


describe('"sijui" with blood told at "was anyone hurt?"', () => {
  it.each(['sijui, damu ilikuwa inatoka kichwani', 'Sijui, kulikuwa na damu nyingi'])('"%s" is someone hurt, the words kept (the P3 question follows)', (words) => {
    const r = type(at('hurt', { text: STORY }), words);
    expect([r.state.draft?.injuries?.hurt, r.state.draft?.text]).toEqual(['hurt', `${STORY}\n${words}`]);
  });
});

describe('the county and the day typed in one message at an injury question ("Mombasa, Likoni, jana jioni")', () => {
  const p3 = () => at('p3', { text: STORY, injuries: { hurt: 'untreated' } });
  it.each([
    ['Mombasa, Likoni, jana jioni', 'Mombasa, Likoni', 'jana jioni'],
    ['Nairobi, Kayole, jana usiku', 'Nairobi, Kayole', 'jana usiku'],
    ['nrb kayole juzi', 'nrb kayole', 'juzi'],
    ['Nakuru, yesterday evening', 'Nakuru', 'yesterday evening'],
    ['Kisumu Kondele on Saturday', 'Kisumu Kondele', 'on Saturday'],
  ])('%j: the county and the day kept as each typed alone is, said in one message, the question asked again; nothing added to the story', (text, where, when) => {
    const r = type(p3(), text);
    const county = type(p3(), where).state.draft;
    const day = type(p3(), when).state.draft;
    expect(said(r)).toEqual(['danger.county_noted+when.kept_early', 'injury.p3.ask']);
    const kept = { county: county?.county, town: county?.town, countyEarly: true, when: day?.when, incidentAt: day?.incidentAt, timeOfDay: day?.timeOfDay };
    expect(r.state.draft).toMatchObject({ step: 'p3', text: STORY, ...JSON.parse(JSON.stringify(kept)) });
    // Then the questions left: no county, no day asked again.
    const none = press(r.state, 'not_yet');
    expect(stepOf(none)).toBe('place');
  });

  it('at the category and danger questions too; said with the danger answer ("hapana, Mombasa Likoni jana jioni"), the answer and both kept', () => {
    for (const state of [at('cat', { text: STORY, category: undefined }), at('danger', { text: STORY, danger: undefined })]) {
      const r = type(state, 'Mombasa, Likoni, jana jioni');
      expect([state.draft?.step, said(r)]).toEqual([state.draft?.step, ['danger.county_noted+when.kept_early', state.draft?.step === 'cat' ? 'category.ask' : 'danger.ask']]);
      expect(r.state.draft).toMatchObject({ step: state.draft?.step, text: STORY, county: 1, when: 'yesterday', timeOfDay: 'jioni' });
    }
    const no = type(at('danger', { text: STORY, danger: undefined }), 'hapana, Mombasa Likoni jana jioni');
    expect([said(no), no.state.draft]).toEqual([['danger.county_noted+danger.day_noted', 'injury.hurt.ask'], expect.objectContaining({ step: 'hurt', danger: false, text: STORY, county: 1, when: 'yesterday' })]);
  });

  it('at "was anyone hurt?" too, and what it does not read stays as before (no county named, a place no estate, a day to come)', () => {
    expect(said(type(at('hurt', { text: STORY }), 'Mombasa, Likoni, jana jioni'))).toEqual(['danger.county_noted+when.kept_early', 'injury.hurt.ask']);
    for (const text of ['Nairobi, near the stage, jana', 'walinipiga jana', 'Mombasa kesho']) {
      expect([text, said(type(p3(), text))[0]]).toEqual([text, expect.not.stringMatching(/county_noted/)]);
    }
  });
});

describe('pain told, harm denied with what was done, "si nimekuambia" at "was anyone hurt?" (a probe asked three times)', () => {
  it.each(['kichwa kinauma', 'mgongo unauma', 'my back is paining', 'my head hurts', 'si nimekuambia mgongo unauma'])('%j is someone hurt, the words kept', (words) => {
    const r = type(at('hurt', { text: STORY }), words);
    expect([words, r.state.draft?.injuries?.hurt, stepOf(r)]).toEqual([words, 'hurt', 'p3']);
    expect(r.state.draft?.text).toContain(words.replace('si nimekuambia ', ''));
  });

  it.each(['no he didnt beat me, just touching', 'hakuniumiza mwili ila alinishika vibaya', 'no he never touched me', 'hapana, hakunipiga', 'hawakunijeruhi, walinitisha tu', 'no they didnt beat him'])(
    '%j (a harassment): no one hurt, the words kept for staff',
    (words) => {
      const r = type(at('hurt', { text: 'Askari alinisumbua kwa roadblock', category: 'p_sexual' }), words);
      expect([words, r.state.draft?.injuries?.hurt, r.state.draft?.text]).toEqual([words, 'none', `Askari alinisumbua kwa roadblock\n${words.replace(/^(?:no|hapana),? /, '')}`]);
    },
  );

  it.each(['they didnt touch me but my husband was beaten badly', 'he didnt hurt me much', "he didn't hurt me badly", 'hakuniumiza sana', 'hawakunijeruhi vibaya', 'hawakunipiga ila walinirushia teargas nikazimia'])(
    '%j is never "no one hurt" (found by a second review)',
    (words) => {
      expect([words, type(at('hurt', { text: STORY }), words).state.draft?.injuries?.hurt]).toEqual([words, expect.not.stringMatching(/^none$/)]);
    },
  );

  it('harm denied and then harm told is not "no one hurt" ("he didnt beat me but he shot me in the leg")', () => {
    expect(type(at('hurt', { text: STORY }), 'he didnt beat me but he shot me in the leg').state.draft?.injuries?.hurt).not.toBe('none');
    expect(type(at('hurt', { text: STORY }), 'hakunipiga lakini aliniumiza mkono').state.draft?.injuries?.hurt).not.toBe('none');
  });
});
