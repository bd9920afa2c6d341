/**
 * A frightened reporter's "they will know me" mid-report: read as a worry to answer (how to stay
 * unknown, who reads a report), never as the story or the place. A story of threats stays a story.
 */
import { fearLanguage, fearsBeingKnown, tellsSpeechOrThreat, worriesAboutBeingKnown, worryLanguage } from '../../../src/domain';

describe('fearsBeingKnown', () => {
  it.each([
    'naogopa watanijua',
    'Naogopa watanijua 😢',
    'ninaogopa watajua ni mimi',
    'naogopa polisi watanijua',
    'nina wasiwasi watanitambua',
    'naogopa sana watanifuata',
    'sitaki wajue ni mimi',
    'sitaki wanijue',
    'sitaki polisi wajue ni mimi',
    'nitaumia wakijua',
    'watanimaliza wakijua ni mimi',
    'wakijua ni mimi nitapata shida',
    "I'm scared they will find out it was me",
    "I'm afraid they will know me",
    'i am worried they will know it was me',
    'scared they will find me',
    "I don't want them to know it was me",
    'I do not want the police to find out it was me',
    'they will kill me if they find out',
    'if they find out they will hurt me',
  ])('%j is a fear of being known', (text) => expect(fearsBeingKnown(text)).toBe(true));

  it.each([
    // Stories of threats: what was done or said, told.
    'the officer said I will be afraid',
    'they threatened me, I am scared',
    "they threatened me, I'm scared they will find out it was me",
    'walinitishia, naogopa',
    'walisema watanijua',
    'alisema atanitafuta',
    'polisi walinipiga, naogopa watanijua',
    'wananitishia naogopa watanijua',
    'they found out it was me and came to my house',
    'he warned me they will find me',
    // What is being done, or has been, told in the present or perfect tense, with the fear.
    'naogopa watanijua, polisi wanadai hongo kila siku kwa stage',
    'naogopa watanijua lakini polisi wa Kayole wanapiga watu usiku',
    'sitaki wajue ni mimi, askari wanachukua pesa kwa matatu kila siku',
    'polisi wamenipiga, naogopa watanijua',
    'naogopa watanijua, chifu ananidai pesa',
    // Fear that is not of being known, or nothing of fear.
    'naogopa',
    "I'm scared",
    'naogopa kwenda nyumbani',
    'I am afraid to go home',
    'walikuja wakijua niko nyumbani',
    'watanijua',
    'polisi walinipiga',
    // A long account, or nothing.
    'naogopa watanijua kwa sababu walinipiga jana pale stage na wakachukua simu yangu yote',
    '',
    '🙏',
  ])('%j is not', (text) => expect(fearsBeingKnown(text)).toBe(false));
});

describe('tellsSpeechOrThreat', () => {
  it.each(['the officer said I will be afraid', 'they threatened me, I am scared', 'walinitishia', 'alisema atanitafuta', 'wakaniambia nitoe pesa', 'wananitishia kila siku', 'he warned me'])('%j tells what was said or threatened', (text) =>
    expect(tellsSpeechOrThreat(text)).toBe(true));
  it.each(['naogopa watanijua', 'Kencom stage', 'sema ukweli', 'Tell them', 'stage ya Mololine', 'jana usiku'])('%j does not', (text) => expect(tellsSpeechOrThreat(text)).toBe(false));
});

describe('fearLanguage', () => {
  it.each([
    ['naogopa watanijua', 'sw'],
    ['nitaumia wakijua', 'sw'],
    ['sitaki polisi wajue ni mimi', 'sw'],
    ["I'm scared they will find out it was me", 'en'],
    ['they will kill me if they find out', 'en'],
    ["I don't want them to know it was me", 'en'],
  ])('%j is said in %s', (text, lang) => expect(fearLanguage(text)).toBe(lang));
});

describe('worryLanguage (the answer to a worry typed after a report was sent)', () => {
  it.each([
    // A fear of being known is answered in the language it is said in, whatever was chosen, as on a first message.
    ['naogopa watanijua', 'en', 'sw'],
    ['nimeogopa wataniona', 'en', 'sw'],
    ["I'm scared they will find out it was me", 'sw', 'en'],
    ['naogopa watanijua', 'sw', 'sw'],
    // A question about who sees it: no fear words to tell the language by, so the reporter's own.
    ['who will see my report?', 'en', 'en'],
    ['nani ataona ripoti yangu?', 'sw', 'sw'],
    ['will the police know I reported?', 'sw', 'sw'],
  ] as const)('%j from a reporter in %s is answered in %s', (text, chosen, lang) => expect(worryLanguage(text, chosen)).toBe(lang));
});

describe('worriesAboutBeingKnown (typed after a report was sent: answered about that report)', () => {
  it.each([
    'naogopa watanijua',
    'nimeogopa wataniona',
    "I'm scared they will find out it was me",
    'will the police know I reported?',
    'polisi watajua ni mimi?',
    'who will see this?',
    'sitaki wajue ni mimi',
  ])('%j is a fear, or a question, of being known', (text) => expect(worriesAboutBeingKnown(text)).toBe(true));
  it.each([
    'They also took my ID card.',
    'what happens next?',
    'mtanipigia lini?',
    'I am scared, the officer said he will find me',
    'naogopa watanijua, polisi walinipiga jana',
    'asante',
  ])('%j is not', (text) => expect(worriesAboutBeingKnown(text)).toBe(false));
});
