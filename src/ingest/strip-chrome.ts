import type { DomainIngest } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import type { IngestMessage, SourceLine } from './source-lines.js';

/** Comma-separated short headings ending in a comma: an encyclopedia's table of contents, not text. */
function isContentsLine(text: string): boolean {
  if (!/[,，]\s*$/.test(text) || /[。；;]/.test(text)) return false;
  const parts = text.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 3 && parts.every((p) => p.length <= 30);
}

/**
 * Drops what the web page or encyclopedia put around the report: navigation, 发布时间 and 索引号
 * lines, print buttons, attachment names, the infobox and its contents line, and everything from the
 * footer (相关词条…) on. Each dropped line is noted for the review.
 */
export function stripChrome(lines: SourceLine[], domain: Pick<DomainIngest, 'chrome'>, messages: IngestMessage[]): SourceLine[] {
  const patterns = domain.chrome.lines.map((p) => new RegExp(p, 'i'));
  const kept: SourceLine[] = [];
  let inInfobox = false;
  const seen = new Set<string>();
  for (const l of lines) {
    const text = l.text.trim();
    const simple = simplify(text);
    if (!text) continue;
    if (domain.chrome.footerStart.some((w) => simple === w || simple.startsWith(`${w} `))) {
      messages.push({ line: l.line, kind: 'stripped', text: `page footer from here on: ${text.slice(0, 40)}` });
      break;
    }
    if (domain.chrome.infoboxStart.includes(simple)) {
      inInfobox = true;
      messages.push({ line: l.line, kind: 'stripped', text: `encyclopedia infobox: ${text}` });
      continue;
    }
    if (inInfobox) {
      if (/^[•·・●▪]/.test(text) || /^[^。]{1,12}[:：]/.test(text)) {
        messages.push({ line: l.line, kind: 'stripped', text: `infobox: ${text.slice(0, 40)}` });
        continue;
      }
      inInfobox = false;
    }
    if (isContentsLine(text)) {
      messages.push({ line: l.line, kind: 'stripped', text: `table of contents: ${text.slice(0, 40)}` });
      continue;
    }
    if (patterns.some((p) => p.test(simple)) && !/\d+\s*[|｜]\s*\d/.test(text)) {
      if (!/^[|\s]*$/.test(text)) messages.push({ line: l.line, kind: 'stripped', text: `page chrome: ${text.slice(0, 50)}` });
      else kept.push({ ...l, text });
      continue;
    }
    // A page often repeats the title (in the page head and the article): keep it once. Short lines
    // repeat in a table copied a cell per line (结果维持, 0): those are kept.
    if (text.length >= 10 && text.length <= 60 && seen.has(text) && !text.includes('|')) {
      messages.push({ line: l.line, kind: 'stripped', text: `repeated line: ${text}` });
      continue;
    }
    seen.add(text);
    kept.push({ ...l, text });
  }
  return kept;
}
