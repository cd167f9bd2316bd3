/** phpReencode against what PHP 8.2 itself printed (scripts/php-json-vectors.php → the fixture). */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { phpFloat, phpReencode, phpString } from '../../../src/core/webhooks/phpJson';

interface Vector { input: string; object: string | null; assoc: string | null }
const vectors = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'api', 'php-json-encode-vectors.json'), 'utf8')) as Vector[];

describe('webhooks: PHP json_encode(json_decode($body))', () => {
  it('has the PHP vectors (sanity)', () => {
    assert.ok(vectors.length >= 12);
  });

  for (const v of vectors) {
    it(`matches PHP for ${v.input.slice(0, 60)}`, () => {
      assert.equal(phpReencode(v.input) ?? null, v.object);
      assert.equal(phpReencode(v.input, true) ?? null, v.assoc);
    });
  }

  it('escapes / and non-ASCII with lowercase hex, astral characters as surrogate pairs', () => {
    assert.equal(phpString('a/é😀'), '"a\\/\\u00e9\\ud83d\\ude00"');
  });

  it('formats floats like serialize_precision=-1', () => {
    assert.equal(phpFloat(10), '10');
    assert.equal(phpFloat(0.00001), '1.0e-5');
    assert.equal(phpFloat(1.5e20), '1.5e+20');
    assert.equal(phpFloat(0.0001), '0.0001');
    assert.equal(phpFloat(-0), '-0');
  });

  it('fails where PHP fails: invalid JSON, an unpaired surrogate, nesting deeper than 512', () => {
    assert.equal(phpReencode('{"a":'), undefined);
    assert.equal(phpReencode('{"a":"\\udc00"}'), undefined);
    assert.equal(phpReencode(`${'['.repeat(513)}${']'.repeat(513)}`), undefined);
    assert.equal(phpReencode(`${'['.repeat(512)}${']'.repeat(512)}`), '['.repeat(512) + ']'.repeat(512));
  });
});
