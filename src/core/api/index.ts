/**
 * The API client with undici: an `import()` chunk of the host build (esbuild.mjs), loaded by the
 * host's first request (src/host/common/apiService.ts); the host imports the types from ./types with
 * `import type` only.
 */
import { HttpYampiClient } from './client';
import type { ClientOptions, YampiClient } from './types';

export { DEADLINE_GRACE_MS, operationDeadlineMs } from './client';
export { YampiError } from './errors';
export type { YampiErrorDetails, YampiErrorKind } from './errors';
export type * from './types';

export function createYampiClient(options: ClientOptions): YampiClient {
  return new HttpYampiClient(options);
}
