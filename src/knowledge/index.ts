export { loadDomainIngest, loadDomainLexicon, loadKnowledge, projectDomainDir, type LoadOptions } from './load-knowledge.js';
export { checkReferences, PACK_FILES, type KnowledgeIssue } from './check-references.js';
export * from './schema.js';
