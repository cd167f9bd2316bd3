/** Issue 18 §2.12: redaction covers upper-case and hex forms; the chat tools' schema and the runtime agree on the alias rule. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidAlias } from '../../../src/core/common/alias';
import { parseToolInput, type TOOL_NAMES } from '../../../src/core/chat/tools';
import { redact } from '../../../src/core/common/logger';

const secret = 'sk_live/Ab+c=d&e?f"g\\h ij~é';
const token = 'ysk_9f8e7d6c5b4a39281706Zq';

const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
const percentAll = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe('redact: upper-case, hex and fully percent-encoded forms (issue 18 §2.12)', () => {
  const cases: Array<[string, (s: string) => string]> = [
    ['upper case', (s) => s.toUpperCase()],
    ['lower case', (s) => s.toLowerCase()],
    ['hex', hex],
    ['HEX', (s) => hex(s).toUpperCase()],
    ['every byte percent-encoded', percentAll],
    ['every byte percent-encoded, upper-case hex', (s) => percentAll(s).toUpperCase()],
    ['encodeURIComponent of the upper case', (s) => encodeURIComponent(s.toUpperCase())],
  ];
  for (const [name, encode] of cases) {
    for (const s of [secret, token]) {
      it(`${name}: ${s === token ? 'token' : 'secret with specials'}`, () => {
        const line = `header X=${encode(s)}; done`;
        const out = redact(line, [s]) as string;
        assert.ok(!out.includes(encode(s)), out);
        assert.match(out, /\[redacted\]/);
      });
    }
  }
});

interface ToolDecl {
  readonly name: string;
  readonly inputSchema: { readonly properties: Record<string, { readonly pattern?: string; readonly type?: string }> };
}

const tools = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { languageModelTools: ToolDecl[] } }).contributes.languageModelTools;

const ALIASES = ['loja', 'loja-aurora', 'vaseu2', '9lojas', 'a', 'a'.repeat(63), 'Loja', 'LOJA-AURORA', 'loja_x', '-loja', ' loja', 'loja ', 'loja/x', 'loja.x', 'a'.repeat(64), 'lója', 'loja\n', ''];

describe('store alias: package.json tool schemas and the runtime agree (issue 18 §2.12)', () => {
  const withStore = tools.filter((t) => 'store' in t.inputSchema.properties);

  it('sanity: two tools take a store', () => {
    assert.deepEqual(withStore.map((t) => t.name).sort(), ['yampi_getCustomer', 'yampi_getCustomerOrders', 'yampi_getOrder']);
  });

  for (const tool of withStore) {
    for (const alias of ALIASES) {
      it(`${tool.name}: ${JSON.stringify(alias)} is ${isValidAlias(alias) ? 'accepted' : 'refused'} by the schema, the alias rule and the tool input`, () => {
        const pattern = tool.inputSchema.properties['store']?.pattern;
        assert.ok(pattern !== undefined, 'the schema has a pattern');
        const bySchema = new RegExp(pattern, 'u').test(alias);
        const byRule = isValidAlias(alias);
        const name = tool.name as (typeof TOOL_NAMES)[number];
        const byTool = parseToolInput(name, { id: 1, store: alias }, 'en').ok;
        assert.deepEqual({ bySchema, byTool }, { bySchema: byRule, byTool: byRule });
      });
    }
  }
});
