/**
 * Issue 10 point 13: 1,000 lookups + 200 hovers + tree paging against one store, on virtual time.
 * The sandbox (on the same clock) never sees more than 60 requests in any sliding minute and never
 * answers 429, every lookup and page the user asked for ends in data (the user retries after the
 * `retryAfterMs` a rateLimited error names, as the UI tells them to), and every hover ends at once in
 * data or rateLimited.
 */
import assert from 'node:assert/strict';
import { YampiError } from '../../../src/core/api/errors';
import { createYampiClient } from '../../../src/core/api/index';
import type { YampiClient } from '../../../src/core/api/types';
import type { Sandbox } from '../../sandbox/server';
import { aurora, USER_AGENT, useSandbox, VirtualTime } from './helpers';

const LOOKUPS = 1000;
const HOVERS = 200;
const PAGE_SIZE = 25;

/** What a user does with a lookup: on rateLimited, wait as told and ask again. */
async function asUserWould<T>(vt: VirtualTime, run: () => Promise<T>): Promise<{ value?: T; error?: unknown; tries: number }> {
  for (let tries = 1; tries <= 100; tries++) {
    try {
      return { value: await run(), tries };
    } catch (e) {
      if (!YampiError.is(e, 'rateLimited') || e.retryAfterMs === undefined) {
        return { error: e, tries };
      }
      await vt.sleep(e.retryAfterMs);
    }
  }
  return { error: new Error('gave up after 100 tries'), tries: 100 };
}

describe('rate budget under load (issue 10 point 13)', function () {
  this.timeout(120_000);
  const vt = new VirtualTime();
  let sb!: Sandbox;
  useSandbox((s) => {
    sb = s;
  }, { rateLimit: { perWindow: 60, windowMs: 60_000 }, now: vt.now });
  let client: YampiClient;

  beforeEach(() => {
    client = createYampiClient({ baseUrl: sb.baseUrl, userAgent: USER_AGENT, hooks: { now: vt.now, sleep: vt.sleep } });
  });
  afterEach(async () => {
    await client.close();
  });

  it('1,000 lookups + 200 hovers + paging the whole tree: ≤ 60 a minute at the server, nothing lost', async () => {
    const ids = (sb.data.get(aurora.alias)?.customers ?? []).map((c) => c.id);
    const started = vt.now();
    const lookups = Array.from({ length: LOOKUPS }, (_, i) => asUserWould(vt, () => client.getCustomer(aurora, ids[(i * 7) % ids.length] ?? 0)));
    const paging = (async () => {
      const pages = [];
      for (let page = 1; ; page++) {
        const r = await asUserWould(vt, () => client.listCustomers(aurora, { page, limit: PAGE_SIZE }));
        pages.push(r);
        if (r.value === undefined || r.value.pagination.next === undefined) {
          return pages;
        }
      }
    })();
    const hovers = Array.from({ length: HOVERS }, async (_, i) => {
      await vt.sleep(i * 3000); // one hover every 3 s for 10 minutes
      const at = vt.now();
      try {
        await client.getCustomer(aurora, ids[(i * 13 + 5) % ids.length] ?? 0, { waitForRateLimit: false });
        return { ok: true, waited: vt.now() - at };
      } catch (e) {
        return { ok: false, error: e, waited: vt.now() - at };
      }
    });
    const open = (): boolean => sb.requests().every((r) => r.status !== 0);
    const [lookupResults, pageResults, hoverResults] = await vt.run(Promise.all([Promise.all(lookups), paging, Promise.all(hovers)]), open);

    const requests = sb.requests();
    const peak = sb.peakInWindow(60_000, aurora.alias);
    const limitedHovers = hoverResults.filter((h) => !h.ok);
    console.log(
      `\nrate budget: ${requests.length} requests over ${((vt.now() - started) / 60_000).toFixed(1)} virtual minutes, peak ${peak} in any sliding minute, ` +
      `${requests.filter((r) => r.status === 429).length} × 429; lookups ${lookupResults.filter((r) => r.value !== undefined).length}/${LOOKUPS} data ` +
      `(max ${Math.max(...lookupResults.map((r) => r.tries))} tries), pages ${pageResults.filter((r) => r.value !== undefined).length}/${pageResults.length} data, ` +
      `hovers ${HOVERS - limitedHovers.length} data + ${limitedHovers.length} rateLimited at once\n`,
    );
    assert.ok(peak <= 60, `peak ${peak} requests in a sliding minute`);
    assert.deepEqual(requests.filter((r) => r.status === 429), []);
    assert.deepEqual(lookupResults.filter((r) => r.value === undefined).map((r) => r.error), []);
    assert.deepEqual(pageResults.filter((r) => r.value === undefined).map((r) => r.error), []);
    assert.equal(pageResults.length, Math.ceil(ids.length / PAGE_SIZE));
    assert.equal(hoverResults.length, HOVERS);
    for (const h of limitedHovers) {
      assert.ok(YampiError.is(h.error, 'rateLimited'), `hover failed with ${String(h.error)}`);
      assert.ok((h.error.retryAfterMs ?? 0) > 0);
      assert.equal(h.waited, 0, 'a hover never waits for a rate-limit window');
    }
  });
});
