/**
 * A chief or county askari (kanjo) named in the story: not the police. The report is still taken
 * under the closest category, and the reporter is told once, in words, where such cases usually go.
 */
import type { Draft } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardInput, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const run = (state: WizardState, input: WizardInput): StepResult => step(state, input, NOW);
const type = (state: WizardState, text: string) => run(state, { type: 'text', text });
const first = (text: string) => run({}, { type: 'begin', newDraftId: ID, story: { text } });
const said = (r: StepResult) => r.replies.map((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));

describe('wizard: a chief or county askari named', () => {
  it('told as the first message: kept, the note said before the closest category offered; "ndio" takes it, the note not said again', () => {
    const r = first('the chief of our location beat my father');
    expect(said(r)).toEqual(['desc.kept_early', 'wizard.not_police', 'category.offer']);
    expect([r.state.draft?.kind, r.state.draft?.offeredCategory]).toEqual(['police', 'p_force']);
    const yes = type(r.state, 'ndio');
    expect(yes.state.draft?.category).toBe('p_force');
    expect(said(yes)).not.toContain('wizard.not_police');
  });

  it('"county askaris took my mboga and beat me" first: the note and the police list, never the bare kind question', () => {
    const r = first('county askaris took my mboga and beat me');
    expect(said(r)).toContain('wizard.not_police');
    expect(said(r)).not.toContain('kind.ask');
  });

  it('said at the story question ("it was county askaris not police"): the story taken, the note said before the next question (was anyone hurt?)', () => {
    const draft: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
    const r = type({ draft }, 'it was county askaris not police');
    expect(r.state.draft?.text).toBe('it was county askaris not police');
    expect(said(r).slice(-2)).toEqual(['wizard.not_police', 'injury.hurt.ask']);
  });

  it('no note for the police alone, a chief at an election, or an election report', () => {
    expect(said(first('polisi walinipiga'))).not.toContain('wizard.not_police');
    expect(said(first('chifu anawalazimisha wazee kupigia mgombea fulani kura'))).not.toContain('wizard.not_police');
    const draft: Draft = { id: ID, step: 'desc', kind: 'election', category: 'e_violence', danger: false };
    expect(said(type({ draft }, 'the chief and his askaris beat us'))).not.toContain('wizard.not_police');
  });

  it.each([
    'the chief of our location and his askaris beat my father',
    'chifu na askari wake walinipiga',
    'askari wa chief walinipiga',
    'the chief and the APs beat my brother',
    'the chief called police who beat us',
  ])('%j: the police (a chief\'s askari are Administration Police), as the console reads it: no note (it said "not the police")', (words) => {
    const r = first(words);
    expect(r.state.draft?.kind).toBe('police');
    expect(said(r)).not.toContain('wizard.not_police');
    const draft: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
    expect(said(type({ draft }, words))).not.toContain('wizard.not_police');
  });

  it.each([
    ['askari wa gate alinipiga kofi jana usiku', 'p_force'],
    ['the watchman at our gate beat my son', 'p_force'],
    ['a security guard slapped me at the mall', 'p_force'],
    ['mlinzi wa kampuni alinipiga', 'p_force'],
  ])('%j: a private guard, the police kind and the closest category offered, and told guards are not the police (not the chiefs\' note)', (words, code) => {
    const r = first(words);
    expect([r.state.draft?.kind, r.state.draft?.offeredCategory]).toEqual(['police', code]);
    expect(said(r)).toEqual(['desc.kept_early', 'wizard.not_police_guards', 'category.offer']);
  });

  it('a guard told at the story question: the guards\' note once; "askari" alone, or police beside the guard, get none', () => {
    const draft: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
    const r = type({ draft }, 'askari wa usiku alinipiga na rungu');
    expect(said(r).slice(-2)).toEqual(['wizard.not_police_guards', 'injury.hurt.ask']);
    for (const words of ['askari walinipiga usiku', 'askari wa gate aliita polisi wakanipiga', 'polisi walimpiga mlinzi wetu'])
      expect([words, said(type({ draft }, words)).filter((k) => k.startsWith('wizard.not_police'))]).toEqual([words, []]);
  });

  it('an armed "guard" ("askari wa bank alinipiga risasi": private guards carry no gun) is the police: never told guards are not the police', () => {
    const draft: Draft = { id: ID, step: 'desc', kind: 'police', category: 'p_force', danger: false };
    for (const words of ['askari wa bank alinipiga risasi', 'the bank guard shot my brother in the leg'])
      expect([words, said(type({ draft }, words)).includes('wizard.not_police_guards')]).toEqual([words, false]);
  });

  it('a phone robbed by the police: extortion offered, and "ndio" takes it (it was "not understood")', () => {
    const r = first('askari walinipora simu');
    expect(r.state.draft?.offeredCategory).toBe('p_bribery');
    expect(type(r.state, 'ndio').state.draft?.category).toBe('p_bribery');
    // "Hapana": the offer declined, the list asked.
    const no = type(r.state, 'hapana');
    expect([said(no), no.state.draft?.offeredCategory]).toEqual([['category.ask'], undefined]);
  });
});
