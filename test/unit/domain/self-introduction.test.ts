/**
 * A reporter introducing themselves in their story ("jina langu ni...", "I am Peter"): an
 * anonymous report would still show that name to staff. The name is read back as written.
 */
import { selfIntroduction } from '../../../src/domain/self-introduction';

describe('a self-introduction in a story', () => {
  it('gives the name as written, in Swahili and English', () => {
    expect(selfIntroduction('Habari, jina langu ni Achieng Otieno. Polisi walinipiga jana.')).toBe('Achieng Otieno');
    expect(selfIntroduction('Naitwa Wafula, nilikamatwa Kayole.')).toBe('Wafula');
    expect(selfIntroduction('mimi ni Kamau, nilikamatwa na polisi jana')).toBe('Kamau');
    expect(selfIntroduction('Good evening, my name is John Mwangi.')).toBe('John Mwangi');
    expect(selfIntroduction('I am Peter Ochieng and the police beat me at the roadblock')).toBe('Peter Ochieng');
    expect(selfIntroduction("I'm Njeri, they took my phone")).toBe('Njeri');
    expect(selfIntroduction('I’m Njeri, they took my phone')).toBe('Njeri');
    expect(selfIntroduction('Polisi walitukamata. Mimi naitwa Chebet Kiprono, mama wa watoto watatu')).toBe('Chebet Kiprono');
    expect(selfIntroduction("I am Mary O'Neill from Kisumu")).toBe("Mary O'Neill");
    expect(selfIntroduction('The police officer asked me and I said my name is JOHN')).toBe('JOHN');
  });

  it('takes a lowercase name only after "jina langu ni" or "my name is"', () => {
    expect(selfIntroduction('jina langu ni achieng na polisi walinipiga')).toBe('achieng');
    expect(selfIntroduction('my name is john and they arrested me')).toBe('john');
    expect(selfIntroduction('MY NAME IS JOHN MWANGI THEY BEAT ME')).toBe('JOHN');
    expect(selfIntroduction('i am peter and they arrested me')).toBeUndefined();
  });

  it('reads a name written in capitals: in a story all in capitals (its one word) or within small letters', () => {
    expect(selfIntroduction('I AM PETER THEY BEAT ME')).toBe('PETER');
    expect(selfIntroduction('MIMI NI KAMAU, POLISI WALINIPIGA JANA')).toBe('KAMAU');
    expect(selfIntroduction('NAITWA WANJIKU NA WALINIKAMATA')).toBe('WANJIKU');
    expect(selfIntroduction("I'M NJERI, THEY TOOK MY PHONE")).toBe('NJERI');
    expect(selfIntroduction('I am PETER and the police beat me')).toBe('PETER');
    expect(selfIntroduction('Mimi ni KAMAU Mwangi, walinikamata')).toBe('KAMAU Mwangi');
    expect(selfIntroduction('mimi ni KAMAU na polisi walinipiga')).toBe('KAMAU');
    // How someone is, where, what they do, who they are with: no name, in capitals either.
    for (const text of [
      'I AM SCARED THEY WILL COME BACK',
      'NIKO KAYOLE SASA',
      'I AM AT KAYOLE NOW',
      'I AM TIRED OF THE POLICE',
      'I AM STILL IN PAIN',
      'I AM REPORTING A BRIBE',
      'I AM WORRIED',
      'I AM 25 YEARS OLD',
      'MIMI NI MWALIMU',
      'MIMI NI MAMA YAKE',
      'MIMI NI MGONJWA SASA',
      'MIMI NI MKAZI WA KAYOLE',
      'I AM A BODA RIDER',
      'I AM IEBC CLERK',
      'I am IEBC clerk at Kayole',
      'I am UDA agent',
      'I am ODM agent',
      'MIMI NI ODM',
      'I AM KIKUYU',
    ]) expect({ text, name: selfIntroduction(text) }).toEqual({ text, name: undefined });
  });

  it('reads a name in capitals ending in -ED (MOHAMED, AHMED, ALFRED) as a name, a state in capitals ending so as none', () => {
    expect(selfIntroduction('I am MOHAMED and the police took my phone')).toBe('MOHAMED');
    expect(selfIntroduction('I AM MOHAMED THEY BEAT ME')).toBe('MOHAMED');
    expect(selfIntroduction('MIMI NI AHMED, POLISI WALINIKAMATA')).toBe('AHMED');
    expect(selfIntroduction('mimi ni MOHAMMED na walinipiga')).toBe('MOHAMMED');
    expect(selfIntroduction('I AM ALFRED FROM KISUMU')).toBe('ALFRED');
    expect(selfIntroduction('NAITWA JARED')).toBe('JARED');
    expect(selfIntroduction('I am WILFRED Otieno')).toBe('WILFRED Otieno');
    expect(selfIntroduction('I AM SAEED')).toBe('SAEED');
    for (const text of ['I AM SCARED', 'I AM INJURED', 'I AM ARRESTED', 'I am SCARED they will come', 'I am INJURED and bleeding', 'I AM FREED NOW', 'I AM DETAINED AT KILIMANI']) {
      expect({ text, name: selfIntroduction(text) }).toEqual({ text, name: undefined });
    }
  });

  it('reads no name in what is not one', () => {
    for (const text of [
      'mimi ni mwalimu, nilikuwa kituo cha kupigia kura',
      'Mimi ni Mwalimu wa shule ya msingi',
      'I am scared they will come back',
      'I am at Kayole now',
      'Naitwa na polisi kila siku',
      'naitwa na polisi kila siku',
      'Mimi ni mama yake, alikamatwa jana',
      'Mimi ni Mama yake',
      'I am a teacher. I am Kenyan.',
      'my name is not important',
      'jina langu ni siri',
      'Polisi walinipiga. Kamau alikuwepo.',
      'Nyumbani mimi nilikuwa peke yangu',
      'I am 25 years old',
      'I am Kikuyu and they beat me',
      'Mimi ni Mjaluo, walinipiga',
      'I am IEBC clerk at Kayole',
      'I am UDA agent',
      'Mimi ni Mwanachama wa ODM',
    ]) expect({ text, name: selfIntroduction(text) }).toEqual({ text, name: undefined });
  });
});
