const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Makes any text safe inside a Telegram HTML message. Telegram's HTML mode needs only these three
 * escaped outside attributes, and we never put report or user text into an attribute, so a question
 * like `<a href="…">` or `AT&T` is shown as typed instead of becoming markup or a parse error.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}
