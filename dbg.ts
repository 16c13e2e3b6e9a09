import { readPack } from './adapters/library/read-packs.js';
import { loadDomainLexicon, projectDomainDir } from './src/knowledge/index.js';
import { compileLexicon } from './src/match/lexicon.js';
import { readdirSync } from 'node:fs';
const dir = '/tmp/libprof-gol2xd';
const ids = readdirSync(dir).filter((f) => !f.endsWith('.json')).slice(0, 5);
const domain = loadDomainLexicon(projectDomainDir());
for (const id of ids) {
  const e = readPack(id, `${dir}/${id}`, domain).engine();
  const k = e.knowledge;
  const lex = compileLexicon(k.concepts, 'scope:');
  const sizes = [...lex.zhByFirst.values()].map((v) => v.length).sort((a, b) => b - a);
  console.log(id, k.intents.length, 'concepts', k.concepts.length, 'firsts', sizes.length, 'max', sizes.slice(0, 8), 'total', sizes.reduce((a, b) => a + b, 0), 'flags', lex.zhFlags.length);
}
