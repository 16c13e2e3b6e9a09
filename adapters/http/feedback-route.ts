import type { Hono } from 'hono';
import { z } from 'zod';
import { MAX_COMMENT_CHARS, type QuestionLog } from '../storage/index.js';
import type { HttpEnv } from './client-key.js';
import { readJsonBody } from './read-json-body.js';
import { json, type RouteDescription } from './route-description.js';
import { ErrorSchema } from './schemas.js';

/** POST /api/feedback: a thumb on one answer, named by the questionId its reply carried. */
export const FeedbackBody = z
  .object({
    questionId: z.string({ error: 'questionId is required' }).uuid('questionId is the questionId a reply of POST /api/ask gave'),
    rating: z.enum(['up', 'down'], { error: 'rating is "up" or "down"' }),
    comment: z
      .string({ error: 'comment must be a string' })
      .max(MAX_COMMENT_CHARS, `comment is one line of at most ${MAX_COMMENT_CHARS} characters`)
      .optional(),
  })
  .meta({ id: 'FeedbackBody' });

/** POST /api/feedback as OpenAPI describes it. */
export const feedbackRoute: RouteDescription = {
  method: 'post',
  path: '/api/feedback',
  summary: 'Say whether an answer helped (👍/👎), with an optional one-line comment',
  request: { body: { required: true, content: { 'application/json': { schema: FeedbackBody } } } },
  responses: {
    202: json(z.object({ status: z.literal('accepted') }), 'Queued for the question log; a later thumb on the same answer replaces it'),
    400: json(ErrorSchema, 'An invalid body; `issues` says what is wrong'),
    429: json(ErrorSchema, 'Too many requests from this client; see Retry-After'),
  },
};

/**
 * Feedback joins the question log's queue, so it is written after the question it names and
 * never waits for the database. Feedback naming a question the log does not hold is dropped there.
 */
export function registerFeedbackRoute(app: Hono<HttpEnv>, questionLog: QuestionLog): void {
  app.post(feedbackRoute.path, async (c) => {
    const body = await readJsonBody(c, FeedbackBody);
    if ('reply' in body) return body.reply;
    const { questionId, rating, comment } = body.data;
    questionLog.feedback({ questionId, rating, comment });
    return c.json({ status: 'accepted' as const }, 202);
  });
}
