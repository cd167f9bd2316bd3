import assert from 'node:assert/strict';
import { checkDocument, formatCnpj, formatCpf, isValidCnpj, isValidCpf } from '../../../src/core/customers/documents';

describe('documents: CPF', () => {
  const valid = ['529.982.247-25', '52998224725', '348.912.675-00', '71245039814', ' 906.183.244-61 '];
  for (const cpf of valid) {
    it(`accepts ${JSON.stringify(cpf)}`, () => { assert.equal(isValidCpf(cpf), true); });
  }
  const invalid: [string, string][] = [
    ['529.982.247-24', 'wrong second check digit'],
    ['529.982.247-15', 'wrong first check digit'],
    ['34891267501', 'wrong check digit, no punctuation'],
    ['111.111.111-11', 'repeated digits (check digits would pass)'],
    ['000.000.000-00', 'all zeros'],
    ['99999999999', 'all nines'],
    ['5299822472', 'ten digits'],
    ['529982247251', 'twelve digits'],
    ['', 'empty'],
    ['529.982.247-2a', 'a letter'],
  ];
  for (const [cpf, why] of invalid) {
    it(`rejects ${JSON.stringify(cpf)} (${why})`, () => { assert.equal(isValidCpf(cpf), false); });
  }

  it('formats 11 digits as 000.000.000-00 and leaves other lengths alone', () => {
    assert.equal(formatCpf('34891267500'), '348.912.675-00');
    assert.equal(formatCpf('348.912.675-00'), '348.912.675-00');
    assert.equal(formatCpf(' 1234 '), '1234');
  });

  it('checkDocument flags an invalid CPF but still formats it', () => {
    assert.deepEqual(checkDocument('12345678900', 'cpf'), {
      kind: 'cpf',
      normalized: '12345678900',
      formatted: '123.456.789-00',
      valid: false,
    });
  });
});

describe('documents: CNPJ', () => {
  const valid = ['11.222.333/0001-81', '11222333000181', '27.481.953/0001-75', '12.ABC.345/01DE-35', '12abc34501de35'];
  for (const cnpj of valid) {
    it(`accepts ${JSON.stringify(cnpj)}`, () => { assert.equal(isValidCnpj(cnpj), true); });
  }
  const invalid: [string, string][] = [
    ['11.222.333/0001-82', 'wrong second check digit'],
    ['11.222.333/0001-91', 'wrong first check digit'],
    ['11.111.111/1111-11', 'repeated digits'],
    ['00000000000000', 'all zeros'],
    ['1122233300018', 'thirteen digits'],
    ['112223330001811', 'fifteen digits'],
    ['12.ABC.345/01DE-3A', 'a letter among the check digits'],
    ['', 'empty'],
  ];
  for (const [cnpj, why] of invalid) {
    it(`rejects ${JSON.stringify(cnpj)} (${why})`, () => { assert.equal(isValidCnpj(cnpj), false); });
  }

  it('formats 14 characters as 00.000.000/0000-00', () => {
    assert.equal(formatCnpj('27481953000175'), '27.481.953/0001-75');
    assert.equal(formatCnpj('12abc34501de35'), '12.ABC.345/01DE-35');
    assert.equal(formatCnpj('123'), '123');
  });
});
