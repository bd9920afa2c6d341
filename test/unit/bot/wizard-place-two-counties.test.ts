/**
 * A place beside, or at a spot of, a town in two counties ("near Githurai", "karibu na Githurai",
 * "at Githurai stage"), typed at "In which county did it happen?": kept as the place, with both
 * counties offered as for "Githurai" alone (Githurai 44 is in Nairobi, Githurai 45 in Kiambu). It
 * was kept with no county offered at all, as if no list knew the town; "near Thika" offers Kiambu.
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';
const NAIROBI = 47;
const KIAMBU = 22;

const atCounty = (extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'county' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, ...extra },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'county', value }, NOW);
const texts = (r: StepResult) => r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts : []));
const keyboards = (r: StepResult) => r.replies.flatMap((x: Reply) => (x.type === 'message' && x.keyboard ? [x.keyboard] : []));

describe('beside a town in two counties, at the county question', () => {
  it.each(['near Githurai', 'karibu na Githurai', 'nje ya Githurai', 'Near Githurai 45', 'opposite Githurai'])(
    '"%s": kept whole as the place, both counties named and on top of the list; either tapped, where exactly near it is asked',
    (typed) => {
      const r = type(atCounty(), typed);
      expect(texts(r)).toEqual([{ key: 'county.place_kept_two', params: { place: typed, area: 'Githurai', county: { countyCode: NAIROBI }, other: { countyCode: KIAMBU } } }]);
      expect(keyboards(r)).toEqual([expect.objectContaining({ type: 'county', suggestion: NAIROBI, also: KIAMBU })]);
      expect(r.state.draft).toMatchObject({ place: typed, text: STORY });
      for (const county of [NAIROBI, KIAMBU]) {
        const tapped = press(r.state, String(county));
        expect(tapped.state.draft).toMatchObject({ step: 'place', county });
        expect(texts(tapped)).toContainEqual({ key: 'place.ask_beside', params: { place: typed, county: { countyCode: county } } });
        // The spot answered is kept with the words typed, as after "near Thika".
        expect(type(tapped.state, 'the stage').state.draft).toMatchObject({ step: 'when', place: `the stage, ${typed}` });
      }
    },
  );

  it('"at Githurai stage": the spot kept as the place, both counties offered; either tapped, the place is not asked again', () => {
    const r = type(atCounty(), 'at Githurai stage');
    expect(texts(r)).toEqual([{ key: 'county.place_kept_two', params: { place: 'Githurai stage', area: 'Githurai', county: { countyCode: NAIROBI }, other: { countyCode: KIAMBU } } }]);
    const tapped = press(r.state, String(KIAMBU));
    expect(tapped.state.draft).toMatchObject({ step: 'when', county: KIAMBU, place: 'Githurai stage' });
  });

  it.each([
    ['Githurai stage', 'Githurai'],
    ['Githurai 45 stage', 'Githurai'],
    ['Githurai 44 market', 'Githurai'],
    ['Rongai police station', 'Rongai'],
  ])('"%s", not led into: the spot kept as the place, both counties offered, as for "at Githurai stage"; it was kept with no county offered, or with a number "I do not know that county"', (typed, area) => {
    const r = type(atCounty(), typed);
    expect(texts(r)).toEqual([{ key: 'county.place_kept_two', params: expect.objectContaining({ place: typed, area }) }]);
    const tapped = press(r.state, String(KIAMBU));
    expect(tapped.state.draft).toMatchObject({ step: 'when', county: KIAMBU, place: typed, text: STORY });
  });

  it('"Githurai 45", "Githurai 45 Kamau", "stage 45": no spot of it, as before', () => {
    expect(texts(type(atCounty(), 'Githurai 45')).map((t) => t.key)).toEqual(['county.of_town_two']);
    for (const typed of ['Githurai 45 Kamau', 'stage 45', 'Kamau 45']) expect([typed, type(atCounty(), typed).state.draft?.place]).toEqual([typed, undefined]);
  });

  it('"near Rongai" (Kajiado and Nakuru) names both as well', () => {
    const r = type(atCounty(), 'near Rongai');
    expect(texts(r)).toEqual([{ key: 'county.place_kept_two', params: { place: 'near Rongai', area: 'Rongai', county: { countyCode: 34 }, other: { countyCode: 32 } } }]);
  });

  it('another county tapped: the place kept, asked nothing more of it, as for any place typed here', () => {
    const tapped = press(type(atCounty(), 'near Githurai').state, '1');
    expect(tapped.state.draft).toMatchObject({ step: 'when', county: 1, place: 'near Githurai' });
  });

  it('"hapa Githurai", "near the chief camp": as before (the town alone offered; a spot with no town kept, no county named)', () => {
    expect(texts(type(atCounty(), 'hapa Githurai')).map((t) => t.key)).toEqual(['county.of_town_two']);
    expect(texts(type(atCounty(), 'near the chief camp')).map((t) => t.key)).toEqual(['county.place_kept']);
  });
});
