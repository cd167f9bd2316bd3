/** Every signature variant and every diagnosis, in both languages. */
import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { phpReencode } from '../../../src/core/webhooks/phpJson';
import { decodeSignature, REENCODE_LIMIT, signBody, verifySignature } from '../../../src/core/webhooks/signature';
import { explainVerdict, stateLabel } from '../../../src/core/webhooks/words';

const SECRET = 'wh_4f9c2e7a1b63d8e0f5a2c7b9e1d3f6a8c0b2e4d';
// a body as a PHP sender writes it: unescaped slash and accents, so the PHP re-encoding differs from the raw bytes
const BODY = '{"event":"order.paid","merchant":{"id":7711,"alias":"loja-aurora"},"resource":{"id":90311245,"url":"https://loja.example/p/1","customer":{"data":{"id":48213907,"name":"José"}},"value_total":289.90}}';
const bytes = Buffer.from(BODY, 'utf8');
const mac = (data: string | Buffer, secret = SECRET): Buffer => createHmac('sha256', secret).update(data).digest();

describe('webhooks: signature verification', () => {
  it('the PHP re-encoding really differs from the raw body (the test would prove nothing otherwise)', () => {
    const php = phpReencode(BODY);
    assert.ok(php !== undefined && php !== BODY);
    assert.ok(php.includes('https:\\/\\/') && php.includes('Jos\\u00e9') && php.includes('289.9}'));
  });

  it('verifies base64 of the raw bytes first', () => {
    const v = verifySignature({ body: bytes, signature: mac(bytes).toString('base64'), secret: SECRET });
    assert.deepEqual(v, { state: 'verified', variant: 'raw-base64' });
  });

  it('verifies the PHP json_encode variant and names it', () => {
    const v = verifySignature({ body: bytes, signature: mac(phpReencode(BODY) ?? '').toString('base64'), secret: SECRET });
    assert.deepEqual(v, { state: 'verified', variant: 'php-base64' });
  });

  it('verifies the PHP variant with the body decoded as arrays ({} → [])', () => {
    const body = '{"event":"order.paid","resource":{"meta":{}}}';
    const v = verifySignature({ body: Buffer.from(body), signature: mac('{"event":"order.paid","resource":{"meta":[]}}').toString('base64'), secret: SECRET });
    assert.deepEqual(v, { state: 'verified', variant: 'php-assoc-base64' });
  });

  it('verifies hex of the raw bytes and hex of the PHP variant (upper or lower case)', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: mac(bytes).toString('hex'), secret: SECRET }), { state: 'verified', variant: 'raw-hex' });
    assert.deepEqual(verifySignature({ body: bytes, signature: mac(phpReencode(BODY) ?? '').toString('hex').toUpperCase(), secret: SECRET }), { state: 'verified', variant: 'php-hex' });
  });

  it('signBody signs the way the sandbox modes say', () => {
    assert.equal(signBody(SECRET, BODY), mac(bytes).toString('base64'));
    assert.equal(signBody(SECRET, BODY, 'hex'), mac(bytes).toString('hex'));
    assert.equal(signBody(SECRET, BODY, 'php'), mac(phpReencode(BODY) ?? '').toString('base64'));
  });

  it('unsigned: no header at all → missingHeader', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: undefined, secret: SECRET, headers: { 'content-type': 'application/json' } }), { state: 'unsigned', diagnosis: 'missingHeader' });
    assert.deepEqual(verifySignature({ body: bytes, signature: '  ', secret: SECRET }), { state: 'unsigned', diagnosis: 'missingHeader' });
  });

  it('unsigned: a header under another name (X-Yampi-Secret) → wrongHeaderName naming it', () => {
    const v = verifySignature({ body: bytes, signature: undefined, secret: SECRET, headers: { 'x-yampi-secret': SECRET } });
    assert.deepEqual(v, { state: 'unsigned', diagnosis: 'wrongHeaderName', header: 'x-yampi-secret' });
    assert.match(explainVerdict(v, 'en'), /x-yampi-secret/);
  });

  it('a signature but no secret set → noSecret', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: mac(bytes).toString('base64'), secret: undefined }), { state: 'noSecret' });
  });

  it('wrong secret → invalid, wrongSecret', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: mac(bytes, 'wh_other').toString('base64'), secret: SECRET }), { state: 'invalid', diagnosis: 'wrongSecret' });
  });

  it('the body re-serialized on the way (pretty-printed, signature of the compact form) → reserialized, confirmed', () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const signedCompact = mac(JSON.stringify(JSON.parse(BODY))).toString('base64');
    const v = verifySignature({ body: Buffer.from(pretty), signature: signedCompact, secret: SECRET });
    assert.deepEqual(v, { state: 'invalid', diagnosis: 'reserialized', confirmed: true });
  });

  it('a re-indented body whose signature matches nothing → reserialized (likely, not confirmed)', () => {
    const pretty = JSON.stringify({ event: 'order.paid', resource: { id: 1 } }, null, 2);
    const v = verifySignature({ body: Buffer.from(pretty), signature: mac('something else').toString('base64'), secret: SECRET });
    assert.deepEqual(v, { state: 'invalid', diagnosis: 'reserialized' });
  });

  it('the secret itself in the header → headerIsSecret', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: SECRET, secret: SECRET }), { state: 'invalid', diagnosis: 'headerIsSecret' });
  });

  it('a header that is not a SHA-256 digest → malformedSignature', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: 'sha256=abc', secret: SECRET }), { state: 'invalid', diagnosis: 'malformedSignature' });
  });

  it('a pasted secret with a trailing newline → secretWhitespace', () => {
    assert.deepEqual(verifySignature({ body: bytes, signature: mac(bytes).toString('base64'), secret: `${SECRET}\n` }), { state: 'invalid', diagnosis: 'secretWhitespace' });
  });

  it('bodies over 64 KB are checked on their raw bytes only, and say so', () => {
    const big = Buffer.from(JSON.stringify({ event: 'order.paid', pad: 'é/'.repeat(REENCODE_LIMIT) }));
    assert.deepEqual(verifySignature({ body: big, signature: mac(big).toString('base64'), secret: SECRET }), { state: 'verified', variant: 'raw-base64' });
    const php = phpReencode(big.toString('utf8')) ?? '';
    const v = verifySignature({ body: big, signature: mac(php).toString('base64'), secret: SECRET });
    assert.equal(v.state, 'invalid');
    assert.equal(v.rawOnly, true);
    assert.match(explainVerdict(v, 'en'), /64 KB/);
  });

  it('reads base64, base64url and hex digests, and nothing else', () => {
    const d = mac(bytes);
    assert.deepEqual(decodeSignature(d.toString('base64')).base64, d);
    assert.deepEqual(decodeSignature(d.toString('base64url')).base64, d);
    assert.deepEqual(decodeSignature(d.toString('hex')).hex, d);
    assert.deepEqual(decodeSignature('not a digest'), {});
  });

  it('words every state and diagnosis in English and Brazilian Portuguese', () => {
    assert.equal(stateLabel('verified', 'en'), 'verified');
    assert.equal(stateLabel('invalid', 'en'), 'invalid signature');
    assert.equal(stateLabel('unsigned', 'en'), 'unsigned');
    assert.equal(stateLabel('noSecret', 'en'), 'no secret set');
    assert.equal(stateLabel('verified', 'pt-br'), 'verificada');
    assert.equal(stateLabel('invalid', 'pt-br'), 'assinatura inválida');
    assert.equal(stateLabel('unsigned', 'pt-br'), 'sem assinatura');
    assert.equal(stateLabel('noSecret', 'pt-br'), 'sem segredo');
    const verdicts = [
      verifySignature({ body: bytes, signature: mac(phpReencode(BODY) ?? '').toString('base64'), secret: SECRET }),
      verifySignature({ body: bytes, signature: undefined, secret: SECRET }),
      verifySignature({ body: bytes, signature: undefined, secret: SECRET, headers: { 'x-yampi-secret': 'x' } }),
      verifySignature({ body: bytes, signature: 'x', secret: SECRET }),
      verifySignature({ body: bytes, signature: SECRET, secret: SECRET }),
      verifySignature({ body: bytes, signature: mac(bytes).toString('base64'), secret: ` ${SECRET}` }),
      verifySignature({ body: bytes, signature: mac('x').toString('base64'), secret: SECRET }),
      verifySignature({ body: Buffer.from(JSON.stringify(JSON.parse(BODY), null, 2)), signature: mac(bytes).toString('base64'), secret: SECRET }),
      verifySignature({ body: bytes, signature: 'x', secret: undefined }),
    ];
    assert.deepEqual(new Set(verdicts.map((v) => v.diagnosis ?? v.state)), new Set(['verified', 'missingHeader', 'wrongHeaderName', 'malformedSignature', 'headerIsSecret', 'secretWhitespace', 'wrongSecret', 'reserialized', 'noSecret']));
    for (const v of verdicts) {
      const en = explainVerdict(v, 'en');
      const pt = explainVerdict(v, 'pt-br');
      assert.notEqual(en, pt, `not translated: ${en}`);
    }
    assert.match(explainVerdict(verdicts[0] ?? { state: 'verified' }, 'en'), /PHP json_encode/);
  });
});
