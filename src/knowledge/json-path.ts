/** Writes a path inside a JSON file the way a person reads it: `facts[3].value`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
