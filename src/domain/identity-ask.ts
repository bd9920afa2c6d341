/**
 * Whether an agent's reply asks the reporter who they are. An anonymous reporter chose not to
 * say, and the consent question (which never goes to an anonymous report) is the only way their
 * details leave Ripoti; a "what is your number?" typed at the console would undo that choice
 * without anyone deciding it. The console asks the agent once more before such a reply goes.
 *
 * Only questions aimed at the reporter count ("your number", "your email", "namba yako", "nikupigie"), not an
 * officer's or a witness's details, which an agent may well need to ask about. A false alarm
 * costs one more click; a miss costs nothing more than before this rule.
 */
export type IdentityAsk = 'phone' | 'email' | 'name' | 'id_number' | 'home';

/** Checked in this order ("namba yako ya kitambulisho" is the ID's number, not the phone's): the first that matches is named. */
const ASKS: ReadonlyArray<readonly [IdentityAsk, RegExp]> = [
  [
    'id_number',
    new RegExp(
      [
        // The number, not the card: "did they take your ID?" is about what happened.
        String.raw`\byour (?:national )?(?:id|identity card|passport)(?: card)? (?:number|no\b)`,
        String.raw`\b(?:namba|nambari) ya (?:kitambulisho|id) (?:chako|yako)\b`,
        String.raw`\b(?:namba|nambari) yako ya (?:kitambulisho|id)\b`,
        String.raw`\bid (?:number|no|namba|nambari) yako\b`,
        // A bare "ID no.?" is asked of the reader; not "the officer's ID no." nor "ID number of the officer".
        String.raw`(?<!\b(?:the|his|her|their|its|officer['’]?s|officers['’]|policeman['’]?s|askari|of) )\bid (?:number|no)\b(?! (?:of|ya|wa)\b)`,
        // The card asked for ("tutumie kitambulisho chako", "send us your ID"), not "walichukua
        // kitambulisho chako?" / "did they take your ID?", which is about what happened.
        String.raw`\b(?:tuma|tutumie|nitumie|tupe|nipe|tuonyeshe|nionyeshe|tuambie|niambie|andika|picha ya) (?:\w+ )?kitambulisho chako\b`,
        String.raw`^\W*kitambulisho chako\W*$`,
        String.raw`\bkitambulisho chako (?:namba|nambari)\b`,
        String.raw`\b(?:send|give|share|show) (?:us|me) (?:a (?:photo|picture|copy) of )?your (?:national )?(?:id|identity card|passport)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'phone',
    new RegExp(
      [
        // The number, not the handset: "did they take your phone?" is about what happened; nor
        // "your reference number" (nambari yako ya kumbukumbu), which the bot gave them.
        String.raw`\byour (?:phone |mobile |cell |whats ?app |telephone )?(?:number|no\b)`,
        String.raw`\byour contact(?:s| details| info)\b`,
        // "Can we call you?", not "did the officer call you?", which is about what happened.
        String.raw`\b(?:we|i|can|could|may|shall|to) (?:\w+ )?(?:call|phone|ring) you\b`,
        // "Tutakupigia", "tunaweza kukupigia" (call you), not "kukupigia kura" (vote for you).
        String.raw`\b(?:tuta|nita)kupigia\b(?! kura)|\b(?:tunaweza|naweza|tutaweza|nitaweza|tungependa) kukupigia\b(?! kura)`,
        // Not the report's, the ticket's or the police case's (OB) number, which are no one's identity.
        String.raw`\b(?:namba|nambari|nambaa|number) yako\b(?! ya (?:kumbukumbu|ripoti|tiketi|kesi|ob)\b)`,
        String.raw`\b(?:namba|nambari) ya simu yako\b`,
        String.raw`\b(?:ni|tu)kupigie\b`,
        String.raw`\b(?:ni|tu)kupigia simu\b`,
        // "A number we can reach you on", "how can we contact you?": not "did anyone try to contact
        // you?" nor "did the officer call you?", whose subject is someone else.
        String.raw`\bnumber (?:where |on which |that )?(?:we|i) (?:can|could|may|will|shall) (?:\w+ )?(?:reach|contact|call|text|sms) you\b`,
        String.raw`\bnumber to (?:reach|contact|call|text|sms) you\b`,
        String.raw`\bhow (?:can|could|do|should|shall|will) (?:we|i) (?:reach|contact|call) you\b`,
        // "Send us your phone": the handset's number; "did they take your phone?" has no such verb.
        String.raw`\b(?:send|give|share|tell|text|sms|leave) (?:us|me) your (?:phone|mobile|cell|line|contacts?)\b`,
        String.raw`\bnamba (?:ya kukupata|tunayoweza kukupata|ambayo tunaweza kukupata)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'email',
    new RegExp(
      [
        // Before 'home': "anwani yako ya barua pepe" is the email's address, not the house's.
        String.raw`\byour (?:e-?mail|g-?mail)\b`,
        String.raw`\bg-?mail yako\b`,
        String.raw`\b(?:e-?mail|email address|barua ?pepe) yako\b`,
        String.raw`\banwani yako ya (?:barua ?pepe|e-?mail)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'name',
    new RegExp(
      [
        String.raw`\byour (?:full |real |first |second |last |sur|middle )?names?\b`,
        // "Who are you?", not "who are you reporting?"
        String.raw`\bwho are you\b(?! \w)`,
        String.raw`\bintroduce yourself\b`,
        String.raw`\b(?:jina|majina) (?:lako|yako)\b`,
        String.raw`\bunaitwa\b(?: (?:nani|aje|vipi))?\s*(?:\?|$)`,
        String.raw`\bname yako\b`,
        String.raw`\bwewe ni nani\b`,
        String.raw`\bjitambulishe\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'home',
    new RegExp(
      [
        String.raw`\bwhere (?:do )?you (?:live|stay|reside)\b`,
        // Where they live, not "they came to your house", which is what happened.
        String.raw`\byour (?:home |house |physical |postal )?address\b`,
        String.raw`\bunaishi (?:wapi|mtaa gani|sehemu gani|eneo gani|kijiji gani|estate gani|area gani)\b`,
        // "Uko wapi unaishi?" (where do you live), not "uko wapi sasa?" (where are you now: safety).
        String.raw`\bwapi (?:unaishi|unapoishi|unakaa|unapokaa)\b`,
        String.raw`\bunakaa (?:wapi|mtaa gani|estate gani|area gani)\b`,
        String.raw`\bkwenu ni wapi\b`,
        String.raw`\bwhich (?:estate|area) do you (?:live|stay) in\b`,
        String.raw`\bmahali unapoishi\b`,
        String.raw`\banwani yako\b`,
      ].join('|'),
      'i',
    ),
  ],
];

/** What the reply asks the reporter for, or null when it asks none of it. */
export function identityAsked(text: string): IdentityAsk | null {
  // Line breaks and doubled spaces between the words of a phrase.
  const plain = text.replace(/\s+/g, ' ');
  for (const [ask, re] of ASKS) if (re.test(plain)) return ask;
  return null;
}
