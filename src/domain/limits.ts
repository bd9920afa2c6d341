/** Input limits a reporter is told about when they exceed them. Telegram's own: text 4096, caption 1024. */
export const LIMITS = {
  /** About three Telegram messages: a long paste arrives split in parts of 4,096 and is joined. */
  descriptionMaxChars: 12000,
  placeMaxChars: 200,
  /** An agent's reply: framed with the reference, it must fit one Telegram message. */
  replyMaxChars: 3500,
  /**
   * A reporter's message to the staff: anything one Telegram message can hold, so a long paste
   * (split by Telegram into parts of 4,096) reaches the staff whole, part after part.
   */
  reporterMessageMaxChars: 4096,
  noteMaxChars: 2000,
  /** The name of an agency not on the list (a referral to OTHER). */
  agencyNameMaxChars: 120,
  evidenceMaxItems: 10,
  /** getFile can only download files up to 20 MB, so larger evidence could never be seen by an agent. */
  evidenceMaxBytes: 20 * 1024 * 1024,
  voiceMaxSeconds: 600,
  /**
   * Texts forwarded from someone else (a post, a threat): kept beside the story, never as it.
   * Five is more than a report needs and keeps the session small.
   */
  passedOnMaxItems: 5,
  /** One Telegram message. */
  passedOnMaxChars: 4096,
} as const;

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too_long'; max: number };

export function checkText(input: string | undefined, max: number): TextCheck {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, reason: 'empty', max };
  if ([...text].length > max) return { ok: false, reason: 'too_long', max };
  return { ok: true, text };
}

/**
 * Staff's words for Telegram, counted as Telegram and the browser's `maxlength` count them (UTF-16
 * units: an emoji is two): 3,500 emoji pass a count of characters and then fail Telegram's 4,096.
 */
export function checkReplyText(input: string | undefined): TextCheck {
  const checked = checkText(input, LIMITS.replyMaxChars);
  return checked.ok && checked.text.length > LIMITS.replyMaxChars ? { ok: false, reason: 'too_long', max: LIMITS.replyMaxChars } : checked;
}
