import type { Hono } from 'hono';
import { z } from 'zod';
import type { About, Engine } from '../../src/engine/index.js';
import type { HttpEnv } from './client-key.js';
import { errorResponse, invalidRequest } from './error-responses.js';
import { json, routingPath, type RouteDescription } from './route-description.js';
import { ErrorSchema, FactSchema, MetaSchema, SectionParams, SectionSchema } from './schemas.js';

const sectionsRoute: RouteDescription = {
  method: 'get',
  path: '/api/sections',
  summary: 'The report’s parts, with their verbatim text',
  responses: { 200: json(z.object({ sections: z.array(SectionSchema) }), 'Every section, in report order') },
};

const sectionRoute: RouteDescription = {
  method: 'get',
  path: '/api/sections/{id}',
  summary: 'One part of the report',
  request: { params: SectionParams },
  responses: { 200: json(SectionSchema, 'The section'), 404: json(ErrorSchema, 'No section has this id') },
};

const factsRoute: RouteDescription = {
  method: 'get',
  path: '/api/facts',
  summary: 'Every figure of the report with its citation',
  description: 'For staff checking the bot and for reuse: each value with the section and the verbatim sentence that states it.',
  responses: { 200: json(z.object({ facts: z.array(FactSchema) }), 'Every fact') },
};

const metaRoute: RouteDescription = {
  method: 'get',
  path: '/api/meta',
  summary: 'What the bot covers, and example questions for an empty chat',
  responses: { 200: json(MetaSchema, 'The report’s title, scope and example questions in each script') },
};

/** The knowledge routes as OpenAPI describes them. */
export const knowledgeRoutes: RouteDescription[] = [sectionsRoute, sectionRoute, factsRoute, metaRoute];

/**
 * The report's city in each script, for the page's compact "city · year" line on phones. The pack
 * spells it in simplified script only; a title opening with the city ("通辽市2011年…", as reports'
 * titles do) gives its traditional spelling from the engine's own title in that script, character
 * for character. A title that does not open with it leaves the pack's spelling.
 */
function cityNames(engine: Engine, hans: About, hant: About) {
  const { zh, en } = engine.knowledge.meta.city;
  const traditional = hans.title.startsWith(zh) ? [...hant.title].slice(0, [...zh].length).join('') : zh;
  return { 'zh-Hans': zh, 'zh-Hant': traditional, en };
}

/** What the page shows before any question, in each script it offers (the engine's own wording). */
function buildMeta(engine: Engine) {
  const [hans, hant, en] = (['zh-Hans', 'zh-Hant', 'en'] as const).map((lang) => engine.about(lang));
  const per = <T,>(pick: (a: About) => T) => ({ 'zh-Hans': pick(hans as About), 'zh-Hant': pick(hant as About), en: pick(en as About) });
  return {
    id: engine.knowledge.meta.id,
    year: engine.knowledge.meta.year,
    city: cityNames(engine, hans as About, hant as About),
    title: per((a) => a.title),
    scope: per((a) => a.scope),
    examples: per((a) => a.examples.slice(0, 3)),
  };
}

/**
 * The report itself, read-only: sections and facts verbatim (staff can check any answer against
 * them) and the page's metadata. Built from `engine.knowledge`, so the API never disagrees with
 * the answers.
 */
export function registerKnowledgeRoutes(app: Hono<HttpEnv>, engine: Engine): void {
  const { knowledge } = engine;
  const sections = knowledge.sections.map(({ id, title, titleEn, parent, origin, text }) => ({ id, title, titleEn, parent, origin, text }));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const facts = knowledge.facts.map((f) => {
    const section = byId.get(f.section);
    return {
      id: f.id,
      value: f.value,
      approx: f.approx,
      unit: f.unit,
      label: f.label,
      citation: { sectionId: f.section, section: section?.title ?? f.section, sectionEn: section?.titleEn ?? f.section, quote: f.quote },
    };
  });
  // Built on the first request: its traditional title needs the s→t converter, which an idle
  // server that no one has asked anything in traditional script need not hold (about 5 MB).
  let meta: ReturnType<typeof buildMeta> | undefined;

  app.get(sectionsRoute.path, (c) => c.json({ sections }, 200));
  app.get(routingPath(sectionRoute), (c) => {
    const params = SectionParams.safeParse(c.req.param());
    if (!params.success) return invalidRequest(c, params.error);
    const { id } = params.data;
    const section = byId.get(id);
    if (!section) return errorResponse(c, 404, 'NOT_FOUND', `No section "${id}"; GET /api/sections lists them.`);
    return c.json(section, 200);
  });
  app.get(factsRoute.path, (c) => c.json({ facts }, 200));
  app.get(metaRoute.path, (c) => c.json((meta ??= buildMeta(engine)), 200));
}
