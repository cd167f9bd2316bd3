/**
 * Issue 23: the exact text the bounding and escaping helpers produce (what a label, tooltip or hover
 * shows), at the edges: a value exactly at the limit, runs of control characters, padding.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdown, HOVER_MAX_VALUE, MAX_LABEL, neutralizeIcons, plainLabel, truncate } from '../../../src/core/common/text';
import { RUNS } from '../propertyRuns';

const FSI = '\u2068';
const PDI = '\u2069';

describe('text: truncate, plainLabel, escapeMarkdown (issue 23)', () => {
  it('truncate keeps a value of exactly max units and cuts one more, ending in …', () => {
    assert.equal(truncate('abcde', 5), 'abcde');
    assert.equal(truncate('abcdef', 5), 'abcd…');
    assert.equal(truncate('', 0), '');
    assert.equal(truncate('ab', 1), '…');
  });

  it('truncate never splits a grapheme, and its cut is the same however long the rest is', () => {
    assert.equal(truncate('ab👍🏽cd', 4), 'ab…'); // the emoji with its skin tone is 4 units: it does not fit
    assert.equal(truncate('ab👍🏽cd', 7), 'ab👍🏽…');
    assert.equal(truncate(`Jose\u0301 Silva${'x'.repeat(5000)}`, 6), 'Jose\u0301…');
    assert.equal(truncate(`${'a'.repeat(10)}${'b'.repeat(100_000)}`, 11), `${'a'.repeat(10)}…`);
    // a prepend mark (U+0600) joins the ASCII letter after it: the cut proves its boundary on both sides
    assert.equal(truncate('aaaaa\u0600bcxxxxxxxxxx', 7), 'aaaaa…');
    assert.equal(truncate('aaaaa\u0600bcxxxxxxxxxx', 8), 'aaaaa\u0600b…');
  });

  it('truncate cuts where a segmentation of the whole value would: ASCII beside emoji sequences, flags, marks and CRLF', () => {
    // what the cut must be: the longest run of whole graphemes of the entire value that leaves room for …
    const reference = (value: string, max: number): string => {
      if (value.length <= max) {
        return value;
      }
      let cut = '';
      for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)) {
        if (cut.length + segment.length > max - 1) {
          break;
        }
        cut += segment;
      }
      return `${cut}…`;
    };
    // pieces whose graphemes reach across their neighbours: a ZWJ family, flags (regional-indicator
    // pairs counted from the left), a skin tone, combining accents, Hangul jamo, CR LF, prepend marks
    const piece = fc.constantFrom('a', 'Zé', ' ', '"', '\u0301', '\u200d', '👩\u200d👩\u200d👧', '🇧', '🇷', '🇧🇷', '👍🏽', '\r', '\n', '\r\n', 'a\r\n', '\u1100\u1161', '\u0600', 'x\u0308', '\ufe0f', '~');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 200 }), (pieces, max) => {
        const value = pieces.join('');
        assert.equal(truncate(value, max), reference(value, max));
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('neutralizeIcons breaks every $( with a zero-width space and leaves the rest', () => {
    assert.equal(neutralizeIcons('$(check) a $(x) $ ( $'), '$\u200b(check) a $\u200b(x) $ ( $');
  });

  it('plainLabel: one space for each run of control characters or spaces, trimmed, icons broken, cut at 200', () => {
    assert.equal(MAX_LABEL, 200);
    assert.equal(plainLabel('  Ana  '), 'Ana');
    assert.equal(plainLabel('\n\tAna\r\n'), 'Ana');
    assert.equal(plainLabel('Ana \n\t Maria\u2028\u2029Souza\u0085x\u007fy'), 'Ana Maria Souza x y');
    assert.equal(plainLabel('$(check) ok'), '$\u200b(check) ok');
    assert.equal(plainLabel('x'.repeat(200)), 'x'.repeat(200));
    assert.equal(plainLabel('x'.repeat(201)), `${'x'.repeat(199)}…`);
    assert.equal(plainLabel('abcdef', 4), 'abc…');
  });

  it('escapeMarkdown: isolated, trimmed, one space per run of control characters, punctuation escaped, cut at 80', () => {
    assert.equal(HOVER_MAX_VALUE, 80);
    assert.equal(escapeMarkdown('  Ana  '), `${FSI}Ana${PDI}`);
    assert.equal(escapeMarkdown('Ana\r\n\r\nMaria\u0000\u2028Souza'), `${FSI}Ana Maria Souza${PDI}`);
    assert.equal(escapeMarkdown('a\tb'), `${FSI}a b${PDI}`);
    assert.equal(escapeMarkdown('Ana  Maria'), `${FSI}Ana  Maria${PDI}`); // spaces are data, kept
    assert.equal(escapeMarkdown('[x](y) <b>'), `${FSI}\\[x\\]\\(y\\) \\<b\\>${PDI}`);
    assert.equal(escapeMarkdown('$(check)'), `${FSI}\\$\u200b\\(check\\)${PDI}`);
    assert.equal(escapeMarkdown('x'.repeat(80)), `${FSI}${'x'.repeat(80)}${PDI}`);
    assert.equal(escapeMarkdown('x'.repeat(81)), `${FSI}${'x'.repeat(79)}…${PDI}`);
    assert.equal(escapeMarkdown('abcdef', 4), `${FSI}abc…${PDI}`);
  });
});
