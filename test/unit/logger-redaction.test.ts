/**
 * The logger's second line of defence: whatever names or quotes a reporter, logged by mistake,
 * leaves the process as "[redacted]" (src/logger.ts REDACT_PATHS). Every path is checked, so a
 * path the redaction library no longer understands, or a change of library, fails here.
 */
import { Writable } from 'node:stream';
import { createLogger, REDACT_PATHS } from '../../src/logger';

function lines(log: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const out: string[] = [];
  const logger = createLogger({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, cb) => (out.push(chunk.toString()), cb()) }));
  log(logger);
  return out;
}

/** `a.*.b` -> { a: { report: { b: secret } } }; `req.headers["x"]` -> { req: { headers: { x: secret } } }. */
function objectAt(path: string, secret: string): Record<string, unknown> {
  const parts = path.match(/[^.[\]"]+/g) ?? [];
  const keys = parts.map((p, i) => (p === '*' ? ['report', 'draft', 'entry'][i] : p));
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), secret) as Record<string, unknown>;
}

it.each(REDACT_PATHS.map((p) => [p]))('redacts %s in a log line and in a child logger’s bindings', (path) => {
  const secret = 'Wanjiru 0712345678 Kasarani';
  const [line, childLine] = lines((logger) => {
    logger.info(objectAt(path, secret), 'logged by mistake');
    logger.child(objectAt(path, secret)).info('child');
  });
  expect(line).not.toContain('Wanjiru');
  expect(line).toContain('[redacted]');
  expect(childLine).not.toContain('Wanjiru');
  expect(childLine).toContain('[redacted]');
});

it('redacts a reporter’s record and a console request logged whole, and keeps what names the case', () => {
  const reporter = { reference: 'RPT-7K2Q', phone: '+254712345678', contact: { phone: '+254712345678' }, victim: 'Otieno', perpetrator: 'Corporal Kiprono', chatId: 555123 };
  const req = { method: 'POST', url: '/tickets/1/reply', headers: { cookie: 'sid=abc123secret', 'x-telegram-bot-api-secret-token': 'webhook-s3cret', 'user-agent': 'Chromium' } };
  const [line] = lines((logger) => logger.info({ reporter, req, reportId: '65f1c0ffee' }, 'both'));
  for (const secret of ['712345678', 'Otieno', 'Kiprono', '555123', 'abc123secret', 'webhook-s3cret']) expect([secret, line.includes(secret)]).toEqual([secret, false]);
  expect(JSON.parse(line)).toMatchObject({ reportId: '65f1c0ffee', reporter: { reference: 'RPT-7K2Q' }, req: { method: 'POST', url: '/tickets/1/reply', headers: { 'user-agent': 'Chromium' } } });
});

it('leaves a line without such fields as it was written', () => {
  const [line] = lines((logger) => logger.info({ reportId: '65f1c0ffee', reference: 'RPT-7K2Q', took: 12 }, 'report stored'));
  expect(JSON.parse(line)).toMatchObject({ reportId: '65f1c0ffee', reference: 'RPT-7K2Q', took: 12, msg: 'report stored' });
  expect(line).not.toContain('[redacted]');
});
