/**
 * A reporter who says they are in pain ("I am in pain", "nina maumivu makali", "mguu unauma") where
 * the county, the place or the day is asked: the words go in the story, with sympathy and where to
 * call for help now, and the question is asked again. "I am in pain" was kept as the place, and
 * "nina maumivu makali" at the day was "I could not read that date".
 */
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Polisi walinipiga jana usiku nje ya soko wakaniitisha pesa.';
const NAIROBI = 47;
const BASE: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false, text: STORY, injuries: { hurt: 'none' } };
const at = (s: Step, extra: Partial<Draft> = {}): WizardState => ({ draft: { ...BASE, step: s, ...extra } });
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const said = (r: StepResult): string[] => r.replies.map((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));

// "I am bleeding" is danger now, shown its numbers at once (`dangerAfterNo`), before any of this.
const PAIN = ['I am in pain', 'im in a lot of pain', 'my leg hurts', 'it hurts so much', 'I cant walk', 'nina maumivu makali', 'naumwa sana', 'mguu unauma', 'inaniuma sana', 'niko na uchungu', 'natoka damu', 'siwezi kutembea', 'mgongo unaniuma', 'nimeumia sana', "I'm hurt badly"];

describe('pain said where the place is asked', () => {
  it.each(PAIN)('"%s": in the story, never the place; sympathy and 999/112, and the place asked again', (words) => {
    const r = type(at('place', { county: NAIROBI }), words);
    expect([said(r), r.state.draft?.step, r.state.draft?.place, r.state.draft?.text]).toEqual([['wizard.pain', 'place.ask'], 'place', undefined, `${STORY}\n${words}`]);
  });

  it('the answer said with the pain ("Kayole, nina maumivu makali", "Nairobi, naumia sana") is read as before; "I can\'t see the name of the road" is no pain', () => {
    expect(type(at('place', { county: NAIROBI }), 'Kayole, nina maumivu makali').state.draft?.step).not.toBe('place');
    expect(type(at('county'), 'Nairobi, naumia sana').state.draft?.county).toBe(NAIROBI);
    expect(said(type(at('place', { county: NAIROBI }), "I can't see the name of the road"))).not.toContain('wizard.pain');
  });

  it('a place is still a place ("Kayole", "Hospital Road")', () => {
    for (const place of ['Kayole', 'Hospital Road', 'Damu stage']) expect(type(at('place', { county: NAIROBI }), place).state.draft?.place).toBe(place);
  });

  it('pain denied ("sina maumivu", "no pain") is no pain told', () => {
    for (const words of ['sina maumivu', 'no pain']) expect(said(type(at('place', { county: NAIROBI }), words))).not.toContain('wizard.pain');
  });
});

describe('pain said where the day or the county is asked', () => {
  it.each(['nina maumivu makali', 'I am in pain'])('"%s" at the day: in the story, never "could not read that date"', (words) => {
    const r = type(at('when', { county: NAIROBI, place: 'Kayole' }), words);
    expect([said(r)[0], r.state.draft?.step, r.state.draft?.text]).toEqual(['wizard.pain', 'when', `${STORY}\n${words}`]);
  });

  it('"naumwa sana" at the county: in the story, the county asked again', () => {
    const r = type(at('county'), 'naumwa sana');
    expect([said(r)[0], r.state.draft?.step, r.state.draft?.county, r.state.draft?.text]).toEqual(['wizard.pain', 'county', undefined, `${STORY}\nnaumwa sana`]);
  });

  it('said twice: kept once, the sympathy said again', () => {
    const once = type(at('place', { county: NAIROBI }), 'I am in pain').state;
    const r = type(once, 'I am in pain');
    expect([said(r)[0], r.state.draft?.text]).toEqual(['wizard.pain', `${STORY}\nI am in pain`]);
  });
});

describe('"I told you already" where the county, the place or the day is asked', () => {
  it.each(['I told you already', 'same as i said above', 'nishasema', 'nimesema tayari', 'kama nilivyosema'])('"%s": said the answer could not be picked out, the question again; never a line of the story nor the place', (words) => {
    for (const s of ['county', 'place', 'when'] as const) {
      const r = type(at(s, { county: s === 'county' ? undefined : NAIROBI, place: s === 'when' ? 'Kayole' : undefined }), words);
      expect([s, words, said(r)[0], r.state.draft?.step, r.state.draft?.text]).toEqual([s, words, 'wizard.told_already', s, STORY]);
    }
  });
});
