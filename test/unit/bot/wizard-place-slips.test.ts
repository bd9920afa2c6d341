/**
 * Places and counties a reporter trips on, each a whole exchange as the reporter sees it (the
 * replies' text keys and buttons): a town of another county typed alone at "was anyone hurt?",
 * the county corrected or denied there, a sorry alone where the place is asked, and an estate
 * typed with its town where the county is asked.
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Polisi walimpiga kaka yangu kwa rungu nje ya soko.';
const NAIROBI = 47;
const NAKURU = 32;
const KAJIADO = 34;
const KISUMU = 42;
const BASE: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
const at = (s: Step, extra: Partial<Draft> = {}): WizardState => ({ draft: { ...BASE, step: s, ...extra } });
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'kind', value }, NOW);
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const said = (r: StepResult): string[] => r.replies.map((x: Reply) => (x.type === 'answer' ? 'answer' : x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));
const params = (r: StepResult, key: string) => r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts : [])).find((t) => t.key === key)?.params;
const lastKeyboard = (r: StepResult) => {
  const m = [...r.replies].reverse().find((x) => x.type === 'message');
  return m && m.type === 'message' ? m.keyboard : undefined;
};
const stepOf = (r: StepResult) => r.state.draft?.step;
/** "Nairobi" (or another county) typed at "was anyone hurt?": kept early, the question asked again. */
const keptAtHurt = (county: string) => type(at('hurt', { text: STORY }), county).state;

describe('a town of another county typed alone at "was anyone hurt?" after the county was kept ("Nairobi", then "Kitengela")', () => {
  it('takes the town as the place and the county back, says so, asks again; the county question then offers its county on top', () => {
    const r = type(keptAtHurt('Nairobi'), 'Kitengela');
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place, r.state.draft?.text]).toEqual([['injury.place_other_county', 'injury.hurt.ask'], 'hurt', undefined, 'Kitengela', STORY]);
    expect(params(r, 'injury.place_other_county')).toEqual({ place: 'Kitengela', county: { countyCode: NAIROBI } });
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt' });
    const county = press(r.state, 'none');
    expect([stepOf(county), said(county)]).toEqual(['county', ['answer', 'county.early_town+county.ask']]);
    expect(lastKeyboard(county)).toMatchObject({ type: 'county', suggestion: KAJIADO });
    expect(press(county.state, String(KAJIADO)).state.draft).toMatchObject({ step: 'when', county: KAJIADO, place: 'Kitengela' });
  });

  it('a town of the county kept ("Kayole") is the place in it, as before', () => {
    const r = type(keptAtHurt('Nairobi'), 'Kayole');
    expect([said(r), r.state.draft?.county, r.state.draft?.place]).toEqual([['injury.place_kept', 'injury.hurt.ask'], NAIROBI, 'Kayole']);
  });

  it.each(['wote', 'mwingi', 'rungus', 'Hola'])('"%s" (who was hurt, an everyday word, no town, a greeting) never moves the county', (words) => {
    const r = type(keptAtHurt('Nairobi'), words);
    expect([words, r.state.draft?.county, said(r).includes('injury.place_other_county')]).toEqual([words, NAIROBI, false]);
  });

  it('over a place kept already, a town alone is not taken for it', () => {
    const kayole = type(keptAtHurt('Nairobi'), 'Kayole').state;
    expect(type(kayole, 'Kitengela').state.draft).toMatchObject({ county: NAIROBI, place: 'Kayole' });
  });
});

describe('the county corrected at the injury questions ("sorry it was Kisumu")', () => {
  it.each(['sorry it was Kisumu', 'Sorry, it was Kisumu', 'sorry ilikuwa Kisumu', 'samahani ni Kisumu', 'sorry i meant Kisumu county'])(
    '"%s" after "Nairobi" was kept: the county is Kisumu, said so, the question asked again, nothing added to the story; then the place is asked in Kisumu',
    (words) => {
      const r = type(keptAtHurt('Nairobi'), words);
      expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place, r.state.draft?.text]).toEqual([['injury.county_kept', 'injury.hurt.ask'], 'hurt', KISUMU, undefined, STORY]);
      expect(params(r, 'injury.county_kept')).toEqual({ county: { countyCode: KISUMU } });
      expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt' });
      const next = press(r.state, 'none');
      expect([stepOf(next), said(next)]).toEqual(['place', ['answer', 'place.ask']]);
      expect(params(next, 'place.ask')).toEqual({ county: { countyCode: KISUMU } });
    },
  );

  it('after Back from the county question (the county given, not typed ahead): corrected as well, never the story', () => {
    const r = type(at('hurt', { text: STORY, county: NAIROBI }), 'sorry it was Kisumu');
    expect([said(r), r.state.draft?.county, r.state.draft?.text]).toEqual([['injury.county_kept', 'injury.hurt.ask'], KISUMU, STORY]);
  });

  it('at the P3 question too', () => {
    const p3 = { ...keptAtHurt('Nairobi').draft!, step: 'p3' as Step, injuries: { hurt: 'untreated' as const } };
    const r = type({ draft: p3 }, 'sorry it was Kisumu');
    expect([said(r), r.state.draft?.county, r.state.draft?.injuries]).toEqual([['injury.county_kept', 'injury.p3.ask'], KISUMU, { hurt: 'untreated' }]);
  });

  it('a town with the sorry is still the place meant ("sorry it was Kitengela": Kajiado asked after the questions)', () => {
    const r = type(keptAtHurt('Nairobi'), 'sorry it was Kitengela');
    expect([said(r), r.state.draft?.county, r.state.draft?.place]).toEqual([['injury.place_other_county', 'injury.hurt.ask'], undefined, 'Kitengela']);
  });
});

describe('the county kept early denied at the injury questions ("sio Nakuru")', () => {
  it.each(['sio Nakuru', 'Sio Nakuru', 'not Nakuru', 'not in Nakuru'])('"%s" after "Nakuru" was kept: the county taken back, said so, the question asked again; the county asked after the questions', (words) => {
    const r = type(keptAtHurt('Nakuru'), words);
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.countyEarly, r.state.draft?.text]).toEqual([['injury.county_not', 'injury.hurt.ask'], 'hurt', undefined, undefined, STORY]);
    expect(params(r, 'injury.county_not')).toEqual({ county: { countyCode: NAKURU } });
    expect(lastKeyboard(r)).toEqual({ type: 'injury', draftId: ID, step: 'hurt' });
    const county = press(r.state, 'none');
    expect([stepOf(county), said(county)]).toEqual(['county', ['answer', 'county.ask']]);
  });

  it('at the P3 question too', () => {
    const p3 = { ...keptAtHurt('Nakuru').draft!, step: 'p3' as Step, injuries: { hurt: 'untreated' as const } };
    const r = type({ draft: p3 }, 'sio Nakuru');
    expect([said(r), r.state.draft?.county, r.state.draft?.injuries]).toEqual([['injury.county_not', 'injury.p3.ask'], undefined, { hurt: 'untreated' }]);
  });
});

describe('a sorry alone where the place is asked ("sorry", "samahani")', () => {
  const atPlace = (): WizardState => at('place', { text: STORY, county: NAKURU, injuries: { hurt: 'none' } });

  it.each(['sorry', 'Sorry!', 'samahani', 'samahani sana', 'sori', 'pole', 'pole,', 'oops', 'my bad', 'nimekosea', 'sorry nimekosea'])(
    '"%s" is no place: a kind word that there is no hurry and Back changes the county, and the place asked again',
    (words) => {
      const r = type(atPlace(), words);
      expect([said(r), stepOf(r), r.state.draft?.place, r.state.draft?.county, r.state.draft?.text]).toEqual([['place.sorry', 'place.ask'], 'place', undefined, NAKURU, STORY]);
      expect(lastKeyboard(r)).toMatchObject({ type: 'place' });
      // The place typed next is taken as ever.
      expect(type(r.state, 'Pipeline stage').state.draft).toMatchObject({ step: 'when', place: 'Pipeline stage' });
    },
  );

  it('a sorry with the place after it is still the place ("sorry, ilikuwa Pipeline")', () => {
    expect(type(atPlace(), 'sorry, ilikuwa Pipeline').state.draft).toMatchObject({ step: 'when', place: 'Pipeline' });
  });
});

describe('an estate typed with its county where the county is asked ("Pipeline Nakuru")', () => {
  const atCounty = (): WizardState => at('county', { text: STORY, injuries: { hurt: 'none' } });

  it.each([
    ['Pipeline Nakuru', 'Pipeline', NAKURU],
    ['Pipeline, Nakuru', 'Pipeline', NAKURU],
    ['Manyatta Kisumu', 'Manyatta', KISUMU],
    ['Kaloleni Kisumu', 'Kaloleni', KISUMU],
    ['Kayole Nairobi', 'Kayole', NAIROBI],
  ])('"%s": the county offered, and once tapped the place is asked within "%s", which the place keeps', (words, estate, county) => {
    const r = type(atCounty(), words);
    expect([said(r), stepOf(r)]).toEqual([['county.named'], 'county']);
    expect(lastKeyboard(r)).toMatchObject({ type: 'county', suggestion: county });
    const tapped = press(r.state, String(county));
    expect([stepOf(tapped), said(tapped)]).toEqual(['place', ['answer', 'place.ask_town']]);
    expect(params(tapped, 'place.ask_town')).toEqual({ town: estate, county: { countyCode: county } });
    expect(type(tapped.state, 'near the stage').state.draft).toMatchObject({ step: 'when', county, place: `near the stage, ${estate}` });
  });

  it('"ndio" to the county offered keeps the estate as well', () => {
    const yes = type(type(atCounty(), 'Pipeline Nakuru').state, 'ndio');
    expect([stepOf(yes), said(yes), params(yes, 'place.ask_town')]).toEqual(['place', ['place.ask_town'], { town: 'Pipeline', county: { countyCode: NAKURU } }]);
  });

  it('words that are no estate before the county ("walinipiga Nakuru", "Mimi Nakuru") keep none', () => {
    for (const words of ['walinipiga Nakuru', 'mimi Nakuru', 'Chief Nakuru']) {
      const tapped = press(type(atCounty(), words).state, String(NAKURU));
      expect([words, said(tapped).at(-1)]).toEqual([words, 'place.ask']);
    }
  });
});

describe('a county the story names ("…huko Nakuru…") offered at the county question', () => {
  const told = (story: string) => type(at('desc', { category: 'p_bribery' }), story);

  it('is on top for one tap, with a line saying why; tapped, the place is asked in it', () => {
    const r = told('Polisi walinitaka hongo huko Nakuru jana usiku.');
    expect([stepOf(r), said(r)]).toEqual(['county', ['county.story_county+county.ask']]);
    expect(params(r, 'county.story_county')).toEqual({ county: { countyCode: NAKURU } });
    expect(lastKeyboard(r)).toEqual({ type: 'county', draftId: ID, page: 0, suggestion: NAKURU });
    const tapped = press(r.state, String(NAKURU));
    expect([stepOf(tapped), said(tapped), r.state.draft?.county]).toEqual(['place', ['answer', 'place.ask'], undefined]);
  });

  it('"hapa Kisumu" (here in Kisumu) names it too, as "in Kisumu" does', () => {
    const r = told('Polisi wamenipiga hapa Kisumu karibu na stage.');
    expect([stepOf(r), said(r), lastKeyboard(r)]).toEqual(['county', ['county.story_county+county.ask'], { type: 'county', draftId: ID, page: 0, suggestion: KISUMU }]);
  });

  it('"ndio" takes it, as a county offered', () => {
    const yes = type(told('They asked me for a bribe at a roadblock in Kisumu county.').state, 'ndio');
    expect([stepOf(yes), yes.state.draft?.county]).toEqual(['place', KISUMU]);
  });

  it.each([
    ['two counties', 'Walinikamata huko Nairobi wakanipeleka huko Nakuru.'],
    ['a road named after a county', 'Police stopped us at Mombasa road and asked for money.'],
    ['a county with no word of where', 'Polisi wa Nakuru walinitaka hongo.'],
  ])('none for %s: the question as before', (_why, story) => {
    const r = told(story);
    expect([stepOf(r), said(r), lastKeyboard(r)]).toEqual(['county', ['county.ask'], { type: 'county', draftId: ID, page: 0 }]);
  });
});

describe('an estate typed with another county where the place is asked ("Pipeline Nakuru" at "Where in Nairobi?")', () => {
  const atPlace = (extra: Partial<Draft> = {}): WizardState => at('place', { text: STORY, county: NAIROBI, injuries: { hurt: 'none' }, ...extra });

  it.each([
    ['Pipeline Nakuru', 'Pipeline', NAKURU],
    ['Pipeline, Nakuru', 'Pipeline', NAKURU],
    ['Kaloleni Kisumu', 'Kaloleni', KISUMU],
    ['Manyatta Kisumu', 'Manyatta', KISUMU],
  ])('"%s": that county taken and said so, and the place asked within "%s", as the county question takes them; the place keeps it', (words, estate, county) => {
    const r = type(atPlace(), words);
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place]).toEqual([['place.county_changed', 'place.ask_town'], 'place', county, undefined]);
    expect(params(r, 'place.county_changed')).toEqual({ county: { countyCode: county } });
    expect(params(r, 'place.ask_town')).toEqual({ town: estate, county: { countyCode: county } });
    const where = type(r.state, 'near the stage');
    expect(where.state.draft).toMatchObject({ step: 'when', county, place: `near the stage, ${estate}` });
    // The same words at the county question end in the same report.
    const atCounty = type(press(type(at('county', { text: STORY, injuries: { hurt: 'none' } }), words).state, String(county)).state, 'near the stage');
    expect([atCounty.state.draft?.county, atCounty.state.draft?.place]).toEqual([where.state.draft?.county, where.state.draft?.place]);
  });

  it('asked where in a town of the county ("Where in Kitengela exactly?"), or with the day after it, the same; Back returns to the county question', () => {
    const town = type(atPlace({ county: KAJIADO, town: { name: 'Kitengela', counties: [KAJIADO] } }), 'Pipeline Nakuru');
    expect([said(town), town.state.draft?.county, town.state.draft?.town]).toEqual([['place.county_changed', 'place.ask_town'], NAKURU, { name: 'Pipeline', counties: [NAKURU] }]);
    const day = type(atPlace(), 'Pipeline Nakuru jana usiku');
    expect([said(day), day.state.draft?.county, day.state.draft?.when, day.state.draft?.timeOfDay]).toEqual([['place.county_changed', 'place.ask_town'], NAKURU, 'yesterday', 'usiku']);
    expect(stepOf(press(town.state, 'back'))).toBe('county');
  });

  it('the county already chosen ("Kayole Nairobi"), words that are no estate ("walinipiga Nakuru"), or a town of another county ("Nyeri Nakuru") are read as before', () => {
    expect(type(atPlace(), 'Kayole Nairobi').state.draft).toMatchObject({ step: 'when', county: NAIROBI, place: 'Kayole Nairobi' });
    for (const words of ['walinipiga Nakuru', 'Nyeri Nakuru', 'Mombasa road']) {
      const r = type(atPlace(), words);
      expect([words, r.state.draft?.county, said(r).includes('place.county_changed')]).toEqual([words, NAIROBI, false]);
    }
  });
});

describe('another county, then a place of it, where the place is asked ("Kisumu, Kondele" at "Where in Nairobi?")', () => {
  const atPlace = (extra: Partial<Draft> = {}): WizardState => at('place', { text: STORY, county: NAIROBI, injuries: { hurt: 'none' }, ...extra });

  it.each([
    ['Kisumu, Kondele', 'Kondele', KISUMU],
    ['Kisumu Kondele', 'Kondele', KISUMU],
    ['Kisumu - Kondele', 'Kondele', KISUMU],
    ['ksm kondele', 'kondele', KISUMU],
    ['Nakuru, Pipeline', 'Pipeline', NAKURU],
    ['Kisumu, Kondele stage', 'Kondele stage', KISUMU],
  ])('"%s": that county taken and said so, and "%s" kept as the place in it, as the county question takes the same words', (words, place, county) => {
    const r = type(atPlace(), words);
    expect([said(r), stepOf(r), r.state.draft?.county, r.state.draft?.place]).toEqual([['place.county_changed', 'place.noted', 'when.ask'], 'when', county, place]);
    expect(params(r, 'place.county_changed')).toEqual({ county: { countyCode: county } });
    // The same words at the county question end in the same report.
    const atCounty = type(at('county', { text: STORY, injuries: { hurt: 'none' } }), words);
    expect([atCounty.state.draft?.county, atCounty.state.draft?.place]).toEqual([r.state.draft?.county, r.state.draft?.place]);
  });

  it('asked where in a town of the county ("Where in Kitengela exactly?"), or with the day after it, the same', () => {
    const town = type(atPlace({ county: KAJIADO, town: { name: 'Kitengela', counties: [KAJIADO] } }), 'Kisumu, Kondele');
    expect([said(town), town.state.draft?.county, town.state.draft?.town, town.state.draft?.place]).toEqual([['place.county_changed', 'place.noted', 'when.ask'], KISUMU, undefined, 'Kondele']);
    const day = type(atPlace(), 'Kisumu Kondele jana usiku');
    expect([said(day), day.state.draft?.county, day.state.draft?.place, day.state.draft?.when, day.state.draft?.timeOfDay]).toEqual([['place.county_changed', 'place.noted', 'review'], KISUMU, 'Kondele', 'yesterday', 'usiku']);
  });

  it('the county already chosen, a county named by a town, or words that are no place of that county are read as before', () => {
    for (const words of ['Nairobi, Kayole', 'Mombasa road', 'Kisumu ndogo', 'Thika, near the stage']) {
      const r = type(atPlace(), words);
      expect([words, said(r).includes('place.county_changed')]).toEqual([words, false]);
    }
    expect(type(atPlace(), 'Kisumu').state.draft?.fix).toMatchObject({ part: 'county', county: { code: KISUMU } });
  });
});

describe('fear, or the place withheld, where the place is asked ("naogopa sana", "I dont want to say")', () => {
  const atPlace = (): WizardState => at('place', { text: STORY, county: NAKURU, injuries: { hurt: 'none' } });

  it.each(['I dont want to say', "I don't want to say", 'sitaki kusema', 'siwezi sema naogopa', 'cant say im scared', 'naogopa sana', 'I am so scared', "I'd rather not say"])(
    '"%s" is no place: no exact spot needed, a place near it is enough, who reads it; the place asked again',
    (words) => {
      const r = type(atPlace(), words);
      expect([said(r), stepOf(r), r.state.draft?.place, r.state.draft?.text]).toEqual([['place.rather_not', 'place.ask'], 'place', undefined, STORY]);
      expect(type(r.state, 'Pipeline stage').state.draft).toMatchObject({ step: 'when', place: 'Pipeline stage' });
    },
  );

  it('fear alone where the county or the day is asked is answered, and the question asked again (it was "I do not know that county", "I could not read that date")', () => {
    for (const s of ['county', 'when'] as const) {
      const r = type(at(s, { text: STORY, county: s === 'when' ? NAKURU : undefined, place: s === 'when' ? 'Pipeline' : undefined }), 'naogopa sana');
      expect([s, said(r)[0], stepOf(r)]).toEqual([s, 'wizard.fear', s]);
    }
  });

  it('a place that tells what is feared or said is still the place or the story, as before ("Kwa Mama Lucy", "sitaki kusema uongo")', () => {
    expect(type(atPlace(), 'Kwa Mama Lucy').state.draft).toMatchObject({ step: 'when', place: 'Kwa Mama Lucy' });
    expect(said(type(atPlace(), 'sitaki kusema uongo'))).not.toContain('place.rather_not');
  });
});
