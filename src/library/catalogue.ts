import { syllables } from '../text/pinyin.js';
import type { PackInfo } from './pack-info.js';

/** A bare name's pinyin (唐村 → tangcun), for English questions; only names without a level word, of 5+ letters. */
function romanized(pack: PackInfo): string[] {
  const bare = pack.aliases.filter((a) => /^\p{Script=Han}{2,3}$/u.test(a) && !/[省市区县旗镇乡局]$/u.test(a));
  return bare.map((a) => syllables(a).join('')).filter((r) => /^[a-z]{5,}$/.test(r));
}

/** A name a question may use, and the packs it names. */
export interface NameEntry {
  name: string;
  packs: readonly PackInfo[];
  kind: 'body' | 'region';
}

/** The packs a library serves, indexed for routing: by id, by body name and region name. */
export interface Catalogue {
  readonly packs: readonly PackInfo[];
  byId(id: string): PackInfo | undefined;
  /** Every name (body or region, simplified) a question may hold, longest first, with the packs it names. */
  readonly names: readonly NameEntry[];
  /** The names standing in `form`, leftmost-longest and not overlapping, found through an index of their first two characters. */
  namesIn(form: string): { entry: NameEntry; at: number }[];
  /** The pack a question naming none goes to; undefined when the library must ask which. */
  readonly fallback: PackInfo | undefined;
}

/** Packs in a stable order: body, then newest year first, so lists read the same every time. */
const order = (a: PackInfo, b: PackInfo) => a.body.localeCompare(b.body, 'zh') || b.year - a.year || a.id.localeCompare(b.id);

/**
 * Builds the catalogue. The fallback is `defaultId` when given (the caller has checked it exists),
 * else the newest year of the only body, else none: a question naming no report is asked back.
 */
export function createCatalogue(packs: readonly PackInfo[], defaultId?: string): Catalogue {
  const sorted = [...packs].sort(order);
  const ids = new Map(sorted.map((p) => [p.id, p]));
  const names = new Map<string, { packs: PackInfo[]; kind: 'body' | 'region' }>();
  const add = (name: string, pack: PackInfo, kind: 'body' | 'region') => {
    const entry = names.get(name);
    if (!entry) names.set(name, { packs: [pack], kind });
    else if (!entry.packs.includes(pack)) {
      entry.packs.push(pack);
      if (kind === 'body') entry.kind = 'body';
    }
  };
  for (const pack of sorted) {
    for (const a of pack.aliases) add(a, pack, 'body');
    // One pack needs no routing, and so no pinyin dictionary (75 ms) at start.
    if (sorted.length > 1) for (const r of romanized(pack)) if (!pack.aliases.includes(r)) add(r, pack, 'body');
  }
  // A region name is a route only where it is no body's own name (通辽市 is the body of the 2011 pack).
  for (const pack of sorted) {
    for (const r of pack.regionAliases) if (!names.has(r) || names.get(r)?.kind === 'region') add(r, pack, 'region');
  }
  const entries: NameEntry[] = [...names].map(([name, e]) => ({ name, ...e })).sort((a, b) => b.name.length - a.name.length);
  // Names start with two characters (every alias has at least two): a question of n characters costs n lookups, whatever the library's size.
  const byStart = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    const key = entry.name.slice(0, 2);
    const bucket = byStart.get(key);
    if (bucket) bucket.push(entry);
    else byStart.set(key, [entry]);
  }
  // Most characters of a question start no name: tested by code, they cost no two-character string.
  const firsts = new Set([...byStart.keys()].map((key) => key.charCodeAt(0)));
  const namesIn = (form: string) => {
    const found: { entry: NameEntry; at: number }[] = [];
    for (let i = 0; i + 1 < form.length; i++) {
      if (!firsts.has(form.charCodeAt(i))) continue;
      const hit = byStart.get(form.slice(i, i + 2))?.find((e) => form.startsWith(e.name, i));
      if (!hit) continue;
      found.push({ entry: hit, at: i });
      i += hit.name.length - 1;
    }
    return found;
  };
  const bodies = new Set(sorted.map((p) => p.body));
  const fallback = defaultId !== undefined ? ids.get(defaultId) : bodies.size === 1 ? sorted[0] : undefined;
  return {
    packs: sorted,
    byId: (id) => ids.get(id),
    names: entries,
    namesIn,
    fallback,
  };
}
