/**
 * Webview messages described once, as a table per direction: message type → its fields, each with
 * a validator. From one table come the message union (what the sender may post), the guard (what
 * the receiver accepts) and the handler map (the receiver's exhaustive dispatch). A message is
 * accepted only when its type is in the table, every field it declares passes its validator and it
 * carries no other field. DOM- and Node-neutral: both bundles import it.
 */

/** A field check that also narrows. */
export type Validator<T> = (v: unknown) => v is T;

/** A field that may be absent (or undefined); present, it must pass `check`. */
export interface Optional<T> {
  readonly optional: Validator<T>;
}

export type FieldSpec = Validator<unknown> | Optional<unknown>;
export type MessageShape = Readonly<Record<string, FieldSpec>>;
export type MessageTable = Readonly<Record<string, MessageShape>>;

type ValueOf<F> = F extends Optional<infer T> ? T : F extends Validator<infer T> ? T : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flatten<T> = { readonly [K in keyof T]: T[K] };
type Fields<S> = Flatten<{ readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & { readonly [K in OptionalKeys<S>]?: ValueOf<S[K]> }>;

/** The union of every message a table describes: `{ type: K } & fields of K`. */
export type MessageOf<T extends MessageTable> = { [K in keyof T & string]: Flatten<{ readonly type: K } & Fields<T[K]>> }[keyof T & string];

/** One handler per message type (a missing type does not compile); each gets its own message. */
export type Handlers<T extends MessageTable> = {
  readonly [K in keyof T & string]: (m: Extract<MessageOf<T>, { readonly type: K }>) => Promise<void> | void;
};

/** Marks a field as optional. */
export function optional<T>(check: Validator<T>): Optional<T> {
  return { optional: check };
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of at most `max` characters (and at least `min`). */
export function text(max: number, min = 0): Validator<string> {
  return (v: unknown): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
}

/** One of the given literal values. */
export function oneOf<const V extends readonly (string | number | boolean)[]>(...values: V): Validator<V[number]> {
  return (v: unknown): v is V[number] => values.some((x) => x === v);
}

export const isBoolean: Validator<boolean> = (v: unknown): v is boolean => typeof v === 'boolean';

/** A record id: a safe integer above zero. */
export const isPositiveId: Validator<number> = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

function has(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** The guard of one direction: type known, each field valid, nothing more. */
export function guardOf<T extends MessageTable>(table: T): (v: unknown) => v is MessageOf<T> {
  return (v: unknown): v is MessageOf<T> => {
    if (!isRecord(v) || typeof v['type'] !== 'string' || !has(table, v['type'])) {
      return false;
    }
    const shape: MessageShape = table[v['type']] ?? {};
    for (const key of Object.keys(v)) {
      if (key !== 'type' && !has(shape, key)) {
        return false;
      }
    }
    return Object.entries(shape).every(([key, spec]) => {
      const value = v[key];
      return typeof spec === 'function' ? spec(value) : value === undefined || spec.optional(value);
    });
  };
}

/**
 * A message of type `type` from loose values (a webview button's data attributes): only the fields
 * the table declares for it are taken, and the result must pass the guard, else undefined.
 */
export function messageFrom<T extends MessageTable>(table: T, type: string, values: Readonly<Record<string, unknown>>): MessageOf<T> | undefined {
  if (!has(table, type)) {
    return undefined;
  }
  const m: Record<string, unknown> = { type };
  for (const key of Object.keys(table[type] ?? {})) {
    if (values[key] !== undefined) {
      m[key] = values[key];
    }
  }
  return guardOf(table)(m) ? m : undefined;
}

/** Hands a checked message to its handler. */
export function dispatch<T extends MessageTable>(handlers: Handlers<T>, m: MessageOf<T>): Promise<void> | void {
  const handler = handlers[m.type];
  return handler(m);
}
