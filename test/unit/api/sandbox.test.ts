/** The sandbox store itself: realistic deterministic data and the HTTP control surface. */
import assert from 'node:assert/strict';
import { EDGE_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS, XSS_CUSTOMER_IDS } from '../../sandbox/constants';
import { buildSandboxData } from '../../sandbox/data';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { isValidCnpj, isValidCpf } from '../../sandbox/vocabulary';

describe('sandbox store', () => {
  const data = buildSandboxData();
  const active = [SANDBOX_STORES.aurora.alias, SANDBOX_STORES.serra.alias].map((a) => data.get(a)?.customers ?? []);

  it('has ≥ 500 realistic customers in each active store, deterministic across builds', () => {
    for (const customers of active) {
      assert.ok(customers.length >= 500);
      assert.ok(customers.every((c) => /^\d{8}$/.test(String(c.id))));
      const get = (k: string): unknown[] => customers.map((c) => c.json[k]);
      assert.ok(get('type').includes('j') && get('type').includes('f'));
      assert.ok(get('active').includes(false));
      assert.ok(get('anonymized').includes(true));
      assert.ok(customers.some((c) => c.dataAsArray));
      const ufs = new Set(customers.map((c) => (c.json['spreadsheet'] as { data?: { uf?: unknown } } | null)?.data?.uf));
      assert.ok(ufs.size >= 20, `${ufs.size} UFs`);
    }
    assert.deepEqual(buildSandboxData().get('loja-aurora')?.customers.map((c) => c.json), data.get('loja-aurora')?.customers.map((c) => c.json));
  });

  it('gives valid CPF/CNPJ check digits (except the invalidCpf edge case) and phones with area codes', () => {
    // The XSS customers carry the corpus in every text field, documents and area code included.
    for (const c of active.flat().filter((x) => !XSS_CUSTOMER_IDS.includes(x.id))) {
      const { cpf, cnpj, phone } = c.json as { cpf: unknown; cnpj: unknown; phone: { area_code?: string; number?: string } | null };
      if (typeof cpf === 'string' && cpf !== '') {
        assert.equal(isValidCpf(cpf), c.id !== EDGE_CASE_IDS.invalidCpf, `cpf of ${c.id}`);
      }
      if (typeof cnpj === 'string' && cnpj !== '') {
        assert.ok(isValidCnpj(cnpj), `cnpj of ${c.id}`);
      }
      if (phone?.number) {
        assert.match(phone.area_code ?? '', /^[1-9]\d$/);
      }
    }
  });

  describe('over HTTP', () => {
    let sb: Sandbox;
    const { owner } = SANDBOX_USERS;
    const auth = { 'user-token': owner.userToken, 'user-secret-key': owner.userSecretKey, 'content-type': 'application/json' };
    before(async () => {
      sb = await startSandbox({ rateLimit: { perWindow: 3, windowMs: 60_000 } });
    });
    after(async () => {
      await sb.close();
    });

    async function control(method: string, path: string, body?: unknown): Promise<unknown> {
      const init: RequestInit = { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
      const res = await fetch(`${sb.origin}/__sandbox/${path}`, init);
      assert.ok(res.ok, `${method} ${path} → ${res.status}`);
      return res.json();
    }

    it('sends X-RateLimit-* headers and the documented 429 body', async () => {
      await control('POST', 'reset');
      const url = `${sb.baseUrl}/loja-aurora/customers/${EDGE_CASE_IDS.knownGood}`;
      const responses: Response[] = [];
      for (let i = 0; i < 4; i++) {
        responses.push(await fetch(url, { headers: auth }));
      }
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 429]);
      const last = responses[3];
      assert.ok(last);
      assert.equal(last.headers.get('x-ratelimit-limit'), '3');
      assert.equal(last.headers.get('x-ratelimit-remaining'), '0');
      assert.deepEqual(await last.json(), { message: 'Too Many Requests', status_code: 429 });
    });

    it('takes faults and reports requests through /__sandbox/', async () => {
      await control('POST', 'reset');
      await control('POST', 'rate-limit', false);
      const { id } = (await control('POST', 'faults', { status: 503, times: 1, alias: 'emporio-serra' })) as { id: number };
      assert.ok(id > 0);
      const first = await fetch(`${sb.baseUrl}/emporio-serra/customers`, { headers: auth });
      const second = await fetch(`${sb.baseUrl}/emporio-serra/customers`, { headers: auth });
      assert.deepEqual([first.status, second.status], [503, 200]);
      assert.equal(second.headers.get('x-ratelimit-limit'), null);
      const { requests } = (await control('GET', 'requests')) as { requests: { status: number; fault?: number; headers: { userToken: string } }[] };
      assert.deepEqual(requests.map((r) => [r.status, r.fault ?? null]), [[503, id], [200, null]]);
      assert.equal(requests[0]?.headers.userToken, owner.userToken);
      const bad = await fetch(`${sb.origin}/__sandbox/faults`, { method: 'POST', body: '{"nope":1}' });
      assert.equal(bad.status, 400);
      const info = (await control('GET', 'info')) as { baseUrl: string };
      assert.equal(info.baseUrl, sb.baseUrl);
    });
  });
});
