import assert from 'node:assert/strict';
import {
  maskBirthday, maskCep, maskCnpj, maskCpf, maskDigitsInUrl, maskEmail, maskIp, maskPhone, maskStreet, maskText,
} from '../../../src/core/model/mask';

describe('mask', () => {
  const table: [string, (s: string) => string, string, string][] = [
    ['cpf', maskCpf, '123.456.789-09', '***.456.789-**'],
    ['cpf digits', maskCpf, '34891267500', '***.912.675-**'],
    ['cpf wrong length', maskCpf, '1234', '***'],
    ['cnpj', maskCnpj, '27.481.953/0001-75', '**.481.953/0001-**'],
    ['cnpj wrong length', maskCnpj, '2748', '***'],
    ['email', maskEmail, 'mariana.c.ribeiro@exemplo.com.br', 'm***@exemplo.com.br'],
    ['email one letter', maskEmail, 'a@b.co', 'a***@b.co'],
    ['not an email', maskEmail, 'mariana', '***'],
    ['mobile', maskPhone, '(16) 98187-5668', '(16) *****-5668'],
    ['mobile digits', maskPhone, '16981875668', '(16) *****-5668'],
    ['mobile with 55', maskPhone, '5516981875668', '(16) *****-5668'],
    ['landline', maskPhone, '(41) 3022-4519', '(41) ****-4519'],
    ['local mobile', maskPhone, '981875668', '*****-5668'],
    ['short', maskPhone, '123', '***'],
    ['birthday', maskBirthday, '1991-08-23', '**/**/1991'],
    ['birthday unparseable', maskBirthday, 'ontem', '***'],
    ['ipv4', maskIp, '203.0.113.45', '203.0.*.*'],
    ['ipv6', maskIp, '2001:db8::1', '2001:db8:*'],
    ['whatsapp link', maskDigitsInUrl, 'https://api.whatsapp.com/send?phone=5516981875668', 'https://api.whatsapp.com/send?phone=*********5668'],
    ['street', maskText, 'Avenida Presidente Vargas', 'A***'],
    ['empty text', maskText, '  ', '***'],
    ['street keeps its kind', maskStreet, 'Rua das Flores', 'Rua ***'],
    ['avenue abbreviated', maskStreet, 'Av. Paulista', 'Av. ***'],
    ['street without a kind', maskStreet, 'Quadra 12 Conjunto B', 'Q***'],
    ['street word alone is not a kind', maskStreet, 'Rua', 'R***'],
    ['cep', maskCep, '14015-000', '14015-***'],
    ['cep wrong length', maskCep, '140', '***'],
  ];
  for (const [name, fn, input, expected] of table) {
    it(`${name}: ${JSON.stringify(input)} → ${expected}`, () => { assert.equal(fn(input), expected); });
  }

  it('no mask contains the full original value', () => {
    for (const [, fn, input] of table) {
      if (input.trim().length > 3) {
        assert.ok(!fn(input).includes(input.trim()), `${input} leaked`);
      }
    }
  });
});
