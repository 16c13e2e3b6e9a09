import type { Knowledge } from '../knowledge/schema.js';
import type { Lexicon } from '../match/lexicon.js';
import { wordMatcher } from '../text/clauses.js';
import { simplify } from '../text/script.js';
import { segmentWords } from '../text/segment.js';

/** One of the report's own places a question names, with the spellings that mean it (科区 for 科尔沁区). */
export interface NamedPlace {
  name: string;
  spellings: string[];
}

/** Endings of a body rather than a place: a department or an office has a report of its own. */
const BODY_ENDINGS = new Set(['局', '委员会', '委', '办公室']);
/** A place's government named in full ("石门县人民政府", "双溪镇政府"). */
const GOVERNMENT = /(\p{Script=Han}{2,6}?[省市县区旗镇乡])(?:人民)?政府/gu;

/** The places a question names: another one (out of scope), and the report's own. */
export interface PlacesRead {
  other: boolean;
  known: NamedPlace[];
}

/**
 * Reads the place and body names of questions to one report (小榄镇, 公安局, 奈曼旗): a name the
 * report never mentions is another place; one of its own, other than the report's own body, may be
 * asked about apart from the whole.
 */
export function createPlaceReader(knowledge: Knowledge, lexicon: Lexicon, reportText: string): (form: string) => PlacesRead {
  const { scope } = knowledge;
  const placeEndings = [...scope.placeEndings].sort((x, y) => y.length - x.length);
  const notPlaceStart = new Set(scope.notPlaceStarts);
  const ownNames = [...scope.places.flatMap((p) => p.zh), knowledge.meta.city.zh, knowledge.meta.title.zh].map((n) => simplify(n));
  // The report's body: an ingested pack's full name (石门县双溪镇人民政府), a curated one's city (通辽市).
  const body = simplify(knowledge.meta.city.zh);
  /** Every character of `short`, in order, within `long`, first and last included (卫健局 in 卫生健康局). */
  const isShortFormOf = (short: string, long: string) => {
    let at = 0;
    for (const ch of short) {
      const found = long.indexOf(ch, at);
      if (found < 0) return false;
      at = found + 1;
    }
    return long.includes(short[0] ?? '');
  };
  // The terms of three or more characters, one per line, so "does a term hold this name?" is one search.
  const longTerms = [...lexicon.zhByFirst.values()].flatMap((terms) => terms.filter((t) => t.term.length >= 3).map((t) => t.term)).join('\n');
  /** The same terms whole, for "is this name a term?" without searching the joined text. */
  const longTermSet = new Set(longTerms.split('\n'));
  /** Each Chinese term's concepts, and each concept's terms: the other spellings of a place. */
  const termsOf = new Map<string, string[]>();
  const conceptsOf = new Map<string, string[]>();
  for (const terms of lexicon.zhByFirst.values()) {
    for (const t of terms) {
      conceptsOf.set(t.term, t.concepts);
      for (const c of t.concepts) {
        const list = termsOf.get(c);
        if (list) list.push(t.term);
        else termsOf.set(c, [t.term]);
      }
    }
  }
  const introducesAsker = wordMatcher(scope.selfIntroMarkers?.zh ?? [], scope.selfIntroMarkers?.en ?? []);
  /** Characters before a name that still belong to the self-introduction ("我是奈曼旗的"). */
  const INTRO_REACH = 4;

  /** A place's name, without its ending, and the terms of its concepts that are short forms of it (科区, 科尔沁). */
  const spellingsOf = (name: string, ending: string) => {
    const short = name.slice(0, -ending.length);
    const others = (conceptsOf.get(name) ?? []).flatMap((c) => termsOf.get(c) ?? []).filter((t) => t.length >= 2 && t !== name && isShortFormOf(t, name));
    return [...new Set([name, ...(short.length >= 2 ? [short] : []), ...others])];
  };

  /**
   * Names like 小榄镇 or 公安局 (a word of two or more characters before an administrative ending,
   * read with the segmenter): `other` when one the report never mentions and no term of the
   * knowledge holds (the question is about another place or body); `known`, the ones the report
   * does mention, besides its own places and body, unless they introduce the asker ("我是奈曼旗的").
   */
  function readPlaces(form: string): PlacesRead {
    const known: NamedPlace[] = [];
    if (!placeEndings.some((e) => form.includes(e))) return { other: false, known };
    // "石门县人民政府…" to the report of 石门县双溪镇人民政府: a government the report's body is not.
    for (const m of form.matchAll(GOVERNMENT)) {
      // Only a region the body's own name passes through (石门县 of 石门县双溪镇) and the report never
      // names as a government of its own ("旗县区政府召开…" it does) is another body.
      const place = m[1] ?? '';
      const at = body.indexOf(place);
      const within = at >= 0 && /[省市县区旗镇乡]/.test(body.slice(at + place.length).replace(/(人民政府|政府|办公室|办事处|街道办).*$/, ''));
      if (within && !reportText.includes(`${place}政府`) && !reportText.includes(`${place}人民政府`)) return { other: true, known };
    }
    const words = segmentWords(form);
    let from = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      const at = form.indexOf(word, from);
      if (at >= 0) from = at + word.length;
      const ending = placeEndings.find((e) => word.endsWith(e));
      if (!ending) continue;
      // One of the report's own places, the whole name a term knows (开鲁县, though 开 often starts
      // a verb): written so in the report, or short (奈曼 for 奈曼旗).
      let whole = word;
      // The segmenter cuts names it does not know anywhere (科尔/沁/区, 库伦/旗): gather what comes
      // before; only a whole term of the knowledge counts, so gathering too much finds nothing.
      for (let j = i - 1; j >= 0 && whole.length < ending.length + 4; j--) whole = (words[j] ?? '') + whole;
      const ownPlace = [...whole]
        .map((_, k) => whole.slice(k))
        .filter((n) => n.length >= ending.length + 2 && longTermSet.has(n))
        .map((n) => ({ name: n, spellings: spellingsOf(n, ending) }))
        .find((p) => p.spellings.some((w) => reportText.includes(w)));
      if (ownPlace && !ownNames.some((o) => isShortFormOf(ownPlace.name, o))) {
        const start = at >= 0 ? at + word.length - ownPlace.name.length : -1;
        if (start >= 0 && !introducesAsker(form.slice(Math.max(0, start - INTRO_REACH - 2), start))) known.push(ownPlace);
        continue;
      }
      let prefix = word.slice(0, -ending.length);
      // An unknown name comes out of the segmenter a character at a time (小/榄/镇, 铁/西区): gather them.
      // A bare ending ("监管/局") takes the word before it whole.
      for (let j = i - 1; j >= 0 && prefix.length < 4; j--) {
        const before = words[j] ?? '';
        if ((before.length !== 1 && prefix.length > 0) || notPlaceStart.has(before)) break;
        prefix = before + prefix;
      }
      if (prefix.length < 2 || !/^\p{Script=Han}+$/u.test(prefix) || [...prefix].some((ch) => notPlaceStart.has(ch))) continue;
      // Any tail of the gathered characters the report or a term knows (年通辽市 → 通辽市) is no other place.
      const names = [...prefix].map((_, k) => prefix.slice(k) + ending).filter((n) => n.length > ending.length + 1);
      if (names.some((n) => reportText.includes(n))) continue;
      // …nor is a short form of the report's own places and body (卫健局 for 卫生健康局).
      if (names.some((n) => ownNames.some((own) => isShortFormOf(n, own)))) continue;
      // …nor is an ending that starts a longer term (市 of 市行政审批中心).
      const after = form.slice(form.indexOf(word) + word.length - ending.length);
      if (lexicon.zhByFirst.get(ending[0] ?? '')?.some((t) => t.term.length > ending.length && after.startsWith(t.term) && t.concepts.length > 0)) continue;
      const held = names.some((n) => longTerms.includes(n));
      if (!held) return { other: true, known };
      // A body the knowledge has a word for (市场监管局) that this report never mentions is another
      // body's report; a place's words are no body, and may be asked of ("奈曼旗的呢").
      if (BODY_ENDINGS.has(ending) && !names.some((n) => reportText.includes(n.slice(0, -ending.length)))) return { other: true, known };
    }
    return { other: false, known };
  }

  return (form) => (placeEndings.length > 0 ? readPlaces(form) : { other: false, known: [] });
}
