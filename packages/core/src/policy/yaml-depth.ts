/**
 * How deep a YAML file's flow collections ([ and {) nest, found before the YAML library sees the
 * text: the library recurses per level, throws RangeError from about 900 levels and aborts the
 * whole process (a fatal out-of-memory, nothing to catch) around 10,000. containers/image's YAML
 * reader (yaml.v3) refuses more than 10,000 levels itself ("exceeded max depth of 10000").
 */

/** yaml.v3's max_flow_level (and max_indents). */
export const GO_YAML_MAX_DEPTH = 10_000;

/**
 * The deepest flow nesting, and the 1-based line where it first went past `limit`. Brackets inside quoted
 * scalars and comments are skipped; one inside a plain scalar (`a: b[c`) is counted, so the figure
 * is an upper bound — exact for the nesting that matters here, which is hundreds of levels deep.
 */
export function flowDepth(text: string, limit: number): { depth: number; line: number } {
  let depth = 0;
  let max = 0;
  let overLine = 0;
  let line = 1;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where a scalar starts; an apostrophe inside a plain scalar is text.
      const before = i === 0 ? '\n' : text[i - 1];
      if (before === undefined || /[\s[{,:]/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        if (depth === limit + 1) overLine = line;
      }
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return { depth: max, line: overLine };
}

/**
 * How deep a YAML file's block collections nest, by indentation: each line indented past the
 * lines it sits under opens a level. The library recurses per level here too, and whether ~900
 * levels overflow the stack depends on how warm the engine is, so the same file was refused on
 * one read and taken on the next; counted first, the answer is the same every time. Lines of a
 * block scalar count as well: an upper bound, exact for the nesting that matters.
 */
export function blockDepth(text: string, limit: number): { depth: number; line: number } {
  const indents: number[] = [];
  let max = 0;
  let overLine = 0;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = start;
    while (indent < end && text[indent] === ' ') indent++;
    const first = text[indent];
    if (indent < end && first !== '#' && first !== '\r') {
      const width = indent - start;
      while (indents.length > 0 && (indents[indents.length - 1] as number) > width) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < width) indents.push(width);
      if (indents.length > max) {
        max = indents.length;
        if (max === limit + 1) overLine = line + 1;
      }
    }
    start = end + 1;
  }
  return { depth: max, line: overLine };
}
