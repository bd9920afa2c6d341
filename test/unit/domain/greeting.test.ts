/** A chat opened with a greeting or "is this Ripoti?": answered in the language it was written in, never a bare menu. */
import { greetingOnly } from '../../../src/domain';

describe('greetingOnly', () => {
  it.each([
    ['hello', 'en'],
    ['Hi', 'en'],
    ['hey!', 'en'],
    ['Good morning', 'en'],
    ['good evening sir', 'en'],
    ['Hello, how are you?', 'en'],
    ['habari', 'sw'],
    ['Habari yako', 'sw'],
    ['habari za asubuhi', 'sw'],
    ['Mambo', 'sw'],
    ['mambo vipi', 'sw'],
    ['niaje', 'sw'],
    ['Niaje boss', 'sw'],
    ['sasa', 'sw'],
    ['Sasa!', 'sw'],
    ['hujambo', 'sw'],
    ['salamu', 'sw'],
    ['hi, habari yako', 'sw'],
    ['hey 👋', 'en'],
  ] as const)('%j greets (%s)', (text, lang) => expect(greetingOnly(text)).toEqual({ kind: 'hello', lang }));

  it.each([
    ['is this ripoti?', 'en'],
    ['Is this Ripoti', 'en'],
    ['is this the police reporting line?', 'en'],
    ['hello, is this the right place to report police?', 'en'],
    ['what is this?', 'en'],
    ['who are you?', 'en'],
    ['ni ripoti hii?', 'sw'],
    ['hii ni nini?', 'sw'],
    ['Hii ni ripoti?', 'sw'],
    ['habari, hii ni nini?', 'sw'],
    ['hapa ndio ripoti?', 'sw'],
    ['nyinyi ni nani?', 'sw'],
  ] as const)('%j asks what this is (%s)', (text, lang) => expect(greetingOnly(text)).toEqual({ kind: 'what', lang }));

  it.each([
    ['naitwa Peter Mwangi', 'sw'],
    ['Habari, jina langu ni Achieng Otieno kutoka Kisumu', 'sw'],
    ['mimi ni Kamau', 'sw'],
    ['Hello, my name is Peter Mwangi from Kisumu', 'en'],
    ["Hi I'm Njeri", 'en'],
    ['my name is john', 'en'],
  ] as const)('%j introduces the writer, and nothing more (%s)', (text, lang) => expect(greetingOnly(text)).toEqual({ kind: 'name', lang }));

  it.each(['I am scared', 'mimi ni mwalimu wa Kisumu', 'My name is Peter, police beat me', 'naitwa Peter na polisi walinipiga jana', 'I am IEBC clerk', 'I am from Kisumu'])(
    '%j is no introduction alone',
    (text) => expect(greetingOnly(text)?.kind).not.toBe('name'),
  );

  it.each([
    // A greeting with what happened, or what they want: the story, or a report begun, as before.
    'hello, police beat my son yesterday',
    'Habari, nataka kuripoti',
    'hi I want to report',
    'Good morning, they arrested my husband',
    'sasa nataka kuripoti polisi',
    'niaje, karao wamenishika',
    // Not hellos: "now", "things are many", "news of the police", thanks, a yes, a place that greets, this.
    'sasa hivi',
    'mambo ni mengi',
    'habari ya polisi kunipiga',
    'asante',
    'ok',
    'sawa',
    'Hola',
    'hii',
    'morning',
    'mzima',
    'salama',
    'sir',
    // Other questions, answered their own ways: who sees, whether it is safe, the police themselves.
    'is this safe?',
    'are you the police?',
    'ni salama?',
    'hii ni ripoti ya jana',
    'ndio ripoti',
    '',
    '👋',
  ])('%j is not a bare greeting', (text) => expect(greetingOnly(text)).toBeUndefined());
});
