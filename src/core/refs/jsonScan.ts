/**
 * Customer ids in the structure of a JSON document (product.md § Hover and links): an `id` directly
 * under a `customer` object or its `data` envelope (Yampi webhooks nest it as
 * `resource.customer.data.id`). Tokenized with the one JSON lexer (./jsonLexer.ts) the order scan
 * uses too. Pure and synchronous.
 */
import { type Deadline, deadlineOf, type ScanBudget } from './budget';
import { JsonLexer, Token } from './jsonLexer';
import { type CustomerRef, MAX_DOCUMENT_LENGTH, toId } from './patterns';

/** The outcome of the JSON structure scan: `failed` when it ran out of budget (customer objects nested in each other). */
export type JsonScan = 'ok' | 'skipped' | 'failed';

/** A `"customer"` / `"cliente"` property name (any case) and its colon. */
const CUSTOMER_KEY = /"(?:customer|cliente)"\s*:/gi;

/**
 * In a JSON document: numeric (or numeric-string) `id` values directly under a `customer` object or
 * its `data` envelope (`cliente` too; Yampi webhooks nest it as `resource.customer.data.id`). An
 * address or order id nested deeper is not a customer id and is left alone. Comments and trailing
 * commas are tolerated, and so is broken JSON (while the user types).
 *
 * Only the customer objects are tokenized, each from its key (found by one regex pass), with an
 * iterative lexer: no recursion, so any nesting depth is fine, and no full parse of a large file
 * (jsonc-parser's visitor took ~100 ms per MB and overflowed the stack on deep documents). Objects
 * nested in each other are scanned once per `customer` key: past a budget of twice the document's
 * length the scan stops (`complete: false`) and keeps the refs found so far.
 */
export function scanJsonCustomerIds(text: string, budget?: ScanBudget): { refs: CustomerRef[]; complete: boolean } {
  return scanJson(text, deadlineOf(budget));
}

/** Tokens between two looks at the clock. */
export const TOKENS_PER_CLOCK_READ = 4_096;

/** scanJsonCustomerIds under a deadline already running (the document scan's). */
export function scanJson(text: string, deadline: Deadline | undefined): { refs: CustomerRef[]; complete: boolean } {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { refs: [], complete: false };
  }
  const refs: CustomerRef[] = [];
  const lex = new JsonLexer(text);
  let budget = 2 * text.length + 65_536;
  CUSTOMER_KEY.lastIndex = 0;
  for (let m = CUSTOMER_KEY.exec(text); m !== null; m = CUSTOMER_KEY.exec(text)) {
    const from = m.index + m[0].length;
    lex.pos = from;
    if (lex.next() !== Token.OpenBrace) {
      continue;
    }
    // what each open container is: the customer object, its `data` object, or anything else
    const stack: Array<'customer' | 'data' | 'other'> = ['customer'];
    let expectKey = true;
    let key: string | undefined;
    for (let tokens = 1; stack.length > 0; tokens++) {
      if (tokens % TOKENS_PER_CLOCK_READ === 0 && deadline?.over() === true) {
        return { refs, complete: false };
      }
      const kind = lex.next();
      const top = stack[stack.length - 1];
      if (kind === Token.EOF) {
        break;
      }
      if (kind === Token.OpenBrace || kind === Token.OpenBracket) {
        stack.push(kind === Token.OpenBrace && key === 'data' && top === 'customer' ? 'data' : 'other');
        expectKey = kind === Token.OpenBrace;
        key = undefined;
      } else if (kind === Token.CloseBrace || kind === Token.CloseBracket) {
        stack.pop();
        key = undefined;
      } else if (kind === Token.Comma) {
        expectKey = true;
        key = undefined;
      } else if (kind === Token.Colon) {
        expectKey = false;
      } else if (kind === Token.String && expectKey) {
        key = lex.value();
        expectKey = false;
      } else if (key === 'id' && (top === 'customer' || top === 'data')) { // a string or a number (any other run)
        const id = toId(lex.value());
        if (id !== undefined) {
          const quoted = kind === Token.String ? 1 : 0;
          refs.push({ id, start: lex.start + quoted, end: lex.end - quoted });
        }
        key = undefined;
      } else {
        key = undefined;
      }
    }
    budget -= lex.pos - from;
    if (budget < 0 || deadline?.over() === true) {
      return { refs, complete: false };
    }
  }
  return { refs, complete: true };
}

/** The customer ids of the JSON structure (see scanJsonCustomerIds); empty past its limits. */
export function findJsonCustomerIds(text: string): CustomerRef[] {
  return scanJsonCustomerIds(text).refs;
}
