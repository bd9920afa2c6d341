/**
 * What the place question says back, read as the reporter reads it (English and Swahili): the
 * place kept is said to be "as you wrote it" only when it is exactly what they typed.
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';
import { Translator, type Lang } from '../../../src/i18n';
import { matchCounty } from '../../../src/domain';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';
const NAKURU = 32;
const KIAMBU = 22;

const atPlace = (county: number, extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'place' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, county, ...extra },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'place', value }, NOW);
/** A Yes or No to "Change the county to …?": tapped ("fy", "fn") or typed. */
const answer = (state: WizardState, reply: string) => (reply === 'fy' || reply === 'fn' ? press(state, reply) : type(state, reply));

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

/** The place reply ("📍 …") as the reporter reads it. */
function placeLine(r: StepResult, lang: Lang): string | undefined {
  const texts = r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts : []));
  const kept = texts.find((t) => t.key.startsWith('place.kept'));
  return kept && translator.t(lang, `bot:${kept.key}`, kept.params);
}

const AS_TYPED: Record<Lang, string> = { en: 'as you wrote it', sw: 'kama ulivyoandika' };
const CHANGE_LATER: Record<Lang, string> = { en: 'You can change it at the end, before sending.', sw: 'Unaweza kubadilisha mahali mwishoni, kabla ya kutuma ripoti.' };

describe.each(['en', 'sw'] as const)('the place kept after "Change the county?" (%s)', (lang) => {
  it.each([
    // Lead words dropped: the place is not what they typed.
    ['Nakuru', 'ni Thika', 'fn', 'Thika', NAKURU],
    ['Nakuru', 'it was in Thika', 'hapana', 'Thika', NAKURU],
    ['Nakuru', 'ni Thika', 'fy', 'Thika', NAKURU],
    ['Nakuru', 'it was in Thika', 'yes', 'Thika', NAKURU],
    ['Kiambu', 'ilikuwa Nairobi', 'fn', 'Nairobi', KIAMBU],
    ['Kiambu', 'it was in Nairobi', 'no', 'Nairobi', KIAMBU],
    ['Nakuru', 'ilikuwa pale Kayole', 'hapana', 'Kayole', NAKURU],
  ])('at "Where in %s?", "%s" then %s: the place is "%s", never said to be as typed', (_name, typed, reply, place, county) => {
    const asked = type(atPlace(county), typed);
    expect(asked.state.draft?.fix?.county).toBeDefined();
    const r = answer(asked.state, reply);
    expect(r.state.draft?.place).toBe(place);
    const line = placeLine(r, lang);
    expect(line).toContain(`“${place}”`);
    expect(line).toContain(CHANGE_LATER[lang]);
    expect(line).not.toContain(AS_TYPED[lang]);
  });

  it.each([
    ['Nakuru', 'Thika', 'fn', NAKURU],
    ['Nakuru', 'Thika', 'fy', NAKURU],
    ['Kiambu', 'Nairobi', 'hapana', KIAMBU],
    ['Kiambu', 'Nakuru', 'fn', KIAMBU],
  ])('at "Where in %s?", "%s" then %s: the place is what they typed, said so, as before', (_name, typed, reply, county) => {
    const r = answer(type(atPlace(county), typed).state, reply);
    expect(r.state.draft?.place).toBe(typed);
    expect(placeLine(r, lang)).toContain(`“${typed}”, ${AS_TYPED[lang]}.`);
  });

  it('"ni Githurai 45" at "Where in Nakuru?" (a town in two counties), Yes, then Kiambu tapped: "Githurai 45", never said to be as typed', () => {
    const yes = press(type(atPlace(NAKURU), 'ni Githurai 45').state, 'fy');
    expect(yes.state.draft?.step).toBe('county');
    const tapped = press(yes.state, String(KIAMBU));
    expect(tapped.state.draft).toMatchObject({ county: KIAMBU, place: 'Githurai 45', step: 'when' });
    expect(placeLine(tapped, lang)).not.toContain(AS_TYPED[lang]);
    // Typed without a lead, it is said as typed, as before.
    const plain = press(press(type(atPlace(NAKURU), 'Githurai 45').state, 'fy').state, String(KIAMBU));
    expect(placeLine(plain, lang)).toContain(AS_TYPED[lang]);
  });
});

describe.each(['en', 'sw'] as const)('a place typed at the county question, kept once the county is given (%s)', (lang) => {
  const atCounty: WizardState = { draft: { id: ID, step: 'county', kind: 'police', category: 'p_bribery', danger: false, text: STORY } };

  it('"near the stage", then Nakuru tapped: the place as typed, said so', () => {
    const r = press(type(atCounty, 'near the stage').state, String(NAKURU));
    expect(r.state.draft?.place).toBe('near the stage');
    expect(placeLine(r, lang)).toContain(`“near the stage”, ${AS_TYPED[lang]}.`);
  });

  it('"near the stage", then "Kitengela" (a town): the town added ("near the stage, Kitengela"), so not said to be as typed', () => {
    const r = type(type(atCounty, 'near the stage').state, 'Kitengela');
    expect(r.state.draft?.place).toBe('near the stage, Kitengela');
    const line = placeLine(r, lang);
    expect(line).toContain('“near the stage, Kitengela”');
    expect(line).not.toContain(AS_TYPED[lang]);
  });
});

describe('a rank word before a road, street or camp at the place question ("Inspector road") is a place, not an officer named', () => {
  it.each([
    ['Inspector road', NAKURU],
    ['Inspector Road, Nakuru', NAKURU],
    ['Sergeant street', NAKURU],
    ['Inspector avenue', KIAMBU],
    ['Constable lane', KIAMBU],
    ['Corporal stage', KIAMBU],
    ['Sgt road', NAKURU],
    ['Afande lane', NAKURU],
    ['Inspekta barabara', NAKURU],
    ['Sajini mtaa', NAKURU],
    ['Chief\'s camp', NAKURU],
    ['Inspector camp', NAKURU],
  ])('"%s" is the place; the story unchanged, the day asked next', (words, county) => {
    const r = type(atPlace(county), words);
    expect([r.state.draft?.place, r.state.draft?.text, r.state.draft?.step]).toEqual([words, STORY, 'when']);
    expect(r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key) : []))).toEqual(['place.noted', 'when.ask']);
  });

  it.each(['his name was Sgt Mwangi', 'Sgt Mwangi', 'Inspector Otieno', 'jina lake ni Inspekta Kamau', 'afande Kiprono', 'KDA 123A', 'GK 456B'])(
    '"%s" (an officer named, a plate) goes to the story and the place is asked again, as before',
    (words) => {
      const r = type(atPlace(NAKURU), words);
      expect([r.state.draft?.place, r.state.draft?.text, r.state.draft?.step]).toEqual([undefined, `${STORY}\n${words}`, 'place']);
      expect(r.replies.flatMap((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key) : []))).toEqual(['place.story_added', 'place.ask']);
    },
  );
});

describe('a county\'s short form at the place question ("nrb", "msa", "ksm") is the county, as the county question reads it', () => {
  it.each([
    ['nrb', 47, 'Nairobi City'],
    ['nbi', 47, 'Nairobi City'],
    ['nai', 47, 'Nairobi City'],
    ['msa', 1, 'Mombasa'],
    ['ksm', 42, 'Kisumu'],
    ['nku', 32, 'Nakuru'],
  ])('the county question reads "%s" as county %i (%s)', (words, code, name) => {
    expect(matchCounty(words)).toMatchObject({ kind: 'exact', county: { code, name } });
    const r = type({ draft: { id: ID, step: 'county', kind: 'police', category: 'p_bribery', danger: false, text: STORY } }, words);
    expect(r.state.draft?.county).toBe(code);
  });

  describe.each(['en', 'sw'] as const)('(%s)', (lang) => {
    it.each([
      ['ilikuwa nrb', 'hapana', 47, 'Nairobi'],
      ['nrb', 'fn', 47, 'Nairobi'],
      ['it was nbi', 'no', 47, 'Nairobi'],
      ['ni msa', 'fn', 1, 'Mombasa'],
      ['ksm', 'hapana', 42, 'Kisumu'],
    ])('"%s" at "Where in Kiambu?", then %s: asked to change to county %i; No keeps Kiambu and the place is "%s", never the short form', (typed, reply, code, place) => {
      const asked = type(atPlace(KIAMBU), typed);
      expect(asked.state.draft?.fix?.county?.code).toBe(code);
      const r = answer(asked.state, reply);
      expect(r.state.draft).toMatchObject({ county: KIAMBU, place, step: 'when' });
      const line = placeLine(r, lang);
      expect(line).toContain(`“${place}”`);
      expect(line).not.toContain(AS_TYPED[lang]);
    });
  });

  it.each([
    ['nrb', 47, 'Nairobi'],
    ['ilikuwa nrb', 47, 'Nairobi'],
    ['msa', 1, 'Mombasa'],
    ['KSM', 42, 'Kisumu'],
  ])('"%s" at the place question of its own county (%i): the place is "%s", as for the county\'s name typed there', (typed, county, place) => {
    const r = type(atPlace(county), typed);
    expect(r.state.draft).toMatchObject({ county, place, step: 'when' });
    expect(type(atPlace(county), place).state.draft).toMatchObject({ county, place, step: 'when' });
  });

  it('Yes to "Change the county to Nairobi City?" after "ilikuwa nrb": the county changes and where in it is asked, as before', () => {
    const yes = press(type(atPlace(KIAMBU), 'ilikuwa nrb').state, 'fy');
    expect(yes.state.draft).toMatchObject({ county: 47, step: 'place' });
    expect(yes.state.draft?.place).toBeUndefined();
  });

  it.each(['Msa road', 'nrb cbd'])('"%s" (a place named with a short form) is kept as typed, as before', (words) => {
    expect(type(atPlace(KIAMBU), words).state.draft).toMatchObject({ place: words, step: 'when' });
  });
});

describe.each(['en', 'sw'] as const)('a place typed at the county question, said when the county is chosen (%s)', (lang) => {
  const atCounty: WizardState = { draft: { id: ID, step: 'county' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY } };
  it.each([
    ['pale Kencom', 'Kencom'],
    ['it was at the roadblock', 'the roadblock'],
  ])('"%s" (stored as "%s") is not said to be as typed', (typed, place) => {
    const kept = type(atCounty, typed);
    expect(kept.state.draft?.place).toBe(place);
    const line = placeLine(type(kept.state, 'Nairobi'), lang);
    expect(line).toContain(`“${place}”`);
    expect(line).not.toContain(AS_TYPED[lang]);
  });

  it.each(['Kencom', 'Ndabibi'])('"%s", stored as typed, is said to be as typed', (typed) => {
    const line = placeLine(type(type(atCounty, typed).state, 'Nairobi'), lang);
    expect(line).toContain(`“${typed}”`);
    expect(line).toContain(AS_TYPED[lang]);
  });
});

describe('a sorry or "I meant" before the place at the place question ("sorry nimekosea, ilikuwa Githurai"): the place named, as when typed alone', () => {
  const NAIROBI = 47;
  it.each([
    ['sorry nimekosea, ilikuwa Githurai', 'Githurai', [NAIROBI, KIAMBU, NAKURU]],
    ['pole, ni Githurai 45', 'Githurai 45', [NAIROBI, KIAMBU, NAKURU]],
    ['samahani ni Kayole', 'Kayole', [NAIROBI]],
    ['sorry it was Pipeline', 'Pipeline', [NAIROBI, KIAMBU]],
    ['I meant Kibera', 'Kibera', [NAIROBI, KIAMBU, NAKURU]],
    // With a sorry, a town of one other county changes the county at once, as "samahani ilikuwa Kitengela" does: asked in its own county only.
    ['Sorry, I meant Kibera.', 'Kibera', [NAIROBI]],
    ['nilimaanisha Kayole', 'Kayole', [NAIROBI, NAKURU]],
  ] as const)('"%s": answered as "%s" alone is (kept as the place, or its county offered); never kept word for word', (words, alone, counties) => {
    for (const county of counties) {
      const r = type(atPlace(county), words);
      const a = type(atPlace(county), alone);
      const seen = (x: StepResult) => [x.replies, x.state.draft?.step, x.state.draft?.county, x.state.draft?.place, x.state.draft?.town, x.state.draft?.fix?.county];
      expect([county, ...seen(r)]).toEqual([county, ...seen(a)]);
      expect(r.state.draft?.place).not.toBe(words);
    }
  });

  it('the county named after a sorry is still the county corrected ("sorry it was Kisumu"); a town of the county chosen is no county changed ("samahani ni Kayole" in Nairobi)', () => {
    expect(type(atPlace(NAKURU), 'sorry it was Kisumu').state.draft).toMatchObject({ step: 'place', county: 42 });
    const r = type(atPlace(47), 'samahani ni Kayole');
    expect(r.replies.flatMap((x) => (x.type === 'message' ? x.texts.map((t) => t.key) : []))).not.toContain('place.county_changed');
    expect(r.state.draft).toMatchObject({ step: 'when', county: 47, place: 'Kayole' });
  });
});

describe('"I don\'t know the exact place" where the place is asked', () => {
  it.each(['sijui mahali hasa', "I don't know the exact place", 'sijui jina la hiyo mahali', 'sijui exactly'])('"%s" is no place: asked for a known place near it (it was kept as the place, and the place typed next was lost)', (words) => {
    const r = type(atPlace(NAKURU), words);
    expect([words, r.state.draft?.place, r.state.draft?.step]).toEqual([words, undefined, 'place']);
  });
});

describe('"sijui ni wapi hasa" where the place is asked', () => {
  it('is no place', () => {
    expect(type(atPlace(NAKURU), 'sijui ni wapi hasa').state.draft?.place).toBeUndefined();
  });
});
