import type { Concept, DomainLexicon, Knowledge, PackLexicon } from './schema.js';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** One concept from the domain's and the pack's entries of the same id: words joined, the pack's flags winning. */
function mergeConcept(domain: Concept | undefined, pack: Concept | undefined): Concept {
  const base = (pack ?? domain) as Concept;
  if (!domain || !pack) return { ...base, zh: [...base.zh], en: [...base.en] };
  return { ...domain, ...pack, zh: union(domain.zh, pack.zh), en: union(domain.en, pack.en) };
}

function mergeConcepts(domain: readonly Concept[], pack: readonly Concept[]): Concept[] {
  const byId = new Map(domain.map((c) => [c.id, c]));
  const packById = new Map(pack.map((c) => [c.id, c]));
  const ids = [...new Set([...domain.map((c) => c.id), ...pack.map((c) => c.id)])];
  return ids.map((id) => mergeConcept(byId.get(id), packById.get(id)));
}

/**
 * The pack's words over the domain's, as the engine reads them: concepts of the same id share their
 * words, and a place of the report's own (中仓街道 in 北京市通州区) is never another place.
 */
export function mergeLexicon(domain: DomainLexicon | undefined, pack: PackLexicon): Pick<Knowledge, 'concepts' | 'scope'> {
  const d = domain?.scope;
  const p = pack.scope;
  const empty = (id: string): Concept => ({ id, zh: [], en: [], generic: false });
  const pick = (key: 'greetings' | 'followUpMarkers' | 'yesNoMarkers' | 'otherPlaces', id: string) =>
    mergeConcept(d?.[key] ?? (p[key] ? undefined : empty(id)), p[key]);
  const ownPlaces = p.places.flatMap((place) => [...place.zh, ...place.en]).map((t) => t.toLowerCase());
  const isOwn = (term: string) => ownPlaces.some((own) => own.includes(term.toLowerCase()));
  const otherPlaces = pick('otherPlaces', 'other-place');
  return {
    concepts: mergeConcepts(domain?.concepts ?? [], pack.concepts),
    scope: {
      places: p.places,
      otherPlaces: { ...otherPlaces, zh: otherPlaces.zh.filter((t) => !isOwn(t)), en: otherPlaces.en.filter((t) => !isOwn(t)) },
      topics: mergeConcepts(d?.topics ?? [], p.topics ?? []),
      greetings: pick('greetings', 'greeting'),
      followUpMarkers: pick('followUpMarkers', 'follow-up'),
      yesNoMarkers: pick('yesNoMarkers', 'yes-no'),
      placeEndings: [...new Set([...(d?.placeEndings ?? []), ...(p.placeEndings ?? [])])],
      notPlaceStarts: [...new Set([...(d?.notPlaceStarts ?? []), ...(p.notPlaceStarts ?? [])])],
      askMarkers: p.askMarkers ?? d?.askMarkers,
      operandJoints: p.operandJoints ?? d?.operandJoints,
      detailMarkers: p.detailMarkers ?? d?.detailMarkers,
      splitMarkers: p.splitMarkers ?? d?.splitMarkers,
      selfIntroMarkers: p.selfIntroMarkers ?? d?.selfIntroMarkers,
      comparisons: mergeConcepts(d?.comparisons ?? [], p.comparisons ?? []),
      askedAttributes: [...(d?.askedAttributes ?? []), ...(p.askedAttributes ?? []).filter((a) => !d?.askedAttributes.some((o) => o.id === a.id))],
    },
  };
}
