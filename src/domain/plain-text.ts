/** Already plain: lower-case ASCII letters and digits, single spaces between (most typed words, once read). */
const ALREADY_PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The last text read and its reading: a turn's rules read the same words many times over. */
let last: { text: string; plain: string } | undefined;

/**
 * Typed words as the rules read them: lower case, accents and punctuation (and emoji) removed,
 * spaces collapsed ("Ndiyo!!" -> "ndiyo"). One definition, so the bot's buttons-by-words and the
 * domain's word lists never read the same message two ways.
 */
export function plainWords(text: string): string {
  // Words already plain read as themselves; skipping Unicode normalisation saves most of the cost.
  if (ALREADY_PLAIN.test(text)) return text;
  if (last?.text === text) return last.plain;
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  last = { text, plain };
  return plain;
}
