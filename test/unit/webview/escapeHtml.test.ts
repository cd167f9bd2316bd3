import assert from 'node:assert/strict';
import { escapeHtml } from '../../../src/core/webview/escapeHtml';

describe('escapeHtml', () => {
  it('escapes the characters that matter in text and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });
  it('leaves other text (accents, RTL) alone and stringifies numbers', () => {
    assert.equal(escapeHtml('Ribeirão \u202Eabc'), 'Ribeirão \u202Eabc');
    assert.equal(escapeHtml(48213907), '48213907');
  });
  it('does not double-escape on purpose (escape once, at the sink)', () => {
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  });
});
