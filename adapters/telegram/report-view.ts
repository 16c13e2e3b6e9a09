import type { Engine } from '../../src/engine/index.js';
import type { Lang } from '../../src/types.js';
import { simplify } from '../../src/text/script.js';

const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** What the bot shows of the report outside answers, ready in each language. */
export interface ReportView {
  title: Record<Lang, string>;
  /** Where the text comes from, as the knowledge states it. */
  source: string;
  /** Example questions for /start and empty inline queries. */
  examples: Record<Lang, string[]>;
  /** The report's own top-level parts (encyclopedia additions left out); each title is also the question its button asks. */
  parts: Record<Lang, string[]>;
  /** Questions known now that buttons carry: pinned so those buttons keep working after a restart. */
  questions: string[];
}

const byLang = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;

/**
 * Prepares the report's fixed strings once, when the bot is built, so commands cost nothing per
 * message. Title and examples come from the engine's `about`, in each script; part titles are the
 * report's own (traditional), simplified for simplified readers and in English for English ones.
 */
export function createReportView(engine: Pick<Engine, 'about' | 'knowledge'>): ReportView {
  const { knowledge } = engine;
  const about = byLang((lang) => engine.about(lang));
  // The report's parts are the children of its root section, whatever the pack calls that section.
  const root = knowledge.sections.find((s) => s.parent === null)?.id;
  const parts = knowledge.sections.filter((s) => s.parent === root && s.origin === 'report');
  const view = {
    title: byLang((lang) => about[lang].title),
    source: knowledge.meta.source,
    examples: byLang((lang) => about[lang].examples),
    parts: byLang((lang) => parts.map((s) => (lang === 'en' ? s.titleEn : lang === 'zh-Hans' ? simplify(s.title) : s.title))),
  };
  const questions = [
    ...LANGS.flatMap((lang) => [...view.examples[lang], ...view.parts[lang]]),
    ...knowledge.intents.flatMap((i) => [i.question.zh, i.question.en]),
  ];
  return { ...view, questions };
}
