/** The one JSON(C) lexer of the reference scans (src/core/refs/jsonLexer.ts). */
import assert from 'node:assert/strict';
import { JsonLexer, Token } from '../../../src/core/refs/jsonLexer';

/** Every token of `text` as [kind, start, end, value]. */
function tokens(text: string): Array<[number, number, number, string]> {
  const lex = new JsonLexer(text);
  const out: Array<[number, number, number, string]> = [];
  for (let kind = lex.next(); kind !== Token.EOF; kind = lex.next()) {
    out.push([kind, lex.start, lex.end, lex.value()]);
  }
  assert.equal(lex.start, lex.end, 'EOF is an empty token');
  return out;
}

describe('refs: the JSON lexer', () => {
  it('reads punctuation, strings and other runs with their exact offsets, skipping whitespace', () => {
    assert.deepEqual(tokens(' {"id" :\t12,\r\n"a":[true]}'), [
      [Token.OpenBrace, 1, 2, '{'],
      [Token.String, 2, 6, 'id'],
      [Token.Colon, 7, 8, ':'],
      [Token.Other, 9, 11, '12'],
      [Token.Comma, 11, 12, ','],
      [Token.String, 14, 17, 'a'],
      [Token.Colon, 17, 18, ':'],
      [Token.OpenBracket, 18, 19, '['],
      [Token.Other, 19, 23, 'true'],
      [Token.CloseBracket, 23, 24, ']'],
      [Token.CloseBrace, 24, 25, '}'],
    ]);
  });

  it('an other run ends at every delimiter: whitespace, punctuation, a quote or a slash', () => {
    for (const d of [' ', '\n', '\r', '\t', ',', ':', '{', '}', '[', ']', '"', '/']) {
      const [first] = tokens(`12${d}3`);
      assert.deepEqual(first, [Token.Other, 0, 2, '12'], JSON.stringify(d));
    }
    assert.deepEqual(tokens('12-x.y'), [[Token.Other, 0, 6, '12-x.y']]);
  });

  it('skips line and block comments, and an unterminated one to the end', () => {
    assert.deepEqual(tokens('// a\n1 /* b */ 2 /* c').map((t) => t[3]), ['1', '2']);
    assert.deepEqual(tokens('1 // x').map((t) => t[3]), ['1']);
    assert.deepEqual(tokens('/x').map((t) => t[0]), [Token.Other], 'a lone slash is junk');
    assert.deepEqual(tokens('1/*a*/2').map((t) => t[3]), ['1', '2']);
  });

  it('strings: escaped quotes stay inside, escapes are decoded in the value, a line break or the end closes a broken one', () => {
    assert.deepEqual(tokens('"a\\"b" 1'), [[Token.String, 0, 6, 'a"b'], [Token.Other, 7, 8, '1']]);
    assert.deepEqual(tokens('"\\u0069d"'), [[Token.String, 0, 9, 'id']]);
    assert.deepEqual(tokens('"\\q1"'), [[Token.String, 0, 5, '\\q1']], 'an escape JSON does not allow stays as written');
    assert.deepEqual(tokens('"ab\n1'), [[Token.String, 0, 4, 'ab\n'], [Token.Other, 4, 5, '1']]);
    assert.deepEqual(tokens('"ab'), [[Token.String, 0, 3, 'ab']]);
    assert.deepEqual(tokens('"'), [[Token.String, 0, 1, '']]);
    assert.deepEqual(tokens('""'), [[Token.String, 0, 2, '']]);
    assert.deepEqual(tokens('"a\\'), [[Token.String, 0, 3, 'a\\']], 'a trailing backslash does not run past the end');
  });

  it('resumes where `pos` is set', () => {
    const lex = new JsonLexer('{"a": {"id": 7}}');
    lex.pos = 6;
    assert.equal(lex.next(), Token.OpenBrace);
    assert.equal(lex.next(), Token.String);
    assert.equal(lex.value(), 'id');
  });
});
