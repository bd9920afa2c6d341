import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import { createLogger } from '../../src/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger({ level: 'info' }, dest), lines };
}

describe('logging an error with { err }', () => {
  it('keeps what says what failed and drops the request a Telegram error carries', async () => {
    const { logger, lines } = capture();
    const err = new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }, { method: 'sendMessage', payload: { chat_id: 712345678, text: 'The OCS at Kasarani took my ID' } });
    logger.warn({ reportId: 'r1', err }, 'delivery failed');
    await new Promise((r) => setImmediate(r));
    const logged = JSON.stringify(lines[0]);
    expect(lines[0].err).toMatchObject({ type: 'TelegramError', code: 403, method: 'sendMessage' });
    expect(logged).not.toContain('712345678');
    expect(logged).not.toContain('Kasarani');
  });

  it('masks the bot token in the message and stack', async () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('GET https://api.telegram.org/file/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/photos/1.jpg failed') }, 'download failed');
    await new Promise((r) => setImmediate(r));
    const logged = JSON.stringify(lines[0]);
    expect(logged).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect((lines[0].err as { message: string }).message).toContain('/bot<redacted>/');
  });
});
