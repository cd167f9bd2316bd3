// Runs first (file order): nothing has made a request yet, so the API client bundle (with undici)
// must not be loaded. activate() only wires services.
import * as assert from 'node:assert/strict';
import { extensionApi } from './helpers';

describe('activation cost', () => {
  it('does not load the API client (dist/api.js with undici) during activation', async () => {
    const api = await extensionApi();
    assert.equal(api.apiLoaded(), false, 'the client was created during activation');
    const loaded = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]api\.js$/.test(k) || /[\\/]node_modules[\\/]undici[\\/]/.test(k));
    assert.deepEqual(loaded, []);
  });
});
