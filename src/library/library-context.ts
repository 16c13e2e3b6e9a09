import type { Lang, SessionContext } from '../types.js';

/**
 * What a conversation remembers in a library: the engine's own context (its last topic, unchanged),
 * wrapped with the pack it came from. A pack chosen before any topic (a question that named a report
 * but found nothing) is remembered with an empty topic, which no engine's rules match.
 */
export interface LibraryContext extends SessionContext {
  /** The pack the conversation is in; '' while a "which report?" awaits its answer. */
  report: string;
  /** The packs a "which report?" offered, in order, so "2" picks one in any channel. */
  reportOptions?: string[];
}

/** The library's part of a stored context, or undefined for a context of a single engine or none. */
export function libraryContextOf(context: SessionContext | undefined): LibraryContext | undefined {
  if (!context || typeof (context as Partial<LibraryContext>).report !== 'string') return undefined;
  return context as LibraryContext;
}

/** The engine's context inside the wrapper (the library's field taken out), if it holds a topic. */
export function innerContextOf(context: LibraryContext | undefined): SessionContext | undefined {
  if (!context || context.intent === '') return undefined;
  const { report: _report, reportOptions: _options, ...inner } = context;
  return inner;
}

/** Wraps an engine's context with its pack; a pack with no topic yet keeps an empty one. */
export function wrapContext(report: string, inner: SessionContext | undefined, lang: Lang, at: number): LibraryContext {
  return inner ? { ...inner, report } : { intent: '', concepts: [], lang, at, report };
}
