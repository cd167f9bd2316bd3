/** Issue 10 point 5 (core part): the WhatsApp link is built from the phone digits, never taken from the record. */
import assert from 'node:assert/strict';
import { buildCustomerView, WHATSAPP_HOST } from '../../../src/core/customers/fields';
import { exampleWith } from './fixtures';

/** A view whose only phone is `p` (the example's spreadsheet phone removed). */
const phone = (p: Record<string, unknown>): ReturnType<typeof buildCustomerView> => buildCustomerView(exampleWith({ phone: p, spreadsheet: null }), 'en');

describe('WhatsApp link', () => {
  it('ignores any URL in the record and builds the link from the phone digits', () => {
    for (const url of ['https://evil.example/phish', 'https://api.whatsapp.com.evil.example/send?phone=1', 'https://wa.me/5511999999999']) {
      const view = phone({ full_number: '16981875668', whatsapp_link: url });
      assert.equal(view.whatsappLink, 'https://api.whatsapp.com/send?phone=5516981875668');
      assert.equal(view.whatsappHost, WHATSAPP_HOST);
      assert.equal(new URL(view.whatsappLink).host, view.whatsappHost);
    }
  });

  it('reads the digits from full_number, area code + number, the formatted number or the spreadsheet', () => {
    assert.equal(phone({ area_code: '41', number: '30224519', whatsapp_link: 'x' }).whatsappLink, 'https://api.whatsapp.com/send?phone=554130224519');
    assert.equal(phone({ formated_number: '+55 (16) 98187-5668', whatsapp_link: 'x' }).whatsappLink, 'https://api.whatsapp.com/send?phone=5516981875668');
    assert.equal(phone({ full_number: '+1 415 555 0100', whatsapp_link: 'x' }).whatsappLink, 'https://api.whatsapp.com/send?phone=14155550100');
  });

  it('falls back to the spreadsheet phone', () => {
    assert.equal(buildCustomerView(exampleWith({ phone: { whatsapp_link: 'x' } }), 'en').whatsappLink, 'https://api.whatsapp.com/send?phone=5516981875668');
  });

  it('no usable phone, or no WhatsApp link in the record at all: no action', () => {
    assert.equal(phone({ full_number: '123', whatsapp_link: 'https://api.whatsapp.com/send?phone=5516981875668' }).whatsappLink, undefined);
    assert.equal(phone({ full_number: '16981875668' }).whatsappLink, undefined);
    assert.equal(phone({ full_number: '16981875668' }).whatsappHost, undefined);
  });
});
