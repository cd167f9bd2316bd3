import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasOf, customerIdOf, customerTargetOf, nodeOfType, setCredentialsArgsOf } from '../../../src/core/commands/args';
import { COMMANDS } from '../../../src/core/commands/ids';
import type { Node } from '../../../src/core/customers/nodes';

const root = join(__dirname, '..', '..', '..', '..');

describe('command ids', () => {
  it('are exactly the commands package.json contributes', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    assert.deepEqual(Object.values(COMMANDS).sort(), pkg.contributes.commands.map((c) => c.command).sort());
  });

  it('spell each id once: no other source file writes a yampi.<command> literal', () => {
    const files = [
      'src/host/customers/customerCommands.ts', 'src/host/customers/copyCommands.ts', 'src/host/customers/dataCommands.ts', 'src/host/credentials/credentialCommands.ts',
      'src/host/app/statusBar.ts', 'src/host/customers/detailPanels.ts', 'src/host/customers/detailPanel.ts', 'src/host/common/errors.ts', 'src/core/customers/customerTree.ts',
    ];
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      const literal = Object.values(COMMANDS).find((id) => text.includes(`'${id}'`));
      assert.equal(literal, undefined, `${f} spells ${literal ?? ''} instead of using COMMANDS`);
    }
  });
});

describe('command arguments', () => {
  const customerNode: Node = { type: 'customer', alias: 'loja-b', folder: 'recent', id: 42 };
  const storeNode: Node = { type: 'store', alias: 'loja-b' };

  it('reads customer ids from numbers, #id strings, links and customer nodes', () => {
    assert.equal(customerIdOf(7), 7);
    assert.equal(customerIdOf('#123'), 123);
    assert.equal(customerIdOf('https://x.test/v2/loja/customers/99?x=1'), 99);
    assert.equal(customerIdOf(customerNode), 42);
  });

  it('refuses what is not a customer id', () => {
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, NaN, '', 'abc', null, undefined, {}, [], storeNode, { type: 'customer', alias: 'x', id: '5' }]) {
      assert.equal(customerIdOf(bad), undefined, JSON.stringify(bad));
    }
  });

  it('takes the store of a node, never the active one, and an explicit alias otherwise', () => {
    assert.deepEqual(customerTargetOf(customerNode, 'loja-a'), { id: 42, alias: 'loja-b' });
    assert.deepEqual(customerTargetOf(5, 'loja-a'), { id: 5, alias: 'loja-a' });
    assert.deepEqual(customerTargetOf(5), { id: 5, alias: undefined });
    assert.deepEqual(customerTargetOf(5, 42), { id: 5, alias: undefined });
  });

  it('reads a store alias from a string or from any node (sign out from a store context menu)', () => {
    assert.equal(aliasOf('loja-b'), 'loja-b');
    assert.equal(aliasOf(storeNode), 'loja-b');
    assert.equal(aliasOf(customerNode), 'loja-b');
    assert.equal(aliasOf('../etc'), undefined);
    assert.equal(aliasOf(''), undefined);
    assert.equal(aliasOf({ alias: 'loja-b' }), undefined, 'an object that is not a node');
  });

  it('narrows nodes by type', () => {
    assert.equal(nodeOfType(customerNode, 'field'), undefined);
    assert.equal(nodeOfType(customerNode, 'field', 'customer'), customerNode);
    assert.equal(nodeOfType({ type: 'bogus', alias: 'a' }, 'customer'), undefined);
  });

  it('reads the programmatic form of Set Credentials', () => {
    assert.deepEqual(setCredentialsArgsOf({ alias: 'a', userToken: 't', userSecretKey: 's', extra: 1 }), { alias: 'a', userToken: 't', userSecretKey: 's' });
    assert.equal(setCredentialsArgsOf({ alias: 'a', userToken: 't' }), undefined);
    assert.equal(setCredentialsArgsOf('a'), undefined);
  });
});
