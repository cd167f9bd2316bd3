/**
 * Bounding text for display. Every view (tree label, tooltip, hover, panel) shows at most a fixed
 * number of characters of a value; what is copied stays whole.
 */

let segmenter: Intl.Segmenter | undefined;

/** Code units segmented before the cut when a boundary can be proven there (see `truncate`). */
const WINDOW = 64;

/** Printable ASCII: between two of these there is always a grapheme boundary (no UAX #29 rule joins them). */
// Stryker disable next-line BlockStatement: equivalent, answering nothing only turns the fast path off, and the cut is the same
function isPrintableAscii(code: number): boolean {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, never true (or space and ~ left out) only turns the fast path off more often, and the cut is the same; counting more characters as ASCII is caught (text.test.ts)
  return code >= 0x20 && code <= 0x7e;
}

/**
 * `value` cut to at most `max` UTF-16 units, ending in `…` when cut, between graphemes (an emoji or
 * an accented letter is never split). Costs O(WINDOW) for text with ASCII near the cut, O(max) at
 * worst, never O(value.length).
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) {
    return value;
  }
  // Stryker disable next-line AssignmentOperator,ObjectLiteral,StringLiteral: the segmenter is made once per process and kept, so only the process's first long value could tell (unobservable from in-process tests); `{}` is equivalent, grapheme is Intl.Segmenter's default
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const room = max - 1; // for the `…`
  // Segmenting is the cost (a view cuts hundreds of values; ICU steps one grapheme at a time), so
  // start at a proven boundary just before the cut when there is one: two printable ASCII characters
  // side by side. Rules that look back (emoji sequences, flag pairs) stop at an ASCII character, so
  // the segments after it are the ones a segmentation of the whole value has.
  let start = 0;
  // Stryker disable next-line all: equivalent, the window's bounds decide only where the search for a proven boundary stops (how much is segmented), never the cut: any boundary found gives the same one (only the cost differs)
  for (let i = room; i > 0 && i >= room - WINDOW; i--) {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, not taking a boundary found segments from 0, and the cut is the same
    if (isPrintableAscii(value.charCodeAt(i - 1)) && isPrintableAscii(value.charCodeAt(i))) {
      start = i;
      break;
    }
  }
  let cut = value.slice(0, start);
  // segment a prefix only: ICU's iterator costs time in the whole text's length on every step, and
  // a grapheme boundary depends only on the characters next to it
  // Stryker disable next-line MethodExpression: equivalent, segmenting the whole value gives the same cut (the prefix only bounds the cost)
  for (const { segment } of segmenter.segment(value.slice(start, max + 32))) {
    if (cut.length + segment.length > room) {
      break;
    }
    cut += segment;
  }
  return `${cut}…`;
}

/**
 * VS Code draws `$(name)` as an icon in quick-pick labels, descriptions and details, status-bar
 * text and theme-icon Markdown (iconLabels.ts: `$(` then `[A-Za-z0-9-]+`, optional `~modifier`,
 * `)`; after Markdown rendering for hovers). A zero-width space between `$` and `(` matches no
 * parser, whatever escaping the text went through before, and shows nothing.
 */
export function neutralizeIcons(text: string): string {
  return text.replaceAll('$(', '$\u200b(');
}

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

/** Longest plain label made from data. */
export const MAX_LABEL = 200;

/**
 * Data as plain text for a label VS Code renders icons in (quick pick label/description/detail,
 * status bar text and tooltip): control characters and line breaks become spaces, `$(…)` cannot
 * become an icon, and the text is cut to `max`.
 */
export function plainLabel(value: string, max = MAX_LABEL): string {
  return truncate(neutralizeIcons(value.replace(CONTROL_OR_SPACE, ' ').trim()), max);
}

/** Longest data value shown in a hover; longer ones end in `…`. */
export const HOVER_MAX_VALUE = 80;

/**
 * Makes data inert in Markdown: control characters and line breaks become spaces, every ASCII
 * punctuation character is backslash-escaped (CommonMark allows that for all of them; it stops
 * `[link](…)`, `<html>`, `<autolinks>`, `&entity;`, and GFM's bare `https://`, `www.` and e-mail
 * autolinks), `$(` gets a zero-width space (Markdown removes the backslashes, and VS Code then draws
 * any `$(name)` left in the HTML as an icon), and the value is isolated from the surrounding text
 * direction (right-to-left names stay where they are).
 */
export function escapeMarkdown(value: string, max = HOVER_MAX_VALUE): string {
  // `$(` gets a zero-width space first: VS Code turns any `$(name)` left after Markdown into an icon
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const v = neutralizeIcons(truncate(value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim(), max));
  return `\u2068${v.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)}\u2069`;
}
