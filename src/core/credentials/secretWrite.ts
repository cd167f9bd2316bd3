/**
 * All-or-nothing writes to a key/value secret store (VS Code's SecretStorage in the host).
 * Pure: the store is an interface, so the rollback logic runs in plain Node tests.
 */
export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** Which step failed: nothing was written (`read`), or writes were undone (`write`). */
export class SecretWriteError extends Error {
  constructor(
    readonly step: 'read' | 'write' | 'after-write',
    readonly rolledBack: boolean,
    cause: unknown,
  ) {
    super(`Secret storage failed during ${step}${rolledBack ? '' : ' (rollback incomplete)'}`, { cause });
    this.name = 'SecretWriteError';
  }
}

/**
 * Writes every entry, then runs `afterWrite` (e.g. updating the index of saved stores). When any
 * step fails, each key is put back as it was before (the old value restored, or deleted when it
 * did not exist), so a failure part-way leaves neither new secrets nor damaged old ones.
 */
export async function writeAllOrNothing(
  backend: SecretBackend,
  entries: ReadonlyArray<readonly [key: string, value: string]>,
  afterWrite: () => PromiseLike<void> = () => Promise.resolve(),
): Promise<void> {
  const previous = new Map<string, string | undefined>();
  try {
    for (const [key] of entries) {
      if (!previous.has(key)) {
        previous.set(key, await backend.get(key));
      }
    }
  } catch (e) {
    throw new SecretWriteError('read', true, e);
  }
  const touched: string[] = [];
  let step: 'write' | 'after-write' = 'write';
  try {
    for (const [key, value] of entries) {
      touched.push(key);
      await backend.store(key, value);
    }
    step = 'after-write';
    await afterWrite();
  } catch (e) {
    let restored = true;
    for (const key of touched.reverse()) {
      const old = previous.get(key);
      try {
        await (old === undefined ? backend.delete(key) : backend.store(key, old));
      } catch {
        restored = false;
      }
    }
    throw new SecretWriteError(step, restored, e);
  }
}
