/**
 * Places written with an apostrophe, straight (') or curly (’) as phones type it: a name with one
 * inside ("Joseph Kang'ethe Road", "Mang'u High School") or whose place it is ("St Mary's", "Peter's
 * shop", "Mama Ngina's"), typed at "In which county did it happen?". The apostrophe split each word
 * in two, and they went to the story, the place lost. A person's name with one is still no place.
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';
const NAIROBI = 47;

const atCounty = (extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'county' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, ...extra },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'county', value }, NOW);
const said = (r: StepResult): string[] => r.replies.map((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));
const curly = (s: string) => s.replace(/'/g, '’');

const PLACES = [
  "Joseph Kang'ethe Road",
  "Kang'ethe Road",
  "St Mary's",
  'St. Mary’s',
  "Peter's shop",
  "Mama Ngina's",
  "Mang'u High School",
  "St Joseph's Primary",
  'St Joseph',
];

describe('a place written with an apostrophe, at the county question', () => {
  it.each(PLACES.flatMap((p) => (p.includes("'") ? [p, curly(p)] : [p])))('"%s", unasked or after "sijui": kept as the place, the story untouched; the county tapped, the place is not asked', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
      const r = type(state, typed);
      expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, [key], typed, STORY]);
      expect(press(r.state, String(NAIROBI)).state.draft).toMatchObject({ step: 'when', county: NAIROBI, place: typed });
    }
  });
});

describe('a person whose name has an apostrophe, at the county question', () => {
  it.each(["Kang'ethe", "Joseph Kang'ethe", "Ng'ang'a", "Peter Ng'ang'a", "Mama Ng'ang'a"].flatMap((p) => [p, curly(p)]))(
    '"%s": never kept as the place nor the story; the county asked again, unasked or after "sijui", as for "Brian Otieno"',
    (typed) => {
      const asked = type(atCounty(), 'sijui').state;
      for (const state of [atCounty(), asked]) {
        const r = type(state, typed);
        expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, ['county.unknown'], undefined, STORY]);
      }
    },
  );

  it.each(["Peter's brother", "Kang'ethe's son"])('"%s" (someone\'s relative, no place): never kept as the place', (typed) => {
    const r = type(atCounty(), typed);
    expect([typed, r.state.draft?.place, said(r).some((k) => k.includes('_kept'))]).toEqual([typed, undefined, false]);
  });
});

describe('a place with an apostrophe after a sorry or "I meant", at the place question', () => {
  const atPlace = (): WizardState => ({ draft: { id: ID, step: 'place' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, county: NAIROBI } });
  it.each(["sorry ilikuwa Kang'ethe Road", "I meant Kang'ethe Road", 'samahani, ni Kang’ethe Road'])('"%s": the place kept as written, the apostrophe with it (it was "Kang ethe Road")', (typed) => {
    const r = type(atPlace(), typed);
    expect([said(r)[0], r.state.draft?.place]).toEqual(['place.noted', typed.includes('’') ? 'Kang’ethe Road' : "Kang'ethe Road"]);
  });
});
