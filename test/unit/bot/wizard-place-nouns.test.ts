/**
 * Places named by a name and a word for a kind of place ("Hospital Hill", "Mama Ngina Drive",
 * "Shamba la Mawe", "Mzee Stage"), typed at "In which county did it happen?": kept as the place
 * for the county chosen next, as "Kambi ya Moto" is (wizard-county-words.test.ts), never the story
 * nor "I do not know that county". A person's name, or such a word alone, is still no place.
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

describe('a name with a word for a kind of place, at the county question', () => {
  it.each([
    // A hill, a drive, a fort, a town or a farm of that name (Nairobi, Mombasa).
    'Hospital Hill',
    'Mama Ngina Drive',
    'Fort Jesus',
    'Mji wa Huruma',
    'Shamba la Mawe',
    // A matatu stage named by a word people are called by ("mzee").
    'Mzee Stage',
    // A hospital by its name.
    'Kenyatta Hospital',
    'Mama Lucy Hospital',
    'Kileleshwa Valley',
    // The police's building, a court, a waterfront, an avenue by their names.
    'Bondeni Police Station',
    'Central Police Station',
    'Mahakama ya Milimani',
    'Mama Ngina Waterfront',
    'Mzee Kenyatta Avenue',
  ])('"%s", unasked or after "sijui": kept as the place, the story untouched; the county tapped, the place is not asked', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
      const r = type(state, typed);
      expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, [key], typed, STORY]);
      expect(press(r.state, String(NAIROBI)).state.draft).toMatchObject({ step: 'when', county: NAIROBI, place: typed });
    }
  });

  it.each([
    // People: a name, with or without a word they are called by, or from a place.
    'Fred Otieno',
    'Naitwa Wafula',
    'Mzee Kamau',
    'Mzee Kamau wa Kambi',
    'Chief Kamau',
    'Bwana Kamau',
    'Mzee Wambui',
    'Polisi wa Moto',
    'Police Station',
    // Such words alone, or with the small words only: where, but no name.
    'hospital',
    'Hospital',
    'Hill',
    'the hill',
    'Drive',
    'valley',
    'Mzee',
    'Shamba',
    'stage',
    'the road',
  ])('"%s": never kept as the place', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      const r = type(state, typed);
      expect([typed, r.state.draft?.place, said(r).some((k) => k.includes('_kept'))]).toEqual([typed, undefined, false]);
    }
  });
});
