/**
 * The one escaping helper for HTML built from data (panel HTML; hover markdown uses it for any HTML
 * it embeds). Safe in text content and in double- or single-quoted attribute values.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}
