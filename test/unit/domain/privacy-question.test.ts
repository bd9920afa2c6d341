/** A reporter asking whether it is safe, or who will see the report: answered, never "sijaelewa" or a bare menu. */
import { asksWhoSees } from '../../../src/domain';

describe('asksWhoSees', () => {
  it.each([
    'ni salama?',
    'ni salama kuripoti hapa?',
    'nani ataona?',
    'nani ataona ripoti yangu?',
    'nani atasoma hii',
    'polisi wataona jina langu?',
    'karao watajua ni mimi?',
    'jina langu litaonekana?',
    'nyinyi ni polisi?',
    'is it safe to report here?',
    'who will see this?',
    'will the police know?',
    // Present tense, "can"/"do", the name or a secret asked about: each got "not sent yet" (or, at the story question, became the story).
    'who sees this?',
    'who sees this',
    'who reads these reports?',
    'who reads this?',
    'so who gets to see it?',
    'can the police see this?',
    'can police see this?',
    'do the police see this?',
    'can the police find out?',
    'does anyone see my name?',
    'will they see my number?',
    'is my name shown?',
    'wataona jina langu?',
    'mtu ataona jina langu?',
    'maboys watajua?',
    'sanse watajua ni mimi?',
    'watanijua?',
    'nitajulikana?',
    'ni siri?',
    'hii ni siri?',
    'itakuwa siri?',
    'iko safe?',
    'ni safe?',
    'hii ni safe?',
    'safe?',
    'is this secret?',
    // Without the mark, opened as a question.
    'je polisi watajua ni mimi nimeripoti',
    'will the police know it was me',
    'can the police see this',
  ])('%j asks', (text) => expect(asksWhoSees(text)).toBe(true));

  it.each([
    // The danger question's "no" ("ni salama", "wako salama sasa"), a story that names the police knowing, a long account.
    'ni salama',
    'wako salama sasa',
    'niko salama',
    'polisi watajua tu',
    'walinipiga wakasema polisi wataona moto kama nitaripoti na sasa naogopa kwenda nyumbani kwa sababu wanajua ninapoishi?',
    'askari walinipora simu',
    // Whether it was sent, when, or how someone is: the other questions keep their own answer.
    'how long will it take?',
    'has it been sent?',
    'did you see my report?',
    'have you read it?',
    'mmeona ripoti yangu?',
    'do you know?',
    'am I anonymous?',
    'is my brother safe?',
    'wako salama?',
    'uko salama?',
    'watakuja lini?',
    // A story that names someone who reads or knows, or wonders.
    'the officer who reads the OB took my phone',
    'who knows what they will do next',
    'did they see you?',
    'can the police see what they did to us at the stage yesterday',
  ])('%j does not', (text) => expect(asksWhoSees(text)).toBe(false));
});
