/** Issue 10 point 9: a secret is redacted in every encoding a log line can carry it in. */
import assert from 'node:assert/strict';
import { redact, secretForms } from '../../../src/core/common/logger';

const secret = 'sk_live/Ab+c=d&e?f"g\\h ij~é';
const token = 'tok_9f8e7d6c5b4a39281706';

function leaks(out: unknown, s: string): string[] {
  const text = JSON.stringify(out);
  return secretForms(s).filter((form) => text.includes(form));
}

describe('redact: every encoded form of a secret', () => {
  const cases: Array<[string, (s: string) => string]> = [
    ['literal', (s) => s],
    ['encodeURIComponent', (s) => encodeURIComponent(s)],
    ['encodeURIComponent, lowercase hex', (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['encodeURI', (s) => encodeURI(s)],
    ['form encoding (URLSearchParams)', (s) => new URLSearchParams({ k: s }).toString().slice(2)],
    ['JSON string escape', (s) => JSON.stringify(s).slice(1, -1)],
    ['JSON escape with \\/ (PHP)', (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON inside JSON (double escape)', (s) => JSON.stringify(JSON.stringify(s)).slice(1, -1)],
    ['base64', (s) => Buffer.from(`user:${s}`).toString('base64')],
    ['base64url', (s) => Buffer.from(`x${s}yz`).toString('base64url')],
  ];
  for (const [name, encode] of cases) {
    for (const s of [secret, token]) {
      it(`${name}: ${s === token ? 'token' : 'secret with specials'}`, () => {
        const line = `GET https://x/y?a=1&secret=${encode(s)}&b=2 done`;
        const out = redact(line, [s]);
        assert.equal(typeof out, 'string');
        assert.ok(!(out as string).includes(encode(s)), `${name} leaked: ${String(out)}`);
        assert.match(out as string, /\[redacted\]/);
        assert.ok((out as string).startsWith('GET https://x/y?a=1&secret='), 'text around the secret is kept');
      });
    }
  }

  it('also inside nested objects and arrays', () => {
    const out = redact({ msg: [`body=${encodeURIComponent(token)}`], nested: { text: JSON.stringify({ t: token }) } }, [token]);
    assert.deepEqual(leaks(out, token), []);
  });

  it('a form that contains another is replaced whole (longest first)', () => {
    const forms = secretForms(secret);
    assert.deepEqual(forms, [...forms].sort((a, b) => b.length - a.length));
    assert.equal(redact(`x ${JSON.stringify(JSON.stringify(secret))} y`, [secret]), 'x "\\"[redacted]\\"" y');
  });

  it('short strings (under 4 characters) are not treated as secrets', () => {
    assert.equal(redact('a b c', ['a']), 'a b c');
  });
});
