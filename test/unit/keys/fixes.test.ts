/** The pure halves of the quick fixes and of the ignore rules: .env entries, .gitignore, source edits, hashes. */
import assert from 'node:assert/strict';
import { GitignoreRules } from '../../../src/core/keys/gitignoreRules';
import { findingMessage, kindLabel } from '../../../src/core/keys/messages';
import { envEntry, gitignoreAddition, moveEdit, preferredEnvName } from '../../../src/core/keys/moveToEnv';
import { ignoredListOf, MAX_IGNORED, occurrenceHash, withIgnored } from '../../../src/core/keys/occurrence';
import { type KeyFinding, scanForKeys } from '../../../src/core/keys/scanner';
import { SK, TOKENS, TRUE_POSITIVES } from './corpus';

function only(text: string, kind?: KeyFinding['kind']): KeyFinding {
  const f = scanForKeys(text).find((x) => kind === undefined || x.kind === kind);
  assert.ok(f, 'no finding');
  return f;
}

function applied(text: string, languageId: string, name?: string): string {
  const f = only(text, 'secretKey');
  const e = moveEdit(text, f, languageId, name ?? preferredEnvName(text, f, languageId));
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

describe('keys: Move to .env (pure half)', () => {
  it('JS: the quoted literal becomes process.env.NAME', () => {
    assert.equal(applied(`const s = '${SK[0]}';`, 'javascript'), 'const s = process.env.YAMPI_USER_SECRET_KEY;');
    assert.equal(applied(`headers: { 'User-Secret-Key': "${SK[0]}" }`, 'typescript'), "headers: { 'User-Secret-Key': process.env.YAMPI_USER_SECRET_KEY }");
  });

  it('JS: the process.env.X || fallback keeps X and loses the literal', () => {
    const text = `const secret = process.env.YAMPI_SECRET || '${SK[1]}';`;
    assert.equal(preferredEnvName(text, only(text), 'javascript'), 'YAMPI_SECRET');
    assert.equal(applied(text, 'javascript'), 'const secret = process.env.YAMPI_SECRET;');
    assert.equal(applied(text.replace('||', '??'), 'typescript'), 'const secret = process.env.YAMPI_SECRET;');
    // when .env already holds another value under that name, the fallback reads the new name
    assert.equal(applied(text, 'javascript', 'YAMPI_SECRET_2'), 'const secret = process.env.YAMPI_SECRET || process.env.YAMPI_SECRET_2;');
  });

  it('JS: a key inside a longer string becomes ${process.env.NAME}', () => {
    assert.equal(applied(`const h = \`Bearer ${SK[0]}\`;`, 'javascript'), 'const h = `Bearer ${process.env.YAMPI_USER_SECRET_KEY}`;');
  });

  it('PHP: getenv; Python with os imported: os.environ; other languages: ${NAME}', () => {
    assert.equal(applied(`<?php $s = '${SK[0]}';`, 'php'), "<?php $s = getenv('YAMPI_USER_SECRET_KEY');");
    assert.equal(applied(`import os\nS = "${SK[0]}"`, 'python'), 'import os\nS = os.environ["YAMPI_USER_SECRET_KEY"]');
    assert.equal(applied(`S = "${SK[0]}"`, 'python'), 'S = "${YAMPI_USER_SECRET_KEY}"');
    assert.equal(applied(`secret: ${SK[0]}\n`, 'yaml'), 'secret: ${YAMPI_USER_SECRET_KEY}\n');
    assert.equal(applied(`{"secret": "${SK[0]}"}`, 'json'), '{"secret": "${YAMPI_USER_SECRET_KEY}"}');
  });

  it('no corpus key survives its own move', () => {
    for (const p of TRUE_POSITIVES) {
      for (const f of scanForKeys(p.text)) {
        const e = moveEdit(p.text, f, p.languageId, preferredEnvName(p.text, f, p.languageId));
        const after = p.text.slice(0, e.start) + e.text + p.text.slice(e.end);
        assert.ok(!after.includes(p.text.slice(f.start, f.end)), `${p.name}: the key is still there`);
      }
    }
  });

  it('.env: appends NAME=value, reuses the variable already holding the value, never overwrites another', () => {
    assert.deepEqual(envEntry('', 'YAMPI_USER_TOKEN', TOKENS[0]), { name: 'YAMPI_USER_TOKEN', append: `YAMPI_USER_TOKEN=${TOKENS[0]}\n` });
    assert.deepEqual(envEntry('A=1', 'YAMPI_USER_TOKEN', TOKENS[0]), { name: 'YAMPI_USER_TOKEN', append: `\nYAMPI_USER_TOKEN=${TOKENS[0]}\n` });
    assert.deepEqual(envEntry(`export MY_TOKEN="${TOKENS[0]}"\n`, 'YAMPI_USER_TOKEN', TOKENS[0]), { name: 'MY_TOKEN', append: undefined });
    assert.deepEqual(envEntry('YAMPI_USER_TOKEN=old\nYAMPI_USER_TOKEN_2=older\n', 'YAMPI_USER_TOKEN', TOKENS[0]).name, 'YAMPI_USER_TOKEN_3');
    assert.deepEqual(envEntry(`# YAMPI_USER_TOKEN=${TOKENS[0]}\n`, 'YAMPI_USER_TOKEN', TOKENS[0]).name, 'YAMPI_USER_TOKEN');
  });

  it('.gitignore: adds .env unless a rule already ignores it', () => {
    assert.equal(gitignoreAddition(''), '.env\n');
    assert.equal(gitignoreAddition('node_modules/'), '\n.env\n');
    assert.equal(gitignoreAddition('.env\n'), undefined);
    assert.equal(gitignoreAddition('.env*\n'), undefined);
    assert.equal(gitignoreAddition('*.env\n'), undefined);
    assert.equal(gitignoreAddition('.env\n!.env\n'), '.env\n');
  });
});

describe('keys: ignore rules without the Git extension (.gitignore files, npm ignore)', () => {
  const rules = new GitignoreRules([
    { dir: '', text: '.env\n.env.*\n!.env.example\nnode_modules/\n/build\n*.log\n' },
    { dir: 'packages/api', text: 'secrets.json\n!debug.log\n' },
    { dir: 'packages/web', text: 'config/\n' },
  ]);

  it('ignores what git would: .env, .env.local, folders, globs', () => {
    for (const p of ['.env', '.env.local', 'packages/api/.env', 'node_modules/x/index.js', 'build/out.js', 'a/b/c.log', 'packages/api/secrets.json', 'packages/web/config/keys.ts']) {
      assert.equal(rules.ignores(p), true, p);
    }
  });

  it('keeps what git keeps: negations, anchored patterns, other folders', () => {
    for (const p of ['.env.example', 'src/index.ts', 'src/build/x.ts', 'packages/api/debug.log', 'packages/web/secrets.json', 'packages/api/config/keys.ts']) {
      assert.equal(rules.ignores(p), false, p);
    }
  });

  it('a file inside an ignored folder stays ignored even if a rule re-includes it', () => {
    const r = new GitignoreRules([{ dir: '', text: 'vendor/\n!vendor/keep.js\n' }]);
    assert.equal(r.ignores('vendor/keep.js'), true);
  });
});

describe('keys: occurrence hashes and messages', () => {
  it('hashes file and key one way: the key is not in the hash, another file gets another hash', () => {
    const h = occurrenceHash('file:///w/a.js', SK[0]);
    assert.match(h, /^[0-9a-f]{64}$/);
    assert.ok(!h.includes(SK[0].slice(3, 10)));
    assert.notEqual(h, occurrenceHash('file:///w/b.js', SK[0]));
    assert.equal(h, occurrenceHash('file:///w/a.js', SK[0]));
  });

  it('keeps at most MAX_IGNORED hashes, newest last, and drops anything that is not a hash', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_IGNORED + 10; i++) {
      list = withIgnored(list, occurrenceHash('f', `k${i}`));
    }
    assert.equal(list.length, MAX_IGNORED);
    assert.equal(list.at(-1), occurrenceHash('f', `k${MAX_IGNORED + 9}`));
    assert.deepEqual(ignoredListOf([SK[0], 42, null, list[0]]), [list[0]]);
    assert.deepEqual(ignoredListOf('nope'), []);
  });

  it('a message names the kind and the tracking, never the key (both languages)', () => {
    for (const locale of ['en', 'pt-br'] as const) {
      for (const kind of ['secretKey', 'webhookSecret', 'userToken'] as const) {
        for (const tracking of ['tracked', 'untracked', 'noRepository'] as const) {
          const m = findingMessage(locale, kind, tracking);
          assert.ok(m.startsWith(kindLabel(locale, kind)));
          for (const key of [...SK, ...TOKENS]) {
            assert.ok(!m.includes(key.replace(/^sk_/, '').slice(0, 4)), m);
          }
        }
      }
      assert.match(findingMessage(locale, 'secretKey', 'tracked'), locale === 'en' ? /committed — rotate it: change the Yampi account password/ : /commitado — troque/);
      assert.match(findingMessage(locale, 'secretKey', 'untracked'), locale === 'en' ? /not committed yet/ : /ainda não commitado/);
    }
  });
});
