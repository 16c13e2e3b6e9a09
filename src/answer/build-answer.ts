import type { Intent, Knowledge } from '../knowledge/schema.js';
import { createTraditionalizer, simplify } from '../text/script.js';
import type { Answer, Citation, Explanation, Lang, Outcome } from '../types.js';
import type { Figures, ReplyLang } from './figures.js';
import { MESSAGES, fill, type MessageKey } from './messages.js';

/** What the bot covers, in one script: for welcome screens and /start. */
export interface About {
  title: string;
  scope: string;
  examples: string[];
}

/** Turns engine decisions into Answers in the asker's script; knows wording, not matching. */
export interface AnswerBuilder {
  say(key: MessageKey, lang: Lang, values?: Record<string, string | number>): string;
  questionOf(intent: Intent, lang: Lang): string;
  examples(lang: Lang): string[];
  about(lang: Lang): About;
  citationsOf(intent: Intent, lang: Lang): Citation[];
  /** A citation of any verbatim excerpt of a section (a sentence answering in the report's words). */
  citation(sectionId: string, quote: string, lang: Lang): Citation;
  /** Text of the report in the asker's script (English readers get the original). */
  reportText(original: string, lang: Lang): string;
  /**
   * Where to ask instead, when the report gives the body's contact: one line quoting it, and its
   * citation. Undefined when the pack's meta has no contact (the report gave none).
   */
  contact(lang: Lang): { line: string; citation: Citation } | undefined;
  replyOf(intent: Intent, lang: Lang): string;
  /** One item of a list, in the asker's script. */
  itemOf(listId: string, index: number, lang: Lang): string | undefined;
  /** The report's own words under one item of a list (from the item to the next), verbatim, for "具体呢?". */
  itemDetailOf(listId: string, index: number): { sectionId: string; text: string } | undefined;
  finish(parts: {
    outcome: Outcome;
    message: string;
    lang: Lang;
    intent: string | null;
    confidence: number;
    citations?: Citation[];
    suggestions?: string[];
    explain: Explanation;
  }): Answer;
}

export function createAnswerBuilder(knowledge: Knowledge, figures: Figures): AnswerBuilder {
  const sections = new Map(knowledge.sections.map((s) => [s.id, s]));
  // A subsection is cited with its part ("主动公开政府信息情况 › 公开渠道"): people know a report by its
  // parts, and the part says where the subsection's title stands.
  const titleOf = (id: string): string => {
    const section = sections.get(id);
    if (!section) return id;
    let part = section;
    for (let up = sections.get(part.parent ?? ''); up && up.parent !== null && sections.has(up.parent); up = sections.get(up.parent ?? '')) part = up;
    const top = part.parent === null ? undefined : sections.get(part.parent);
    const isPartOfReport = top === undefined || top.parent === null;
    return part !== section && isPartOfReport ? `${part.title} › ${section.title}` : section.title;
  };
  const replyLang = (lang: Lang): ReplyLang => (lang === 'en' ? 'en' : 'zh');
  let traditionalize: ((text: string) => string) | undefined;
  /** Chinese text of ours (mainland simplified) into the asker's script; the converter is built on first use. */
  const script = (zh: string, lang: Lang) => {
    if (lang !== 'zh-Hant') return zh;
    traditionalize ??= createTraditionalizer(JSON.stringify(knowledge) + JSON.stringify(MESSAGES));
    return traditionalize(zh);
  };
  /** Text of the report (traditional) into the asker's script; English readers get the original. */
  // The report's titles and quotes are converted once each: the same few are cited answer after
  // answer, and a pack's text is finite, so this holds no more than the pack itself.
  const simplifiedReport = new Map<string, string>();
  const simplifiedOf = (original: string) => {
    let text = simplifiedReport.get(original);
    if (text === undefined) simplifiedReport.set(original, (text = simplify(original)));
    return text;
  };
  const reportText = (original: string, lang: Lang) => (lang === 'zh-Hans' ? simplifiedOf(original) : original);
  const meta = knowledge.meta;
  const slots = (lang: Lang) => ({
    title: lang === 'en' ? meta.title.en : meta.title.zh,
    city: lang === 'en' ? meta.city.en : meta.city.zh,
    year: meta.year,
  });

  // A rule's reply and citations depend only on the rule and the script (figures are fixed at
  // load), so each is rendered once: no OpenCC conversion on the hot path.
  const replyCache = new Map<string, string>();
  const citationCache = new Map<string, Citation[]>();

  // A message without values of its own ("来源", the apology) is the same every time in a script.
  const plainMessages = new Map<string, string>();
  const render = (key: MessageKey, lang: Lang, values: Record<string, string | number>) => {
    const text = fill(MESSAGES[key][replyLang(lang)], { ...slots(lang), ...values });
    return lang === 'en' ? text : script(text, lang);
  };

  const builder: AnswerBuilder = {
    say(key, lang, values) {
      if (values) return render(key, lang, values);
      const cacheKey = `${key}|${lang}`;
      let text = plainMessages.get(cacheKey);
      if (text === undefined) plainMessages.set(cacheKey, (text = render(key, lang, {})));
      return text;
    },
    questionOf(intent, lang) {
      return lang === 'en' ? intent.question.en : script(intent.question.zh, lang);
    },
    examples(lang) {
      return lang === 'en' ? [...meta.examples.en] : meta.examples.zh.map((q) => script(q, lang));
    },
    about(lang) {
      const pick = (text: { zh: string; en: string }) => (lang === 'en' ? text.en : script(text.zh, lang));
      return { title: pick(meta.title), scope: pick(meta.scope), examples: builder.examples(lang) };
    },
    citationsOf(intent, lang) {
      const key = `${intent.id}|${lang}`;
      let citations = citationCache.get(key);
      if (!citations) {
        citations = intent.cite.map((c) => {
          const section = sections.get(c.section);
          return Object.freeze({
            sectionId: c.section,
            section: reportText(titleOf(c.section), lang),
            sectionEn: section?.titleEn ?? c.section,
            quote: reportText(c.quote, lang),
          });
        });
        citationCache.set(key, citations);
      }
      return [...citations];
    },
    citation(sectionId, quote, lang) {
      const section = sections.get(sectionId);
      return { sectionId, section: reportText(titleOf(sectionId), lang), sectionEn: section?.titleEn ?? sectionId, quote: reportText(quote, lang) };
    },
    reportText,
    contact(lang) {
      if (!meta.contact) return undefined;
      const citation = builder.citation(meta.contact.section, meta.contact.quote, lang);
      const lead = builder.say('contact', lang);
      return { line: lang === 'en' ? `${lead} “${citation.quote}”` : `${lead}「${citation.quote}」`, citation };
    },
    replyOf(intent, lang) {
      const key = `${intent.id}|${lang}`;
      let reply = replyCache.get(key);
      if (reply === undefined) {
        const text = figures.render(intent.reply[replyLang(lang)], replyLang(lang));
        reply = lang === 'en' ? text : script(text, lang);
        replyCache.set(key, reply);
      }
      return reply;
    },
    itemOf(listId, index, lang) {
      const item = figures.list(listId)?.items[index];
      if (!item) return undefined;
      return lang === 'en' ? item.en : script(item.zh, lang);
    },
    itemDetailOf(listId, index) {
      const list = figures.list(listId);
      const section = list ? sections.get(list.section) : undefined;
      if (!list || !section) return undefined;
      const original = section.text;
      const plain = simplify(original);
      // Script conversion keeps one character for one here; without that, positions cannot be mapped back.
      if (plain.length !== original.length) return undefined;
      const head = (i: number) => simplify(list.items[i]?.zh ?? '').split(/[：:（(]/)[0] ?? '';
      const own = head(index);
      const start = own.length >= 2 ? plain.indexOf(own) : -1;
      if (start < 0) return undefined;
      const next = head(index + 1);
      const nextAt = next.length >= 2 ? plain.indexOf(next, start + own.length) : -1;
      const paragraphEnd = plain.indexOf('\n', start);
      const end = nextAt > start ? nextAt : paragraphEnd > start ? paragraphEnd : plain.length;
      // Drop the next item's ordinal (二是, 2.) that precedes its words.
      const text = original.slice(start, end).replace(/[一二三四五六七八九十\d]+[是、.．]\s*$/u, '').trim();
      return text.length > own.length ? { sectionId: section.id, text } : undefined;
    },
    finish({ outcome, message, lang, intent, confidence, citations = [], suggestions = [], explain }) {
      const label = builder.say('source', lang);
      const sources = citations.map((c) =>
        lang === 'en' ? `${label}: ${c.sectionEn} (${c.section}): “${c.quote}”` : `${label}：${c.section}「${c.quote}」`,
      );
      return {
        outcome,
        text: [message, ...sources].join('\n'),
        message,
        lang,
        intent,
        confidence: Math.round(confidence * 100) / 100,
        citations,
        suggestions,
        explain,
      };
    },
  };
  return builder;
}
