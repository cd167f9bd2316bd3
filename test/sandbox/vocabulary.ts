/** Word lists and record helpers for the sandbox data generator, and Brazilian document check digits. */

export type Json = Record<string, unknown>;

export const FEMALE_NAMES = [
  'Ana', 'Maria', 'Mariana', 'Juliana', 'Fernanda', 'Beatriz', 'Camila', 'Larissa', 'Letícia', 'Gabriela', 'Patrícia',
  'Aline', 'Bruna', 'Luíza', 'Isabela', 'Sofia', 'Helena', 'Valentina', 'Lúcia', 'Conceição', 'Rafaela', 'Tânia',
  'Débora', 'Cecília', 'Ana Clara', 'Maria Eduarda',
] as const;

export const MALE_NAMES = [
  'João', 'José', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Matheus', 'Felipe', 'Gustavo', 'Thiago', 'Bruno', 'Rodrigo',
  'Leandro', 'André', 'Antônio', 'Sérgio', 'Vinícius', 'Caio', 'Heitor', 'Otávio', 'Luís', 'Márcio', 'Fábio', 'Davi',
  'João Pedro', 'Carlos Eduardo',
] as const;

export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa',
  'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias',
  'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas', 'Cardoso', 'Ramos',
  'Gonçalves', 'Santana', 'Teixeira', 'Araújo', 'Brandão', 'Magalhães', 'Simões', 'Falcão',
] as const;

/** [city, UF, area code (DDD)] across all regions. */
export const CITIES: readonly (readonly [string, string, string])[] = [
  ['São Paulo', 'SP', '11'], ['Campinas', 'SP', '19'], ['Ribeirão Preto', 'SP', '16'], ['Rio de Janeiro', 'RJ', '21'],
  ['Niterói', 'RJ', '21'], ['Belo Horizonte', 'MG', '31'], ['Uberlândia', 'MG', '34'], ['Vitória', 'ES', '27'],
  ['Curitiba', 'PR', '41'], ['Londrina', 'PR', '43'], ['Florianópolis', 'SC', '48'], ['Joinville', 'SC', '47'],
  ['Porto Alegre', 'RS', '51'], ['Caxias do Sul', 'RS', '54'], ['Salvador', 'BA', '71'], ['Recife', 'PE', '81'],
  ['Fortaleza', 'CE', '85'], ['Natal', 'RN', '84'], ['João Pessoa', 'PB', '83'], ['Maceió', 'AL', '82'],
  ['Aracaju', 'SE', '79'], ['Teresina', 'PI', '86'], ['São Luís', 'MA', '98'], ['Belém', 'PA', '91'],
  ['Manaus', 'AM', '92'], ['Macapá', 'AP', '96'], ['Boa Vista', 'RR', '95'], ['Porto Velho', 'RO', '69'],
  ['Rio Branco', 'AC', '68'], ['Palmas', 'TO', '63'], ['Goiânia', 'GO', '62'], ['Brasília', 'DF', '61'],
  ['Cuiabá', 'MT', '65'], ['Campo Grande', 'MS', '67'],
];

export const STREETS = [
  'Rua das Flores', 'Avenida Brasil', 'Rua XV de Novembro', 'Avenida Paulista', 'Rua Sete de Setembro', 'Rua Tiradentes',
  'Avenida Getúlio Vargas', 'Rua Dom Pedro II', 'Travessa São José', 'Alameda Santos', 'Rua da Consolação',
  'Avenida Beira-Mar', 'Rua Barão do Rio Branco', 'Rua Marechal Deodoro',
] as const;

export const NEIGHBORHOODS = [
  'Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cecília', 'Copacabana', 'Savassi', 'Batel', 'Aldeota',
  'Pituba', 'Moinhos de Vento', 'Meireles', 'Jardim Botânico', 'Setor Bueno',
] as const;

export const BRANDS = ['Natura', 'O Boticário', 'Eudora', 'Granado', 'Avon', 'Vult', 'Ruby Rose', 'Payot', 'Quem Disse, Berenice?'] as const;
export const CATEGORIES = ['Perfumaria', 'Cabelos', 'Maquiagem', 'Corpo e Banho', 'Barba', 'Cafés especiais', 'Queijos', 'Doces'] as const;
export const COMPANY_WORDS = ['Comércio', 'Distribuidora', 'Empório', 'Cosméticos', 'Alimentos', 'Atacadista', 'Boutique'] as const;
export const COMPANY_SUFFIXES = ['Ltda', 'ME', 'EIRELI', 'S.A.'] as const;
export const UTM_SOURCES = ['instagram', 'google', 'facebook', 'email', 'tiktok', null] as const;
export const EMAIL_DOMAINS = ['exemplo.com.br', 'email.example', 'correio.example', 'provedor.example.com'] as const;

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** CPF with valid check digits from 9 base digits. */
export function cpfFromBase(base: readonly number[]): string {
  const d1 = checkDigit(base, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit([...base, d1], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return [...base, d1, d2].join('');
}

/** CNPJ with valid check digits from 12 base digits (8 root + 4 branch). */
export function cnpjFromBase(base: readonly number[]): string {
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const d1 = checkDigit(base, w1);
  const d2 = checkDigit([...base, d1], [6, ...w1]);
  return [...base, d1, d2].join('');
}

export function isValidCpf(cpf: string): boolean {
  const d = cpf.replace(/\D/g, '');
  if (d.length !== 11 || /^(\d)\1+$/.test(d)) {
    return false;
  }
  return cpfFromBase(Array.from(d.slice(0, 9), Number)) === d;
}

export function isValidCnpj(cnpj: string): boolean {
  const d = cnpj.replace(/\D/g, '');
  if (d.length !== 14 || /^(\d)\1+$/.test(d)) {
    return false;
  }
  return cnpjFromBase(Array.from(d.slice(0, 12), Number)) === d;
}

/** Lowercase without accents: how the sandbox's `q` search compares text. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function phoneOf(ddd: string, number: string): Json {
  const formatted = number.length === 9 ? `(${ddd}) ${number.slice(0, 5)}-${number.slice(5)}` : `(${ddd}) ${number.slice(0, 4)}-${number.slice(4)}`;
  return {
    area_code: ddd,
    full_number: ddd + number,
    number,
    formated_number: formatted,
    whatsapp_link: `https://api.whatsapp.com/send?phone=55${ddd}${number}`,
  };
}

/** Blanks the personal fields the way an LGPD anonymization does. */
export function anonymize(json: Json): Json {
  return {
    ...json,
    name: 'Cliente Anonimizado', first_name: 'Cliente', last_name: 'Anonimizado', generic_name: 'Cliente Anonimizado',
    cpf: null, cnpj: null, razao_social: null, state_registration: null, email: null, birthday: null, phone: null,
    ip: null, token: null, login_url: null, notes: null, anonymized: true, active: false,
    spreadsheet: { data: { city: null, uf: null, street: null, number: null, phone: null, phone_number: null } },
  };
}

