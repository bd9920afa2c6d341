/**
 * The agency the console suggests: a chief's or county askari's (kanjo's) abuse told in a police
 * category is not IPOA's (IPOA oversees the National Police Service only). A bribe they demand is a
 * public officer's corruption (EACC); other abuse of their power goes to the Commission on
 * Administrative Justice (the Ombudsman), which oversees public officers, national and county.
 */
import { agencyAdvice } from '../../../src/domain';

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
    ['it was county askaris not police', 'p_force', 'CAJ'],
    ['hawakuwa polisi, walikuwa kanjo. walinipiga', 'p_force', 'CAJ'],
    ['the chief of our location and his askaris beat my father', 'p_force', 'CAJ'],
    ['chifu alimkamata kijana wangu', 'p_arrest', 'CAJ'],
    // The police said to be absent, not named as there.
    ['Kanjo walinipiga, hakukuwa na polisi', 'p_force', 'CAJ'],
    ['kanjo walinipiga hakukua na askari polisi yeyote', 'p_force', 'CAJ'],
    ['county askaris beat me, there were no police', 'p_force', 'CAJ'],
    ['the chief slapped me, no police were there', 'p_force', 'CAJ'],
  ])('%j (%s): %s, not IPOA, and said to be no police matter', (text, category, agency) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: agency, notPolice: true });
  });

  it.each([
    // A crime the police investigate and the ODPP prosecutes, whoever did it: not the Ombudsman's.
    ['chifu na askari wake walimuua kijana wetu', 'p_killing'],
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
    // No chief or kanjo, or only their camp as the place.
    ['polisi walinipiga', 'p_force', 'IPOA'],
    ['police beat us near the chief camp', 'p_force', 'IPOA'],
    ['police chief inspector took 500 bob', 'p_bribery', 'IPOA'],
    ['the OCS insulted me', 'p_other', 'NPS_IA'],
  ])('%j (%s): %s as before', (text, category, agency) => {
    expect(advice(category, text)).toEqual({ suggestedAgency: agency, notPolice: false });
  });

  it('an election report keeps its own agency, a chief named or not', () => {
    expect(advice('e_violence', 'chifu anawalazimisha wazee kupigia mgombea fulani kura')).toEqual({ suggestedAgency: 'ODPP', notPolice: false });
    expect(advice('e_violence', 'the chief and his askaris beat us', 'police')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
  });

  it('no story yet (stored at "someone is in danger"): the category\'s agency', () => {
    expect(advice('p_force')).toEqual({ suggestedAgency: 'IPOA', notPolice: false });
    expect(advice('nope', 'kanjo walinipiga')).toEqual({ suggestedAgency: undefined, notPolice: false });
  });
});
