import { z } from 'zod';

const text = z.string();

/**
 * The fields of a callback message this adapter reads (Official Account and WeCom share them;
 * WeCom adds AgentID). Others are ignored. Every value is a string, so a repeated or nested
 * element where a field should be makes the message malformed instead of a surprise downstream.
 */
const InboundSchema = z.object({
  ToUserName: text.min(1),
  FromUserName: text.min(1),
  CreateTime: z.string().regex(/^\d{1,12}$/),
  MsgType: text.min(1),
  MsgId: z.string().regex(/^\d{1,24}$/).optional(),
  Content: text.optional(),
  Recognition: text.optional(),
  Event: text.optional(),
  AgentID: text.optional(),
});

/** One message or event from a citizen, as the platform posted it. */
export type Inbound = z.infer<typeof InboundSchema>;

/** The message in a parsed `<xml>` document, or undefined when a field the adapter reads is missing or malformed. */
export function readInbound(fields: Record<string, unknown>): Inbound | undefined {
  const parsed = InboundSchema.safeParse(fields);
  return parsed.success ? parsed.data : undefined;
}

/**
 * What makes two deliveries the same message: the MsgId, or for events (which have none) the
 * sender and CreateTime, as the platform's documentation says to de-duplicate them.
 */
export function deliveryKey(message: Inbound): string {
  return message.MsgId ? `msg:${message.MsgId}` : `event:${message.FromUserName}:${message.CreateTime}:${message.Event ?? message.MsgType}`;
}
