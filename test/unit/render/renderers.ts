/**
 * The real renderers, driven the way VS Code drives them, for asserting on rendered output rather
 * than on Markdown or HTML source. Hover: VS Code's markdownRenderer (supportThemeIcons) doubles the
 * backslash of `\$(icon)`, renders with marked, then turns every unescaped `$(name)` left in the
 * HTML into a codicon span (iconLabels.ts `renderLabelWithIcons`). Labels (quick pick, status bar)
 * go through `renderLabelWithIcons` directly. Panel HTML is parsed with parse5, as a browser would.
 */
import type { DefaultTreeAdapterMap } from 'parse5' with { 'resolution-mode': 'import' };

/** VS Code's `labelWithIconsRegex`: an optional escaping backslash, `$(`, name, optional `~modifier`, `)`. */
const LABEL_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
/** VS Code's `markdownEscapedIconsRegex` (markdownEscapeEscapedIcons). */
const MD_ESCAPED_ICON = /\\\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

let parseMarkdown: ((md: string) => string) | undefined;
let parseFragment: ((html: string) => DefaultTreeAdapterMap['documentFragment']) | undefined;

/** marked and parse5 are ES modules: load them once (call from a mocha `before`). */
export async function loadRenderers(): Promise<void> {
  const { marked } = await import('marked');
  const parse5 = await import('parse5');
  parseMarkdown = (md) => marked.parse(md, { async: false, gfm: true });
  parseFragment = (html) => parse5.parseFragment(html);
}

/** Hover Markdown → the HTML VS Code puts in the hover, icons included. */
export function renderHover(md: string): string {
  if (!parseMarkdown) {
    throw new Error('call loadRenderers() first');
  }
  const html = parseMarkdown(md.replace(MD_ESCAPED_ICON, (m) => `\\${m}`));
  return html.replace(LABEL_ICON, (_m, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : `<span class="codicon codicon-${name}"></span>`));
}

/** The icons VS Code would draw in a label (quick pick label/description/detail, status bar text). */
export function labelIcons(text: string): string[] {
  return [...text.matchAll(LABEL_ICON)].filter((m) => m[1] === undefined).map((m) => m[2] ?? '');
}

export interface Inventory {
  /** Tag names of every element, in document order. */
  readonly elements: string[];
  /** `href`/`src`/`action`… attribute values that load or navigate. */
  readonly urls: string[];
  /** Codicon names (span.codicon-…). */
  readonly icons: string[];
  /** `name=value` of every attribute. */
  readonly attributes: string[];
  /** The text a reader sees. */
  readonly text: string;
}

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/** Parses an HTML fragment as a browser would and lists what it contains. */
export function inventory(html: string): Inventory {
  if (!parseFragment) {
    throw new Error('call loadRenderers() first');
  }
  const out = { elements: [] as string[], urls: [] as string[], icons: [] as string[], attributes: [] as string[], text: '' };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      out.text += node.value;
    }
    if ('tagName' in node) {
      out.elements.push(node.tagName);
      for (const a of node.attrs) {
        out.attributes.push(`${a.name}=${a.value}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'poster', 'background'].includes(a.name)) {
          out.urls.push(a.value);
        }
        if (a.name === 'class') {
          out.icons.push(...[...a.value.matchAll(/\bcodicon-(?!modifier)([a-z0-9-]+)/g)].map((m) => m[1] ?? ''));
        }
      }
    }
    const content = 'content' in node ? node.content : undefined;
    for (const child of [...('childNodes' in node ? node.childNodes : []), ...(content ? content.childNodes : [])]) {
      walk(child);
    }
  };
  walk(parseFragment(html));
  return out;
}
