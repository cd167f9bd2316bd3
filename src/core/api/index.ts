/**
 * Entry of dist/api.js, the lazily loaded bundle that carries undici. The host imports the types
 * from ./types with `import type` and `require`s this bundle on the first request.
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
