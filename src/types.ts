/** The scripts and languages a reply can be written in; a reply always follows the question's. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

/** What happened to a question, as the batch contract names it. */
export type Outcome = 'answered' | 'clarify' | 'out_of_scope' | 'unknown';

/** Where in the report an answer stands, so a reader can check it word for word. */
export interface Citation {
  sectionId: string;
  /** Title of the most specific section, in the reply's script (Chinese even for English replies). */
  section: string;
  /** The section's title in English, for English replies. */
  sectionEn?: string;
  /** A verbatim excerpt (script-converted for simplified replies); `…` joins excerpts. */
  quote: string;
}

/** A ranked reading of a question, kept so staff can see why the bot answered as it did. */
export interface Reading {
  intent: string;
  score: number;
  /** The question's concepts this rule used. */
  matched: string[];
}

/** Why the engine chose its reply: the matched rule, its score and the runner-up. */
export interface Explanation {
  rule: string | null;
  score: number;
  runnerUp: Reading | null;
  /** Concepts recognised in the question (after follow-up context was applied). */
  concepts: string[];
  /** True when the previous turn's topic completed this question. */
  usedContext: boolean;
  /** Qualifiers that pushed a question out of scope (a year, a place, a topic). */
  qualifiers: string[];
}

/** The engine's reply to one question: the same shape every adapter renders. */
export interface Answer {
  outcome: Outcome;
  /** The whole reply as a user reads it: the statement, then the source line(s). */
  text: string;
  /** The statement alone, without the source lines, for adapters that render citations themselves. */
  message: string;
  lang: Lang;
  intent: string | null;
  confidence: number;
  citations: Citation[];
  suggestions: string[];
  explain: Explanation;
}

/** What a conversation remembers between turns: only the last topic, never the text. */
export interface SessionContext {
  intent: string;
  concepts: string[];
  lang: Lang;
  /** When the context was written, in the clock's milliseconds; used for idle expiry. */
  at: number;
  /** The rules a clarify offered, in order, so "2" or "第二个" picks one in any channel. */
  options?: string[];
  /** The list item (index) the last answer gave, so "具体表现呢?" can ask more about it. */
  item?: number;
  /** The rules of the last two answers, oldest first, so "两个加起来多少?" can compare them. */
  recent?: string[];
}

/** One question to the engine. */
export interface Question {
  text: string;
  /** A conversation id; follow-ups within one id resolve against the previous turn. */
  session?: string;
}
