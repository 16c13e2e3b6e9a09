/**
 * Remembers a pure function's last few results by their string argument. One question is read by
 * several parts of the engine (its clauses, the sentence index, the comparer), each converting or
 * segmenting the same text again; a handful of entries is enough to serve those repeats, and too few
 * to keep anything of questions asked earlier.
 */
export function recentMemo<T>(fn: (text: string) => T, size: number): (text: string) => T {
  const recent = new Map<string, T>();
  return (text) => {
    const hit = recent.get(text);
    if (hit !== undefined || recent.has(text)) {
      recent.delete(text);
      recent.set(text, hit as T);
      return hit as T;
    }
    const value = fn(text);
    recent.set(text, value);
    if (recent.size > size) recent.delete(recent.keys().next().value as string);
    return value;
  };
}
