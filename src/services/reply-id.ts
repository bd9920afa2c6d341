import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * The id of an agent's reply written under a key the console chose (a draft, an "answer every
 * reporter" form): the same key sent again is the same message, stored and sent once.
 */
export function replyId(reportId: string, agentId: string, key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`reply|${reportId}|${agentId}|${key}`).digest().subarray(0, 12));
}
