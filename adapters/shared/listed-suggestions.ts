/** A reply's own words once the lines that only list its suggestions are taken out. */
export interface WithoutListed {
  text: string;
  /**
   * The text ends with its own lead-in to the suggestions ("例如：", "可以试试这些问题：", "You
   * could try:"), so a channel showing them as buttons or a numbered list adds no heading of its own.
   */
  leadsIn: boolean;
}

const ITEM = /^\s*(?:•|\d+[.、])\s*(.+?)\s*$/;
const LEAD_IN = /[:：]$/;

/**
 * The engine's message may list its suggestions (`• …` or `1. …` lines) after a lead-in sentence;
 * channels that show suggestions their own way (buttons, numbered replies) drop those lines and,
 * when the lead-in is left, let it head their list, so the heading and the list are said once.
 */
export function withoutListedSuggestions(message: string, suggestions: readonly string[]): WithoutListed {
  if (suggestions.length === 0) return { text: message, leadsIn: false };
  const offered = new Set(suggestions);
  const kept = message.split('\n').filter((line) => {
    const item = ITEM.exec(line);
    return !(item?.[1] && offered.has(item[1]));
  });
  const text = kept.join('\n').trimEnd();
  return { text, leadsIn: LEAD_IN.test(text) };
}
