import type { Position } from './types.js';
import { NotReadable } from './workflow-reader.js';

/** An image a Containerfile pulls: `FROM`, `COPY|ADD --from=`, `RUN --mount=…,from=`. */
export interface ImagePull {
  /** As written, e.g. `${BASE}:${TAG}`. */
  raw: string;
  /** With the ARG defaults substituted; `unresolved` names the ARGs without one. */
  resolved: string;
  unresolved: string[];
  /** The ARG names the reference uses. */
  args: string[];
  at: Position;
  instruction: 'FROM' | 'COPY --from' | 'ADD --from' | 'RUN --mount from';
}

export interface ArgDeclaration {
  name: string;
  value: string | undefined;
  at: Position;
}

export interface ContainerfileModel {
  pulls: ImagePull[];
  args: ArgDeclaration[];
}

interface Instruction {
  text: string;
  /** The source position of each character of `text`. */
  where: Position[];
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Reads a Containerfile (Dockerfile syntax): line continuations, comments and parser directives
 * (`# syntax=`, `# escape=`), ARG defaults substituted into the images pulled, stage names told
 * from images. Heredoc bodies are skipped.
 */
export function readContainerfile(text: string): ContainerfileModel {
  // eslint-disable-next-line no-control-regex -- a NUL byte is how a binary file shows
  if (/\u0000/.test(text) || text.includes('\uFFFD'))
    throw new NotReadable('is not a text file (binary content), so not a Containerfile');
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  const instructions = logicalLines(text, escape);
  const globals = new Map<string, string | undefined>();
  const args: ArgDeclaration[] = [];
  const pulls: ImagePull[] = [];
  const stages = new Set<string>();
  let stageArgs: Map<string, string | undefined> | undefined;
  let stageCount = 0;
  let sawInstruction = false;

  for (const ins of instructions) {
    const m = /^\s*([A-Za-z]+)(\s+|$)/.exec(ins.text);
    if (!m) continue;
    const keyword = (m[1] as string).toUpperCase();
    const bodyAt = m[0].length;
    if (!sawInstruction && !['ARG', 'FROM'].includes(keyword))
      throw new NotReadable(`starts with ${keyword}, not FROM or ARG, so it is not a Containerfile`);
    sawInstruction = true;
    const words = splitWords(ins.text, bodyAt);
    const scope = stageArgs ?? globals;
    switch (keyword) {
      case 'ARG':
        for (const w of words) {
          const eq = w.text.indexOf('=');
          const name = eq === -1 ? w.text : w.text.slice(0, eq);
          let value = eq === -1 ? undefined : unquote(w.text.slice(eq + 1));
          // A stage's `ARG NAME` without a value takes the global one's default.
          if (value === undefined && stageArgs) value = globals.get(name);
          if (value !== undefined) value = substitute(value, scope).value;
          scope.set(name, value);
          args.push({ name, value, at: ins.where[w.start] as Position });
        }
        break;
      case 'FROM': {
        const rest = words.filter((w) => !w.text.startsWith('--'));
        const image = rest[0];
        if (image) {
          if (!stages.has(image.text.toLowerCase()) && image.text.toLowerCase() !== 'scratch')
            pulls.push(pull(image, ins, globals, 'FROM'));
          if (rest[1]?.text.toUpperCase() === 'AS' && rest[2]) stages.add(rest[2].text.toLowerCase());
        }
        stageArgs = new Map();
        stages.add(String(stageCount++));
        break;
      }
      case 'COPY':
      case 'ADD':
        for (const w of words) {
          const from = /^--from=(.+)$/.exec(w.text);
          if (from && !stages.has((from[1] as string).toLowerCase())) {
            pulls.push(
              pull(
                { text: from[1] as string, start: w.start + '--from='.length },
                ins,
                scope,
                keyword === 'COPY' ? 'COPY --from' : 'ADD --from',
              ),
            );
          }
        }
        break;
      case 'RUN':
        for (const w of words) {
          if (!w.text.startsWith('--mount=')) {
            if (!w.text.startsWith('--')) break;
            continue;
          }
          let offset = '--mount='.length;
          for (const option of w.text.slice(offset).split(',')) {
            const from = /^from=(.+)$/.exec(option);
            if (from && !stages.has((from[1] as string).toLowerCase())) {
              pulls.push(
                pull(
                  { text: from[1] as string, start: w.start + offset + 'from='.length },
                  ins,
                  scope,
                  'RUN --mount from',
                ),
              );
            }
            offset += option.length + 1;
          }
        }
        break;
      default:
    }
  }
  return { pulls, args };
}

function pull(
  word: { text: string; start: number },
  ins: Instruction,
  scope: Map<string, string | undefined>,
  instruction: ImagePull['instruction'],
): ImagePull {
  const raw = unquote(word.text);
  const { value, unresolved, used } = substitute(raw, scope);
  return { raw, resolved: value, unresolved, args: used, at: ins.where[word.start] as Position, instruction };
}

function substitute(
  s: string,
  scope: Map<string, string | undefined>,
): { value: string; unresolved: string[]; used: string[] } {
  const unresolved: string[] = [];
  const used: string[] = [];
  const value = s.replace(VARIABLE, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    used.push(name);
    const v = scope.get(name);
    if (v === undefined) {
      // `${NAME:-default}` falls back to its default.
      const fallback = /^\$\{[^:}]+:-([^}]*)\}$/.exec(whole)?.[1];
      if (fallback !== undefined) return fallback;
      unresolved.push(name);
      return whole;
    }
    return v;
  });
  return { value, unresolved, used };
}

const unquote = (s: string): string =>
  s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0]) ? s.slice(1, -1) : s;

/** Whitespace-separated words from `from`, with their offsets in the instruction text. */
function splitWords(text: string, from: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/** Joins continued lines into instructions, keeping each character's source position. */
function logicalLines(text: string, escape: string): Instruction[] {
  const lines = text.split('\n');
  const out: Instruction[] = [];
  let current: Instruction | undefined;
  let heredoc: string | undefined;
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      return;
    }
    const trimmed = line.trimStart();
    // Comments (and parser directives) are whole lines, also between continued lines.
    if (trimmed.startsWith('#') || (current === undefined && trimmed === '')) return;
    const continued = line.trimEnd().endsWith(escape);
    const body = continued ? line.trimEnd().slice(0, -1) : line;
    current ??= { text: '', where: [] };
    if (current.text !== '') {
      current.text += ' ';
      current.where.push({ line: i + 1, column: 1 });
    }
    for (let c = 0; c < body.length; c++) current.where.push({ line: i + 1, column: c + 1 });
    current.text += body;
    if (!continued) {
      const marker = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(current.text);
      if (marker && /^\s*(RUN|COPY|ADD)\b/i.test(current.text)) heredoc = marker[1];
      out.push(current);
      current = undefined;
    }
  });
  if (current) out.push(current);
  return out;
}
