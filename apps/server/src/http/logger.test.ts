import { describe, expect, it } from 'vitest';
import { createLogger, scrubForLog } from './logger.ts';
import { maskIdNumber, maskPersonalText, maskPhone } from './mask.ts';

function capture() {
  const lines: string[] = [];
  const sink = { write: (l: string) => void lines.push(l) } as unknown as NodeJS.WritableStream;
  return { lines, log: createLogger({ level: 'info', destination: sink }) };
}

describe('masking', () => {
  it('masks phones and ID numbers', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('+86 138 0000 0001')).toBe('+86138****0001');
    expect(maskIdNumber('51010519900307123X')).toBe('5101**********123X');
  });

  it('masks phones and ID numbers inside free text but not other numbers', () => {
    expect(maskPersonalText('code sent to 13800000001 for 51010519900307123X')).toBe(
      'code sent to 138****0001 for 5101**********123X',
    );
    expect(maskPersonalText('order 1234567890123 and 12800000001')).toBe(
      'order 1234567890123 and 12800000001',
    );
  });
});

describe('scrubForLog', () => {
  it('redacts secrets and masks personal data by field name, at any depth', () => {
    expect(
      scrubForLog({
        body: { phone: '13800000001', password: 'hunter2', code: '123456', idNumber: '51010519900307123X' },
        headers: { authorization: 'Bearer x', cookie: 'tianfu_session=abc' },
        list: [{ token: 't' }],
        n: 5,
      }),
    ).toEqual({
      body: {
        phone: '138****0001',
        password: '[REDACTED]',
        code: '[REDACTED]',
        idNumber: '5101**********123X',
      },
      headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' },
      list: [{ token: '[REDACTED]' }],
      n: 5,
    });
  });
});

describe('logger', () => {
  it('writes JSON lines with secrets redacted and personal data masked', () => {
    const { lines, log } = capture();
    log.info(
      { user: { phone: '13912345678', new_password: 'p@ss' }, sessionToken: 'abc' },
      'sms code 654321 sent to 13912345678',
    );
    log.error({ err: new Error('lookup failed for 51010519900307123X') }, 'failed');
    const all = lines.join('\n');
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain('p@ss');
    expect(all).not.toContain('"abc"');
    expect(all).not.toContain('51010519900307123X');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({
      msg: 'sms code 654321 sent to 139****5678',
      user: { phone: '139****5678', new_password: '[REDACTED]' },
      sessionToken: '[REDACTED]',
    });
    const second = JSON.parse(lines[1]!) as { err: { message: string } };
    expect(second.err.message).toBe('lookup failed for 5101**********123X');
  });
});
