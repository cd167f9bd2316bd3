import assert from 'node:assert/strict';
import {
  maskBirthday, maskCep, maskCnpj, maskCpf, maskDigitsInUrl, maskEmail, maskIp, maskPhone, maskStreet, maskText,
} from '../../../src/core/common/mask';

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
    // issue 23: the edges the first mutation run found untested
    ['cpf with its label', maskCpf, 'CPF 123.456.789-09', '***.456.789-**'],
    ['cnpj alphanumeric', maskCnpj, '12.abc.345/01de-35', '**.ABC.345/01DE-**'],
    ['email padded', maskEmail, '  mariana@exemplo.com.br ', 'm***@exemplo.com.br'],
    ['email without a local part', maskEmail, '@exemplo.com.br', '***'],
    ['email with two @', maskEmail, 'a@b@exemplo.com', 'a***@exemplo.com'],
    ['email starting with an emoji', maskEmail, '😀x@b.co', '😀***@b.co'],
    ['landline with 55', maskPhone, '554130224519', '(41) ****-4519'],
    ['landline with +55 formatted', maskPhone, '+55 (41) 3022-4519', '(41) ****-4519'],
    ['12 digits not starting 55', maskPhone, '414130224519', '********4519'],
    ['13 digits not starting 55', maskPhone, '4116981875668', '*********5668'],
    ['11 digits starting 55 (area code 55)', maskPhone, '55981875668', '(55) *****-5668'],
    ['local landline', maskPhone, '30224519', '****-4519'],
    ['7 digits', maskPhone, '3022451', '***2451'],
    ['5 digits', maskPhone, '12345', '*2345'],
    ['4 digits', maskPhone, '1234', '***'],
    ['no digits', maskPhone, 'n/a', '***'],
    ['birthday padded', maskBirthday, ' 1991-08-23 ', '**/**/1991'],
    ['birthday with a time', maskBirthday, '1991-08-23T00:00:00-03:00', '**/**/1991'],
    ['birthday after text', maskBirthday, 'em 1991-08-23', '***'],
    ['birthday with a one-digit day', maskBirthday, '1991-08-2', '***'],
    ['street padded', maskStreet, '  Rua das Flores', 'Rua ***'],
    ['street kind in capitals', maskStreet, 'AVENIDA Brasil', 'AVENIDA ***'],
    ['r. abbreviated', maskStreet, 'R. Augusta', 'R. ***'],
    ['av without a dot', maskStreet, 'Av Paulista', 'Av ***'],
    ['travessa', maskStreet, 'Travessa do Ouvidor', 'Travessa ***'],
    ['tv. abbreviated', maskStreet, 'Tv. Lima', 'Tv. ***'],
    ['tv without a dot', maskStreet, 'Tv Lima', 'Tv ***'],
    ['alameda', maskStreet, 'Alameda Santos', 'Alameda ***'],
    ['al. abbreviated', maskStreet, 'Al. Santos', 'Al. ***'],
    ['al without a dot', maskStreet, 'Al Santos', 'Al ***'],
    ['rodovia', maskStreet, 'Rodovia Anhanguera', 'Rodovia ***'],
    ['rod. abbreviated', maskStreet, 'Rod. Anhanguera', 'Rod. ***'],
    ['rod without a dot', maskStreet, 'Rod Anhanguera', 'Rod ***'],
    ['estrada', maskStreet, 'Estrada Velha', 'Estrada ***'],
    ['est. abbreviated', maskStreet, 'Est. Velha', 'Est. ***'],
    ['est without a dot', maskStreet, 'Est Velha', 'Est ***'],
    ['praça', maskStreet, 'Praça da Sé', 'Praça ***'],
    ['pça. abbreviated', maskStreet, 'Pça. da Sé', 'Pça. ***'],
    ['pça without a dot', maskStreet, 'Pça da Sé', 'Pça ***'],
    ['largo', maskStreet, 'Largo do Arouche', 'Largo ***'],
    ['viela', maskStreet, 'Viela Sete', 'Viela ***'],
    ['via', maskStreet, 'Via Anchieta', 'Via ***'],
    ['beco', maskStreet, 'Beco do Batman', 'Beco ***'],
    ['ladeira', maskStreet, 'Ladeira da Memória', 'Ladeira ***'],
    ['a kind later in the text is no kind', maskStreet, 'Casa na Rua Sete', 'C***'],
    ['a kind glued to the name is no kind', maskStreet, 'Ruas Sete', 'R***'],
    ['r without a dot is no kind', maskStreet, 'R Augusta', 'R***'],
    ['text starting with an emoji', maskText, '🏠 Casa', '🏠***'],
    ['cep digits', maskCep, '14015000', '14015-***'],
    ['cep too long', maskCep, '14015-0000', '***'],
    ['url with a 7-digit run and a phone', maskDigitsInUrl, 'https://x/?id=1234567&p=16981875668', 'https://x/?id=1234567&p=*******5668'],
    ['url with two phones', maskDigitsInUrl, 'a=12345678&b=5516981875668', 'a=****5678&b=*********5668'],
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
