/**
 * Every codicon a webview of ours draws. The build ships only these glyphs: esbuild.mjs subsets
 * codicon.ttf and codicon.css to this list (the whole font is 126 KB, these glyphs a few KB), so an
 * icon missing here would render as nothing — the `WebviewIcon` type makes that a compile error,
 * and test/unit/webview/codicons.test.ts checks every rendered state against the shipped subset.
 */
export const WEBVIEW_ICONS = [
  'archive', 'check', 'copy', 'debug-disconnect', 'error', 'eye', 'eye-closed', 'fold-down', 'info', 'json', 'key',
  'link-external', 'loading', 'location', 'lock', 'organization', 'output', 'package', 'person', 'refresh', 'search',
  'shield', 'unlock', 'warning', 'watch',
] as const;

export type WebviewIcon = (typeof WEBVIEW_ICONS)[number];

/** A decorative codicon (`aria-hidden`); `extra` adds classes such as ` codicon-modifier-spin`. */
export function codicon(name: WebviewIcon, extra = ''): string {
  return `<span class="codicon codicon-${name}${extra}" aria-hidden="true"></span>`;
}
