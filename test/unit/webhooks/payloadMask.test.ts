/** Privacy mode over webhook payloads. */
import { strict as assert } from 'node:assert';
import { maskPayloadText } from '../../../src/core/webhooks/payloadMask';

describe('webhooks: payload masking', () => {
  it('masks personal data by key, keeps ids, hides account secrets always', () => {
    const text = JSON.stringify({ resource: { id: 9, number: 1042, customer: { data: { id: 48213907, name: 'Ana', email: 'ana.ribeiro@example.com', cpf: '390.533.447-05', phone: { full_number: '5516981875668', number: '981875668' }, token: 'abc', login_url: 'https://x' } }, address: { street: 'Rua das Flores', zip_code: '14015060' } } });
    const out = maskPayloadText(text);
    const v = JSON.parse(out) as { resource: { id: number; number: number; customer: { data: Record<string, unknown> }; address: Record<string, unknown> } };
    const c = v.resource.customer.data;
    assert.equal(c['id'], 48213907);
    assert.equal(v.resource.number, 1042, 'an order number is not a phone');
    assert.equal(c['email'], 'a***@example.com');
    assert.equal(c['cpf'], '***.533.447-**');
    assert.deepEqual(c['phone'], { full_number: '(16) *****-5668', number: '*****-5668' });
    assert.equal(c['token'], '***');
    assert.equal(c['login_url'], '***');
    assert.equal(v.resource.address['street'], 'Rua ***');
    assert.equal(v.resource.address['zip_code'], '14015-***');
  });

  it('masks e-mails and long digit runs in text that is not JSON, in linear time', () => {
    assert.equal(maskPayloadText('from ana@example.com cpf 39053344705'), 'from a***@example.com cpf *******4705');
    const hostile = 'a'.repeat(200_000);
    const t0 = Date.now();
    maskPayloadText(hostile);
    assert.ok(Date.now() - t0 < 2000);
  });
});
