/** Longest return path carried through sign-in: a huge one would make an oversized Location header. */
export const MAX_NEXT_LENGTH = 512;

/** Only same-site paths, so a crafted `next=` cannot send someone to another site after sign-in. */
export function safeLocalPath(p: unknown, fallback = '/queue'): string {
  return typeof p === 'string' && p.length <= MAX_NEXT_LENGTH && /^\/(?![/\\])[^\s]*$/.test(p) ? p : fallback;
}
