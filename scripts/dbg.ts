import { bootEngine } from '/work/main/adapters/shared/boot-engine.js';
const e = bootEngine();
for (const q of process.argv.slice(2)) { const a = e.ask({text:q}); console.log(q, '→', a.outcome, a.lang, a.explain.rule, a.explain.score, a.explain.concepts.join(','), a.explain.qualifiers.join(',')); }
