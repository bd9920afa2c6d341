/** Escape user-provided text for parse_mode HTML (Telegram needs only these three). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
