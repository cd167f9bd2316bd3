/** writeAllOrNothing: a secret store failing part-way leaves everything exactly as it was. */
import assert from 'node:assert/strict';
import { SecretWriteError, writeAllOrNothing, type SecretBackend } from '../../../src/core/credentials/secretWrite';

/** An in-memory secret store that fails on chosen operations (counted from 1). */
class FlakyBackend implements SecretBackend {
  readonly data = new Map<string, string>();
  readonly ops: string[] = [];
  failGet = false;
  failStoreAt: number | undefined;
  failDeletes = false;
  private stores = 0;

  get(key: string): Promise<string | undefined> {
    this.ops.push(`get ${key}`);
    return this.failGet ? Promise.reject(new Error('keyring locked')) : Promise.resolve(this.data.get(key));
  }

  store(key: string, value: string): Promise<void> {
    this.stores++;
    this.ops.push(`store ${key}`);
    if (this.stores === this.failStoreAt) {
      return Promise.reject(new Error('no keyring'));
    }
    this.data.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.ops.push(`delete ${key}`);
    if (this.failDeletes) {
      return Promise.reject(new Error('no keyring'));
    }
    this.data.delete(key);
    return Promise.resolve();
  }
}

describe('writeAllOrNothing', () => {
  it('writes every entry and runs afterWrite once', async () => {
    const b = new FlakyBackend();
    let after = 0;
    await writeAllOrNothing(b, [['a', '1'], ['b', '2']], () => {
      after++;
      return Promise.resolve();
    });
    assert.deepEqual([...b.data], [['a', '1'], ['b', '2']]);
    assert.equal(after, 1);
  });

  it('a failure on the second write removes the first new secret', async () => {
    const b = new FlakyBackend();
    b.failStoreAt = 2;
    let after = 0;
    const err = await writeAllOrNothing(b, [['a', '1'], ['b', '2'], ['c', '3']], () => {
      after++;
      return Promise.resolve();
    }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof SecretWriteError);
    assert.equal(err.step, 'write');
    assert.equal(err.rolledBack, true);
    assert.equal(b.data.size, 0);
    assert.equal(after, 0, 'the index must not be updated when a secret could not be written');
    assert.ok(!b.ops.includes('store c'), 'stops at the first failure');
  });

  it('restores the old value of a key it overwrote before failing', async () => {
    const b = new FlakyBackend();
    b.data.set('a', 'old-a');
    b.data.set('z', 'untouched');
    b.failStoreAt = 2;
    await assert.rejects(writeAllOrNothing(b, [['a', 'new-a'], ['b', 'new-b']]), SecretWriteError);
    assert.deepEqual(Object.fromEntries(b.data), { a: 'old-a', z: 'untouched' });
  });

  it('undoes every write when the step after the writes fails', async () => {
    const b = new FlakyBackend();
    b.data.set('a', 'old-a');
    const err = await writeAllOrNothing(b, [['a', 'new-a'], ['b', 'new-b']], () => Promise.reject(new Error('state'))).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof SecretWriteError);
    assert.equal(err.step, 'after-write');
    assert.deepEqual(Object.fromEntries(b.data), { a: 'old-a' });
  });

  it('a store that cannot even be read writes nothing', async () => {
    const b = new FlakyBackend();
    b.failGet = true;
    const err = await writeAllOrNothing(b, [['a', '1']]).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof SecretWriteError);
    assert.equal(err.step, 'read');
    assert.ok(!b.ops.some((op) => op.startsWith('store')), 'nothing may be written after a failed read');
  });

  it('reports an incomplete rollback instead of hiding it', async () => {
    const b = new FlakyBackend();
    b.failStoreAt = 2;
    b.failDeletes = true;
    const err = await writeAllOrNothing(b, [['a', '1'], ['b', '2']]).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof SecretWriteError);
    assert.equal(err.rolledBack, false);
    assert.match(err.message, /rollback incomplete/);
    assert.ok(!err.message.includes('1') && !err.message.includes('2'), 'no secret value in the message');
  });
});
