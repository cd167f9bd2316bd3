/**
 * The one rule for a Yampi store alias, used by the client (validateAlias), the saved-stores index,
 * the environment credentials (YAMPI_ALIAS), the credential store and the stores `/auth/me` returns.
 * Yampi does not document the format; every alias seen (`teste-webhook`, `merchant-alias`,
 * `sisters-fitness`, `vaseu2`) is a DNS label: lowercase letters, digits and hyphens, used as a
 * path segment and in `<alias>.pay.yampi.com.br`. `Loja` or `loja_x` would be saved and then fail
 * every request, so they are refused at the door. The chat tools' input schema in package.json
 * (`store`) carries the same pattern (test/unit/trust/redactAlias.test.ts checks both agree).
 */
export const ALIAS_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const ALIAS = new RegExp(ALIAS_PATTERN);

export function isValidAlias(alias: unknown): alias is string {
  return typeof alias === 'string' && ALIAS.test(alias);
}
