/**
 * Typed words as the rules read them: lower case, accents and punctuation (and emoji) removed,
 * spaces collapsed ("Ndiyo!!" -> "ndiyo"). One definition, so the bot's buttons-by-words and the
 * domain's word lists never read the same message two ways.
 */
export function plainWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
