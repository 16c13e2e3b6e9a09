import { z } from 'zod';

/**
 * The request and response shapes of the HTTP API, in one place so the validators, the handlers'
 * types and /openapi.json cannot drift apart. Plain zod with its own `.meta()` (a component's `id`,
 * descriptions, examples): the OpenAPI generator reads the same metadata, and is loaded only when
 * /openapi.json is first asked for.
 */

/** Long enough for any real question, short enough that nobody pastes a document into the bot. */
export const MAX_QUESTION_CHARS = 2000;

/** POST /api/ask: the question as typed, and the conversation it continues. */
export const AskBody = z
  .object({
    question: z
      .string({ error: (issue) => (issue.input === undefined ? 'question is required' : 'question must be a string') })
      .trim()
      .min(1, 'question is empty; send the question as text')
      .max(MAX_QUESTION_CHARS, `question is longer than ${MAX_QUESTION_CHARS} characters; ask one thing at a time`)
      .meta({ example: '网站公开了多少条?' }),
    sessionId: z
      .string({ error: 'sessionId must be a string' })
      .regex(/^[A-Za-z0-9_-]{8,128}$/, 'sessionId is 8–128 letters, digits, "-" or "_"; send back the one a reply gave you')
      .optional()
      .meta({ description: 'the sessionId of the previous reply, so follow-ups ("那其他形式呢?") resolve' }),
    report: z
      .string({ error: 'report must be a string' })
      .regex(/^[A-Za-z0-9][\w.-]{0,127}$/, 'report is a pack id from GET /api/reports')
      .optional()
      .meta({ description: 'the id of the report to answer from (GET /api/reports); without it the question, the conversation or the default decides', example: 'tongliao-2011' }),
    explain: z
      .boolean({ error: 'explain must be true or false' })
      .optional()
      .meta({ description: 'send `explain` (the rule and its scores) with the reply; honoured only where the server sets HTTP_EXPLAIN=true' }),
  })
  .meta({ id: 'AskBody' });

const Lang = z.enum(['zh-Hans', 'zh-Hant', 'en']).meta({ id: 'Lang' });
const Outcome = z.enum(['answered', 'clarify', 'out_of_scope', 'unknown']).meta({ id: 'Outcome' });

/** Where an answer stands in the report, as the engine gives it. */
export const CitationSchema = z
  .object({
    sectionId: z.string(),
    section: z.string().meta({ description: 'title of the most specific section, in the reply’s script' }),
    sectionEn: z.string().optional(),
    quote: z.string().meta({ description: 'verbatim excerpt of the report; "…" joins excerpts' }),
  })
  .meta({ id: 'Citation' });

const Reading = z.object({ intent: z.string(), score: z.number(), matched: z.array(z.string()) });

const Explanation = z
  .object({
    rule: z.string().nullable(),
    score: z.number(),
    runnerUp: Reading.nullable(),
    concepts: z.array(z.string()),
    usedContext: z.boolean(),
    qualifiers: z.array(z.string()),
  })
  .meta({ id: 'Explanation', description: 'the rule and its scores, for staff: only when asked for and the server allows it (HTTP_EXPLAIN)' });

/** The engine's Answer, field for field as the batch contract names them, plus the conversation id. */
export const AskReply = z
  .object({
    outcome: Outcome,
    text: z.string().meta({ description: 'the whole reply as a user reads it, source lines included' }),
    message: z.string().meta({ description: 'the statement alone, for clients that render citations themselves' }),
    lang: Lang,
    intent: z.string().nullable(),
    confidence: z.number(),
    citations: z.array(CitationSchema),
    suggestions: z.array(z.string()).meta({ description: 'questions a user can tap next (clarify options included)' }),
    // Described on the component: metadata here would make the generator inline it.
    explain: Explanation.optional(),
    report: z.string().nullable().optional().meta({ description: 'the id of the report the answer comes from (two ids, comma-separated, for a comparison); null for a question back' }),
    sessionId: z.string().meta({ description: 'send this back with the next question of the conversation' }),
    questionId: z.string().optional().meta({ description: 'names this question in POST /api/feedback; absent when the question log is off' }),
  })
  .meta({ id: 'AskReply' });

/** One part of the report, verbatim, so staff can check any citation against it. */
export const SectionSchema = z
  .object({
    id: z.string(),
    title: z.string().meta({ description: 'the title exactly as written in the source' }),
    titleEn: z.string(),
    parent: z.string().nullable(),
    origin: z.enum(['report', 'encyclopedia']),
    text: z.string().meta({ description: 'the section body, verbatim' }),
  })
  .meta({ id: 'Section' });

/** The path parameter of GET /api/sections/{id}. */
export const SectionParams = z.object({
  id: z.string().meta({ param: { name: 'id', in: 'path' }, example: 'proactive' }),
});

const LocalText = z.object({ zh: z.string(), en: z.string() });

/** One figure of the report with the sentence that states it, for staff and for reuse. */
export const FactSchema = z
  .object({
    id: z.string(),
    value: z.number(),
    approx: z.boolean(),
    unit: LocalText,
    label: LocalText,
    citation: CitationSchema,
  })
  .meta({ id: 'Fact' });

const PerLang = <T extends z.ZodType>(schema: T) => z.object({ 'zh-Hans': schema, 'zh-Hant': schema, en: schema });

/** What an empty chat shows: the report's title, its scope and example questions, per script. */
export const MetaSchema = z
  .object({
    id: z.string(),
    year: z.number(),
    city: PerLang(z.string()).meta({ description: 'the city the report is about, per script' }),
    title: PerLang(z.string()),
    scope: PerLang(z.string()),
    examples: PerLang(z.array(z.string())).meta({ description: 'three questions that work, per script' }),
  })
  .meta({ id: 'Meta' });

/** One pack of the library, as GET /api/reports lists it. */
export const ReportSchema = z
  .object({ id: z.string(), body: z.string(), year: z.number(), region: z.string(), title: LocalText })
  .meta({ id: 'Report' });

/** GET /api/reports: every pack served, and the one a question naming none goes to. */
export const ReportsSchema = z
  .object({ default: z.string().nullable().meta({ description: 'null when the bot asks which report' }), reports: z.array(ReportSchema) })
  .meta({ id: 'Reports' });

/** GET /healthz: the process is alive. */
export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

const ChannelReportSchema = z.object({ state: z.enum(['starting', 'running', 'stopped']), reason: z.string().optional() });

/** GET /readyz: the engine holds its knowledge and completes a turn; each configured channel's state. */
export const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    knowledge: z.string(),
    sections: z.number(),
    facts: z.number(),
    reports: z.array(z.string()).optional().meta({ description: 'the ids of the packs being served' }),
    channels: z.record(z.string(), ChannelReportSchema).meta({ description: 'each configured channel (telegram, wechat) and its state' }),
    shuttingDown: z.boolean().meta({ description: 'true from SIGTERM on: finish what you sent, send nothing new' }),
  })
  .meta({ id: 'Ready' });

/** The one shape every error takes, so a client needs one parser: a stable code and a message for people. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'stable, for programs: BAD_JSON, INVALID_REQUEST, NOT_FOUND, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, UNAVAILABLE, INTERNAL' }),
      message: z.string().meta({ description: 'for people; may change' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** An error reply's body. */
export type ErrorBody = z.infer<typeof ErrorSchema>;
