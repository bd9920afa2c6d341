import { checkText, LIMITS } from '../../domain';
import type { Draft } from '../session';
import { normalise } from './parse';

/** These words are in the story already (as whole words, however written). */
export function inStory(d: Pick<Draft, 'text'>, input: string): boolean {
  const words = normalise(input);
  return d.text !== undefined && words !== '' && ` ${normalise(d.text)} `.includes(` ${words} `);
}

/** Adds the words on a line of their own after the story; false (and nothing added) when the story would be too long. */
export function joinStory(d: Pick<Draft, 'text'>, words: string): boolean {
  const more = words.trim();
  const joined = checkText(d.text === undefined ? more : `${d.text}\n${more}`, LIMITS.descriptionMaxChars);
  if (!joined.ok) return false;
  d.text = joined.text;
  return true;
}

/** Adds the words unless they are in the story already; true when they were added (the caller says so). */
export function addNew(d: Pick<Draft, 'text'>, words: string): boolean {
  return !inStory(d, words) && joinStory(d, words);
}
