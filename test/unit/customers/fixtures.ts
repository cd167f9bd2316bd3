/** Loads the documented example records (copied from the shared API notes into test/fixtures/api). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Customer, type CustomerRecord } from '../../../src/core/customers/customer';

const API_FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'api');

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(join(API_FIXTURES, name), 'utf8'));
}

export function recordOf(raw: Record<string, unknown>): CustomerRecord {
  return { customer: raw as unknown as Customer, raw };
}

/** Mariana Costa Ribeiro, #48213907, PF (yampi-customer-example.json). */
export function exampleCustomer(): CustomerRecord {
  const json = readJson('yampi-customer-example.json') as { data: Record<string, unknown> };
  return recordOf(json.data);
}

/** The three customers of yampi-customers-list-example.json (the third is a PJ). */
export function listCustomers(): CustomerRecord[] {
  const json = readJson('yampi-customers-list-example.json') as { data: Record<string, unknown>[] };
  return json.data.map(recordOf);
}

/** The example record with some fields replaced (a deep copy, so tests do not share state). */
export function exampleWith(overrides: Record<string, unknown>): CustomerRecord {
  const base = structuredClone(exampleCustomer().raw) as Record<string, unknown>;
  return recordOf({ ...base, ...overrides });
}
