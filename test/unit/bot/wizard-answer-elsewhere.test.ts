/**
 * An answer typed at another question ("stage ya Kitengela" where the day is asked, "jana" where
 * the county is): kept as the answer it is, and the question asked again; it was "could not read
 * that date" or "I do not know that county" and the words lost.
 */
import type { Draft } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import { firstWords } from '../../../src/bot/wizard/story-words';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z'); // 12:30 in Nairobi
const TODAY_EAT = Date.parse('2026-11-27T21:00:00Z'); // 28/11/2026 00:00 in Nairobi
const DAY = 86_400_000;
const ID = 'dRaFt0000002';
const STORY = 'Police asked me for a bribe at the junction.';
const KAJIADO = 34;

const at = (s: Draft['step'], extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: s, kind: 'police', category: 'p_bribery', danger: false, text: STORY, ...extra },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const said = (r: StepResult) => r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key) : []));

describe('a place typed where the day is asked', () => {
  // Stored without the word leading into it ("at"), as the place question stores it; "karibu na" is part of where.
  it.each([
    ['stage ya Kitengela', 'stage ya Kitengela'],
    ['at Globe roundabout', 'Globe roundabout'],
    ['pale Kencom', 'Kencom'],
    ['karibu na soko la Kitengela', 'karibu na soko la Kitengela'],
    ['Kitengela stage', 'Kitengela stage'],
  ])('%j with no place given yet is the place (%j), and the day asked again', (words, place) => {
    const r = type(at('when', { county: KAJIADO }), words);
    expect(said(r)).toEqual(['place.noted', 'when.ask']);
    expect(r.state.draft).toMatchObject({ step: 'when', place, text: STORY });
    expect(r.state.draft?.when).toBeUndefined();
  });

  it.each([
    ['stage ya Kitengela', 'stage ya Kitengela'],
    ['at Globe roundabout', 'Globe roundabout'],
  ])('%j with a place given changes it (to %j), as "samahani ni Kayole si Umoja" does, and the day is asked again', (words, place) => {
    const r = type(at('when', { county: KAJIADO, place: 'Kitengela' }), words);
    expect(said(r)).toEqual(['place.noted', 'when.ask']);
    expect(r.state.draft).toMatchObject({ step: 'when', place, text: STORY });
  });

  it.each(['sijui', 'Sijui kabisa', 'last week', 'they beat me at the stage', 'Naivasha'])('%j is no place', (words) => {
    const r = type(at('when', { county: KAJIADO, place: 'Kitengela' }), words);
    expect(said(r)).not.toContain('place.noted');
    expect(r.state.draft?.place).toBe('Kitengela');
  });
});

describe('a day typed where the county is asked', () => {
  it.each([
    ['yesterday', 'yesterday', undefined],
    ['jana', 'yesterday', undefined],
    ['juzi usiku', 'date', 'usiku'],
  ])('%j is the day, kept, and the county asked again', (words, when, time) => {
    const r = type(at('county'), words);
    expect(said(r)).toEqual(['county.day_noted']);
    expect(r.state.draft).toMatchObject({ step: 'county', when, text: STORY });
    expect(r.state.draft?.timeOfDay).toBe(time);
    // The county answered, the place is asked, and the day is not asked after it.
    const county = type(r.state, 'Kajiado');
    const place = type(county.state, 'Kitengela stage');
    expect(place.state.draft?.step).toBe('review');
  });
});

describe('the county and the day in one answer where the county is asked', () => {
  it.each([
    ['Kajiado last night', KAJIADO, 'yesterday', 'night'],
    ['Kajiado jana', KAJIADO, 'yesterday', undefined],
    ['Kisumu leo asubuhi', 42, 'today', 'asubuhi'],
    ['Kajiado, juzi usiku', KAJIADO, 'date', 'usiku'],
  ])('%j is the county and the day: the place asked next, and not the day after it (it was "Did it happen in Kajiado? Tap it", the day lost)', (words, county, when, time) => {
    const r = type(at('county'), words);
    expect(said(r)).toEqual(['place.ask']);
    expect(r.state.draft).toMatchObject({ step: 'place', county, when, text: STORY });
    expect(r.state.draft?.timeOfDay).toBe(time);
    expect(type(r.state, 'Kitengela stage').state.draft?.step).toBe('review');
  });

  it('"Kajiado now" takes no day: whether it goes on was the danger question\'s', () => {
    expect(type(at('county'), 'Kajiado now').state.draft?.when).toBeUndefined();
  });

  it('a town of one county with the day ("Kitengela jana") is that county, the town kept for the place question', () => {
    const r = type(at('county'), 'Kitengela jana');
    expect(r.state.draft).toMatchObject({ step: 'place', county: KAJIADO, when: 'yesterday' });
    expect(said(r)).not.toContain('county.suggest');
  });
});

describe('days the date question did not read', () => {
  it.each([
    ['saa tano usiku juzi', TODAY_EAT - 2 * DAY, 'saa tano usiku'],
    ['it was on 5th', Date.parse('2026-11-04T21:00:00Z'), undefined],
    ['it was the 5th', Date.parse('2026-11-04T21:00:00Z'), undefined],
  ])('%j is read', (words, incidentAt, time) => {
    const r = type(at('when', { county: KAJIADO, place: 'Kitengela' }), words);
    expect(r.state.draft).toMatchObject({ step: 'review', when: 'date', incidentAt });
    expect(r.state.draft?.timeOfDay).toBe(time);
  });
});

describe('a wish to stay unknown as the first message', () => {
  it.each(['i dont want my name to be known', 'sitaki jina langu lijulikane', 'can I stay anonymous?'])('%j begins a report, saying they can report without their name', (words) => {
    const first = firstWords(words);
    expect(first).toEqual({ identity: 'anonymous' });
    const r = step({}, { type: 'begin', newDraftId: ID, ...first }, NOW);
    expect(said(r)).toEqual(['wizard.anonymous', 'kind.ask']);
    expect(r.state.draft).toMatchObject({ step: 'kind' });
    expect(r.state.draft?.text).toBeUndefined();
  });

  it('"nataka kuripoti polisi bila jina": the police list, and the same answer about the name', () => {
    const first = firstWords('nataka kuripoti polisi bila jina');
    expect(first).toEqual({ kind: 'police', identity: 'anonymous' });
    expect(said(step({}, { type: 'begin', newDraftId: ID, ...first }, NOW))).toEqual(['wizard.anonymous', 'category.ask']);
  });
});
