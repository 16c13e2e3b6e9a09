import type { Library } from '../../src/library/index.js';
import type { ConversingEngine } from '../shared/state/index.js';

/** Messages asking which reports there are: 报告列表, 有哪些报告, reports. */
const ASKS_REPORTS = /^\s*(?:报告列表|報告列表|(?:有)?哪些报告|(?:有)?哪些報告|reports?|list reports)\s*[?？]?\s*$/iu;
/** Reports in one list at most: a WeChat message stays readable, and a larger library is asked by body and year. */
const MAX_LISTED = 20;

const isLibrary = (engine: ConversingEngine): engine is ConversingEngine & Pick<Library, 'reports'> => 'reports' in engine && typeof engine.reports === 'function';

/**
 * "报告列表": the reports a library serves as a numbered list, each number choosing its report for
 * the conversation (the options are the reports' names, which the library routes). Undefined for
 * any other message, or when only one report is served.
 */
export function reportList(engine: ConversingEngine, text: string): { text: string; suggestions: string[] } | undefined {
  if (!ASKS_REPORTS.test(text) || !isLibrary(engine)) return undefined;
  const reports = engine.reports();
  if (reports.length < 2) return undefined;
  const en = /^[\s\x21-\x7e]*$/.test(text);
  const shown = reports.slice(0, MAX_LISTED);
  const head = en ? 'You can ask about these reports (reply with a number to choose one):' : '可以查询以下报告（回复序号即可选择）：';
  const lines = shown.map((r, i) => `${i + 1}. ${en ? r.title.en : r.title.zh}`);
  if (reports.length > MAX_LISTED) lines.push(en ? `… ${reports.length} in all; name the body and year in your question.` : `……共${reports.length}份，可在问题里写明机关和年份。`);
  return { text: [head, ...lines].join('\n'), suggestions: shown.map((r) => (en ? `${r.bodyEn} ${r.year}` : `${r.shortName}${r.year}年`)) };
}
