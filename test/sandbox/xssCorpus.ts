/**
 * The XSS corpus (issue 10, point 11): hostile strings that the sandbox's XSS customers
 * (XSS_CUSTOMER_IDS) carry in every text field, and that the unit and UI suites render.
 *
 * Sentinel: every payload that runs script sets `__xss` (on its own window, its parent or top),
 * so a test proves "nothing executed" by finding `__xss` undefined in every frame. Payloads that
 * cannot run script by themselves (CSS, URLs loaded as resources) point at `evil.example`, which a
 * test can look for in requests. No payload starts or ends with whitespace (phone and document
 * fields are shown trimmed) and none holds a carriage return (HTML turns it into a line feed).
 */
import { visibleBidiControls } from '../../src/core/customers/fields';

export interface XssFamily {
  readonly family: string;
  readonly payloads: readonly string[];
}

export const XSS_FAMILIES: readonly XssFamily[] = [
  {
    // Script elements in text context, including filter-evasion spellings and an unclosed one.
    family: 'script tags',
    payloads: [
      '<script>__xss=1</script>',
      '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
      '<script>top.__xss=1//',
      '<scr<script>ipt>__xss=1</scr</script>ipt>',
      '<script type="module">window.__xss=1</script>',
    ],
  },
  {
    // Elements whose event handlers fire without user action (error, load, toggle, focus, start).
    family: 'event handlers in text',
    payloads: [
      '<img src=x onerror=__xss=1>',
      '<svg onload=__xss=1>',
      '<body onload=__xss=1>',
      '<details open ontoggle=__xss=1>',
      '<input autofocus onfocus=__xss=1>',
      '<video><source onerror=__xss=1></video>',
      '<marquee onstart=__xss=1>x</marquee>',
      '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
      '<x contenteditable autofocus onfocusin=__xss=1>x',
    ],
  },
  {
    // Breaking out of double-quoted, single-quoted, unquoted and backtick attribute values.
    family: 'attribute breakouts',
    payloads: [
      '"><img src=x onerror=__xss=1>',
      "'><img src=x onerror=__xss=1>",
      '" onmouseover="__xss=1" x="',
      "' onfocus='__xss=1' autofocus x='",
      'x onmouseover=__xss=1 y=',
      '`onmouseover=__xss=1`',
      '"autofocus/onfocus="__xss=1',
    ],
  },
  {
    // Closing raw-text / RCDATA contexts: <title>, <textarea>, <style>, <script>, <noscript>, comments, CDATA.
    family: 'context closers',
    payloads: [
      '</title><img src=x onerror=__xss=1>',
      '</textarea><script>__xss=1</script>',
      '</style><script>__xss=1</script>',
      '</script><script>__xss=1</script>',
      '</noscript><img src=x onerror=__xss=1>',
      '--><img src=x onerror=__xss=1>',
      '<!--<img src="--><img src=x onerror=__xss=1>">',
      ']]><img src=x onerror=__xss=1>',
      '<![CDATA[<script>__xss=1</script>]]>',
    ],
  },
  {
    // javascript:/data: URLs, bare and in href, action, data, src, base, meta refresh.
    family: 'javascript: and data: URLs',
    payloads: [
      'javascript:__xss=1',
      'JaVaScRiPt:top.__xss=1',
      'java\tscript:__xss=1',
      '<a href="javascript:__xss=1">clique</a>',
      'data:text/html,<script>parent.__xss=1</script>',
      '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==">x</a>',
      '<form action="javascript:__xss=1"><button>ok</button></form>',
      '<object data="javascript:__xss=1"></object>',
      '<embed src="data:image/svg+xml,<svg onload=parent.__xss=1>">',
      '<meta http-equiv="refresh" content="0;url=javascript:__xss=1">',
      '<base href="javascript:__xss=1//">',
      '<iframe src="javascript:parent.__xss=1"></iframe>',
    ],
  },
  {
    // SVG and MathML: foreign content, its own script, animation events, namespace-confusion mXSS.
    family: 'SVG and MathML',
    payloads: [
      '<svg><script>__xss=1</script></svg>',
      '<svg><animate onbegin=__xss=1 attributeName=x dur=1s>',
      '<svg><a xlink:href="javascript:__xss=1"><text y=20>x</text></a></svg>',
      '<svg><foreignObject><img src=x onerror=__xss=1></foreignObject></svg>',
      '<svg><style><img src=x onerror=__xss=1></style></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=__xss=1>',
      '<math href="javascript:__xss=1">x</math>',
      '<noscript><p title="</noscript><img src=x onerror=__xss=1>">',
    ],
  },
  {
    // CSS injection: new style sheets, expression(), url() to an outside host, style attributes.
    family: 'CSS injection',
    payloads: [
      '</style><style>*{background:url(//evil.example/x)}</style>',
      "<style>@import 'https://evil.example/x.css';</style>",
      '<div style="background:url(javascript:__xss=1)">x</div>',
      'x{width:expression(__xss=1)}',
      '<p style="x:expression(__xss=1)">y</p>',
      '";color:red;background-image:url(//evil.example/leak)',
      '<link rel=stylesheet href=//evil.example/x.css>',
    ],
  },
  {
    // Entity and Unicode tricks: text that is already escaped (must stay escaped, not be decoded),
    // fullwidth brackets, NUL, line/paragraph separators, bidi override, zero-width and BOM.
    family: 'entity and unicode tricks',
    payloads: [
      '&lt;img src=x onerror=__xss=1&gt;',
      '&#60;script&#62;__xss=1&#60;/script&#62;',
      '&#x3C;svg onload=__xss=1&#x3E;',
      '&amp;lt;b&amp;gt;negrito&amp;lt;/b&amp;gt;',
      '\\u003cimg src=x onerror=__xss=1\\u003e',
      '%3Cscript%3E__xss=1%3C/script%3E',
      '＜script＞__xss=1＜/script＞',
      '<scr\u0000ipt>__xss=1</scr\u0000ipt>',
      'a\u2028<script>__xss=1</script>\u2029b',
      'x\u202E<img src=x onerror=__xss=1>\u202Cy',
      '<\u200Bscript>__xss=1</script>',
      'x\uFEFF<img src=x onerror=__xss=1>',
      '<img src=x onerror="&#95;&#95;xss=1">',
    ],
  },
  {
    // Template-literal and template-engine breakouts: `${}`, backticks, JS string closers, {{ }}.
    family: 'template breakouts',
    payloads: [
      '${__xss=1}',
      '`;__xss=1;`',
      '`${top.__xss=1}`',
      "'};__xss=1;//",
      '"});__xss=1;//',
      "{{constructor.constructor('__xss=1')()}}",
      '<%= __xss=1 %> #{__xss=1} [[${__xss=1}]]',
    ],
  },
  {
    // JSON embedded in a script: a closing </script> or a comment opener inside a string value.
    family: 'script-in-JSON',
    payloads: [
      '{"a":"</script><script>__xss=1</script>"}',
      '<!--<script>__xss=1//-->',
      '</script><!--',
    ],
  },
  {
    // Markup other UIs would turn into links or icons: Markdown links, autolinks, codicon syntax.
    family: 'markdown and icon syntax',
    payloads: ['[clique](javascript:__xss=1)', '<https://evil.example/x>', '$(verified-filled) Loja Oficial', '![x](https://evil.example/p.png)'],
  },
];

/** Every payload, in family order. */
export const XSS_PAYLOADS: readonly string[] = XSS_FAMILIES.flatMap((f) => f.payloads);

/** What joins the payloads of one group into one field value. */
export const XSS_SEPARATOR = ' ¦ ';

/** Longest field value built from payloads: views may cut values at 1,000 characters. */
export const XSS_MAX_VALUE = 900;

/**
 * The corpus cut into groups whose joined value stays under XSS_MAX_VALUE; one sandbox customer per
 * group carries the joined group in every text field, so every payload lands in every field.
 */
export function xssGroups(): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const p of XSS_PAYLOADS) {
    if (current.length > 0 && [...current, p].join(XSS_SEPARATOR).length > XSS_MAX_VALUE) {
      groups.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) {
    groups.push(current);
  }
  return groups;
}

/**
 * The text a payload shows as in the panel: literally, except that bidi controls are spelled out
 * (`\u202E`, so data cannot reorder what is displayed) and NUL is dropped by the HTML parser
 * (the spec ignores U+0000 in text; it never reaches the DOM).
 */
export function xssShownText(payload: string): string {
  return visibleBidiControls(payload).split('\u0000').join('');
}
