import type { AnswerBuilder } from '../answer/build-answer.js';
import type { Figures } from '../answer/figures.js';
import type { Intent } from '../knowledge/schema.js';
import type { Answer, Explanation, Lang } from '../types.js';
import { compareMessage } from './compare-reply.js';
import type { Decision, Premise } from './decide.js';
import type { Understood } from './understand.js';

/** Questions asking what the asker should do (该不该去告他们): no report answers them, and no bot should. */
const ADVICE_TOPIC = 'scope:topic:advice';

/** A reading this strong is a full answer; it scales confidence. */
const STRONG_SCORE = 4;

/** The reply, and the rule a follow-up should continue from (none: keep the last topic). */
export interface Reply {
  answer: Answer;
  remember?: Intent;
}

/**
 * Words a decision in the asker's script: the statement, then citations and suggestions. Knows
 * wording and figures, not matching.
 */
export function replyTo(decision: Decision, u: Understood, build: AnswerBuilder, figures: Figures, intents: ReadonlyMap<string, Intent>): Reply {
  const { lang } = u;
  const explain: Explanation = {
    rule: u.readings[0]?.intent ?? null,
    score: u.readings[0]?.score ?? 0,
    runnerUp: u.readings[1] ?? null,
    concepts: [...u.concepts].sort(),
    usedContext: u.usedContext,
    qualifiers: [...u.otherYears.map((y) => `year:${y}`), ...u.otherRelativeYears.map((y) => `relative-year:${y}`), ...(u.otherPlace ? ['place:other'] : []), ...(u.topic ? [u.topic.slice('scope:'.length)] : [])],
  };
  const bullets = (items: string[]) => items.map((s) => `• ${s}`);
  const numbered = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`);
  const finish = (parts: Omit<Parameters<AnswerBuilder['finish']>[0], 'lang' | 'explain'>) => build.finish({ ...parts, lang, explain });

  const outOfScope = (lead: string, alternative: Intent | undefined): Reply => {
    const suggestions = [...(alternative ? [build.questionOf(alternative, lang)] : []), ...build.examples(lang)].slice(0, 4);
    const where = build.contact(lang);
    const message = [lead, build.say('applyHint', lang), ...(where ? [where.line] : []), build.say('tryInstead', lang), ...bullets(suggestions)].join('\n');
    return { answer: finish({ outcome: 'out_of_scope', message, intent: null, confidence: 0.9, suggestions, citations: where ? [where.citation] : [] }) };
  };

  switch (decision.kind) {
    case 'empty': {
      const suggestions = build.examples(lang);
      return { answer: finish({ outcome: 'unknown', message: `${build.say('empty', lang)}${suggestions[0] ?? ''}`, intent: null, confidence: 0, suggestions }) };
    }
    case 'other-year':
      return outOfScope(build.say('otherYear', lang, { asked: decision.years.join('/') }), decision.alternative);
    case 'other-place':
      return outOfScope(build.say('otherPlace', lang), decision.alternative);
    case 'other-topic':
      return outOfScope(build.say(u.topic === ADVICE_TOPIC ? 'noAdvice' : u.judgement ? 'noJudgement' : 'otherTopic', lang), undefined);
    case 'unknown': {
      const suggestions = build.examples(lang);
      if (decision.greeting) return { answer: finish({ outcome: 'unknown', message: [build.say('greeting', lang), ...bullets(suggestions)].join('\n'), intent: null, confidence: 0, suggestions }) };
      // Nothing matched: say so, then where to ask when the report gives a contact, then what works.
      const where = build.contact(lang);
      const sorry = build.say('unknown', lang);
      const tryThese = build.say('tryThese', lang);
      const head = where ? [sorry, where.line, tryThese] : [lang === 'en' ? `${sorry} ${tryThese}` : `${sorry}${tryThese}`];
      return { answer: finish({ outcome: 'unknown', message: [...head, ...bullets(suggestions)].join('\n'), intent: null, confidence: 0, suggestions, citations: where ? [where.citation] : [] }) };
    }
    case 'which': {
      const options = decision.options.map((i) => build.questionOf(i, lang));
      const message = [build.say('clarify', lang), ...numbered(options)].join('\n');
      return { answer: finish({ outcome: 'clarify', message, intent: null, confidence: decision.remember ? 0.5 : 0.3, suggestions: options }), remember: decision.remember };
    }
    case 'breakdown': {
      const { intent } = decision;
      const message = [build.say('noBreakdown', lang), [yesNoPrefix(intent, u, build, figures, lang), build.replyOf(intent, lang)].filter(Boolean).join('')].join(lang === 'en' ? ' ' : '');
      return { answer: finish({ outcome: 'out_of_scope', message, intent: intent.id, confidence: 0.6, citations: build.citationsOf(intent, lang), suggestions: [build.questionOf(intent, lang)] }), remember: intent };
    }
    case 'sentence': {
      const { hit } = decision;
      const quote = build.reportText(hit.text, lang);
      return {
        answer: finish({
          outcome: 'answered',
          message: lang === 'en' ? `${build.say('sentence', lang)} “${quote}”` : `${build.say('sentence', lang)}「${quote}」`,
          intent: `sentence:${hit.sectionId}:${hit.index}`,
          confidence: 0.4 + 0.5 * hit.coverage,
          citations: [build.citation(hit.sectionId, hit.text, lang)],
          suggestions: build.examples(lang).slice(0, 2),
        }),
      };
    }
    case 'not-given': {
      const { intent } = decision;
      const what = lang === 'en' ? decision.what.en : decision.what.zh;
      const message = [build.say('notGiven', lang, { what }), build.replyOf(intent, lang)].join(lang === 'en' ? ' ' : '');
      return { answer: finish({ outcome: 'out_of_scope', message, intent: intent.id, confidence: 0.6, citations: build.citationsOf(intent, lang), suggestions: [build.questionOf(intent, lang)] }), remember: intent };
    }
    case 'compare': {
      const { a, b } = decision.comparison;
      const citations = [...build.citationsOf(a.intent, lang), ...build.citationsOf(b.intent, lang)].filter((c, i, all) => all.findIndex((o) => o.quote === c.quote && o.sectionId === c.sectionId) === i);
      return {
        answer: finish({
          outcome: 'answered',
          message: compareMessage(decision.comparison, build, figures, lang),
          intent: a.intent.id,
          confidence: 0.8,
          citations,
          suggestions: [build.questionOf(a.intent, lang), build.questionOf(b.intent, lang)],
        }),
        remember: a.intent,
      };
    }
    case 'item': {
      const detail = decision.detail ? build.itemDetailOf(decision.list, decision.index) : undefined;
      if (detail) {
        const quote = build.reportText(detail.text, lang);
        return {
          answer: finish({
            outcome: 'answered',
            message: lang === 'en' ? `${build.say('sentence', lang)} “${quote}”` : `${build.say('sentence', lang)}「${quote}」`,
            intent: decision.intent.id,
            confidence: 0.7,
            citations: [build.citation(detail.sectionId, detail.text, lang)],
            suggestions: [build.questionOf(decision.intent, lang)],
          }),
          remember: decision.intent,
        };
      }
      const item = build.itemOf(decision.list, decision.index, lang) ?? '';
      return {
        answer: finish({
          outcome: 'answered',
          message: build.say('item', lang, { n: decision.index + 1, item }),
          intent: decision.intent.id,
          confidence: 0.8,
          citations: build.citationsOf(decision.intent, lang),
          suggestions: [build.questionOf(decision.intent, lang)],
        }),
        remember: decision.intent,
      };
    }
    case 'answer': {
      const [first] = decision.intents;
      if (!first) throw new Error('an answer decision names at least one rule');
      const { best } = decision;
      const runnerUp = u.readings[1];
      const margin = decision.intents.length > 1 || !runnerUp ? 1 : 1 - runnerUp.score / best.score;
      const confidence = decision.intents.length > 1 ? 0.7 : Math.min(0.99, 0.5 * Math.min(1, best.score / STRONG_SCORE) + 0.5 * margin);
      return {
        answer: finish({
          outcome: 'answered',
          message: [
            ...(u.otherRelativeYears.length > 0 ? [build.say('relativeYear', lang)] : []),
            ...(decision.premises ?? []).map((p) => premiseLine(p, build, figures, lang)),
            // Two figures of one sentence ("1名专职人员和4名兼职信息员") read the same, or one says
            // the other and more ("自然人申请48件" and "自然人申请48件，占76.2%"): each said once.
            ...saidOnce(decision.intents.map((i) => [yesNoPrefix(i, u, build, figures, lang), build.replyOf(i, lang)].filter(Boolean).join(lang === 'en' ? ' ' : ''))),
          ].join('\n'),
          intent: first.id,
          confidence,
          citations: [...decision.intents, ...(decision.premises ?? []).map((p) => p.intent)].flatMap((i) => build.citationsOf(i, lang)).filter((c, i, all) => all.findIndex((o) => o.quote === c.quote && o.sectionId === c.sectionId) === i),
          suggestions: first.suggest.map((id) => intents.get(id)).filter((i): i is Intent => !!i).map((i) => build.questionOf(i, lang)),
        }),
        remember: first,
      };
    }
  }
}

/** "既然开了30次…": the report's figure instead of the one the message took for granted. */
function premiseLine(p: Premise, build: AnswerBuilder, figures: Figures, lang: Lang): string {
  const id = p.intent.checks ?? '';
  const unit = figures.unit(id, lang === 'en' ? 'en' : 'zh');
  const label = figures.label(id, lang === 'en' ? 'en' : 'zh') ?? '';
  return build.say('premiseWrong', lang, { label, n: `${p.asked}${unit}`, f: `${figures.value(id) ?? ''}${unit}` });
}

/** "是不是24次?": confirm or correct with the report's figure before the answer itself. */
function yesNoPrefix(intent: Intent, u: Understood, build: AnswerBuilder, figures: Figures, lang: Lang): string {
  if (!u.yesNo || !intent.checks) return '';
  const figure = figures.value(intent.checks);
  const asked = u.extraction.numbers[0];
  if (figure === undefined || asked === undefined) return '';
  const n = `${asked}${figures.unit(intent.checks, lang === 'en' ? 'en' : 'zh')}`;
  if (asked === figure) return build.say('yes', lang, { n });
  const close = Math.abs(asked - figure) < 0.5 || (figure > 0 && Math.abs(asked - figure) / figure <= 0.1 && u.roughGuess);
  if (close) return build.say('roughly', lang);
  return build.say('no', lang, { n });
}

/** Reply lines without repeats: a line another line already says (its text, end punctuation aside) is left out. */
function saidOnce(lines: string[]): string[] {
  const bare = (line: string) => line.replace(/[。.！!]+$/u, '');
  return lines.filter((line, i) => !lines.some((other, j) => j !== i && (bare(other) === bare(line) ? j < i : bare(other).includes(bare(line)))));
}
