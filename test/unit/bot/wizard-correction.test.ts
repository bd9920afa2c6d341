/**
 * A correction typed at the review ("hapana ilikuwa jana", "wrong county, it was Nakuru"): the
 * reporter is asked whether to change that part, with the new value when it can be read, or taken
 * to its question when it cannot. Nothing changes without their tap, and words they chose not to
 * use for a change go to the story, as any detail remembered at the review does.
 */
import type { Draft } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import { countyNamedAtPlace, placeInsteadOf } from '../../../src/bot/wizard/correction';
import { electoralUnits } from '../../../src/bot/wizard/units';
import { COUNTIES, TOWNS, townOutsideCounty } from '../../../src/domain';
import type { Reply, StepResult, WizardInput, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z'); // 12:30 in Nairobi
const TODAY_EAT = Date.parse('2026-11-27T21:00:00Z'); // 28/11/2026 00:00 in Nairobi
const YESTERDAY_EAT = TODAY_EAT - 86_400_000;
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';
const NAKURU = 32;
const NYANDARUA = 18;
const SIAYA = 41;
const KISUMU = 42;

const reviewed = (extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'review', kind: 'police', category: 'p_bribery', danger: false, text: STORY, county: NAKURU, place: 'Naivasha road junction', when: 'today', incidentAt: TODAY_EAT, ...extra },
});
const run = (state: WizardState, input: WizardInput): StepResult => step(state, input, NOW);
const type = (state: WizardState, text: string, label?: 'back') => run(state, label ? { type: 'text', text, label } : { type: 'text', text });
const press = (state: WizardState, value: string, s = state.draft?.step ?? 'review') => run(state, { type: 'button', draftId: ID, step: s, value });

function said(r: StepResult): string[] {
  return r.replies.map((x: Reply) => (x.type === 'answer' ? (x.text ? `answer:${x.text.key}` : 'answer') : x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));
}
const lastMessage = (r: StepResult) => [...r.replies].reverse().find((x): x is Extract<Reply, { type: 'message' }> => x.type === 'message');

describe('a date corrected at the review with the wrong one named ("sorry ilikuwa tarehe 4 si 3", "si tarehe 3, ni tarehe 4", "10th August not 9th")', () => {
  it('asks whether to change the date to the new one (each went to the story, the date left wrong)', () => {
    const third = reviewed({ when: 'date', incidentAt: TODAY_EAT - 25 * 86_400_000 });
    for (const words of ['sorry ilikuwa tarehe 4 si 3', 'si tarehe 3, ni tarehe 4', 'it was the 4th not the 3rd', 'sorry it was 4th November not 3rd', 'not 3rd, 4th November']) {
      const r = type(third, words);
      expect([words, said(r), r.state.draft?.fix?.when?.incidentAt, r.state.draft?.text]).toEqual([words, ['review.fix_when'], TODAY_EAT - 24 * 86_400_000, STORY]);
    }
    // A count told with "not" is still the story.
    expect(said(type(third, 'they were 4 not 3 officers'))).toEqual(['desc.added', 'review']);
    // Days counted ("sio siku 2, ni siku 3": how long he was held) and a count before a day are the story (a review found the date asked again, the words lost).
    for (const words of ['sio siku 2, ni siku 3', 'hapana, siku 4', 'si siku 2 ni 3', 'sorry it was 3 yesterday']) expect([words, said(type(third, words))]).toEqual([words, ['desc.added', 'review']]);
  });
});

describe('a correction typed at the review names the date', () => {
  it.each(['hapana ilikuwa jana', 'no it was yesterday', 'Hapana, ilikuwa jana.', 'sio leo, ilikuwa jana', 'the date is wrong, it was yesterday', 'ooh sorry ilikuwa jana', 'eh samahani, ilikuwa jana'])(
    '"%s" asks whether to change the date to yesterday; nothing changes, nothing is added to the story',
    (words) => {
      const r = type(reviewed(), words);
      expect(said(r)).toEqual(['review.fix_when']);
      expect(lastMessage(r)?.texts[0].params).toEqual({ when: { key: 'review.fix_day.yesterday', params: { date: '27/11/2026' } } });
      expect(lastMessage(r)?.keyboard).toEqual({ type: 'fix', draftId: ID });
      expect(r.state.draft).toMatchObject({ step: 'review', when: 'today', incidentAt: TODAY_EAT, text: STORY });
      expect(r.effects).toEqual([]);
      // Yes: the date changes, the story stays as it was, and the review is shown again.
      const yes = press(r.state, 'fy');
      expect(said(yes)).toEqual(['answer', 'review']);
      expect(yes.state.draft).toMatchObject({ step: 'review', when: 'yesterday', incidentAt: YESTERDAY_EAT, text: STORY });
      expect(yes.state.draft?.fix).toBeUndefined();
    },
  );

  it.each(['haikuwa leo, ilikuwa jana', 'haikua leo ilikua jana', 'it wasnt today it was yesterday', "it wasn't today, it was yesterday", 'it was not today, it was yesterday'])(
    '"%s" (the old day denied first, "it wasn\'t") asks the same; it was only added to the story, the date left wrong',
    (words) => {
      const r = type(reviewed(), words);
      expect([words, said(r), lastMessage(r)?.texts[0].params]).toEqual([words, ['review.fix_when'], { when: { key: 'review.fix_day.yesterday', params: { date: '27/11/2026' } } }]);
    },
  );

  it('"no, add it to my story": the date stays and the words go to the story', () => {
    const asked = type(reviewed(), 'hapana ilikuwa jana');
    const no = press(asked.state, 'fn');
    expect(said(no)).toEqual(['answer', 'desc.added', 'review']);
    expect(no.state.draft).toMatchObject({ step: 'review', when: 'today', incidentAt: TODAY_EAT, text: `${STORY}\nhapana ilikuwa jana` });
    expect(no.state.draft?.fix).toBeUndefined();
    // Typed too: "ndio" changes it (it does not send the report), "hapana" keeps it.
    expect(type(asked.state, 'ndio')).toMatchObject({ effects: [], state: { draft: { when: 'yesterday', text: STORY } } });
    expect(type(asked.state, 'hapana').state.draft).toMatchObject({ when: 'today', text: `${STORY}\nhapana ilikuwa jana` });
  });

  it('a date that cannot be read opens the date question; its answer changes it, Back keeps it and adds the words', () => {
    for (const words of ['tarehe si sawa', 'the date is wrong', 'Nimekosea tarehe', 'sio sawa, tarehe si sahihi', 'wrong date']) {
      const r = type(reviewed(), words);
      expect([words, said(r), r.state.draft?.step, r.state.draft?.editing, r.state.draft?.text]).toEqual([words, ['when.ask'], 'when', true, STORY]);
      const answered = type(r.state, 'jana');
      expect([words, answered.state.draft]).toMatchObject([words, { step: 'review', when: 'yesterday', text: STORY }]);
      expect(answered.state.draft?.fix).toBeUndefined();
    }
    const back = press(type(reviewed(), 'tarehe si sawa').state, 'back');
    expect(said(back)).toEqual(['answer', 'desc.added', 'review']);
    expect(back.state.draft).toMatchObject({ step: 'review', when: 'today', text: `${STORY}\ntarehe si sawa` });
  });

  it('the date it already has is no correction: added to the story as before', () => {
    const r = type(reviewed({ when: 'yesterday', incidentAt: YESTERDAY_EAT }), 'hapana ilikuwa jana');
    expect(said(r)).toEqual(['desc.added', 'review']);
  });
});

describe('a correction typed at the review names the county', () => {
  it.each([
    ['Nimekosea kaunti, ni Nyandarua', NAKURU, NYANDARUA],
    ['wrong county, it was Nakuru', KISUMU, NAKURU],
    ['sio Kisumu, ni Siaya', KISUMU, SIAYA],
    ['kaunti si sawa ni Nyandarua', NAKURU, NYANDARUA],
    ['no, the county is Siaya', KISUMU, SIAYA],
  ])('"%s" asks whether to change the county; Yes asks the place in it, then the review', (words, from, to) => {
    const r = type(reviewed({ county: from }), words);
    expect(said(r)).toEqual(['review.fix_county']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: to } });
    expect(lastMessage(r)?.keyboard).toEqual({ type: 'fix', draftId: ID });
    expect(r.state.draft).toMatchObject({ step: 'review', county: from, place: 'Naivasha road junction', text: STORY });
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'place.ask']);
    expect(yes.state.draft).toMatchObject({ step: 'place', editing: true, county: to, text: STORY });
    const placed = type(yes.state, 'Soko la mjini');
    expect(placed.state.draft).toMatchObject({ step: 'review', county: to, place: 'Soko la mjini', text: STORY });
  });

  it('"no, add it to my story": the county stays and the words go to the story', () => {
    const no = press(type(reviewed(), 'Nimekosea kaunti, ni Nyandarua').state, 'fn');
    expect(said(no)).toEqual(['answer', 'desc.added', 'review']);
    expect(no.state.draft).toMatchObject({ step: 'review', county: NAKURU, place: 'Naivasha road junction', text: `${STORY}\nNimekosea kaunti, ni Nyandarua` });
  });

  it('a county said to be wrong without the right one opens the county question, the county given kept first', () => {
    for (const words of ['wrong county', 'kaunti si sahihi']) {
      const r = type(reviewed(), words);
      expect([words, said(r), r.state.draft?.step, r.state.draft?.editing]).toEqual([words, ['county.ask_edit'], 'county', true]);
    }
  });

  it('the place said to be wrong ("nimekosea mahali", "wrong place") asks the place again, the county kept; the answer leads back to the review', () => {
    for (const words of ['nimekosea mahali', 'wrong place', 'mahali si sawa', 'the place is wrong', 'sorry nimekosea mahali']) {
      const r = type(reviewed(), words);
      expect([words, said(r), r.state.draft?.step, r.state.draft?.editing, r.state.draft?.county, r.state.draft?.text]).toEqual([words, ['place.ask'], 'place', true, NAKURU, STORY]);
      const placed = type(r.state, 'Free Area');
      expect([words, said(placed)]).toEqual([words, ['place.noted', 'review']]);
      expect(placed.state.draft).toMatchObject({ step: 'review', county: NAKURU, place: 'Free Area', text: STORY });
    }
  });

  it.each(['sio Naivasha road ni Kayole', 'haikuwa Naivasha road, ni Kayole', "it wasn't Naivasha road it was Kayole", 'not Naivasha road, Kayole', 'si Naivasha road junction, ilikuwa Kayole'])(
    '"%s" (the place given denied first, then the new one) asks whether to change the place to Kayole; it was only added to the story',
    (words) => {
      const r = type(reviewed(), words);
      expect([words, said(r), lastMessage(r)?.texts[0].params]).toEqual([words, ['review.fix_place'], { place: 'Kayole' }]);
      expect(r.state.draft).toMatchObject({ place: 'Naivasha road junction', text: STORY });
    },
  );

  it.each([
    ['mahali ni Free Area', 'Free Area'],
    ['the place was Free Area', 'Free Area'],
    ['sorry the place was Thika Road near Roysambu', 'Thika Road near Roysambu'],
    ['place: Free Area', 'Free Area'],
    ['change the place to Free Area', 'Free Area'],
    ['badilisha mahali iwe kawangware 46', 'kawangware 46'],
    ['mahali si Naivasha road, ni Free Area', 'Free Area'],
  ] as const)('"%s" (the place named as the place) asks whether to change it to "%s"; it went to the story, or "what do you want to change?" dropped it', (words, place) => {
    const r = type(reviewed(), words);
    expect([words, said(r), lastMessage(r)?.texts[0].params]).toEqual([words, ['review.fix_place'], { place }]);
    expect(r.state.draft).toMatchObject({ place: 'Naivasha road junction', text: STORY });
  });

  it('the place given said again, or what is said of it ("eneo ni hatari sana", "the place was dark"), changes nothing', () => {
    for (const words of ['the place was Naivasha road junction', 'eneo ni hatari sana', 'the place was dark', 'mahali ni mbali', 'mahali si sawa']) expect([words, said(type(reviewed(), words))]).not.toEqual([words, ['review.fix_place']]);
  });

  it('a denial of something else is no place correction ("sio mimi ni yeye", "not me, my brother")', () => {
    for (const words of ['sio mimi ni yeye', 'not me, my brother']) expect([words, said(type(reviewed(), words))]).not.toEqual([words, ['review.fix_place']]);
  });

  it('the place said wrong after a town given for the county (Kitengela) asks the place afresh within the county, never "where in Kitengela exactly?"', () => {
    const r = type(reviewed({ county: 34, town: { name: 'Kitengela', counties: [34] }, place: 'Kitengela' }), 'nimekosea mahali');
    expect([said(r), r.state.draft?.step, r.state.draft?.county, r.state.draft?.town]).toEqual([['place.ask'], 'place', 34, undefined]);
    expect(type(r.state, 'Isinya').state.draft).toMatchObject({ step: 'review', county: 34, place: 'Isinya' });
  });

  it('the county corrected with where in it after a comma ("hapana ilikuwa Kisumu sio Nakuru, pale Kondele"): both offered in one question; Yes changes both (the words went to the story, the county left wrong)', () => {
    for (const [words, place] of [['hapana ilikuwa Kisumu sio Nakuru, pale Kondele', 'Kondele'], ['sorry it was Kisumu not Nakuru, near the Kondele roundabout', 'the Kondele roundabout']] as const) {
      const r = type(reviewed(), words);
      expect([words, said(r), lastMessage(r)?.texts[0].params]).toEqual([words, ['review.fix_town'], { town: place, county: { countyCode: KISUMU } }]);
      expect(r.state.draft).toMatchObject({ step: 'review', county: NAKURU, place: 'Naivasha road junction', text: STORY });
      const yes = press(r.state, 'fy');
      expect([words, said(yes), yes.state.draft?.step, yes.state.draft?.county, yes.state.draft?.place, yes.state.draft?.text]).toEqual([words, ['answer', 'review'], 'review', KISUMU, place, STORY]);
      const no = press(r.state, 'fn');
      expect(no.state.draft).toMatchObject({ county: NAKURU, place: 'Naivasha road junction', text: `${STORY}\n${words}` });
    }
    // A place with a number or a possessive is a place ("kule Githurai 45", "at the chief's office").
    for (const [words, place] of [['ilikuwa Kisumu, kule Kondele 45', 'Kondele 45'], ["it was Kisumu, at the chief's office", "the chief's office"]] as const) {
      expect([words, said(type(reviewed(), words)), lastMessage(type(reviewed(), words))?.texts[0].params]).toEqual([words, ['review.fix_town'], { town: place, county: { countyCode: KISUMU } }]);
    }
    // Words after the comma that are no place are not offered as one (a review found each offered, and Yes wrote it to the report).
    for (const words of ['sorry it was Kisumu, at around 8', 'sorry it was Kisumu, at least I think so', 'ilikuwa Kisumu, hapo sina uhakika', 'sorry ni Kisumu, pale walinipiga', 'sorry it was Kisumu, in December', 'sorry it was Kisumu, at midnight']) {
      expect([words, said(type(reviewed(), words))]).not.toEqual([words, ['review.fix_town']]);
    }
    // A time after the comma is no place; "wait" leads a place corrected as "sorry" does.
    expect(said(type(reviewed(), 'sorry it was Kisumu, in the evening'))).not.toContain('review.fix_town');
    expect([said(type(reviewed(), 'wait ilikuwa Thika road sio Naivasha road junction')), lastMessage(type(reviewed(), 'wait ilikuwa Thika road sio Naivasha road junction'))?.texts[0].params]).toEqual([['review.fix_place'], { place: 'Thika road' }]);
  });

  it('the place said wrong with the new one ("nimekosea mahali, ni Free Area"): asked whether to change the place to it; Yes changes it, the county kept', () => {
    for (const [words, place] of [['nimekosea mahali, ni Free Area', 'Free Area'], ['wrong place, it was near the Shell petrol station', 'near the Shell petrol station']] as const) {
      const r = type(reviewed(), words);
      expect([words, said(r), lastMessage(r)?.texts[0].params, lastMessage(r)?.keyboard]).toEqual([words, ['review.fix_place'], { place }, { type: 'fix', draftId: ID }]);
      expect(r.state.draft).toMatchObject({ step: 'review', place: 'Naivasha road junction', text: STORY });
      const yes = press(r.state, 'fy');
      expect([words, said(yes)]).toEqual([words, ['answer', 'review']]);
      expect(yes.state.draft).toMatchObject({ step: 'review', county: NAKURU, place, text: STORY });
      // No: the place stays, and the words go to the story.
      expect(press(r.state, 'fn').state.draft).toMatchObject({ place: 'Naivasha road junction', text: `${STORY}\n${words}` });
    }
  });

  it('the county and the day corrected together ("sorry ni juzi Kisumu"): both asked about in one question; Yes changes both', () => {
    const r = type(reviewed(), 'sorry ni juzi Kisumu');
    expect(said(r)).toEqual(['review.fix_county_when']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: KISUMU }, when: '26/11/2026' });
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'place.ask']);
    expect(yes.state.draft).toMatchObject({ step: 'place', county: KISUMU, when: 'date', incidentAt: YESTERDAY_EAT - 86_400_000, text: STORY });
    expect(type(yes.state, 'Kondele').state.draft).toMatchObject({ step: 'review', county: KISUMU, place: 'Kondele', when: 'date', incidentAt: YESTERDAY_EAT - 86_400_000 });
  });

  it('the day said with its hour and the county ("sorry ni juzi saa nne usiku Kisumu", "juzi saa nne usiku Kisumu"): both asked about, the hour kept with the day', () => {
    for (const words of ['sorry ni juzi saa nne usiku Kisumu', 'juzi saa nne usiku Kisumu', 'pole ilikuwa jana saa tatu asubuhi Kisumu']) {
      const r = type(reviewed(), words);
      expect([words, said(r)]).toEqual([words, ['review.fix_county_when']]);
      const yes = press(r.state, 'fy');
      expect([words, yes.state.draft?.county, yes.state.draft?.timeOfDay]).toEqual([words, KISUMU, words.includes('juzi') ? 'saa nne usiku' : 'saa tatu asubuhi']);
    }
  });

  it('Send tapped on the summary while the question waits: the words go to the story, the county does not change', () => {
    const asked = type(reviewed(), 'Nimekosea kaunti, ni Nyandarua');
    const sent = press(asked.state, 'sa');
    expect(sent.effects).toEqual([expect.objectContaining({ type: 'submit', report: expect.objectContaining({ county: NAKURU, description: { text: `${STORY}\nNimekosea kaunti, ni Nyandarua` } }) })]);
    // The question's buttons once it is settled: answered as an older message, nothing changed.
    const late = press({ draft: { ...asked.state.draft!, fix: undefined } }, 'fy');
    expect(late.state.draft?.county).toBe(NAKURU);
  });
});

describe('a place corrected at the review, with a day or what was done said with it', () => {
  it('"wrong place, I was at the stage jana": the place and the day asked about in one question; Yes changes both, No keeps both and the words go to the story', () => {
    const r = type(reviewed(), 'wrong place, I was at the stage jana');
    expect([said(r), lastMessage(r)?.texts[0].params, lastMessage(r)?.keyboard]).toEqual([
      ['review.fix_place_when'],
      { place: 'the stage', when: { key: 'review.fix_day.yesterday', params: { date: '27/11/2026' } } },
      { type: 'fix', draftId: ID },
    ]);
    expect(r.state.draft).toMatchObject({ step: 'review', place: 'Naivasha road junction', when: 'today', text: STORY });
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'review']);
    expect(yes.state.draft).toMatchObject({ step: 'review', county: NAKURU, place: 'the stage', when: 'yesterday', incidentAt: YESTERDAY_EAT, text: STORY });
    expect(press(r.state, 'fn').state.draft).toMatchObject({ place: 'Naivasha road junction', when: 'today', text: `${STORY}\nwrong place, I was at the stage jana` });
  });

  it('"nimekosea mahali, ilikuwa stage jana usiku": the time of day is asked about and kept with the day', () => {
    const r = type(reviewed(), 'nimekosea mahali, ilikuwa stage jana usiku');
    expect([said(r), lastMessage(r)?.texts[0].params]).toEqual([
      ['review.fix_place_when_time'],
      { place: 'stage', when: { key: 'review.fix_day.yesterday', params: { date: '27/11/2026' } }, time: 'usiku' },
    ]);
    expect(press(r.state, 'fy').state.draft).toMatchObject({ place: 'stage', when: 'yesterday', incidentAt: YESTERDAY_EAT, timeOfDay: 'usiku', text: STORY });
  });

  it('the day and what was done, both said with the new place: one question for the place and the day; Yes changes both and adds what was done', () => {
    const r = type(reviewed(), 'wrong place, I was at the stage jana when they beat me');
    expect(said(r)).toEqual(['review.fix_place_when']);
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'desc.added', 'review']);
    expect(yes.state.draft).toMatchObject({ place: 'the stage', when: 'yesterday', incidentAt: YESTERDAY_EAT, text: `${STORY}\nI was at the stage jana when they beat me` });
  });

  it('the day said with the new place is the one given already: only the place is asked about', () => {
    const r = type(reviewed(), 'wrong place, I was at the stage today');
    expect([said(r), lastMessage(r)?.texts[0].params]).toEqual([['review.fix_place'], { place: 'the stage' }]);
    expect(press(r.state, 'fy').state.draft).toMatchObject({ place: 'the stage', when: 'today', incidentAt: TODAY_EAT, text: STORY });
  });

  it.each([
    ['wrong place, I was at the stage when they beat me', 'the stage', 'I was at the stage when they beat me'],
    ['nimekosea mahali, nilikuwa stage walipompiga', 'stage', 'nilikuwa stage walipompiga'],
  ])('"%s": the place "%s" asked about; Yes changes it and adds what was done to the story, No keeps the place and adds the words', (words, place, told) => {
    const r = type(reviewed(), words);
    expect([said(r), lastMessage(r)?.texts[0].params]).toEqual([['review.fix_place'], { place }]);
    expect(r.state.draft).toMatchObject({ place: 'Naivasha road junction', text: STORY });
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'desc.added', 'review']);
    expect(yes.state.draft).toMatchObject({ step: 'review', place, text: `${STORY}\n${told}` });
    expect(press(r.state, 'fn').state.draft).toMatchObject({ place: 'Naivasha road junction', text: `${STORY}\n${words}` });
    // Send tapped instead: the words, all of them, go to the story.
    expect(press(r.state, 'sa').effects).toEqual([expect.objectContaining({ report: expect.objectContaining({ description: { text: `${STORY}\n${words}` } }) })]);
  });
});

describe('corrections, further', () => {
  it('a time typed with the day is kept and said: "hapana ilikuwa jana usiku"', () => {
    const r = type(reviewed(), 'hapana ilikuwa jana usiku');
    expect(said(r)).toEqual(['review.fix_when_time']);
    expect(press(r.state, 'fy').state.draft).toMatchObject({ when: 'yesterday', timeOfDay: 'usiku', text: STORY });
  });

  it('a date written with slashes is read as typed: "hapana, tarehe ni 25/11/2026"', () => {
    const r = type(reviewed(), 'hapana, tarehe ni 25/11/2026');
    expect(lastMessage(r)?.texts[0]).toEqual({ key: 'review.fix_when', params: { when: '25/11/2026' } });
    expect(press(r.state, 'fy').state.draft).toMatchObject({ when: 'date', incidentAt: TODAY_EAT - 3 * 86_400_000, text: STORY });
  });

  it('a town named ("wrong place, it was Kitengela") offers the town in its county; Yes asks where in it', () => {
    const r = type(reviewed(), 'wrong place, it was Kitengela');
    expect(said(r)).toEqual(['review.fix_town']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ town: 'Kitengela', county: { countyCode: 34 } });
    const yes = press(r.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'place.ask_town']);
    expect(yes.state.draft).toMatchObject({ step: 'place', county: 34, editing: true });
  });

  it('the county said to be the wrong one ("sio Nyandarua") is never offered as the right one', () => {
    const r = type(reviewed(), 'sio Nyandarua');
    expect(said(r)).toEqual(['county.ask_edit']);
    expect(r.state.draft).toMatchObject({ step: 'county', county: NAKURU });
  });

  it('Back on the review, or more words typed, while the question waits: the words go to the story, nothing changes', () => {
    const asked = type(reviewed(), 'no it was yesterday');
    const back = press(asked.state, 'back');
    expect(back.state.draft).toMatchObject({ step: 'when', when: 'today', text: `${STORY}\nno it was yesterday` });
    expect(back.state.draft?.fix).toBeUndefined();
    const more = type(asked.state, 'They also took my phone and my ID card');
    expect(said(more)).toEqual(['desc.added', 'desc.added', 'review']);
    expect(more.state.draft).toMatchObject({ when: 'today', text: `${STORY}\nno it was yesterday\nThey also took my phone and my ID card` });
    expect(type(asked.state, 'tuma').effects).toEqual([expect.objectContaining({ type: 'submit', report: expect.objectContaining({ when: 'today' }) })]);
  });
});

describe('what is not a correction goes to the story as before', () => {
  it.each(['I forgot to say they had guns', 'pia walichukua simu', 'hapana, walirudi jana usiku wakampiga tena', 'no they came back from Nakuru with more men', 'Sawa pia walichukua simu yangu'])(
    '"%s" is added to the story',
    (words) => {
      const r = type(reviewed(), words);
      expect(said(r)).toEqual(['desc.added', 'review']);
      expect(r.state.draft).toMatchObject({ step: 'review', county: NAKURU, when: 'today', text: `${STORY}\n${words}` });
    },
  );

  it('"walikuwa wanne" (two words) is no correction: how many they were, added to the story; nothing else changed', () => {
    const r = type(reviewed(), 'walikuwa wanne');
    expect(said(r)).toEqual(['desc.added', 'review']);
    expect(r.state.draft).toMatchObject({ county: NAKURU, when: 'today', text: `${STORY}\nwalikuwa wanne` });
  });
});

describe('the county corrected away from, named after "not", "si" or "sio"', () => {
  it.each([
    ['Sorry it was Kisumu not Nakuru', KISUMU],
    ['samahani ilikuwa Kisumu si Nakuru', KISUMU],
    ['sio Nakuru, ni Kisumu', KISUMU],
    ['it was Kisumu, not Nakuru', KISUMU],
    ['ilikuwa Siaya sio Nakuru', SIAYA],
    ['wrong county it was Kisumu not Nakuru', KISUMU],
    ['Kisumu, not Nakuru', KISUMU],
    ['Kisumu si Nakuru', KISUMU],
  ])('"%s" offers the county named as the right one, never the one it corrects', (words, to) => {
    const r = type(reviewed({ county: NAKURU }), words);
    expect(said(r)).toEqual(['review.fix_county']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: to } });
    expect(r.state.draft).toMatchObject({ step: 'review', county: NAKURU, text: STORY });
    expect(press(r.state, 'fy').state.draft).toMatchObject({ step: 'place', county: to });
  });

  it('the same for the day: "it was yesterday not today", "ilikuwa jana si leo"', () => {
    for (const words of ['it was yesterday not today', 'ilikuwa jana si leo', 'jana, sio leo']) {
      const r = type(reviewed(), words);
      expect([words, said(r)]).toEqual([words, ['review.fix_when']]);
      expect(press(r.state, 'fy').state.draft).toMatchObject({ when: 'yesterday', text: STORY });
    }
  });

  it('"it was Nakuru not Kisumu" while the report says Nakuru already: no change offered, kept in the story', () => {
    const r = type(reviewed({ county: NAKURU }), 'it was Nakuru not Kisumu');
    expect(r.state.draft?.fix?.county).toBeUndefined();
    expect(r.state.draft?.county).toBe(NAKURU);
  });
});

describe('the part named with its new answer, without a word that says "wrong"', () => {
  it.each([
    ['kaunti ni Kisumu', KISUMU],
    ['the county is Kisumu', KISUMU],
    ['county: Siaya', SIAYA],
  ])('"%s" offers that county; it was added to the story and the report kept Nakuru', (words, to) => {
    const r = type(reviewed({ county: NAKURU }), words);
    expect(said(r)).toEqual(['review.fix_county']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: to } });
  });

  it('"tarehe ni jana" offers yesterday; "the county is Nakuru" (already so) and a story are not read so', () => {
    expect(said(type(reviewed(), 'tarehe ni jana'))).toEqual(['review.fix_when']);
    expect(said(type(reviewed({ county: NAKURU }), 'the county is Nakuru'))).not.toContain('review.fix_county');
    expect(said(type(reviewed(), 'the place was a bar in Kisumu where they drink'))).toEqual(['desc.added', 'review']);
  });
});

describe('a new county or day typed alone, or after "it was", at the review', () => {
  it.each([['ilikuwa Kisumu'], ['sorry ni Kisumu'], ['Kisumu'], ['it was Kisumu']])('"%s" asks whether to change the county to Kisumu (it was "not understood", or went to the story)', (words) => {
    const r = type(reviewed({ county: NAKURU }), words);
    expect(said(r)).toEqual(['review.fix_county']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: KISUMU } });
  });

  it('a story line that names a county is still the story', () => {
    expect(said(type(reviewed(), 'they came from Kisumu with more men'))).toEqual(['desc.added', 'review']);
  });

  it.each(['it was in Kisumu actually', 'ilikuwa Kisumu kumbe', 'it was Kisumu, sorry'])('"%s": the word after the county is no part of it; asks whether to change to Kisumu (it opened the county question, Kisumu lost)', (words) => {
    const r = type(reviewed({ county: NAKURU }), words);
    expect(said(r)).toEqual(['review.fix_county']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ county: { countyCode: KISUMU } });
  });
});

describe('countyNamedAtPlace: another county named where the place is asked (Nakuru chosen)', () => {
  const d = { county: NAKURU };
  it.each([
    ['Kisumu', KISUMU],
    ['ksm', KISUMU],
    ['ni Kisumu', KISUMU],
    ['ilikuwa Kisumu', KISUMU],
    ['it was in Siaya', SIAYA],
    ['Siaya county', SIAYA],
    ['Nyandarua kumbe', NYANDARUA],
  ])('"%s": county %i', (words, code) => {
    expect(countyNamedAtPlace(words, d, NOW)).toBe(code);
  });

  it.each(['Nakuru', 'ni Nakuru', 'Nakuru town', 'Naivasha', 'Kitengela', 'Kisumu road', 'Kisumu ndogo', 'they came from Kisumu', 'jana Kisumu', 'sijui', ''])('"%s": none (the county chosen, a town, a place or a story)', (words) => {
    expect(countyNamedAtPlace(words, d, NOW)).toBeUndefined();
  });

  it('a ward or constituency of the chosen county by that name is a place: "Nzoia" in Kakamega (a ward), never Trans Nzoia', () => {
    expect(countyNamedAtPlace('Nzoia', { county: 37 }, NOW, electoralUnits())).toBeUndefined();
    expect(countyNamedAtPlace('Tharaka', { county: 15 }, NOW, electoralUnits())).toBeUndefined();
    // Elsewhere the same names are the counties' own.
    expect(countyNamedAtPlace('Nzoia', { county: NAKURU }, NOW, electoralUnits())).toBe(26);
    expect(countyNamedAtPlace('Kisumu', { county: SIAYA }, NOW, electoralUnits())).toBe(KISUMU);
  });
});

describe('where the place is asked, a county named (countyNamedAtPlace) and a town of another county (townOutsideCounty) never both ask', () => {
  it('every known town, every county name and short form, at every county: at most one of the two', () => {
    const names = [...TOWNS.map((t) => t.name), ...COUNTIES.map((c) => c.name), 'Nairobi', 'nrb', 'msa', 'ksm', 'Taveta', 'Thika town', 'Githurai 45'];
    for (const name of names) {
      for (const c of COUNTIES) {
        const both = countyNamedAtPlace(name, { county: c.code }, NOW, electoralUnits()) !== undefined && townOutsideCounty(name, c.code, electoralUnits()) !== undefined;
        expect([name, c.code, both]).toEqual([name, c.code, false]);
      }
    }
  });
});

describe('"nimeandika kaunti vibaya" (I wrote the county wrongly)', () => {
  it('at the review, opens the county question (the county given kept first); at the place question, asks the county again', () => {
    for (const words of ['nimeandika kaunti vibaya', 'niliandika county vibaya', 'nimechagua kaunti vibaya', 'Nimeweka kaunti vibaya']) {
      const r = type(reviewed(), words);
      expect([words, said(r), r.state.draft?.step, r.state.draft?.editing, r.state.draft?.text]).toEqual([words, ['county.ask_edit'], 'county', true, STORY]);
      const atPlace = type({ draft: { ...reviewed().draft!, step: 'place', place: undefined, when: undefined, incidentAt: undefined } }, words);
      expect([words, atPlace.state.draft?.step, atPlace.state.draft?.place]).toEqual([words, 'county', undefined]);
    }
  });

  it('"vibaya" alone is no correction: "walinigusa vibaya" (touched me wrongly) is the story, never a county asked again', () => {
    for (const words of ['walinigusa vibaya', 'alinishika vibaya', 'walituongelesha vibaya sana']) {
      const r = type(reviewed(), words);
      expect([words, said(r), r.state.draft?.text]).toEqual([words, ['desc.added', 'review'], `${STORY}\n${words}`]);
    }
  });
});

describe('two words that tell what was done, at the review', () => {
  it.each(['pia walinipiga', 'wakanichapa tena', 'they arrested'])('"%s" is added to the story; it was "not understood" and lost', (words) => {
    const r = type(reviewed(), words);
    expect(said(r)).toEqual(['desc.added', 'review']);
    expect(r.state.draft?.text).toBe(`${STORY}\n${words}`);
  });
});

describe('the new place said instead of the one given (placeInsteadOf)', () => {
  it.each([
    ['samahani ni Kayole si Umoja', 'Umoja stage', 'Kayole'],
    ['sorry it was Free Area not Naivasha road', 'Naivasha road junction', 'Free Area'],
    ["hapana ilikuwa stage ya Mololine, si Free Area.", 'Free Area', 'stage ya Mololine'],
  ])('%j (given %j) is %j', (typed, given, place) => {
    expect(placeInsteadOf(typed, given)).toEqual({ place });
  });

  it.each([
    // The place after "si" is not the one given, there is none, or nothing leads to the new one.
    ['samahani ni Kayole si Umoja', 'Kondele'],
    ['samahani ni Kayole si Umoja', undefined],
    ['walinipiga si mara moja', 'mara moja stage'],
    ['ni mimi si yeye', 'Umoja'],
    // A denial of something else, or "not only" the place given: no new place.
    ['Not the exact date, around last week', 'outside the police station'],
    ["it wasn't the first time", 'outside the police station'],
    ['not the whole day, only in the evening', 'outside the police station'],
    ['sio Kayole tu', 'Kayole stage'],
    ['Haikuwa Kayole pekee', 'Kayole stage'],
    ['si nyumbani kwangu tu, hata kazini', 'nyumbani kwangu'],
  ])('%j (given %j) is no correction', (typed, given) => {
    expect(placeInsteadOf(typed, given)).toBeUndefined();
  });
});

describe('a category correction typed at the review ("si hongo ni kupigwa", "not a bribe, they beat me")', () => {
  it.each([
    ['si hongo ni kupigwa', 'p_bribery', 'p_force'],
    ['not a bribe, they beat me', 'p_bribery', 'p_force'],
    ['it was not arrest it was bribery', 'p_arrest', 'p_bribery'],
    ['hapana, haikuwa hongo, walinikamata', 'p_bribery', 'p_arrest'],
  ] as const)('%j asks whether to change the category; nothing changes until Yes', (words, from, to) => {
    const r = type(reviewed({ category: from }), words);
    expect(said(r)).toEqual(['review.fix_category']);
    expect(lastMessage(r)?.texts[0].params).toEqual({ category: { key: `common:categoryButton.${to}` } });
    expect(lastMessage(r)?.keyboard).toEqual({ type: 'fix', draftId: ID });
    expect(r.state.draft).toMatchObject({ step: 'review', category: from, text: STORY });
  });

  it('Yes to brutality: the category changes, the words stay in the story, and "was anyone hurt?" is asked before the review', () => {
    const asked = type(reviewed(), 'si hongo ni kupigwa');
    const yes = press(asked.state, 'fy');
    expect(said(yes)).toEqual(['answer', 'desc.added', 'injury.hurt.ask']);
    expect(yes.state.draft).toMatchObject({ step: 'hurt', category: 'p_force', text: `${STORY}\nsi hongo ni kupigwa` });
    // Answered, back to the review (no second question about a medical form unless someone was hurt).
    const none = type(yes.state, 'hapana');
    expect(none.state.draft).toMatchObject({ step: 'review', category: 'p_force' });
  });

  it('Yes to an arrest (no injury question): straight back to the review, the words in the story', () => {
    const yes = press(type(reviewed(), 'hapana, haikuwa hongo, walinikamata').state, 'fy');
    expect(said(yes)).toEqual(['answer', 'desc.added', 'review']);
    expect(yes.state.draft).toMatchObject({ step: 'review', category: 'p_arrest', text: `${STORY}\nhapana, haikuwa hongo, walinikamata` });
  });

  it('No keeps the category and adds the words to the story', () => {
    const no = press(type(reviewed(), 'not a bribe, they beat me').state, 'fn');
    expect(said(no)).toEqual(['answer', 'desc.added', 'review']);
    expect(no.state.draft).toMatchObject({ step: 'review', category: 'p_bribery', text: `${STORY}\nnot a bribe, they beat me` });
  });

  it.each([
    // Another category said not to have happened is the story, not a correction; so are words that name no old one.
    'they did not arrest me, they beat me',
    'hapana walinipiga pia',
    'they also beat me',
  ])('%j is added to the story, the category kept', (words) => {
    const r = type(reviewed(), words);
    expect(said(r)).not.toContain('review.fix_category');
    expect(r.state.draft?.category).toBe('p_bribery');
  });
});

describe('the category said not to be it, with no other named ("si hongo", "not a bribe")', () => {
  it.each(['si hongo', 'Sio hongo!', 'not a bribe', 'it was not a bribe'])('%j opens the category list to choose the right one; the words are not the story', (words) => {
    const r = type(reviewed(), words);
    expect(said(r)).toEqual(['category.ask']);
    expect(lastMessage(r)?.keyboard).toEqual({ type: 'category', draftId: ID, kind: 'police' });
    expect(r.state.draft).toMatchObject({ step: 'cat', category: 'p_bribery', text: STORY });
    // The one chosen there replaces it, and the review comes back.
    const chosen = press(r.state, 'p_arrest');
    expect(chosen.state.draft).toMatchObject({ step: 'review', category: 'p_arrest', text: STORY });
  });

  it.each([
    // Another category denied, the amount corrected, a new one named: not this.
    'si kukamatwa',
    'hongo si 500 ni 1000',
    'not a bribe, they beat me',
  ])('%j does not open the list', (words) => {
    const r = type(reviewed(), words);
    expect(r.state.draft?.step).toBe('review');
  });
});
