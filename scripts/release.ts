/**
 * pnpm release [X.Y.Z | vX.Y.Z] [--dry-run] [--tagged] [--repository owner/name] [--notes-file FILE]
 *
 * Checks that the checked-out commit can be released as X.Y.Z (default: the root package.json's
 * version): CHANGELOG.md has its section, every package.json says X.Y.Z, the tag vX.Y.Z does not
 * exist yet (with --tagged: exists, annotated, at this commit), nothing is uncommitted, and dist/
 * equals a fresh build. Then renders the release notes: the changelog section and a pinning table.
 *
 *   --dry-run     print the checks, the tag and the notes; write nothing
 *   (default)     create the annotated tag vX.Y.Z at HEAD and write the notes to --notes-file
 *   --tagged      the tag was pushed by a maintainer: check it instead of creating it
 *
 * The tag is made here, with git, and pushed by the workflow; the GitHub Release is made by the
 * workflow with `gh release create --verify-tag --notes-file`. Git rather than the REST API for the
 * tag: the same code path runs in a local clone (and its tests) as on the runner, and the tag is a
 * real annotated git object whatever the hosting; gh rather than a hand-written API client for the
 * release: it takes the token from the environment only, never argv, and is on every runner.
 * Exit 1 on a refusal, naming each problem.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnnotatedTag } from './lib/release/git.js';
import { planRelease, type ReleasePlan } from './lib/release/plan.js';
import { ReleaseRefusal } from './lib/release/refusal.js';
import { parseVersion } from './lib/release/version.js';

const PLACEHOLDER_REPOSITORY = '<owner>/bydigest';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

async function main(argv: string[]): Promise<number> {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      tagged: { type: 'boolean', default: false },
      repository: { type: 'string' },
      'notes-file': { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new ReleaseRefusal([`one version at most, got ${positionals.join(' ')}`]);
  const dryRun = values['dry-run'];
  const version = parseVersion(positionals[0] ?? rootVersion(root));

  const repository = values.repository ?? process.env.GITHUB_REPOSITORY ?? (dryRun ? PLACEHOLDER_REPOSITORY : '');
  if (repository !== PLACEHOLDER_REPOSITORY && !REPOSITORY.test(repository)) {
    throw new ReleaseRefusal([
      `repository ${JSON.stringify(repository)} is not owner/name (pass --repository owner/bydigest, or set GITHUB_REPOSITORY)`,
    ]);
  }
  const notesFile = values['notes-file'];
  if (!dryRun && !notesFile)
    throw new ReleaseRefusal([
      '--notes-file FILE is needed without --dry-run (where the release notes go for gh release create)',
    ]);

  const plan = await planRelease(root, {
    version,
    repository,
    tagged: values.tagged,
    buildCache: process.env.BYDIGEST_RELEASE_BUILD_CACHE || undefined,
    log: (l) => console.error(l),
  });
  report(plan, dryRun);
  if (dryRun) {
    console.log('dry run: nothing written');
    return 0;
  }
  if (!plan.tagged) createAnnotatedTag(root, plan.tag, plan.sha, `bydigest ${plan.tag}`);
  writeFileSync(notesFile as string, plan.notes);
  console.log(
    `${plan.tagged ? 'checked' : 'created'} annotated tag ${plan.tag} at ${plan.sha}; release notes in ${notesFile}`,
  );
  return 0;
}

function report(plan: ReleasePlan, dryRun: boolean): void {
  const would = dryRun ? 'would ' : '';
  console.log(`release ${plan.tag} of ${plan.repository} at ${plan.sha}`);
  console.log(`  ok CHANGELOG.md has a section for ${plan.version}`);
  console.log(`  ok every package.json is at ${plan.version}`);
  console.log(
    plan.tagged
      ? `  ok tag ${plan.tag} is annotated and points at this commit`
      : `  ok tag ${plan.tag} does not exist yet`,
  );
  console.log('  ok no uncommitted changes');
  console.log(`  ok dist/ equals a fresh build (${plan.distFiles} files)`);
  console.log(
    plan.tagged
      ? `${would}use the pushed tag ${plan.tag}`
      : `${would}create annotated tag ${plan.tag} at ${plan.sha} ("bydigest ${plan.tag}")`,
  );
  console.log(`${would}publish the release ${plan.tag} with these notes:`);
  console.log('----------------------------------------------------------------');
  console.log(plan.notes.trimEnd());
  console.log('----------------------------------------------------------------');
}

function rootVersion(root: string): string {
  const v = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof v !== 'string')
    throw new ReleaseRefusal(['no version given and package.json has none (pnpm release X.Y.Z)']);
  return v;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ReleaseRefusal) {
      console.error(`release refused:\n${e.message}`);
    } else {
      console.error(`release failed: ${(e as Error).message ?? String(e)}`);
    }
    process.exit(1);
  },
);
