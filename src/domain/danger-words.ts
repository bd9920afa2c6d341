/**
 * Whether a reporter's message, written after the report was sent, says someone is in danger now
 * ("they are here again", "wananitishia", "help us"). Such a message to a ticket nobody has taken
 * yet would wait in the queue like any other; read here, it puts the ticket first and the
 * reporter gets the emergency numbers at once, as at the danger question.
 *
 * Only the present is read (what is happening, or about to): "they beat me yesterday" is the
 * report itself, and a question such as "can you help me with my report?" is no cry for help. A
 * false alarm puts one ticket ahead of others; a miss leaves it where it was before this rule.
 */
const PHRASES = [
  // English: a cry for help, they are here, it is happening, a threat to life.
  String.raw`\b(?:please )?help (?:me|us)\b(?! (?:with|to|understand|know|find|check))`,
  String.raw`\bplease help\b(?! (?:me |us )?(?:with|to|understand|know|find|check))`,
  String.raw`\bsos\b`,
  String.raw`\b(?:i am|im|i m|we are|we re|he is|she is|they are) in danger\b`,
  String.raw`\b(?:they are|they re) (?:here|back|outside|coming|at (?:my|our|the) (?:house|home|door|gate))\b`,
  // "They have come back", not "they came back" (told as past, as most accounts are).
  String.raw`\bthey (?:have|ve) come back\b`,
  String.raw`\b(?:they are|they re) (?:beating|shooting|threatening|chasing|following|looking for)\b`,
  String.raw`\b(?:is|are) (?:beating|threatening|chasing) (?:me|us|him|her|them)\b`,
  String.raw`\b(?:will|going to|gonna|want to) kill (?:me|us|him|her)\b`,
  String.raw`\b(?:i am|im|i m|we are|we re) hiding\b`,
  // Swahili: msaada, wako hapa (wamerudi), wanapiga, wanatishia, wataniua, niko hatarini, nimejificha.
  // "Msaada!" or asked for, not "asante kwa msaada" (thanks for the help).
  String.raw`^ ?msaada\b|\b(?:naomba|tunaomba|nahitaji|tunahitaji) msaada\b|\b(?:nisaidie|nisaidieni|tusaidie|tusaidieni|saidieni)\b`,
  String.raw`\b(?:niko|tuko|yuko|ako|wako) hatarini\b`,
  String.raw`\b(?:wako|wapo|bado wako) (?:hapa|nje|mlangoni|getini|nyumbani)\b`,
  String.raw`\b(?:wamerudi|wamekuja tena|wanakuja)\b`,
  // Not voting, calling, taking photos ("wanapiga kura / simu / picha").
  String.raw`\bwana(?:ni|tu|m|wa)?piga\b(?! (?:kura|simu|picha|makofi|debe))`,
  String.raw`\bwana(?:ni|tu|m|wa)?(?:tishia|fukuza)\b`,
  String.raw`\bwana(?:ni|tu|m)(?:tafuta|fuata)\b`,
  String.raw`\bwanafyatua risasi\b`,
  String.raw`\b(?:wataniua|watatuua|watamuua|watawaua|wanataka kuniua|wanataka kutuua|wanataka kumuua)\b`,
  String.raw`\b(?:nimejificha|tumejificha)\b`,
];
const DANGER_NOW = new RegExp(PHRASES.join('|'));

export function saysDangerNow(text: string): boolean {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  return DANGER_NOW.test(plain);
}
