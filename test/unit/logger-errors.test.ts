/** `{ err }` through the logger's serializer: what failed, never the reporter's words or the bot token. */
import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import mongoose from 'mongoose';
import { MongoServerError } from 'mongodb';
import { createLogger } from '../../src/logger';

function logged(fields: Record<string, unknown>): { line: string; err: Record<string, unknown> } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }));
  logger.error(fields, 'failed');
  return { line: lines[0], err: (JSON.parse(lines[0]) as { err: Record<string, unknown> }).err };
}

it('keeps a Telegram error’s method and code, not the request it carried', () => {
  const err = new TelegramError(
    { error_code: 400, description: "Bad Request: can't parse entities" },
    { method: 'sendMessage', payload: { chat_id: 555123, text: 'Officer Kiprono took 2000 shillings' } },
  );
  const { line, err: out } = logged({ err });
  expect(out).toMatchObject({ type: 'TelegramError', code: 400, method: 'sendMessage', message: "400: Bad Request: can't parse entities" });
  expect(line).not.toContain('Kiprono');
  expect(line).not.toContain('555123');
});

it('drops other fields an error may carry, keeps its cause, and redacts the bot token', () => {
  const cause = new Error('GET https://api.telegram.org/file/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0/photos/1.jpg failed');
  const err = Object.assign(new Error('validation failed', { cause }), { errors: { text: { value: 'They beat my brother at Kasarani' } } });
  const { line, err: out } = logged({ err });
  expect(out.message).toBe('validation failed');
  expect((out.cause as { message: string }).message).toContain('/bot<redacted>/');
  expect(line).not.toContain('Kasarani');
  expect(line).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0');
});

it('redacts a whole Telegram update logged by mistake: the words, the caption and who sent them', () => {
  const update = {
    update_id: 41,
    message: { message_id: 7, text: 'Officer Kiprono took 2000 shillings', caption: 'at Kasarani', from: { id: 555123, first_name: 'Wanjiru', username: 'wanjiru_w254' }, chat: { id: 555123 } },
  };
  const forwarded = { ...update.message, forward_origin: { type: 'user', sender_user: { id: 777, first_name: 'Otieno', username: 'otieno_k' } }, location: { latitude: -1.2921, longitude: 36.8219 } };
  const { line } = logged({ update, username: 'wanjiru_w254', first_name: 'Wanjiru', ctx: { update: { update_id: 42, message: forwarded } } });
  for (const secret of ['Kiprono', 'Kasarani', '555123', 'Wanjiru', 'wanjiru_w254', 'Otieno', 'otieno_k', '-1.2921']) expect([secret, line.includes(secret)]).toEqual([secret, false]);
  // What says which update it was is kept.
  expect(JSON.parse(line)).toMatchObject({ update: { update_id: 41, type: 'message' }, ctx: { update: { update_id: 42, type: 'message' } } });
});

it('keeps which index a duplicate key broke, not the key: a reporter is found by a keyed hash of their Telegram id', () => {
  const err = new MongoServerError({ message: 'E11000 duplicate key error collection: ripoti.reporters index: lookupHash_1 dup key: { lookupHash: "9f2c4e7a1b" }', code: 11000 });
  Object.assign(err, { keyValue: { lookupHash: '9f2c4e7a1b' } });
  const { line, err: out } = logged({ err });
  expect(out).toMatchObject({ code: 11000 });
  expect(out.message).toContain('index: lookupHash_1');
  expect(line).not.toContain('9f2c4e7a1b');
});

it('keeps which field mongoose refused, not the value the reporter typed', async () => {
  const Doc = mongoose.model('LoggedDoc', new mongoose.Schema({ place: { type: String, maxlength: 10 }, when: Date }));
  const err = await new Doc({ place: 'Behind Kasarani police station', when: 'the day Otieno was beaten' }).validate().catch((e: unknown) => e);
  const { line, err: out } = logged({ err });
  expect(out.message).toContain('place');
  expect(line).not.toContain('Kasarani');
  expect(line).not.toContain('Otieno');
});
