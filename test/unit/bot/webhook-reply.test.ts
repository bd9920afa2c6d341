import type { Telegram } from 'telegraf';
import { WebhookReply, deferInto } from '../../../src/bot/webhook-reply';

describe('WebhookReply: the call an update hands back in its webhook answer', () => {
  it('keeps a button-press answer, with its text, and leaves out what is unset', () => {
    const reply = new WebhookReply();
    expect(reply.take('answerCallbackQuery', { callback_query_id: 'q1', text: 'That button is old', show_alert: undefined })).toBe(true);
    expect(JSON.parse(reply.body()!)).toEqual({ method: 'answerCallbackQuery', callback_query_id: 'q1', text: 'That button is old' });
  });

  it('keeps one call only: a second answer goes on its own', () => {
    const reply = new WebhookReply();
    reply.take('answerCallbackQuery', { callback_query_id: 'q1' });
    expect(reply.take('answerCallbackQuery', { callback_query_id: 'q2' })).toBe(false);
    expect(JSON.parse(reply.body()!)).toMatchObject({ callback_query_id: 'q1' });
  });

  it('keeps nothing once the answer was written: a late press answer goes on its own', () => {
    const reply = new WebhookReply();
    expect(reply.body()).toBeUndefined();
    expect(reply.take('answerCallbackQuery', { callback_query_id: 'q1' })).toBe(false);
  });

  it('never keeps a message: those must see a 429 and be sent again', () => {
    const reply = new WebhookReply();
    for (const method of ['sendMessage', 'editMessageText', 'sendChatAction', 'setMyCommands']) expect(reply.take(method, { chat_id: 1, text: 'x' })).toBe(false);
    expect(reply.body()).toBeUndefined();
  });

  it('makes a client resolve the kept call at once and send every other call as before', async () => {
    const sent: string[] = [];
    const tg = { callApi: async (method: string) => (sent.push(method), { message_id: 5 }) } as unknown as Telegram;
    const reply = new WebhookReply();
    deferInto(tg, reply);
    await expect(tg.callApi('answerCallbackQuery', { callback_query_id: 'q1' } as never)).resolves.toBe(true);
    await expect(tg.callApi('sendMessage', { chat_id: 1, text: 'hi' } as never)).resolves.toEqual({ message_id: 5 });
    expect(sent).toEqual(['sendMessage']);
    expect(reply.body()).toContain('"callback_query_id":"q1"');
  });
});
