/**
 * Real Kenyan places typed at "In which county did it happen?" that a word of theirs made no
 * place: "Mwembe Tayari" (Mombasa: "tayari" is also "done"), "Tumaini" (an estate, and a first
 * name). A place the project's lists know wins over the words lists; a first name alone stays a
 * person, and with a word for a place ("Tumaini estate", "mtaa wa Tumaini") it is the place.
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';
const MOMBASA = 1;
const NAIROBI = 47;

const atCounty = (extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'county' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, ...extra },
});
const atPlace = (county: number): WizardState => ({
  draft: { id: ID, step: 'place' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, county },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'county', value }, NOW);
const said = (r: StepResult): string[] => r.replies.map((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));

describe('"Mwembe Tayari" (Mombasa), however typed', () => {
  it.each(['Mwembe Tayari', 'mwembe tayari', 'MWEMBE TAYARI'])('"%s" at the county question: Mombasa taken, and where in Mwembe Tayari asked', (typed) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.county, r.state.draft?.step]).toEqual([['place.ask_town'], MOMBASA, 'place']);
    expect(r.replies[0]).toMatchObject({ type: 'message', texts: [{ params: { town: 'Mwembe Tayari' } }] });
  });

  it('typed where the place in Nairobi is asked: "Change the county to Mombasa?", as for "Likoni", never kept in Nairobi', () => {
    const r = type(atPlace(NAIROBI), 'Mwembe Tayari');
    expect([said(r), r.state.draft?.place]).toEqual([said(type(atPlace(NAIROBI), 'Likoni')), undefined]);
    expect(press(r.state, 'fy').state.draft).toMatchObject({ county: MOMBASA, place: 'Mwembe Tayari' });
  });
});

describe('"Tumaini": an estate, and a first name', () => {
  it('alone it cannot be told from a person: the county asked again, unasked or after "sijui", as for "Baraka"', () => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      for (const typed of ['Tumaini', 'Baraka']) {
        const r = type(state, typed);
        expect([typed, said(r), r.state.draft?.place]).toEqual([typed, ['county.unknown'], undefined]);
      }
    }
  });

  it.each(['Tumaini estate', 'Tumaini Estate', 'mtaa wa Tumaini', 'Mtaa wa Tumaini', 'Tumaini Market', 'Tumaini stage'])(
    '"%s", with a word for a place: kept as the place, unasked or after "sijui"; the county tapped, the place is not asked',
    (typed) => {
      const asked = type(atCounty(), 'sijui').state;
      for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
        const r = type(state, typed);
        expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, [key], typed, STORY]);
        expect(press(r.state, String(NAIROBI)).state.draft).toMatchObject({ step: 'when', county: NAIROBI, place: typed });
      }
    },
  );
});
