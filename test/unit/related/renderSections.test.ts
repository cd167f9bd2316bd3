/** The related-record sections: contract attributes, states, escaping, masking, no cart secrets. */
import assert from 'node:assert/strict';
import { decodeAddressPage, decodeCartPage, decodeOrderPage } from '../../../src/core/api/decodeRelated';
import type { Address, Order } from '../../../src/core/related/related';
import { orderCopyConfirmation, orderCopyText, orderSummary, statusView } from '../../../src/core/related/relatedFormat';
import { renderDetailDocument } from '../../../src/core/customers/renderDetailHtml';
import {
  ADDRESSES_REVEAL_KEY, initialSectionViews, renderSection, renderSectionsShell, type SectionView,
} from '../../../src/core/related/renderSections';
import { buildSandboxData } from '../../sandbox/data';
import { ORDER_CASE_IDS, SANDBOX_STORES } from '../../sandbox/constants';

const HOSTILE = '<img src=x onerror=alert(1)> "quoted" & \'single\' `tick` <script>alert(2)</script>';
const en = { locale: 'en', maskAddresses: true } as const;
const pt = { locale: 'pt-br', maskAddresses: true } as const;

const order = (over: Partial<Order> = {}): Order => ({
  id: 1090111, customerId: 7, number: 1042, createdAt: { date: '2025-05-18 14:32:07.000000' }, status: { alias: 'paid', name: 'Pagamento aprovado' },
  total: '1234.5', products: 1200, shipment: '34.50', discount: 0, paymentMethod: 'Pix', shipmentService: 'SEDEX',
  items: [{ sku: 'NAT-1', name: 'Kaiak', quantity: 2, price: 600 }, { sku: 'GRA-2', name: 'Sabonete', quantity: 1, price: '0' }],
  ...over,
});
const address: Address = {
  id: 1, customerId: 7, receiver: 'Mariana Costa', zipCode: '14015000', street: 'Rua das Flores', number: '123', complement: 'Apto 42',
  neighborhood: 'Centro', city: 'Ribeirão Preto', uf: 'SP',
};
const loaded = <T>(items: T[], more = false): { status: 'loaded'; items: T[]; hasMore: boolean; total: number } => ({ status: 'loaded', items, hasMore: more, total: more ? 40 : items.length });

const ALLOWED_TAGS = new Set([
  'details', 'summary', 'span', 'h2', 'div', 'p', 'ol', 'ul', 'li', 'dl', 'dt', 'dd', 'button', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'code', 'bdi', 'section',
]);

/** Only our own tags, no event-handler or style attribute outside quoted (escaped) values. */
function assertInert(html: string): void {
  for (const [, tag = '', attrs = ''] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(ALLOWED_TAGS.has(tag.toLowerCase()), `unexpected <${tag}>`);
    const outsideValues = attrs.replace(/"[^"]*"/g, '""');
    assert.doesNotMatch(outsideValues, /\son\w+=|\sstyle=|\ssrc=|'/i, `attributes of <${tag}>: ${attrs}`);
  }
}

describe('renderSection', () => {
  it('orders: number, date, status badge, BRL total, item count, items in <details>, copy rows (en and pt-BR)', () => {
    const view: SectionView = { section: 'orders', state: loaded([order()]) };
    const html = renderSection(view, pt);
    assert.match(html, /<span class="order-number">#1042<\/span>/);
    assert.match(html, /18\/05\/2025 14:32/);
    assert.match(html, /class="badge badge-success" data-status="paid">Pago</);
    assert.match(html, /R\$ 1\.234,50/);
    assert.match(html, />3 itens</);
    assert.match(html, /<details data-key="order:1090111">/);
    assert.match(html, /<code>NAT-1<\/code><\/td><td dir="auto">Kaiak<\/td><td class="num">2<\/td><td class="num">R\$ 600,00/);
    assert.match(html, /data-field="order:1090111:number"/);
    assert.match(html, /data-action="copyOrder" data-order-id="1090111" data-what="number"[^>]*aria-label="Copiar Número do pedido"/);
    assert.match(html, /data-action="copyOrder" data-order-id="1090111" data-what="id"[^>]*aria-label="Copiar Id do pedido"/);
    const english = renderSection(view, en);
    assert.match(english, /aria-label="Copy Order number"/);
    assert.match(english, /R\$ 1,234\.50/);
    assert.match(english, />Paid</);
  });

  it('each section has loading, empty, error-with-retry and idle states of its own', () => {
    for (const section of ['orders', 'addresses', 'carts'] as const) {
      const loading = renderSection({ section, state: { status: 'loading' } }, en);
      assert.match(loading, /role="status"/);
      assert.match(loading, /aria-busy="true"/);
      const empty = renderSection({ section, state: loaded([]) }, en);
      assert.match(empty, /section-empty/);
      assert.doesNotMatch(empty, /loadMore/);
      const error = renderSection({ section, state: { status: 'error', error: { kind: 'server', message: 'server error (HTTP 503)' } } }, pt);
      assert.match(error, /role="alert"/);
      assert.match(error, /Não foi possível carregar esta seção: server error \(HTTP 503\)/);
      assert.match(error, new RegExp(`data-action="retrySection" data-section="${section}"`));
    }
    const idle = renderSection({ section: 'carts', state: { status: 'idle' } }, en);
    assert.match(idle, /<details class="section-details" data-key="section:carts" data-lazy="idle">/);
    assert.match(renderSection({ section: 'orders', state: { status: 'loading' } }, en), /data-key="section:orders" open/);
    assert.match(renderSection({ section: 'addresses', state: { status: 'error', error: { kind: 'auth', message: 'x' } } }, en), /credentials rejected/);
  });

  it('Load more while more pages exist; loading-more and a failed Load more keep the loaded rows', () => {
    const more = renderSection({ section: 'orders', state: loaded([order()], true) }, en);
    assert.match(more, /data-action="loadMore" data-section="orders"/);
    assert.match(more, /<span class="section-count">1 of 40<\/span>/);
    const busy = renderSection({ section: 'orders', state: { ...loaded([order()], true), loadingMore: true } }, en);
    assert.doesNotMatch(busy, /data-action="loadMore"/);
    assert.match(busy, /Loading more/);
    const failed = renderSection({ section: 'orders', state: { ...loaded([order()], true), moreError: { kind: 'timeout', message: 'timed out' } } }, en);
    assert.match(failed, /#1042/);
    assert.match(failed, /data-action="retrySection" data-section="orders"/);
  });

  it('addresses: street, number, complement and CEP masked in privacy mode; shown otherwise', () => {
    const masked = renderSection({ section: 'addresses', state: loaded([address]) }, pt);
    assert.doesNotMatch(masked, /Flores|123|Apto 42|14015-000/);
    assert.match(masked, /Rua \*\*\*, \*\*\* – A\*\*\*/);
    assert.match(masked, /14015-\*\*\*/);
    assert.match(masked, /Centro, Ribeirão Preto – SP/);
    assert.match(masked, /is-concealed/);
    const shown = renderSection({ section: 'addresses', state: loaded([address]) }, { locale: 'pt-br', maskAddresses: false });
    assert.match(shown, /Rua das Flores, 123 – Apto 42/);
    assert.match(shown, /14015-000/);
  });

  it('escapes hostile strings in every section', () => {
    const hostileOrder = order({
      number: 7, status: { alias: HOSTILE, name: HOSTILE }, paymentMethod: HOSTILE, shipmentService: HOSTILE,
      items: [{ sku: HOSTILE, name: HOSTILE, quantity: 1, price: HOSTILE }],
    });
    const hostileAddress: Address = { ...address, receiver: HOSTILE, street: HOSTILE, city: HOSTILE, neighborhood: HOSTILE };
    const cart = { id: 3, lastTransactionStatus: HOSTILE, items: [{ sku: HOSTILE, name: HOSTILE, quantity: 1 }] };
    for (const opts of [en, pt, { locale: 'en', maskAddresses: false } as const]) {
      assertInert(renderSection({ section: 'orders', state: loaded([hostileOrder]) }, opts));
      assertInert(renderSection({ section: 'addresses', state: loaded([hostileAddress]) }, opts));
      assertInert(renderSection({ section: 'carts', state: loaded([cart]) }, opts));
      assertInert(renderSection({ section: 'orders', state: { status: 'error', error: { kind: 'network', message: HOSTILE } } }, opts));
    }
  });

  it('renders the sandbox customer with markup in item names inert, and never a cart secret', () => {
    const store = buildSandboxData().get(SANDBOX_STORES.aurora.alias);
    assert.ok(store);
    const id = ORDER_CASE_IDS.markupItems;
    const raw = store.related.orders.filter((o) => o.customerId === id).map((o) => ({ ...o.json, items: { data: o.items }, status: { data: o.status } }));
    const orders = decodeOrderPage({ data: raw }, id).orders;
    const html = renderSection({ section: 'orders', state: loaded([...orders]) }, en);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; Kit &quot;Promo&quot; &amp; &lt;b&gt;brinde&lt;\/b&gt;/);
    assertInert(html);
    const many = ORDER_CASE_IDS.manyOrders;
    const carts = decodeCartPage({ data: store.related.carts.get(many) }, many).carts;
    const cartsHtml = renderSection({ section: 'carts', state: loaded(carts.map((c) => c.cart)) }, pt);
    for (const c of carts) {
      assert.ok(c.secrets.token);
      assert.ok(!cartsHtml.includes(c.secrets.token), 'token in the HTML');
    }
    assert.doesNotMatch(cartsHtml, /simulate/);
    const addresses = decodeAddressPage({ data: store.related.addresses.get(many) }, many).addresses;
    assert.equal(addresses.length, 3);
  });

  it('the document carries the three [data-section] elements under strict CSP; none without sections', () => {
    const base = {
      state: { kind: 'loading', alias: 'loja-aurora', id: 5 } as const, locale: 'en' as const, privacy: true, revealed: new Set<string>(),
      cspSource: 'vscode-resource:', nonce: 'abcdefghijklmnop1234', scriptUri: 's.js', styleUri: 's.css', codiconsUri: 'c.css',
    };
    const doc = renderDetailDocument({ ...base, sections: initialSectionViews() });
    for (const s of ['orders', 'addresses', 'carts']) {
      assert.match(doc, new RegExp(`<section class="related-section" data-section="${s}" aria-labelledby="section-${s}-title">`));
    }
    assert.equal((doc.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(renderDetailDocument(base), /data-section=/);
    const revealed = renderSectionsShell([{ section: 'addresses', state: loaded([address]) }], { locale: 'en', maskAddresses: false });
    assert.match(revealed, /Rua das Flores/);
    const docMasked = renderDetailDocument({ ...base, sections: [{ section: 'addresses', state: loaded([address]) }] });
    assert.doesNotMatch(docMasked, /Flores/);
    const docRevealed = renderDetailDocument({ ...base, revealed: new Set([ADDRESSES_REVEAL_KEY]), sections: [{ section: 'addresses', state: loaded([address]) }] });
    assert.match(docRevealed, /Flores/);
  });
});

describe('relatedFormat', () => {
  it('labels known statuses in both languages with a tone, and keeps the store\'s name for unknown ones', () => {
    assert.deepEqual(statusView({ alias: 'cancelled' }, 'pt-br'), { label: 'Cancelado', tone: 'danger', alias: 'cancelled' });
    assert.deepEqual(statusView('refunded', 'en'), { label: 'Refunded', tone: 'neutral', alias: 'refunded' });
    assert.deepEqual(statusView({ alias: 'handling_products', name: 'Em separação' }, 'en'), { label: 'Em separação', tone: 'neutral', alias: 'handling_products' });
    assert.equal(statusView(undefined, 'pt-br').label, 'Situação desconhecida');
    assert.equal(statusView({ alias: 'constructor' }, 'en').label, 'constructor');
  });

  it('summarizes an order on one line', () => {
    assert.equal(orderSummary(order(), 'pt-br'), '#1042 · 18/05/2025 14:32 · Pago · R$ 1.234,50');
    assert.equal(orderSummary(order({ number: undefined, total: undefined, createdAt: undefined }), 'en'), '#1090111 · — · Paid · —');
  });
});

describe('order copy', () => {
  it('copies the number (or the id when there is none) and confirms without the value', () => {
    assert.equal(orderCopyText(order(), 'number'), '1042');
    assert.equal(orderCopyText(order({ number: undefined }), 'number'), '1090111');
    assert.equal(orderCopyText(order(), 'id'), '1090111');
    assert.equal(orderCopyConfirmation('number', 'pt-br'), 'Número do pedido copiado');
    assert.equal(orderCopyConfirmation('id', 'en'), 'Order id copied');
  });
});
