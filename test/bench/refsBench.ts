/**
 * Part of `npm run bench`: how long finding customer ids takes (document links run on every open
 * file, hovers on the hovered document). Pure CPU, no network. Prints numbers, never fails on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePatterns, findRefsInDocument } from '../../src/core/customerRefs';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const { patterns } = compilePatterns(pkg.contributes.configuration.properties['yampi.hover.patterns']?.default as string[]);

function logText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 10 === 0
      ? `2026-11-27T14:03:${String(i % 60).padStart(2, '0')}.201Z INFO webhook received event=order.paid order=${1000 + i} customer_id=${48200000 + i}`
      : `2026-11-27T14:03:${String(i % 60).padStart(2, '0')}.388Z DEBUG erp sync step=${i} status=ok latency_ms=${i % 97} store=loja-sandbox`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function jsonText(items: number): string {
  return JSON.stringify(
    Array.from({ length: items }, (_, i) => ({
      event: 'order.paid',
      resource: { id: 90000000 + i, customer_id: 48200000 + i, customer: { data: { id: 48200000 + i, name: 'Cliente', addresses: { data: [{ id: i }] } } } },
    })),
    null,
    2,
  );
}

function time(label: string, text: string, languageId: string, rounds: number): void {
  findRefsInDocument(text, languageId, patterns); // warm-up
  const start = performance.now();
  let refs = 0;
  for (let i = 0; i < rounds; i++) {
    refs = findRefsInDocument(text, languageId, patterns).length;
  }
  const ms = (performance.now() - start) / rounds;
  console.log(`${label.padEnd(34)}${(text.length / 1024).toFixed(0).padStart(7)} KB${ms.toFixed(2).padStart(10)} ms${String(refs).padStart(8)} ids`);
}

console.log('\nCustomer id scan (document links / hover), default patterns\n');
console.log(`${'document'.padEnd(34)}${'size'.padStart(10)}${'per scan'.padStart(13)}${'found'.padStart(12)}`);
time('log, 100 KB', logText(100 * 1024), 'log', 50);
time('log, 1 MB', logText(1024 * 1024), 'log', 10);
time('webhook JSON array, 200 events', jsonText(200), 'json', 20);
time('webhook JSON array, 2000 events', jsonText(2000), 'json', 5);
console.log('(documents over 2,000,000 characters are not scanned; links stop at 2,000 per document)\n');
