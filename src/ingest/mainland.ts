import type { DomainIngest } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';

/**
 * Simplified Chinese with the mainland words people type in place of the Taiwan-style ones a
 * conversion produced (入口網站 → 门户网站, 檔案 → 文件, 檔案館 stays 档案馆): for reply text and for
 * the words a question is matched by, never for quotes, which stay verbatim.
 */
export function createMainland(domain: Pick<DomainIngest, 'phrases'>): (text: string) => string {
  const pairs = domain.phrases.map((p) => [simplify(p.from), p.to] as const);
  const table = new Map(pairs);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Alternatives in list order: an exception (档案馆) is listed before the word it protects (档案).
  const pattern = pairs.length ? new RegExp(pairs.map(([from]) => escape(from)).join('|'), 'g') : undefined;
  return (text) => {
    const simple = simplify(text);
    return pattern ? simple.replace(pattern, (m) => table.get(m) ?? m) : simple;
  };
}
