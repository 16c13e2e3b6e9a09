import type { Knowledge } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';

/** What the library knows of a pack without loading its engine: enough to route and to list it. */
export interface PackInfo {
  /** The pack's folder name in the library (or its meta id when served alone). */
  id: string;
  /** The issuing body as the report names it (meta.city: 通辽市, 兴华乡人民政府). */
  body: string;
  bodyEn: string;
  year: number;
  region: string;
  title: { zh: string; en: string };
  /** Names a question may call the body by (full, without the higher divisions, without 人民政府…), simplified. */
  aliases: string[];
  /** The shortest of the Chinese names (唐村, 通辽): how lists and options name the body. */
  shortName: string;
  /** Names of the region a question may use, simplified. */
  regionAliases: string[];
}

/** Administrative levels a body's name may start with, which a question often leaves out. */
const DIVISION = /^(.+?(?:自治区|特别行政区|省|自治州|地区|盟|市|区|县|旗|新区))(?=.{2,})/u;
/** Endings a question often leaves out of a body's name (汤浦镇人民政府 → 汤浦镇). */
const FORMAL_ENDINGS = ['人民政府办公室', '人民政府', '政府办公室', '政府', '办事处'];
/** Level words a name can be said without (汤浦镇 → 汤浦), kept only when two characters remain. */
const LEVELS = ['自治区', '街道', '省', '市', '区', '县', '旗', '镇', '乡'];
const MIN_ALIAS = 2;

/** Every shorter name of `name` people use: higher divisions dropped one by one, formal endings dropped. */
export function namesOf(name: string): string[] {
  const names = new Set<string>();
  let rest = simplify(name).replace(/\s+/g, '');
  const add = (n: string) => {
    if ([...n].length >= MIN_ALIAS) names.add(n);
  };
  for (;;) {
    add(rest);
    const ending = FORMAL_ENDINGS.find((e) => rest.endsWith(e) && rest.length - e.length >= MIN_ALIAS);
    if (ending) {
      const bare = rest.slice(0, -ending.length);
      add(bare);
      // 中山市大涌镇人民政府办公室 → 大涌镇 as well as 大涌镇人民政府.
      const level = LEVELS.find((l) => bare.endsWith(l) && bare.length - l.length >= MIN_ALIAS);
      if (level && ending !== '办事处') add(bare.slice(0, -level.length));
    } else {
      const level = LEVELS.find((l) => rest.endsWith(l) && rest.length - l.length >= MIN_ALIAS);
      if (level && rest.length - level.length >= MIN_ALIAS) add(rest.slice(0, -level.length));
    }
    const division = DIVISION.exec(rest);
    if (!division?.[1]) break;
    rest = rest.slice(division[1].length);
  }
  return [...names];
}

/** An English name a question may use (Tongliao), lower-case as questions are matched; none for a Chinese one. */
function englishNamesOf(name: string): string[] {
  const lower = name.toLowerCase().trim();
  return /^[a-z][a-z .'-]{3,}$/.test(lower) ? [lower] : [];
}

/** A pack's library entry from its knowledge: body, year and region as its meta gives them. */
export function packInfoOf(id: string, knowledge: Pick<Knowledge, 'meta'>): PackInfo {
  const { meta } = knowledge;
  const names = namesOf(meta.city.zh);
  return {
    id,
    body: meta.city.zh,
    bodyEn: meta.city.en,
    year: meta.year,
    region: meta.region.zh,
    title: { zh: meta.title.zh, en: meta.title.en },
    aliases: [...names, ...englishNamesOf(meta.city.en)],
    shortName: names.at(-1) ?? meta.city.zh,
    regionAliases: namesOf(meta.region.zh),
  };
}
