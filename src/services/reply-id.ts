import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * The id of an agent's reply written under a key the console chose (a draft, an "answer every
 * reporter" form): the same key sent again is the same message, stored and sent once. With
 * `text`, only the same words are: a draft corrected after a lost answer and sent again is a new
 * message, not dropped as the one already stored.
 */
export function replyId(reportId: string, agentId: string, key: string, text?: string): Types.ObjectId {
  const hash = createHash('sha256').update(`reply|${reportId}|${agentId}|${key}`);
  if (text !== undefined) hash.update(`|${createHash('sha256').update(text).digest('base64url')}`);
  return new Types.ObjectId(hash.digest().subarray(0, 12));
}

/**
 * The id of a reporter's message, from the Telegram message it came in (ids are per chat, and a
 * reporter's chat with the bot is theirs alone; its time tells apart a chat with a new bot): the
 * same message taken again (a retried update, a second tap on "which report?") is stored once.
 */
export function reporterMessageId(reporterId: string, telegram: { messageId: number; date: number }): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`from|${reporterId}|${telegram.messageId}|${telegram.date}`).digest().subarray(0, 12));
}
