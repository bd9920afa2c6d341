import { checkText, LIMITS } from '../../domain';
import type { Draft } from '../session';
import type { Turn } from './turn';
import { normalise } from './parse';

/** These words are in the story already (as whole words, however written). */
export function inStory(d: Pick<Draft, 'text'>, input: string): boolean {
  const words = normalise(input);
  return d.text !== undefined && words !== '' && ` ${normalise(d.text)} `.includes(` ${words} `);
}

/**
 * The same message sent again: its words in the story already. One word only as the last piece added: "kwa" or
 * "with" elsewhere in the story is no resend, and a story sent a word at a time would lose it.
 */
export function sentAgain(d: Pick<Draft, 'text'>, input: string): boolean {
  const words = normalise(input);
  if (d.text === undefined || words === '' || words.includes(' ')) return inStory(d, input);
  return normalise(d.text.split('\n').at(-1) ?? '') === words;
}

/**
 * Adds the words on a line of their own after the story; false (and nothing added) when the story
 * would be too long, or was cut at its limit: words after the cut would read as following it.
 */
export function joinStory(d: Pick<Draft, 'text' | 'storyCut'>, words: string): boolean {
  if (d.storyCut) return false;
  const more = words.trim();
  const joined = checkText(d.text === undefined ? more : `${d.text}\n${more}`, LIMITS.descriptionMaxChars);
  if (!joined.ok) return false;
  d.text = joined.text;
  return true;
}

/**
 * As much of the words as fits after the story, cut before a space (a long paste Telegram split in
 * parts runs on past the limit); the words left over, '' when all fitted. None of a word is cut.
 */
export function joinWhatFits(d: Pick<Draft, 'text'>, words: string): string {
  const chars = [...words.trim()];
  const room = LIMITS.descriptionMaxChars - (d.text === undefined ? 0 : [...d.text].length + 1);
  if (chars.length <= room) return joinStory(d, words) ? '' : words.trim();
  let cut = Math.max(room, 0);
  while (cut > 0 && !/\s/.test(chars[cut])) cut--;
  const head = chars.slice(0, cut).join('').trimEnd();
  if (head) d.text = d.text === undefined ? head : `${d.text}\n${head}`;
  return chars.slice(cut).join('').trim();
}

/** How much of the words not added is quoted back: a long paste is named by its beginning. */
const QUOTE_CHARS = 120;

/**
 * The story is at its limit: the reporter is told, in the same reply, which words were not added
 * and where they can still go (to the staff, once the report is sent). Never dropped unsaid.
 */
export function tellStoryFull(turn: Pick<Turn, 'say'>, words: string): void {
  const chars = [...words.trim()];
  const quote = chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('').trimEnd()}…` : chars.join('');
  turn.say('desc.full', { max: LIMITS.descriptionMaxChars, words: quote });
}

/** New words added and said so, or said not to fit (`tellStoryFull`); words in the story already: nothing said. */
export function addNewOrTell(turn: Pick<Turn, 'say'>, d: Pick<Draft, 'text' | 'storyCut'>, words: string): void {
  if (inStory(d, words)) return;
  if (joinStory(d, words)) turn.say('desc.added');
  else tellStoryFull(turn, words);
}
