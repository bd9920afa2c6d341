import { randomInt } from 'node:crypto';

/**
 * Reference numbers like R-7K3F-9QX2: seven random characters and one check character from an
 * alphabet without look-alikes (no 0/O, 1/I/L). The alphabet has 31 symbols, a prime, so a
 * position-weighted sum mod 31 catches every single wrong character and every swap of two
 * neighbours: a mistyped reference is told apart from one that simply does not exist.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = REFERENCE_ALPHABET.length; // 31
const BODY = 7;

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * REFERENCE_ALPHABET.indexOf(body[i]);
  return REFERENCE_ALPHABET[sum % N];
}

function format(chars: string): string {
  return `R-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function generateReference(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < BODY; i++) body += REFERENCE_ALPHABET[random(N)];
  return format(body + checkChar(body));
}

export type ParsedReference = { ok: true; reference: string } | { ok: false; reason: 'malformed' | 'checksum' };

/** Accepts what people type: any case, spaces or dashes, with or without the leading R. */
export function parseReference(input: string): ParsedReference {
  const trimmed = input.trim().toUpperCase();
  // "R" is also in the alphabet: it is a prefix only when a separator follows or the length says so.
  let s = trimmed.replace(/^R[\s\-_.]+/, '').replace(/[\s\-_.]/g, '');
  if (s.length === BODY + 2 && s.startsWith('R')) s = s.slice(1);
  if (s.length !== BODY + 1) return { ok: false, reason: 'malformed' };
  for (const ch of s) if (!REFERENCE_ALPHABET.includes(ch)) return { ok: false, reason: 'malformed' };
  if (checkChar(s.slice(0, BODY)) !== s[BODY]) return { ok: false, reason: 'checksum' };
  return { ok: true, reference: format(s) };
}

/** True when the text looks like someone tried to type a reference (used to pick the right message). */
export function looksLikeReference(input: string): boolean {
  return /^\s*R?[\s-]*[A-Z0-9]{4}[\s-]*[A-Z0-9]{4}\s*$/i.test(input);
}
