import { checkReplyText, checkText } from './limits';
import { oversees, type Role } from './policy';

/**
 * Saved replies: ready answers agents pick on a ticket, each written in English and Swahili so
 * the reporter reads it in their own language. Supervisors (and admins) write and change them;
 * agents only use them.
 */
export const SAVED_REPLY_TITLE_MAX = 80;

export type SavedReplyRefusal = 'wrong_role' | 'title_empty' | 'title_too_long' | 'en_empty' | 'en_too_long' | 'sw_empty' | 'sw_too_long';

export function mayManageSavedReplies(role: Role): { ok: true } | { ok: false; reason: 'wrong_role' } {
  return oversees(role) ? { ok: true } : { ok: false, reason: 'wrong_role' };
}

export interface SavedReplyInput {
  title: string;
  en: string;
  sw: string;
}

/** Both languages are required: a reply missing one would reach some reporters in a language they did not choose. */
export function checkSavedReply(input: { title?: string; en?: string; sw?: string }): { ok: true; value: SavedReplyInput } | { ok: false; reason: SavedReplyRefusal } {
  const title = checkText(input.title, SAVED_REPLY_TITLE_MAX);
  if (!title.ok) return { ok: false, reason: `title_${title.reason}` };
  const en = checkReplyText(input.en);
  if (!en.ok) return { ok: false, reason: `en_${en.reason}` };
  const sw = checkReplyText(input.sw);
  if (!sw.ok) return { ok: false, reason: `sw_${sw.reason}` };
  return { ok: true, value: { title: title.text, en: en.text, sw: sw.text } };
}

/** The text for a reporter's language. */
export function savedReplyText(reply: { text: { en: string; sw: string } }, lang: 'en' | 'sw'): string {
  return lang === 'sw' ? reply.text.sw : reply.text.en;
}
