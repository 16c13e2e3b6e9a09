import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Library } from '../../src/library/index.js';
import type { Answer } from '../../src/types.js';
import type { QuestionLog } from '../storage/index.js';
import type { SharedState } from '../shared/state/index.js';
import type { HttpEnv } from './client-key.js';
import { errorResponse } from './error-responses.js';
import { readJsonBody } from './read-json-body.js';
import { json, type RouteDescription } from './route-description.js';
import { AskBody, AskReply, ErrorSchema } from './schemas.js';

/** POST /api/ask as OpenAPI describes it; the handler validates with the same schema. */
export const askRoute: RouteDescription = {
  method: 'post',
  path: '/api/ask',
  summary: 'Ask one question about the report',
  description: 'Returns the engine’s Answer plus the sessionId to send with the next question of the same conversation.',
  request: { body: { required: true, content: { 'application/json': { schema: AskBody } } } },
  responses: {
    200: json(AskReply, 'The answer, with its citations'),
    400: json(ErrorSchema, 'Malformed JSON or an invalid body (a `report` no pack has); `issues` says what is wrong'),
    413: json(ErrorSchema, 'The body is over 16 KB'),
    415: json(ErrorSchema, 'The body is not JSON'),
    429: json(ErrorSchema, 'Too many questions from this client; see Retry-After'),
    503: json(ErrorSchema, 'The shared conversation store is unreachable; see Retry-After'),
  },
};

/**
 * Conversations of this adapter live under their own prefix in the engine's session store, so an
 * id chosen by a web client can never address a Telegram or WeChat conversation.
 */
const SESSION_PREFIX = 'http:';

/**
 * The JSON of each cached answer (without `explain`, with `report`), so a question many citizens
 * ask is serialized once, not on every request: only the ids are appended. Only frozen answers (the
 * answer cache's) are kept, since an answer that cannot change cannot go stale; weak keys, so an
 * answer the cache forgets is forgotten here too.
 */
const publicJson = new WeakMap<object, string>();

/** What every client is sent of an answer: its fields without `explain`, then the pack it came from. */
function publicFields({ explain: _explain, ...answer }: Answer): Omit<Answer, 'explain'> & { report: string | null } {
  return { ...answer, report: 'report' in answer ? (answer.report as string | null) : null };
}

/** The reply's JSON: the public fields, then the ids, as a spread of the two would give. */
function replyJson(full: Answer, ids: { sessionId: string; questionId?: string }): string {
  let head = publicJson.get(full);
  if (head === undefined) {
    head = JSON.stringify(publicFields(full));
    if (Object.isFrozen(full)) publicJson.set(full, head);
  }
  const questionId = ids.questionId === undefined ? '' : `,"questionId":${JSON.stringify(ids.questionId)}`;
  return `${head.slice(0, -1)},"sessionId":${JSON.stringify(ids.sessionId)}${questionId}}`;
}

/**
 * POST /api/ask: a translator, nothing more. The question goes to the engine as is, its
 * conversation's context read from and written to the shared state; the Answer comes back field
 * for field (the batch contract's shape) with the conversation id, new if the client had none.
 * With a question log, the question is queued there (never awaited) and its id comes back as
 * `questionId` for feedback. `explain` (the rule and its scores) is for staff: it is sent only when
 * the client asks for it and `allowExplain` (HTTP_EXPLAIN) permits, since anonymous clients need no
 * rule ids.
 */
export function registerAskRoute(app: Hono<HttpEnv>, engine: Library, state: SharedState, { allowExplain, questionLog }: { allowExplain: boolean; questionLog?: QuestionLog | undefined }): void {
  app.post(askRoute.path, async (c) => {
    const body = await readJsonBody(c, AskBody);
    if ('reply' in body) return body.reply;
    const { question, sessionId = randomUUID(), explain: wantsExplain = false, report } = body.data;
    if (report !== undefined && !engine.reports().some((p) => p.id === report)) {
      return errorResponse(c, 400, 'INVALID_REQUEST', `No report "${report}"; GET /api/reports lists them.`);
    }
    const full = await state.converse(engine, question, `${SESSION_PREFIX}${sessionId}`, report);
    const questionId = questionLog?.record({ channel: 'web', conversation: sessionId, text: question, answer: full });
    const ids = { sessionId, ...(questionId ? { questionId } : {}) };
    if (!(wantsExplain && allowExplain)) return c.body(replyJson(full, ids), 200, { 'content-type': 'application/json' });
    return c.json({ ...publicFields(full), explain: full.explain, ...ids }, 200);
  });
}
