/**
 * What commands receive from VS Code (a palette run: nothing; a tree item: its node; a hover link
 * or automation: ids, strings, objects) narrowed into typed values. Pure: every shape is unit-tested,
 * and nothing received is trusted.
 */
import { parseLookupInput } from '../customers/lookupInput';
import { isValidAlias } from '../credentials/stores';
import { isNode, type Node } from '../customers/nodes';

/** A customer named by a command argument: its id, and its store when the argument says so. */
export interface CustomerTarget {
  readonly id: number;
  /** Undefined means "the active store" (resolved by the host's session registry). */
  readonly alias: string | undefined;
}

/** A positive safe integer, a `123` / `#123` / `/customers/123` string, or a customer-bearing tree node. */
export function customerIdOf(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v > 0 ? v : undefined;
  }
  if (typeof v === 'string') {
    const parsed = parseLookupInput(v);
    return parsed.ok ? parsed.id : undefined;
  }
  if (isNode(v) && 'id' in v && typeof v.id === 'number') {
    return customerIdOf(v.id);
  }
  return undefined;
}

/** A store alias given as a string, or the store of a tree node. Invalid aliases are refused. */
export function aliasOf(v: unknown): string | undefined {
  const alias = typeof v === 'string' ? v.trim() : isNode(v) ? v.alias : undefined;
  return alias !== undefined && isValidAlias(alias) ? alias : undefined;
}

/**
 * `(idOrNode, alias?)`: the customer and its store. A node carries its own store; an explicit
 * alias wins over "active store" but never over the node's own.
 */
export function customerTargetOf(idArg: unknown, aliasArg?: unknown): CustomerTarget | undefined {
  const id = customerIdOf(idArg);
  if (id === undefined) {
    return undefined;
  }
  return { id, alias: isNode(idArg) ? idArg.alias : aliasOf(aliasArg) };
}

/** The node itself when it is of one of the given types. */
export function nodeOfType<T extends Node['type']>(v: unknown, ...types: T[]): Extract<Node, { type: T }> | undefined {
  return isNode(v) && (types as string[]).includes(v.type) ? (v as Extract<Node, { type: T }>) : undefined;
}

/** The programmatic form of yampi.setCredentials. */
export interface SetCredentialsArgs {
  readonly alias: string;
  readonly userToken: string;
  readonly userSecretKey: string;
}

export function setCredentialsArgsOf(v: unknown): SetCredentialsArgs | undefined {
  if (typeof v !== 'object' || v === null) {
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const { alias, userToken, userSecretKey } = o;
  return typeof alias === 'string' && typeof userToken === 'string' && typeof userSecretKey === 'string'
    ? { alias, userToken, userSecretKey }
    : undefined;
}
