import assert from 'node:assert/strict';
import { formatCep, formatDate, formatDateTime, formatMoney, formatPhone, parseApiDate } from '../../../src/core/common/format';

describe('format: phone', () => {
  const table: [string, string][] = [
    ['16981875668', '(16) 98187-5668'],
    ['(16) 98187-5668', '(16) 98187-5668'],
    ['5516981875668', '(16) 98187-5668'],
    ['+55 (41) 3022-4519', '(41) 3022-4519'],
    ['4130224519', '(41) 3022-4519'],
    ['981875668', '98187-5668'],
    ['30224519', '3022-4519'],
    ['123', '123'],
    [' +1 415 555 0100 ', '+1 415 555 0100'],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} → ${expected}`, () => { assert.equal(formatPhone(input), expected); });
  }
});

describe('format: CEP', () => {
  it('formats eight digits', () => {
    assert.equal(formatCep('14020260'), '14020-260');
    assert.equal(formatCep('14020-260'), '14020-260');
    assert.equal(formatCep('1402'), '1402');
  });
});

describe('format: dates', () => {
  const phpDate = { date: '2025-05-18 14:32:07.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' };

  it('formats the API date object as a wall-clock date-time', () => {
    assert.equal(formatDateTime(phpDate, 'pt-br'), '18/05/2025 14:32');
    assert.equal(formatDateTime(phpDate, 'en'), 'May 18, 2025, 14:32');
  });

  it('formats a birthday', () => {
    assert.equal(formatDate('1991-08-23', 'pt-br'), '23/08/1991');
    assert.equal(formatDate('1991-08-23', 'en'), 'Aug 23, 1991');
  });

  it('converts an ISO instant to the store time zone (UTC-3)', () => {
    assert.equal(formatDateTime('2023-11-07T05:31:56Z', 'pt-br'), '07/11/2023 02:31');
    assert.equal(formatDateTime('2023-11-07T01:00:00Z', 'pt-br'), '06/11/2023 22:00');
    assert.equal(formatDateTime('2023-11-07T05:31:56-03:00', 'pt-br'), '07/11/2023 05:31');
  });

  it('a date-only value has no time part', () => {
    assert.equal(formatDateTime('2024-02-29', 'pt-br'), '29/02/2024');
  });

  it('returns unparseable input unchanged', () => {
    assert.equal(formatDate('ontem', 'pt-br'), 'ontem');
    assert.equal(formatDate('2024-13-01', 'en'), '2024-13-01');
    assert.equal(formatDateTime({ date: 'garbage' }, 'en'), 'garbage');
    assert.equal(parseApiDate(null), undefined);
  });
});

describe('format: money (always BRL)', () => {
  const table: [string | number, string, string][] = [
    ['189.90', 'R$ 189,90', 'R$ 189.90'],
    ['1249.00', 'R$ 1.249,00', 'R$ 1,249.00'],
    ['1234.56', 'R$ 1.234,56', 'R$ 1,234.56'],
    ['1234567.5', 'R$ 1.234.567,50', 'R$ 1,234,567.50'],
    ['0', 'R$ 0,00', 'R$ 0.00'],
    ['0.999', 'R$ 1,00', 'R$ 1.00'],
    ['-12.30', '-R$ 12,30', '-R$ 12.30'],
    [12.5, 'R$ 12,50', 'R$ 12.50'],
    ['abc', 'abc', 'abc'],
    ['1.234,56', '1.234,56', '1.234,56'],
  ];
  for (const [input, pt, en] of table) {
    it(`${JSON.stringify(input)} → ${pt} / ${en}`, () => {
      assert.equal(formatMoney(input, 'pt-br'), pt);
      assert.equal(formatMoney(input, 'en'), en);
    });
  }
});
