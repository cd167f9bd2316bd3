/**
 * Bounding text for display. Every view (tree label, tooltip, hover, panel) shows at most a fixed
 * number of characters of a value; what is copied stays whole.
 */

let segmenter: Intl.Segmenter | undefined;

/**
 * `value` cut to at most `max` UTF-16 units, ending in `…` when cut, between graphemes (an emoji or
 * an accented letter is never split). Costs O(max), not O(value.length), for long values.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) {
    return value;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let cut = '';
  // segment a prefix only: ICU's iterator costs time in the whole text's length on every step, and
  // a grapheme boundary depends only on the characters next to it
  for (const { segment } of segmenter.segment(value.slice(0, max + 32))) {
    if (cut.length + segment.length > max - 1) {
      break;
    }
    cut += segment;
  }
  return `${cut}…`;
}
