import type { AnswerBuilder } from '../answer/build-answer.js';
import type { Figures } from '../answer/figures.js';
import type { Derived } from '../knowledge/schema.js';
import type { Lang } from '../types.js';
import type { Comparison, Operand } from './compare.js';

/** Decimals a computed ratio keeps; a difference or sum of whole figures stays whole. */
const RATIO_DECIMALS = 2;

/**
 * States both figures with what they count, then the computed result with its formula written out,
 * so the reader sees that the number is arithmetic on two cited figures and not a figure of the report.
 */
export function compareMessage(c: Comparison, build: AnswerBuilder, figures: Figures, lang: Lang): string {
  const rl = lang === 'en' ? 'en' : 'zh';
  const unit = (o: Operand) => figures.unit(o.figure, rl);
  const stated = (o: Operand) => {
    const label = figures.label(o.figure, rl) ?? o.figure;
    return lang === 'en' ? `${label}: ${o.value}${unit(o)}` : `${label}${o.value}${unit(o)}`;
  };
  const formula = (op: Derived['op'], decimals: number) =>
    figures.formula({ id: 'comparison', label: { zh: '', en: '' }, op, args: [c.a.figure, c.b.figure], decimals, unit: { zh: '', en: '' } });
  const both = build.say('compareBoth', lang, { a: stated(c.a), b: stated(c.b) });
  const [x, y] = [c.a.value, c.b.value];
  const sameUnit = unit(c.a) === unit(c.b);
  const u = sameUnit ? unit(c.a) : '';
  const whole = Number.isInteger(x) && Number.isInteger(y) ? 0 : RATIO_DECIMALS;
  let result: string;
  switch (c.op) {
    case 'ratio':
      result = build.say('compareRatio', lang, { r: formula('ratio', RATIO_DECIMALS), x, y });
      break;
    case 'share':
      result = build.say('compareShare', lang, { r: formula('ratio-percent', RATIO_DECIMALS), x, y });
      break;
    case 'sum':
      result = build.say('compareSum', lang, { r: `${formula('sum', whole)}${u}`, x, y });
      break;
    default: {
      const d = Math.abs(formula('difference', whole));
      const differs = build.say(x > y ? 'compareMore' : 'compareFewer', lang, { d: `${d}${u}`, x, y });
      result = x === y ? build.say('compareSame', lang, { x: `${x}${u}` }) : c.op === 'equal' ? `${build.say('compareNotSame', lang)}${lang === 'en' ? ' ' : ''}${differs}` : differs;
    }
  }
  const units = sameUnit ? '' : build.say('compareUnits', lang, { ua: unit(c.a).trim() || '-', ub: unit(c.b).trim() || '-' });
  return [both, result, units].filter(Boolean).join(lang === 'en' ? ' ' : '');
}
