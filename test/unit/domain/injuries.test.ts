import { asksAboutInjuries, asksAboutOthers, readHurt, readMedicalRecord, someoneHurt, withHurt } from '../../../src/domain';

describe('injuries', () => {
  it('are asked where the case is about bodily harm; after a killing, of anyone else', () => {
    expect(['p_force', 'p_killing', 'p_sexual', 'e_violence'].filter(asksAboutInjuries)).toHaveLength(4);
    expect(['p_bribery', 'p_arrest', 'p_disappear', 'e_hate', undefined].some(asksAboutInjuries)).toBe(false);
    expect(asksAboutOthers('p_killing')).toBe(true);
    expect(asksAboutOthers('p_force')).toBe(false);
  });

  it.each([
    ['Hakuna aliyeumia', 'none'], ['hapana, hakuna mtu aliyeumia', 'none'], ['No one else was hurt', 'none'], ['hakuna mwingine', 'none'],
    ['alitibiwa hospitali', 'treated'], ['ndio, yuko hospitali', 'treated'], ['yes he went to hospital', 'treated'], ['amelazwa', 'treated'],
    ['bado hajatibiwa', 'untreated'], ['hajaenda hospitali', 'untreated'], ['no medical help', 'untreated'],
    ['no one went to hospital', undefined], ['ndio', undefined], ['Nairobi', undefined],
  ])('"%s" to "was anyone hurt?" reads %s', (text, answer) => {
    expect(readHurt(text)).toBe(answer);
  });

  it.each([
    ['bado', 'not_yet'], ['Bado sijapata', 'not_yet'], ['not yet', 'not_yet'], ['sina', 'not_yet'], ['hapana bado', 'not_yet'],
    ['tunayo', 'yes'], ['ndio ninayo', 'yes'], ['we have it', 'yes'], ['sijui', undefined], ['ndio', undefined],
  ])('"%s" to the P3 question reads %s', (text, answer) => {
    expect(readMedicalRecord(text)).toBe(answer);
  });

  it('"no one was hurt" drops an earlier P3 answer; another yes keeps it', () => {
    expect(withHurt({ hurt: 'treated', record: 'yes' }, 'none')).toEqual({ hurt: 'none' });
    expect(withHurt({ hurt: 'treated', record: 'yes' }, 'untreated')).toEqual({ hurt: 'untreated', record: 'yes' });
    expect(someoneHurt({ hurt: 'hurt' })).toBe(true);
    expect(someoneHurt({ hurt: 'none' })).toBe(false);
    expect(someoneHurt(undefined)).toBe(false);
  });
});
