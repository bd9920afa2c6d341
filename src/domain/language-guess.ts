/**
 * Which of the hotline's two languages a message is written in, for a reporter who has not chosen
 * one: a phone set to English does not mean its owner writes English. Common small words only
 * (Sheng mixes both, so the side with more of them wins); undefined when neither is clear.
 */
const SWAHILI = new Set(
  (
    'na ya wa la za kwa ni si hii hiyo hapa huko leo jana juzi sasa tu pia sana lakini kama kuna mimi sisi wao yeye wewe yangu yetu yao ' +
    'tena ndio ndiyo hapana habari jambo mambo vipi poa sasa asante tafadhali nataka tunataka kuripoti ripoti saidia nisaidie tusaidie saidieni msaada ' +
    'polisi askari wamenipiga walinipiga wamechukua walichukua nimepigwa wamekamata walinikamata kura uchaguzi niko tuko wako iko mtu watu kitu ' +
    'hongo pesa nyumba sijui sawa hakuna nini nani wapi lini gani kijana mtoto mama baba ndugu jirani'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the a an and is are was were i you he she they we my me to of in on at for with this that what please help want report police hello hi ' +
    'good morning evening thank thanks yes no have has it them there here today yesterday who where when how'
  ).split(' '),
);

export function guessLanguage(text: string): 'en' | 'sw' | undefined {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 60);
  const sw = words.filter((w) => SWAHILI.has(w)).length;
  const en = words.filter((w) => ENGLISH.has(w)).length;
  if (sw > en) return 'sw';
  if (en > sw) return 'en';
  return undefined;
}
