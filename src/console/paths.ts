/** Longest return path carried through sign-in: a huge one would make an oversized Location header. */
export const MAX_NEXT_LENGTH = 512;

/**
 * Only same-site paths, so a crafted `next=` cannot send someone to another site after sign-in;
 * and only printable ASCII (browsers percent-encode the rest), since a control character such as
 * `%00` cannot go into a Location header and would fail the response after the session was made.
 */
export function safeLocalPath(p: unknown, fallback = '/queue'): string {
  return typeof p === 'string' && p.length <= MAX_NEXT_LENGTH && /^\/(?![/\\])[\x21-\x7e]*$/.test(p) ? p : fallback;
}
