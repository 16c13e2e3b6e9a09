/** The names the bot goes by in a room: its own name and its alias there, longest first. */
export function botNames(...names: (string | undefined | null)[]): string[] {
  const unique = new Set(names.map((n) => n?.trim()).filter((n): n is string => !!n));
  return [...unique].sort((a, b) => b.length - a.length);
}

/**
 * True when the text @-mentions one of the names. Why check text at all: some puppets leave the
 * mention list empty (or wrong), so `message.mentionSelf()` alone would miss real mentions.
 */
export function mentionsName(text: string, names: string[]): boolean {
  return names.some((name) => text.includes(`@${name}`));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The question without the @-mentions of the bot (and the space WeChat puts after a mention). */
export function stripMentions(text: string, names: string[]): string {
  let out = text;
  for (const name of names) out = out.replace(new RegExp(`@${escape(name)}[\\u2005\\s]?`, 'g'), ' ');
  return out.replace(/\s+/g, ' ').trim();
}
