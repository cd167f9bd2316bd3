import { strict as assert } from 'node:assert';
import { inertNoticeValue, noticeText, notificationLinks } from '../../../src/core/common/notice';

/** Fills `{n}` like vscode.l10n.t does. */
const fill = (template: string, ...args: string[]): string => template.replace(/\{(\d+)\}/g, (w, i: string) => args[Number(i)] ?? w);

const HOSTILE = [
  '[Sign out of Yampi now](command:yampi.signOut)(\\d+)',
  '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%22%7D)',
  '[click](https://evil.example/ "title")',
  '[file](file:///etc/passwd)',
  '[A](COMMAND:yampi.clearCache)',
  '\\[escaped](command:yampi.signOut)',
  'line one\n[two](command:yampi.signOut)',
  '[split]\n(command:yampi.signOut)',
  '$(alert) fake icon',
  '\u202eevil\u202c name',
  'x'.repeat(5000),
];

describe('notice text: outside values never become a link, an icon or a new line', () => {
  it('sanity: the copied VS Code link syntax finds the links the issue saw on screen', () => {
    assert.deepEqual(notificationLinks('Bad: [Sign out of Yampi now](command:yampi.signOut)(\\d+)'), ['[Sign out of Yampi now](command:yampi.signOut)']);
    assert.equal(notificationLinks('[a](https://x.y "t")').length, 1);
  });

  for (const value of HOSTILE) {
    it(`stays text: ${JSON.stringify(value.slice(0, 60))}`, () => {
      for (const template of ['Yampi: {0}', 'Connected to Yampi store "{0}".', '[{0}]', '{0}{1}', 'Store {0} ({1})']) {
        const text = noticeText(fill, template, [value, value]);
        assert.deepEqual(notificationLinks(text), [], text);
        assert.ok(!text.includes('$('), text);
        assert.ok(!/[\r\n\u2028\u2029\u202a-\u202e]/.test(text), text);
        assert.ok(text.length < 600, `${text.length}`);
      }
    });
  }

  it('a value cannot close a link our template opens, nor open one our template closes', () => {
    // a value ending in `]` next to `(command:` in the text, and the reverse
    assert.deepEqual(notificationLinks(noticeText(fill, '{0}{1}', ['[a]', '(command:x)'])), []);
    assert.deepEqual(notificationLinks(noticeText(fill, '[label]{0}', ['(command:x)'])), []);
  });

  it('keeps what a person reads: the visible characters are the same, in order', () => {
    const v = inertNoticeValue('[Sign out](command:yampi.signOut)');
    assert.equal(v.replace(/[\u200b\u2068\u2069]/g, ''), '[Sign out](command:yampi.signOut)');
    assert.equal(inertNoticeValue(42), '42');
    assert.equal(inertNoticeValue('Loja Aurora'), '\u2068Loja Aurora\u2069');
    assert.equal(inertNoticeValue('   '), '');
  });
});
