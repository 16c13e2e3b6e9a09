/**
 * The engine's conversation id for a WeChat chat: one per contact in private, and one per contact
 * within each room, so two people asking in one group do not complete each other's follow-ups.
 */
export function sessionId(talkerId: string, roomId?: string): string {
  return roomId ? `wechat:room:${roomId}:${talkerId}` : `wechat:dm:${talkerId}`;
}
