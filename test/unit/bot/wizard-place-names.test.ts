/**
 * Real Kenyan places typed at "In which county did it happen?" that a word of theirs made no
 * place: "Mwembe Tayari" (Mombasa: "tayari" is also "done"), "Tumaini" (an estate, and a first
 * name). A place the project's lists know wins over the words lists; a first name alone stays a
 * person, and with a word for a place ("Tumaini estate", "mtaa wa Tumaini") it is the place.
 * Then more places of the kinds reporters type there (estates, stages, markets, roads, courts,
 * schools used as polling stations, "next to ..."), each a misread found by typing it.
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

describe('a spot named by a known town or county and a word for a place, not led into ("Kayole police station", "Thika Road")', () => {
  it.each([
    ['Kayole police station', NAIROBI, 'Kayole'],
    ['Kondele roundabout', 42, 'Kondele'],
    ['Mamboleo junction', 42, 'Mamboleo'],
    ['Likoni Ferry', MOMBASA, 'Likoni'],
    ['Kasarani stadium', NAIROBI, 'Kasarani'],
    ['Kibera Law Courts', NAIROBI, 'Kibera'],
    ['Thika Road', 22, 'Thika'],
    ['Ngong Road', 34, 'Ngong'],
    ['Kisumu bus park', 42, undefined],
    ['Nakuru bus park', 32, undefined],
    ['Dagoretti High', NAIROBI, 'Dagoretti'],
    ['Kisumu Boys', 42, undefined],
  ] as const)('"%s": kept whole as the place and its county offered, as "at Kayole police station" is; either county tapped, the place is not asked', (typed, county, town) => {
    const r = type(atCounty(), typed);
    expect([typed, said(r), r.state.draft?.place, r.state.draft?.offered, r.state.draft?.town?.name, r.state.draft?.text]).toEqual([typed, ['county.place_kept_named'], typed, county, town, STORY]);
    expect(press(r.state, String(county)).state.draft).toMatchObject({ step: 'when', county, place: typed });
    // Thika Road and Ngong Road run through Nairobi: another county tapped keeps the place, not the town.
    const other = press(r.state, String(county === NAIROBI ? MOMBASA : NAIROBI)).state.draft;
    expect([other?.step, other?.place, other?.town]).toEqual(['when', typed, undefined]);
  });

  it.each(['Kayole', 'Thika', 'Kisumu', 'in Nairobi at Kayole', 'Niko Nairobi Kayole', 'Kayole Kamau'])('"%s" (a town, a county, or no word for a place): as before, no place kept', (typed) => {
    expect(type(atCounty(), typed).state.draft?.place).toBeUndefined();
  });
});

describe('more places of the kinds reporters type', () => {
  it.each([
    // An area by its name (Nairobi, Nakuru): "area" alone is no place.
    'Industrial Area',
    'Free Area',
    // Schools used as polling stations, by the words Kenyans name them with.
    'Olympic Primary',
    'Moi Girls',
    'Maseno Boys',
    'Moi Forces Academy',
    'Milimani Law Courts',
  ])('"%s", unasked or after "sijui": kept as the place, the story untouched', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
      const r = type(state, typed);
      expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, [key], typed, STORY]);
    }
  });

  it.each([['next to Kencom', 'next to Kencom'], ["next to the chief's camp", "next to the chief's camp"], ['Next to Naivas', 'Next to Naivas']])('"%s" is led into as "near Kencom" is: kept as the place', (typed, place) => {
    const r = type(atCounty(), typed);
    expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, ['county.place_kept'], place, STORY]);
  });

  it.each(['area', 'Area', 'my area', 'Girls', 'the boys', 'Boys', 'next', 'next week', 'next time', 'Peter high', 'grace academy'])('"%s": no place kept', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      const r = type(state, typed);
      expect([typed, r.state.draft?.place]).toEqual([typed, undefined]);
    }
  });
});

describe('a place named by letters or a number: "KNH" (Kenyatta National Hospital, Nairobi), "Section 58" (an estate in Nakuru)', () => {
  const NAKURU = 32;
  it.each([[NAIROBI, 'KNH'], [NAIROBI, 'at KNH'], [NAKURU, 'Section 58'], [NAKURU, 'section 58']] as const)('in county %i, "%s" is the place as written, then the date is asked', (county, typed) => {
    const r = type(atPlace(county), typed);
    expect([r.state.draft?.place, r.state.draft?.step, said(r)[0]]).toEqual([typed.replace(/^at /, ''), 'when', 'place.noted']);
  });

  it.each(['Section 58 jana', 'Section 58 juzi'])('"%s": the place as written, the day taken with it, no number read as a date', (typed) => {
    const r = type(atPlace(NAKURU), typed);
    expect([r.state.draft?.place, r.state.draft?.step]).toEqual(['Section 58', 'review']);
  });

  it.each([
    [NAKURU, 'Section 58 tarehe 12', 'Section 58'], [NAIROBI, 'Kayole tarehe 12', 'Kayole'], [NAIROBI, 'Kayole on the 12th', 'Kayole'],
    [NAIROBI, 'Kayole 12/11', 'Kayole'], [NAIROBI, 'Kayole jana', 'Kayole'],
  ] as const)('in county %i, "%s": the place without the day, the day taken with it', (county, typed, place) => {
    const r = type(atPlace(county), typed);
    const day = typed.endsWith('jana') ? Date.parse('2026-11-26T21:00:00Z') : Date.parse('2026-11-11T21:00:00Z');
    expect([r.state.draft?.place, r.state.draft?.incidentAt, r.state.draft?.step]).toEqual([place, day, 'review']);
  });

  it.each(['Section 9', 'Phase 2', 'Stage 12'])('"%s": a number after a place is its name, never a day', (typed) => {
    const r = type(atPlace(NAKURU), typed);
    expect([r.state.draft?.place, r.state.draft?.when, r.state.draft?.step]).toEqual([typed, undefined, 'when']);
  });

  it.each([['Polisi walinikamata Section 58 jana usiku', NAKURU], ['Police beat me outside KNH yesterday', NAIROBI]] as const)('told in the story ("%s"), the words are kept as written and the county, then the place, are asked', (story, county) => {
    const told = type({ draft: { id: ID, step: 'desc' as Step, kind: 'police', category: 'p_arrest', danger: false } }, story);
    expect([told.state.draft?.text, told.state.draft?.step]).toEqual([story, 'county']);
    expect(press(told.state, String(county)).state.draft).toMatchObject({ step: 'place', county, text: story });
  });
});
