/**
 * Order references in text, for hovers, document links and terminal links (product.md § Hover and
 * links): keys `order_id` / `orderId` / `order-id` and `/orders/<id>` URLs name an order **id**;
 * `order_number` / `orderNumber` and `pedido 1000457` / `pedido #1000457` name a **number**; and in
 * JSON, the `resource.id` of an order event (`"event": "order.paid"`, Yampi webhooks) is an order id.
 * Kept apart from customer ids (src/core/customerRefs.ts): nothing here is ever read as a customer.
 * Pure, synchronous and bounded: the patterns are fixed and linear (bounded quantifiers only, run
 * on the same chunks of short lines as the customer scan), the JSON walk has a budget of twice the
 * document's length, and finding makes no request.
 */
import { createScanner } from 'jsonc-parser';
import {
  findRefsInDocument, findRefsInLine, type IdPattern, MAX_DOCUMENT_LENGTH, MAX_LINE_LENGTH, MAX_LINKS, nativePattern,
} from '../customerRefs';
import { DEFAULT_WORD_SEPARATORS, findTerminalLinks } from '../terminalRefs';

export type OrderRefKind = 'id' | 'number';

/** One order reference; `start`/`end` are offsets of its digits. */
export interface OrderRef {
  readonly kind: OrderRefKind;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The fixed patterns (case-insensitive), one capture group for the digits. Each is a literal
 * alternation followed by single atoms with bounded quantifiers, so an attempt backtracks over at
 * most a few characters: linear in the line's length.
 */
export const ORDER_ID_PATTERNS: readonly string[] = [
  '(?:order_id|orderId|order-id|pedido_id|id_pedido)["\']?[ \\t]{0,8}(?:=>|[:=])[ \\t]{0,8}["\']?(\\d{1,15})\\b',
  '/orders/(\\d{1,15})\\b',
];
export const ORDER_NUMBER_PATTERNS: readonly string[] = [
  '(?:order_number|orderNumber|order-number|numero_pedido)["\']?[ \\t]{0,8}(?:=>|[:=])[ \\t]{0,8}["\']?#?(\\d{1,15})\\b',
  '\\bpedido[ \\t]{0,3}(?:n[º°o.]{1,2}[ \\t]{0,3})?:?[ \\t]{0,3}#?(\\d{1,15})\\b',
];

const compile = (sources: readonly string[]): IdPattern[] => sources.map((s) => nativePattern(s, new RegExp(s, 'gid')));
const ID_PATTERNS = compile(ORDER_ID_PATTERNS);
const NUMBER_PATTERNS = compile(ORDER_NUMBER_PATTERNS);
const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'snippets']);

const tag = (kind: OrderRefKind, refs: readonly { id: number; start: number; end: number }[]): OrderRef[] =>
  refs.map((r) => ({ kind, value: r.id, start: r.start, end: r.end }));

/** Sorted by position; a ref overlapping an earlier one is dropped. */
function dedupe(refs: OrderRef[]): OrderRef[] {
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: OrderRef[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    if (!last || r.start >= last.end) {
      out.push(r);
    }
  }
  return out;
}

/** Order references of one line (offsets relative to the line); over-long lines are skipped. */
export function findOrderRefsInLine(line: string): OrderRef[] {
  if (line.length === 0 || line.length > MAX_LINE_LENGTH) {
    return [];
  }
  return dedupe([...tag('id', findRefsInLine(line, ID_PATTERNS)), ...tag('number', findRefsInLine(line, NUMBER_PATTERNS))]);
}

// jsonc-parser's SyntaxKind (a const enum in its typings)
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

const RESOURCE_KEY = /"resource"\s*:/g;
const EVENT_KEY = /"event"\s*:\s*"([^"\\\n]{0,200})"/g;

function orderId(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) {
    return undefined;
  }
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * In a JSON document, the `id` directly inside each `resource` object whose enclosing object's
 * `event` is an order event (`order.created`, `order.paid`, `order.status.updated`…), before or
 * after it. Comments, trailing commas and broken JSON are tolerated. Each `resource` is walked to
 * the end of its enclosing object with an iterative scanner; all walks together stop at twice the
 * document's length (`complete: false`, refs so far kept).
 */
export function scanJsonOrderIds(text: string): { refs: OrderRef[]; complete: boolean } {
  if (text.length > MAX_DOCUMENT_LENGTH || !text.includes('"order.')) {
    return { refs: [], complete: true };
  }
  const events: { at: number; end: number; value: string }[] = [];
  EVENT_KEY.lastIndex = 0;
  for (let m = EVENT_KEY.exec(text); m !== null && events.length < MAX_LINKS * 4; m = EVENT_KEY.exec(text)) {
    events.push({ at: m.index, end: m.index + m[0].length, value: m[1] ?? '' });
  }
  if (events.length === 0) {
    return { refs: [], complete: true };
  }
  const scanner = createScanner(text, true);
  const next = (): number => {
    let kind: number = scanner.scan();
    while (kind === LINE_COMMENT || kind === BLOCK_COMMENT) {
      kind = scanner.scan();
    }
    return kind;
  };
  const budget = { left: 2 * text.length + 65_536 };
  const walk = { scanner, next, budget };
  const refs: OrderRef[] = [];
  let e = 0; // events[e - 1] is the last event key before the current resource key
  RESOURCE_KEY.lastIndex = 0;
  for (let m = RESOURCE_KEY.exec(text); m !== null; m = RESOURCE_KEY.exec(text)) {
    while (e < events.length && (events[e]?.at ?? Infinity) < m.index) {
      e++;
    }
    const from = m.index + m[0].length;
    scanner.setPosition(from);
    if (next() !== OPEN_BRACE) {
      continue;
    }
    const id = resourceId(walk);
    budget.left -= scanner.getPosition() - from;
    const before = events[e - 1];
    if (id !== undefined && isOrderEvent(before !== undefined && sameLevel(walk, before.end, m.index) ? before.value : eventAfter(walk))) {
      refs.push(id);
    }
    if (budget.left < 0 || refs.length >= MAX_LINKS) {
      return { refs, complete: budget.left >= 0 };
    }
  }
  return { refs, complete: true };
}

interface Walk {
  readonly scanner: ReturnType<typeof createScanner>;
  readonly next: () => number;
  readonly budget: { left: number };
}

const isOrderEvent = (event: string | undefined): boolean => event !== undefined && /^order\./i.test(event.trim());

/** The direct `id` of the object the scanner has just entered; leaves the scanner after its close. */
function resourceId({ scanner, next }: Walk): OrderRef | undefined {
  let depth = 1;
  let expectKey = true;
  let key: string | undefined;
  let id: OrderRef | undefined;
  while (depth > 0) {
    const kind = next();
    if (kind === EOF) {
      break;
    }
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      expectKey = kind === OPEN_BRACE;
      key = undefined;
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth--;
      key = undefined;
    } else if (kind === COMMA) {
      expectKey = true;
      key = undefined;
    } else if (kind === COLON) {
      expectKey = false;
    } else if (kind === STRING && expectKey) {
      key = scanner.getTokenValue();
      expectKey = false;
    } else if ((kind === NUMBER || kind === STRING) && key === 'id' && depth === 1 && id === undefined) {
      const value = orderId(scanner.getTokenValue());
      if (value !== undefined) {
        const offset = scanner.getTokenOffset();
        const quoted = kind === STRING ? 1 : 0;
        id = { kind: 'id', value, start: offset + quoted, end: offset + scanner.getTokenLength() - quoted };
      }
      key = undefined;
    } else {
      key = undefined;
    }
  }
  return id;
}

/**
 * The `event` after the resource object, at depth 0 of the enclosing object (the scanner stands
 * just after the resource object); undefined at the enclosing object's end. Restores the scanner.
 */
function eventAfter({ scanner, next, budget }: Walk): string | undefined {
  const from = scanner.getPosition();
  let depth = 0;
  let key: string | undefined;
  let expectKey = false;
  try {
    for (;;) {
      const kind = next();
      if (kind === EOF || (scanner.getPosition() - from > budget.left)) {
        return undefined;
      }
      if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
        depth++;
        key = undefined;
      } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
        if (--depth < 0) {
          return undefined;
        }
      } else if (kind === COMMA) {
        expectKey = depth === 0;
        key = undefined;
      } else if (kind === STRING && expectKey) {
        key = scanner.getTokenValue();
        expectKey = false;
      } else if (kind === STRING && key === 'event' && depth === 0) {
        return scanner.getTokenValue();
      } else if (kind !== COLON) {
        key = undefined;
      }
    }
  } finally {
    budget.left -= scanner.getPosition() - from;
  }
}

/** True when the JSON between `from` and `to` opens and closes brackets evenly: both ends in one object. */
function sameLevel({ scanner, next, budget }: Walk, from: number, to: number): boolean {
  const resume = scanner.getPosition();
  if (to - from > budget.left) {
    return false;
  }
  budget.left -= to - from;
  scanner.setPosition(from);
  let depth = 0;
  try {
    for (let kind = next(); kind !== EOF && scanner.getTokenOffset() < to; kind = next()) {
      if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
        depth++;
      } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && --depth < 0) {
        return false;
      }
    }
    return depth === 0;
  } finally {
    scanner.setPosition(resume);
  }
}

/**
 * Every order reference in a document: the patterns over its short lines (the customer scan's
 * chunking and per-pattern budget), plus the order events' `resource.id` in JSON languages.
 */
export function findOrderRefsInDocument(text: string, languageId: string): OrderRef[] {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return [];
  }
  const refs = [...tag('id', findRefsInDocument(text, 'plaintext', ID_PATTERNS)), ...tag('number', findRefsInDocument(text, 'plaintext', NUMBER_PATTERNS))];
  if (JSON_LANGUAGES.has(languageId)) {
    refs.push(...scanJsonOrderIds(text).refs);
  }
  return dedupe(refs).slice(0, MAX_LINKS);
}

/** The reference whose digits contain (or touch) `offset`. */
export function orderRefAt(refs: readonly OrderRef[], offset: number): OrderRef | undefined {
  return refs.find((r) => offset >= r.start && offset <= r.end);
}

/** One order link on a terminal line, widened to the terminal word (see src/core/terminalRefs.ts). */
export interface OrderTerminalLink {
  readonly startIndex: number;
  readonly length: number;
  readonly kind: OrderRefKind;
  readonly value: number;
}

/** The order links of a terminal line, each covering its whole terminal word. */
export function findOrderTerminalLinks(line: string, wordSeparators: string = DEFAULT_WORD_SEPARATORS): OrderTerminalLink[] {
  const ids = findTerminalLinks(line, { patterns: ID_PATTERNS, invalid: [] }, wordSeparators).map((l) => ({ startIndex: l.startIndex, length: l.length, kind: 'id' as const, value: l.id }));
  const numbers = findTerminalLinks(line, { patterns: NUMBER_PATTERNS, invalid: [] }, wordSeparators).map((l) => ({ startIndex: l.startIndex, length: l.length, kind: 'number' as const, value: l.id }));
  const all = [...ids, ...numbers].sort((a, b) => a.startIndex - b.startIndex);
  return all.filter((l, i) => i === 0 || l.startIndex >= (all[i - 1]?.startIndex ?? 0) + (all[i - 1]?.length ?? 0));
}
