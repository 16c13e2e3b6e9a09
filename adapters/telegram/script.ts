import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/**
 * Traditional → simplified, for the report's part titles (the report is written in traditional
 * script; the engine converts answers and examples itself but has no call for section titles).
 * Character-level, as the engine's matching form, so a tapped title reads as the engine expects.
 */
export function simplify(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}
