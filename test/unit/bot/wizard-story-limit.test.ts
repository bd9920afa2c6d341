/**
 * The story at its limit (LIMITS.descriptionMaxChars): every path that adds a reporter's typed
 * words to it (more told at a later question, the words with a day, a correction's "when they beat
 * me", No or Send at a correction, a part told before the story's question) tells them, in the same
 * reply, which words were not added; nothing else they said is lost, and the story stays whole.
 */
import { LIMITS } from '../../../src/domain';
import type { Draft } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardInput, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z'); // 12:30 in Nairobi
const TODAY_EAT = Date.parse('2026-11-27T21:00:00Z'); // 28/11/2026 00:00 in Nairobi
const YESTERDAY_EAT = TODAY_EAT - 86_400_000;
const ID = 'dRaFt0000001';
/** A story exactly at the limit. */
const FULL = 'Police beat people at the stage and took their phones. '.repeat(300).slice(0, LIMITS.descriptionMaxChars - 1) + '.';

const ANSWERED: Partial<Draft> = { kind: 'police', category: 'p_force', danger: false, text: FULL, county: 47, place: 'Kayole stage', when: 'today', incidentAt: TODAY_EAT };
const at = (s: Draft['step'], extra: Partial<Draft> = {}): WizardState => ({ draft: { id: ID, ...ANSWERED, step: s, ...extra } as Draft });
const run = (state: WizardState, input: WizardInput): StepResult => step(state, input, NOW);
const type = (state: WizardState, text: string) => run(state, { type: 'text', text });
const press = (state: WizardState, value: string, s = state.draft?.step ?? 'review') => run(state, { type: 'button', draftId: ID, step: s, value });

function said(r: StepResult): string[] {
  return r.replies.map((x: Reply) => (x.type === 'answer' ? 'answer' : x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));
}
/** The words the reporter is told were not added, as the reply quotes them. */
const notAdded = (r: StepResult) =>
  r.replies.flatMap((x) => (x.type === 'message' ? x.texts : [])).find((t) => t.key === 'desc.full')?.params;

beforeAll(() => expect(FULL).toHaveLength(LIMITS.descriptionMaxChars));

describe('the story at its limit: typed words that would go into it are said not to fit, never dropped unsaid', () => {
  it('more of the story typed at the review: told, the review shown again, the story unchanged', () => {
    for (const more of ['they also took my ID card and my phone', 'pia walichukua simu yangu na kitambulisho']) {
      const r = type(at('review'), more);
      expect(said(r)).toEqual(['desc.full', 'review']);
      expect(notAdded(r)).toEqual({ max: LIMITS.descriptionMaxChars, words: more });
      expect(r.state.draft).toMatchObject({ step: 'review', text: FULL });
    }
  });

  it('"wrong place, I was at the stage when they beat me", Yes: the place changes and the reporter is told the sentence was not added', () => {
    const asked = type(at('review'), 'wrong place, I was at the stage when they beat me');
    expect(said(asked)).toEqual(['review.fix_place']);
    const yes = press(asked.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'desc.full', 'review']);
    expect(notAdded(yes)).toEqual({ max: LIMITS.descriptionMaxChars, words: 'I was at the stage when they beat me' });
    expect(yes.state.draft).toMatchObject({ place: 'the stage', text: FULL });
  });

  it('the correction answered No, or the report sent instead: its words are said not to fit', () => {
    const words = 'hapana ilikuwa jana';
    const asked = type(at('review'), words);
    const no = press(asked.state, 'fn');
    expect(said(no)).toEqual(['answer', 'desc.full', 'review']);
    expect(notAdded(no)?.words).toBe(words);
    expect(no.state.draft).toMatchObject({ when: 'today', text: FULL });
    const sent = press(asked.state, 'sa');
    expect(said(sent)).toContain('desc.full');
    expect(sent.effects).toEqual([expect.objectContaining({ type: 'submit', report: expect.objectContaining({ description: { text: FULL } }) })]);
  });

  it('a place corrected at the date question with what was done: the place is taken, the sentence said not to fit', () => {
    const r = type(at('when', { when: undefined, incidentAt: undefined }), 'wrong place, I was at the stage when they beat me');
    expect(said(r)).toEqual(['place.noted', 'desc.full', 'when.ask']);
    expect(notAdded(r)?.words).toBe('I was at the stage when they beat me');
    expect(r.state.draft).toMatchObject({ step: 'when', place: 'the stage', text: FULL });
  });

  it('words typed with the day ("jana Kayole"): the day is taken, the words said not to fit', () => {
    const r = type(at('when', { when: undefined, incidentAt: undefined, place: 'Umoja market' }), 'jana Kayole');
    expect(said(r)[0]).toBe('desc.full');
    expect(notAdded(r)?.words).toBe('jana Kayole');
    expect(r.state.draft).toMatchObject({ when: 'yesterday', incidentAt: YESTERDAY_EAT, text: FULL });
  });

  it('more of the story at the county or the place question: said not to fit and the question asked again, never read as a county or taken as the place', () => {
    const county = type(at('county', { county: undefined, place: undefined, when: undefined, incidentAt: undefined }), 'they also took my ID card and my phone');
    expect(said(county)).toEqual(['desc.full', 'county.ask']);
    expect(county.state.draft).toMatchObject({ step: 'county', text: FULL });
    for (const more of ['walinipiga na kunichukua simu yangu', 'call me 0712 345 678']) {
      const place = type(at('place', { place: undefined, when: undefined, incidentAt: undefined }), more);
      expect(said(place)).toEqual(['desc.full', 'place.ask']);
      expect(notAdded(place)?.words).toBe(more);
      expect(place.state.draft).toMatchObject({ step: 'place', text: FULL });
      expect(place.state.draft?.place).toBeUndefined();
    }
  });

  it('a part told before the story question, the story kept already at its limit: said not to fit', () => {
    const r = type(at('danger', { danger: undefined, county: undefined, place: undefined, when: undefined, incidentAt: undefined }), 'they also took my ID card and my phone and my wallet');
    expect(said(r)[0]).toBe('desc.full');
    expect(r.state.draft?.text).toBe(FULL);
  });

  it('"kila siku" (it goes on) at the date question: said not to fit, the last day it happened asked', () => {
    const often = type(at('when', { when: undefined, incidentAt: undefined }), 'kila siku wanatusumbua');
    expect(said(often)).toEqual(['desc.full', 'when.often', 'when.ask']);
    expect(notAdded(often)?.words).toBe('kila siku wanatusumbua');
    expect(often.state.draft).toMatchObject({ step: 'when', text: FULL });
  });

  it('a long paste is quoted by its beginning, whole words up to the limit of the quote', () => {
    const long = 'And then they came back at night with more men and beat my neighbour until he fainted. '.repeat(10).trim();
    const r = type(at('review'), long);
    const words = notAdded(r)?.words as string;
    expect(words.endsWith('…')).toBe(true);
    expect(long.startsWith(words.slice(0, -1))).toBe(true);
    expect([...words].length).toBeLessThanOrEqual(121);
  });
});
