/**
 * Texts for the key scanner: every true positive must be found (kinds in order, exact text), every
 * false positive must find nothing. The keys are random letters and digits made for these tests;
 * they open no store.
 */
import type { KeyKind } from '../../../src/core/keys/scanner';

export const SK = ['sk_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dK', 'sk_LzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIB', 'sk_XuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc', 'sk_Ty4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3J'] as const;
export const WH = ['wh_9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0Cs', 'wh_rTAwR4y9ojfljoQoaF1LlqsajAIxNKu8iS2G8'] as const;
export const TOKENS = ['Hbn88HxjSI6bWHtP3fS2qHx6kwXoIIXGvOoNZYW2', 'mZp0zVZomHFwUbbYrEqmSM9wCZ7Uw9xfogoEmvnE', 'N5N1aE6PwZPf1Qh6yYTWmE4lBYOvfZ8UzDzV8fUk', 'kibjL5DZPjN0MEQ7wjJJibaZUPgHV7iB3m03nbqn'] as const;
const [sk0, sk1, sk2, sk3] = SK;
const [wh0, wh1] = WH;
const [t0, t1, t2, t3] = TOKENS;

export interface Positive {
  readonly name: string;
  readonly languageId: string;
  readonly text: string;
  readonly expected: ReadonlyArray<readonly [KeyKind, string]>;
}

export const TRUE_POSITIVES: readonly Positive[] = [
  {
    name: 'JS: the env fallback form seen in public repositories',
    languageId: 'javascript',
    text: `const axios = require('axios');\nconst secret = process.env.YAMPI_SECRET || '${sk0}';\nmodule.exports = { secret };\n`,
    expected: [['secretKey', sk0]],
  },
  {
    name: 'TS: a headers object with both keys',
    languageId: 'typescript',
    text: `export const headers: Record<string, string> = {\n  'User-Token': '${t0}',\n  'User-Secret-Key': "${sk1}",\n  'Content-Type': 'application/json',\n};\n`,
    expected: [['userToken', t0], ['secretKey', sk1]],
  },
  {
    name: 'TS: a token with a Yampi name, in a template literal',
    languageId: 'typescript',
    text: 'const yampiAuth = `${base}/auth/me`;\nconst userToken = `' + t3 + '`;\n',
    expected: [['userToken', t3]],
  },
  {
    name: 'PHP: a client constructed with literals',
    languageId: 'php',
    text: `<?php\n$yampi = new \\Yampi\\Client('${t1}', '${sk2}');\n$yampi->setAlias('minha-loja');\n`,
    expected: [['userToken', t1], ['secretKey', sk2]],
  },
  {
    name: 'PHP: define() of a token alone',
    languageId: 'php',
    text: `<?php\ndefine('YAMPI_TOKEN', "${t2}");\n`,
    expected: [['userToken', t2]],
  },
  {
    name: 'Python: module constants and a headers dict',
    languageId: 'python',
    text: `import requests\n\nTOKEN = "${t3}"\nSECRET = '${sk3}'\nWEBHOOK_SECRET = "${wh0}"\nheaders = {"User-Token": TOKEN, "User-Secret-Key": SECRET}\n`,
    expected: [['userToken', t3], ['secretKey', sk3], ['webhookSecret', wh0]],
  },
  {
    name: 'YAML: nested settings',
    languageId: 'yaml',
    text: `yampi:\n  alias: minha-loja\n  user_token: ${t0}\n  user_secret_key: ${sk0}\n  webhook_secret: "${wh1}"\n`,
    expected: [['userToken', t0], ['secretKey', sk0], ['webhookSecret', wh1]],
  },
  {
    name: 'JSON: a config file',
    languageId: 'json',
    text: `{\n  "yampi": {\n    "alias": "minha-loja",\n    "token": "${t1}",\n    "secret": "${sk1}"\n  }\n}\n`,
    expected: [['userToken', t1], ['secretKey', sk1]],
  },
  {
    name: '.env syntax in a tracked file (.env.example committed with real values)',
    languageId: 'dotenv',
    text: `# copy to .env\nYAMPI_ALIAS=minha-loja\nYAMPI_USER_TOKEN=${t2}\nYAMPI_USER_SECRET_KEY=${sk2}\nYAMPI_WEBHOOK_SECRET=${wh0}\n`,
    expected: [['userToken', t2], ['secretKey', sk2], ['webhookSecret', wh0]],
  },
  {
    name: 'shell: curl with both headers',
    languageId: 'shellscript',
    text: `curl -H "User-Token: ${t3}" -H "User-Secret-Key: ${sk3}" https://api.dooki.com.br/v2/minha-loja/customers\n`,
    expected: [['userToken', t3], ['secretKey', sk3]],
  },
  {
    name: 'a token with no name but an sk_ key in the same file',
    languageId: 'javascript',
    text: `const a = '${t0}';\n${'// filler line\n'.repeat(40)}const b = '${sk0}';\n`,
    expected: [['userToken', t0], ['secretKey', sk0]],
  },
  {
    name: 'an sk_ key anywhere, no context at all',
    languageId: 'plaintext',
    text: `notes from the meeting: ${sk1} (do not share)`,
    expected: [['secretKey', sk1]],
  },
];

export interface Negative {
  readonly name: string;
  readonly text: string;
}

const HEX40 = '3f786850e387550fdab836ed7e6dc881de23001b';

export const FALSE_POSITIVES: readonly Negative[] = [
  { name: 'git SHA in a log, next to the word token', text: `commit ${HEX40}\nAuthor: dev\n\n    fix token refresh\n` },
  { name: 'git SHA as a token-named value', text: `token_commit: ${HEX40.toUpperCase()}\n` },
  {
    name: 'yarn.lock: js-tokens resolved from git',
    text: `"js-tokens@^4.0.0":\n  version "4.0.0"\n  resolved "git+https://github.com/lydell/js-tokens.git#${HEX40}"\n`,
  },
  {
    name: 'package-lock.json: integrity of js-tokens with 40-character pieces between / and +',
    text: `"node_modules/js-tokens": {\n  "version": "4.0.0",\n  "integrity": "sha512-Rd+${t1}/${t2}+Xq==",\n  "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz"\n}\n`,
  },
  { name: 'pnpm-lock: integrity ending in a 40-character piece', text: `  /yampi-sdk/1.0.0:\n    resolution: {integrity: sha512-ab/${t0}}\n` },
  { name: 'UUIDs named token', text: 'token: 123e4567-e89b-12d3-a456-426614174000\nuser_token = "f47ac10b-58cc-4372-a567-0e02b2c3d479"\n' },
  { name: 'a base64 blob named token, 40 characters then padding', text: `token = "${t3}=="\n` },
  { name: 'a base64 blob named token, with a 40-character stretch between + and /', text: `yampi_token: "SGVsbG8gV29y+${t0}/bGQhIFRoaXMgaXMgYSBsb25n"\n` },
  { name: 'a JWT named token', text: `Authorization token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${t1}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n` },
  { name: 'a 40-character token with no Yampi context and no sk_ key in the file', text: `const cacheKey = '${t2}';\n` },
  { name: 'placeholder: one repeated character', text: "YAMPI_USER_SECRET_KEY=sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nYAMPI_WEBHOOK_SECRET=wh_0000000000000000000000000000000000000\nuser_token: XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n" },
  { name: 'placeholder: your… / example words', text: "secret: 'sk_YOURSECRETKEYGOESHEREabcdefghijklmnop'\ntoken: 'yourYampiUserToken0000000000000000000000'\nexample: 'sk_Example1234567890Example1234567890Ex'\n" },
  { name: 'placeholder in angle brackets', text: "YAMPI_USER_SECRET_KEY=<your-key>\nYAMPI_USER_TOKEN=<your-token>\n" },
  { name: 'masked values', text: `User-Secret-Key: sk_***\nsecret: sk_u8jz****************************\ntoken: Hbn8…NZYW2\nwh_**********\n` },
  { name: 'wrong lengths: sk_ + 36 and sk_ + 38, a 41-character token', text: `sk_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d\nsk_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKq\ntoken=${t0}Z\n` },
  { name: 'a longer word that ends in sk_ / contains wh_', text: `task_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dK\nnowh_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dK\n` },
  { name: 'SHA-256 hex (64) named token', text: 'token: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n' },
  { name: '40 letters without a digit named token', text: 'tokenizer: "TokenizerConfigurationForBrazilianPortug"\n' },
  { name: 'a key name with no value', text: 'process.env.YAMPI_USER_SECRET_KEY\nconst userToken = getToken();\n' },
];
