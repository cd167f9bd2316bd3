/**
 * Order references in text, for hovers, document links and terminal links (product.md § Hover and
 * links): keys `order_id` / `orderId` / `order-id` and `/orders/<id>` URLs name an order **id**;
 * `order_number` / `orderNumber` and `pedido 1000457` / `pedido #1000457` name a **number**; and in
 * JSON, the `resource.id` of an order event (`"event": "order.paid"`, Yampi webhooks) is an order id.
 * Kept apart from customer ids (src/core/refs/): nothing here is ever read as a customer.
 * Pure, synchronous and bounded: the patterns are fixed and linear (bounded quantifiers only, run
 * on the same chunks of short lines as the customer scan), the JSON walk (the one JSON lexer of the
 * reference scans, src/core/refs/jsonLexer.ts) has a budget of about the document's length, and
 * finding makes no request.
 */
import { type IdPattern, MAX_DOCUMENT_LENGTH, MAX_LINE_LENGTH, MAX_LINKS, nativePattern } from '../refs/patterns';
import { type Deadline, deadlineOf, type ScanBudget } from '../refs/budget';
import { JsonLexer, Token } from '../refs/jsonLexer';
import { TOKENS_PER_CLOCK_READ } from '../refs/jsonScan';
import { dedupe, findRefsInLine, scanDocument, scanRanges } from '../refs/textScan';
import { DEFAULT_WORD_SEPARATORS, findTerminalLinks } from '../terminal/terminalRefs';

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

/** Order references of one line (offsets relative to the line); over-long lines are skipped. */
export function findOrderRefsInLine(line: string): OrderRef[] {
  if (line.length === 0 || line.length > MAX_LINE_LENGTH) {
    return [];
  }
  return dedupe([...tag('id', findRefsInLine(line, ID_PATTERNS)), ...tag('number', findRefsInLine(line, NUMBER_PATTERNS))]);
}

const RESOURCE_KEY = /"resource"\s*:/g;
const EVENT_KEY = /"event"\s*:\s*"([^"\\\n]{0,200})"/g;

function orderId(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) {
    return undefined;
  }
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

interface Walk {
  readonly lex: JsonLexer;
  readonly budget: { left: number };
  /** The scan's deadline (a ScanBudget), read every TOKENS_PER_CLOCK_READ tokens; once over, every walk stops. */
  readonly deadline: Deadline | undefined;
  tokens: number;
  /** Where the depth walk from the current event stopped, and its depth there (so walks never repeat). */
  cursor: { event: number; pos: number; depth: number; broken: boolean } | undefined;
}

const isOrderEvent = (event: string | undefined): boolean => event !== undefined && /^order\./i.test(event.trim());

/** True once the walk's deadline is over (the clock is read on every TOKENS_PER_CLOCK_READ-th token). */
function timeUp(walk: Walk): boolean {
  walk.tokens += 1;
  return walk.deadline !== undefined && (walk.deadline.timedOut || (walk.tokens % TOKENS_PER_CLOCK_READ === 0 && walk.deadline.over()));
}

/**
 * In a JSON document, the `id` directly inside each `resource` object whose enclosing object's
 * `event` is an order event (`order.created`, `order.paid`, `order.status.updated`…), before or
 * after it. Comments, trailing commas and broken JSON are tolerated. All walks together stop at
 * the document's length plus 64 KB (`complete: false`, refs so far kept); with a `budget`, also
 * when its time is over (`timedOut`, refs so far kept).
 */
export function scanJsonOrderIds(text: string, budget?: ScanBudget): { refs: OrderRef[]; complete: boolean; timedOut?: true } {
  return scanJsonOrders(text, deadlineOf(budget));
}

function scanJsonOrders(text: string, deadline: Deadline | undefined): { refs: OrderRef[]; complete: boolean; timedOut?: true } {
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
  const walk: Walk = { lex: new JsonLexer(text), budget: { left: text.length + 65_536 }, deadline, tokens: 0, cursor: undefined };
  const refs: OrderRef[] = [];
  let e = 0; // events[e - 1] is the last event key before the current resource key
  RESOURCE_KEY.lastIndex = 0;
  for (let m = RESOURCE_KEY.exec(text); m !== null; m = RESOURCE_KEY.exec(text)) {
    while (e < events.length && (events[e]?.at ?? Infinity) < m.index) {
      e++;
    }
    const before = e > 0 ? events[e - 1] : undefined;
    const from = m.index + m[0].length;
    const sameObject = before !== undefined && sameLevel(walk, e - 1, before.end, m.index);
    if (sameObject && !isOrderEvent(before.value)) {
      continue; // a customer (or other) event: its resource is not an order
    }
    walk.lex.pos = from;
    if (walk.lex.next() !== Token.OpenBrace) {
      continue;
    }
    const id = resourceId(walk, !sameObject);
    if (id !== undefined && (sameObject || isOrderEvent(eventAfter(walk)))) {
      refs.push(id);
    }
    if (deadline?.timedOut === true || deadline?.over() === true) {
      return { refs, complete: false, timedOut: true };
    }
    if (walk.budget.left < 0 || refs.length >= MAX_LINKS) {
      return { refs, complete: walk.budget.left >= 0 };
    }
  }
  return { refs, complete: true };
}

/**
 * The direct `id` of the object the lexer has just entered. `toEnd`: keep walking to the object's
 * close (the event may follow it); else stop at the id.
 */
function resourceId(walk: Walk, toEnd: boolean): OrderRef | undefined {
  const { lex, budget } = walk;
  const from = lex.pos;
  let depth = 1;
  let expectKey = true;
  let key: string | undefined;
  let id: OrderRef | undefined;
  try {
    while (depth > 0 && lex.pos - from <= budget.left && !timeUp(walk)) {
      const kind = lex.next();
      if (kind === Token.EOF) {
        break;
      }
      if (kind === Token.OpenBrace || kind === Token.OpenBracket) {
        depth++;
        expectKey = kind === Token.OpenBrace;
        key = undefined;
      } else if (kind === Token.CloseBrace || kind === Token.CloseBracket) {
        depth--;
        key = undefined;
      } else if (kind === Token.Comma) {
        expectKey = depth === 1 || expectKey;
        key = undefined;
      } else if (kind === Token.Colon) {
        expectKey = false;
      } else if (kind === Token.String && expectKey) {
        key = lex.value();
        expectKey = false;
      } else if (key === 'id' && depth === 1 && id === undefined) { // a string or a number (any other run)
        const value = orderId(lex.value());
        if (value !== undefined) {
          const quoted = kind === Token.String ? 1 : 0;
          id = { kind: 'id', value, start: lex.start + quoted, end: lex.end - quoted };
          if (!toEnd) {
            return id;
          }
        }
        key = undefined;
      } else {
        key = undefined;
      }
    }
    return id;
  } finally {
    budget.left -= lex.pos - from;
  }
}

/** The `event` after the resource object, at depth 0 of the enclosing object; undefined at its end. */
function eventAfter(walk: Walk): string | undefined {
  const { lex, budget } = walk;
  const from = lex.pos;
  let depth = 0;
  let key: string | undefined;
  let expectKey = false;
  try {
    for (;;) {
      const kind = lex.next();
      if (kind === Token.EOF || lex.pos - from > budget.left || timeUp(walk)) {
        return undefined;
      }
      if (kind === Token.OpenBrace || kind === Token.OpenBracket) {
        depth++;
        key = undefined;
      } else if (kind === Token.CloseBrace || kind === Token.CloseBracket) {
        if (--depth < 0) {
          return undefined;
        }
      } else if (kind === Token.Comma) {
        expectKey = depth === 0;
        key = undefined;
      } else if (kind === Token.String && expectKey) {
        key = lex.value();
        expectKey = false;
      } else if (kind === Token.String && key === 'event' && depth === 0) {
        return lex.value();
      } else if (kind !== Token.Colon) {
        key = undefined;
      }
    }
  } finally {
    budget.left -= lex.pos - from;
  }
}

/**
 * True when the JSON between event `index` (ending at `from`) and `to` opens and closes brackets
 * evenly: both in one object. The walk resumes where the last one for the same event stopped, so
 * every character after an event is walked once however many resource keys follow it.
 */
function sameLevel(walk: Walk, index: number, from: number, to: number): boolean {
  const { lex, budget } = walk;
  let c = walk.cursor;
  if (c?.event !== index || c.pos > to) {
    c = { event: index, pos: from, depth: 0, broken: false };
    walk.cursor = c;
  }
  if (!c.broken) {
    lex.pos = c.pos;
    for (let kind = lex.next(); kind !== Token.EOF && lex.start < to && !timeUp(walk); kind = lex.next()) {
      if (kind === Token.OpenBrace || kind === Token.OpenBracket) {
        c.depth++;
      } else if ((kind === Token.CloseBrace || kind === Token.CloseBracket) && --c.depth < 0) {
        c.broken = true; // the event's object closed: no later resource is in it
        break;
      }
      c.pos = lex.end;
    }
    budget.left -= Math.max(0, c.pos - from);
  }
  return !c.broken && c.depth === 0;
}

/** The pass after one that ran out of time: it does not run. */
const TIMED_OUT = { refs: [], timedOut: true } as const;

/** What remains of `budget` until `end` (a time on its clock). */
function until(budget: ScanBudget | undefined, end: number): ScanBudget | undefined {
  return budget && { now: budget.now, ms: end - budget.now() };
}

/** Order references of a scan; `timedOut` when its ScanBudget ran out (the refs found until then). */
export interface OrderScan {
  readonly refs: readonly OrderRef[];
  readonly timedOut?: true;
}

/**
 * Every order reference in a document: the patterns over its short lines (the customer scan's
 * chunking and per-pattern budget), plus the order events' `resource.id` in JSON languages. With a
 * `budget`, the three passes share its time and the scan stops when it is over (see
 * src/core/orders/orderScan.ts for the visible-range fallback).
 */
export function scanOrderDocument(text: string, languageId: string, budget?: ScanBudget): OrderScan {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { refs: [] };
  }
  const end = budget ? budget.now() + budget.ms : 0;
  const ids = scanDocument(text, 'plaintext', ID_PATTERNS, undefined, budget);
  const numbers = ids.timedOut === true ? TIMED_OUT : scanDocument(text, 'plaintext', NUMBER_PATTERNS, undefined, until(budget, end));
  const refs = [...tag('id', ids.refs), ...tag('number', numbers.refs)];
  let timedOut = numbers.timedOut === true;
  if (!timedOut && JSON_LANGUAGES.has(languageId)) {
    const json = scanJsonOrders(text, deadlineOf(until(budget, end)));
    refs.push(...json.refs);
    timedOut = json.timedOut === true;
  }
  const out = dedupe(refs).slice(0, MAX_LINKS);
  return timedOut ? { refs: out, timedOut } : { refs: out };
}

/** The refs of scanOrderDocument, with no time budget. */
export function findOrderRefsInDocument(text: string, languageId: string): OrderRef[] {
  return [...scanOrderDocument(text, languageId).refs];
}

/**
 * The pattern references within `ranges` (`[start, end)` offsets, widened to whole lines), e.g. the
 * visible lines when the whole document took too long. No JSON walk: it needs the whole document.
 */
export function scanOrderRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>, budget?: ScanBudget): OrderScan {
  const end = budget ? budget.now() + budget.ms : 0;
  const ids = scanRanges(text, ranges, ID_PATTERNS, budget);
  const numbers = ids.timedOut === true ? TIMED_OUT : scanRanges(text, ranges, NUMBER_PATTERNS, until(budget, end));
  const out = dedupe([...tag('id', ids.refs), ...tag('number', numbers.refs)]).slice(0, MAX_LINKS);
  return numbers.timedOut === true ? { refs: out, timedOut: true } : { refs: out };
}

/** The reference whose digits contain (or touch) `offset`. */
export function orderRefAt(refs: readonly OrderRef[], offset: number): OrderRef | undefined {
  return refs.find((r) => offset >= r.start && offset <= r.end);
}

/** One order link on a terminal line, widened to the terminal word (see src/core/terminal/terminalRefs.ts). */
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
