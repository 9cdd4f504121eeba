import { choiceInput, InputError, rawInput, setSecret, truncate } from '@bydigest/action-kit';
import { DEFAULT_PATHS, installerTable, parseIgnore, type CheckOptions } from '@bydigest/core/pins';
import { isAbsolute } from 'node:path';

export interface CheckPinsInputs {
  paths: string[];
  options: CheckOptions;
  mode: 'check' | 'fix';
  /** Empty: the checks that ask GitHub are skipped, with a notice. */
  githubToken: string;
}

/** One entry per line; blank lines and `#` comments skipped. */
function lines(name: string): string[] {
  return rawInput(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function parsed<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new InputError(name, (e as Error).message.replace(`${name}: `, ''), (e as { hint?: string }).hint);
  }
}

export function readInputs(): CheckPinsInputs {
  const githubToken = rawInput('github-token');
  if (githubToken) setSecret(githubToken);
  const paths = lines('paths');
  for (const p of paths) {
    if (isAbsolute(p) || p.split(/[\\/]/).includes('..')) {
      throw new InputError(
        'paths',
        `${JSON.stringify(truncate(p))} is outside the checkout`,
        'give paths relative to the checkout, without .. (check-pins reads and writes nothing outside it)',
      );
    }
  }
  const mode = choiceInput('mode', ['check', 'fix'] as const, 'check');
  if (mode === 'fix' && !githubToken) {
    throw new InputError(
      'github-token',
      'is empty, but mode: fix looks up the commit each tag points at',
      'leave github-token at its default (${{ github.token }}), or use mode: check',
    );
  }
  const allowFloating = lines('allow-floating');
  for (const a of allowFloating) {
    if (/\s/.test(a) || a.includes('${'))
      throw new InputError(
        'allow-floating',
        `${JSON.stringify(truncate(a))} is not an image reference`,
        'give one image reference per line, as FROM has it after the ARG defaults',
      );
  }
  return {
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    options: {
      allowFloating,
      ignore: parsed('ignore', () => parseIgnore(lines('ignore'))),
      installers: parsed('installers', () => installerTable(lines('installers'))),
    },
    mode,
    githubToken,
  };
}
