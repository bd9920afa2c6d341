/**
 * The agency the console suggests: a chief's or county askari's (kanjo's) abuse told in a police
 * category is not IPOA's (IPOA oversees the National Police Service only). A bribe they demand is a
 * public officer's corruption (EACC); other abuse of their power goes to the Commission on
 * Administrative Justice (the Ombudsman), which oversees public officers, national and county.
 */
import { agencyAdvice, CATEGORIES } from '../../../src/domain';

const advice = (category: string, text?: string, doneBy?: string) =>
  agencyAdvice({ category, ...(doneBy ? { perpetrator: { kind: doneBy } } : {}), description: text === undefined ? {} : { text } });

describe('agencyAdvice', () => {
  it.each([
    ['kanjo wamenikula 2k ju ya mboga', 'p_bribery', 'EACC'],
    ['chifu anaitisha pesa ndio anipe barua', 'p_bribery', 'EACC'],
    ['our assistant chief is arresting young men and asking 2000', 'p_bribery', 'EACC'],
    ['county askaris took my mboga and beat me', 'p_force', 'CAJ'],
    ['askari wa kaunti walinipiga', 'p_force', 'CAJ'],
    ['kanjo askari walinipiga stage', 'p_force', 'CAJ'],
    ['askari wa kanjo walinipiga', 'p_force', 'CAJ'],
    ['maaskari wa kaunti walituchapa sokoni', 'p_force', 'CAJ'],
    ['askari kanjo walinipiga stage', 'p_force', 'CAJ'],
    ['chief alikuja na askari wa kaunti wakanipiga', 'p_force', 'CAJ'],
    // The county's askari named with their own words, or as the kanjo's own: not the police.
    ['county enforcement askari walinipiga', 'p_force', 'CAJ'],
    ['county inspectorate askaris confiscated my goods and beat me', 'p_force', 'CAJ'],
    ['kanjo na askari wao walinipiga sokoni', 'p_force', 'CAJ'],
    ['the kanjo and their askaris beat me at the market', 'p_force', 'CAJ'],
    ['it was county askaris not police', 'p_force', 'CAJ'],
    ['hawakuwa polisi, walikuwa kanjo. walinipiga', 'p_force', 'CAJ'],
    ['chifu alimkamata kijana wangu', 'p_arrest', 'CAJ'],
    // The police said to be absent, not named as there.
    ['Kanjo walinipiga, hakukuwa na polisi', 'p_force', 'CAJ'],
    ['kanjo walinipiga hakukua na askari polisi yeyote', 'p_force', 'CAJ'],
    ['county askaris beat me, there were no police', 'p_force', 'CAJ'],
    ['kanjo walinipiga, hakukuwa na askari', 'p_force', 'CAJ'],
    ['the chief slapped me, no police were there', 'p_force', 'CAJ'],
  ])('%j (%s): %s, not IPOA, and said to be no police matter', (text, category, agency) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: agency, notPolice: true });
  });

  it.each([
    // A crime the police investigate and the ODPP prosecutes, whoever did it: not the Ombudsman's.
    ['chifu na wazee wake walimuua kijana wetu', 'p_killing'],
    ['kanjo walimbaka dada yangu', 'p_sexual'],
    ['the chief\'s men took my son and he has not been seen since', 'p_disappear'],
  ])('%j (%s): a crime, so ODPP, not IPOA nor the Ombudsman, and said to be no police matter', (text, category) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: 'ODPP', notPolice: true });
  });

  it.each([
    // The police named beside the chief or kanjo: IPOA oversees them.
    ['the chief called police who beat us', 'p_force', 'IPOA'],
    ['kanjo na polisi walitunyang\'anya mali', 'p_bribery', 'IPOA'],
    ['the chief and the APs beat my brother', 'p_force', 'IPOA'],
    ['chief aliita askari polisi wakanipiga', 'p_force', 'IPOA'],
    // No chief or kanjo, or only their camp as the place.
    ['polisi walinipiga', 'p_force', 'IPOA'],
    ['police beat us near the chief camp', 'p_force', 'IPOA'],
    ['police chief inspector took 500 bob', 'p_bribery', 'IPOA'],
    ['the OCS insulted me', 'p_other', 'NPS_IA'],
  ])('%j (%s): %s as before', (text, category, agency) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: agency, notPolice: false });
  });

  it.each([
    ['chief na askari wake walinipiga', 'p_force'],
    ['askari wa chief walinipiga', 'p_force'],
    ['askari wa chifu walinichukua bila sababu', 'p_arrest'],
    ['the chief of our location and his askaris beat my father', 'p_force'],
    ['chifu na askari wake walimuua kijana wetu', 'p_killing'],
    ['chifu aliwaita maaskari wakanipiga', 'p_force'],
    ['kanjo na askari walinipiga', 'p_force'],
  ])('%j (%s): the askari are police, so IPOA and no "Not the police" line (they were read as the chief\'s own men: CAJ or ODPP, "not the police")', (text, category) => {
    // "Askari" alone is the police in everyday Kenyan Swahili, and the askari with a chief are
    // police officers: Administration Police posted to the chief (since 2025 the National Government
    // Administration Police Unit), whom IPOA oversees. Only the county's ("askari wa kaunti", kanjo) are not.
    expect(advice(category, text)).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
  });

  it.each([
    ['askari wa gate alinipiga kofi', 'p_force'],
    ['askari wa usiku alinipiga na rungu', 'p_force'],
    ['maaskari wa kampuni walinipiga nje ya supermarket', 'p_force'],
    ['askari wa bank alinitishia', 'p_threats'],
    ['askari gongo wa estate aliniibia simu', 'p_bribery'],
    ['mlinzi wa ploti alinifungia ndani', 'p_arrest'],
    ['walinzi wa kampuni walinipiga', 'p_force'],
    ['the watchman at our gate beat my son', 'p_force'],
    ['a security guard slapped me at the mall', 'p_force'],
    ['G4S guards beat me outside the bank', 'p_force'],
    ['it was a security guard not police who beat me', 'p_force'],
    ['the night guard raped my sister', 'p_sexual'],
  ])('%j (%s): a private guard, not the police and not a public officer: the ODPP (a crime the police investigate), not IPOA nor the Ombudsman', (text, category) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: 'ODPP', notPolice: true, privateGuards: true });
  });

  it('a guard being rude or turning someone away (no crime): no agency chosen for the agent, still said to be no police matter', () => {
    expect(advice('p_other', 'askari wa gate alinitukana')).toEqual({ suggestedAgency: undefined, notPolice: true, privateGuards: true });
  });

  it.each([
    // "Askari" alone is the police; police named beside a guard, or a guard as the one they beat: the police's case.
    ['askari alinipiga', 'p_force'],
    ['maaskari walinipiga usiku', 'p_force'],
    ['askari wa gate aliita polisi wakanipiga', 'p_force'],
    ['the security guard called the police and they beat me', 'p_force'],
    ['polisi walimpiga mlinzi wetu', 'p_force'],
    ['chifu na askari wake walinipiga', 'p_force'],
    // A politician's bodyguard is often a police officer: not read as a private guard.
    ['mlinzi wa mbunge alinipiga', 'p_force'],
    ['mbunge na mlinzi wake walinipiga', 'p_force'],
    ['the minister and his security guard beat me', 'p_force'],
    ["the president's security guards beat us", 'p_force'],
    ['rais na walinzi wake walitupiga', 'p_force'],
    // A private guard in Kenya carries no gun: an armed "guard" at a bank or a gate is a police officer.
    ['askari wa bank alinipiga risasi', 'p_force'],
    ['askari wa benki walimpiga risasi kijana wetu akafariki', 'p_killing'],
    ['the bank guard shot my brother in the leg', 'p_force'],
    ['askari wa gate alitoa bunduki akanitishia', 'p_threats'],
  ])('%j (%s): the police, IPOA as before', (text, category) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
  });

  it('an election report keeps its own agency, a chief named or not', () => {
    expect(advice('e_violence', 'chifu anawalazimisha wazee kupigia mgombea fulani kura')).toEqual({ suggestedAgency: 'ODPP', notPolice: false });
    expect(advice('e_violence', 'the chief and his askaris beat us', 'police')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
  });

  describe('a voice-only story (a voice note, no typed words): nothing to read, so what the reporter tapped decides', () => {
    const voice = { kind: 'voice' as const, fileId: 'AwACAgQAAxkBAAIB', fileUniqueId: 'AgADvQ8AAk', durationSec: 48 };
    // As stored (flow.ts): the voice note, and `text` only when words were typed with it.
    const onlyVoice: { text?: string; voice: typeof voice } = { voice };
    const voiceOnly = (category: string, doneBy?: string) => agencyAdvice({ category, ...(doneBy ? { perpetrator: { kind: doneBy } } : {}), description: onlyVoice });
    // A chief's abuse told aloud is still in a police category (the wizard has no chief's): the
    // console cannot hear it, so it never says "Not the police" on a guess; the agent listens and
    // chooses CAJ, EACC or the ODPP, and is asked once to confirm a choice other than the usual.
    const seen = [
      ['p_bribery', 'IPOA'], ['p_force', 'IPOA'], ['p_arrest', 'IPOA'], ['p_release', 'IPOA'], ['p_killing', 'IPOA'],
      ['p_disappear', 'IPOA'], ['p_sexual', 'IPOA'], ['p_threats', 'IPOA'], ['p_other', 'NPS_IA'],
      ['e_bribery', 'ODPP'], ['e_violence', 'ODPP'], ['e_hate', 'NCIC'], ['e_tamper', 'ODPP'], ['e_personation', 'ODPP'],
      ['e_resources', 'EACC'], ['e_polling', 'IEBC'], ['e_other', 'IEBC'],
    ] as const;
    it('covers every category', () => expect(seen.map(([c]) => c).sort()).toEqual(CATEGORIES.map((c) => c.code).sort()));
    it.each(seen)('%s: %s chosen, as for that category typed, and no "Not the police" line', (category, agency) => {
      expect(voiceOnly(category)).toEqual({ suggestedAgency: agency, notPolice: false });
    });
    it('violence or intimidation at an election that the reporter tapped as done by police: IPOA, voice or not', () => {
      expect(voiceOnly('e_violence', 'police')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
      expect(voiceOnly('e_other', 'police')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
      expect(voiceOnly('e_violence', 'candidate')).toEqual({ suggestedAgency: 'ODPP', notPolice: false });
    });
    it('words typed with the voice note are read as any story: a chief named there is not the police', () => {
      const voiceAndWords = { voice, text: 'chifu alinipiga' };
      expect(agencyAdvice({ category: 'p_force', description: voiceAndWords })).toEqual({ suggestedAgency: 'CAJ', notPolice: true });
    });
  });

  it('no story yet (stored at "someone is in danger"): the category\'s agency', () => {
    expect(advice('p_force')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
    expect(advice('nope', 'kanjo walinipiga')).toEqual({ suggestedAgency: undefined, notPolice: false });
  });
});
