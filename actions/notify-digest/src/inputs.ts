import { setSecret } from '@actions/core';
import { InputError, listInput, rawInput, truncate, withInput } from '@bydigest/action-kit';
import { parseDigestReference, parseReference } from '@bydigest/core';
import { type Job, parseNeeds } from './needs.js';
import { TARGETS, type Target } from './targets.js';

export interface NotifyInputs {
  jobs: Job[];
  imageRefs: string[];
  tags: string[];
  signatureRef?: string;
  sbomRef?: string;
  publish: Set<Target>;
  /** The variable ntfy-url-env names, for the log. */
  ntfyUrlEnv: string;
  /** Its value; undefined makes ntfy a no-op. */
  ntfyUrl?: string;
  githubToken: string;
  keyLocation: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readInputs(env: NodeJS.ProcessEnv = process.env): NotifyInputs {
  // Both secrets are masked before anything else can print them, including an error about another input.
  const token = rawInput('github-token');
  if (token) setSecret(token);
  const ntfyUrlEnv = rawInput('ntfy-url-env') || 'NTFY_URL';
  if (!ENV_NAME.test(ntfyUrlEnv)) {
    if (/^[a-z]+:\/\//i.test(ntfyUrlEnv)) setSecret(ntfyUrlEnv);
    throw new InputError(
      'ntfy-url-env',
      /^[a-z]+:\/\//i.test(ntfyUrlEnv)
        ? 'holds a URL, not the name of an environment variable'
        : `${JSON.stringify(truncate(ntfyUrlEnv))} is not an environment variable name`,
      "pass the topic URL through the step's env: (NTFY_URL: ${{ secrets.NTFY_URL }}) and name that variable here; a URL in with: lands in the workflow file and logs",
    );
  }
  const ntfyUrl = env[ntfyUrlEnv]?.trim() || undefined;
  if (ntfyUrl) setSecret(ntfyUrl);

  const raw = rawInput('needs');
  if (raw === '') throw new InputError('needs', 'is required but empty', 'pass `needs: ${{ toJSON(needs) }}`');
  const jobs = withInput('needs', () => parseNeeds(raw));

  const imageRefs = listInput('image-ref');
  for (const r of imageRefs) withInput('image-ref', () => parseDigestReference(r));
  const signatureRef = rawInput('signature-ref') || undefined;
  if (signatureRef) withInput('signature-ref', () => parseReference(signatureRef));
  const sbomRef = rawInput('sbom-ref') || undefined;
  if (sbomRef) withInput('sbom-ref', () => parseDigestReference(sbomRef));
  if (imageRefs.length > 1 && (signatureRef || sbomRef || rawInput('tags'))) {
    throw new InputError(
      'image-ref',
      'lists several images, but tags, signature-ref or sbom-ref can only describe one',
      "give one image-ref, or let each image's refs come from needs",
    );
  }

  const publish = new Set<Target>(['summary']);
  for (const t of listInput('publish')) {
    if (!(TARGETS as readonly string[]).includes(t))
      throw new InputError(
        'publish',
        `unknown target ${JSON.stringify(truncate(t))}`,
        `choose from ${TARGETS.join(', ')}`,
      );
    publish.add(t as Target);
  }
  const needsToken = [...publish].filter((t) => t !== 'summary');
  if (needsToken.length > 0 && !token) {
    throw new InputError(
      'github-token',
      `is empty, but publish lists ${needsToken.join(', ')}`,
      'leave github-token at its default (${{ github.token }}) or publish only summary',
    );
  }
  return {
    jobs,
    imageRefs,
    tags: listInput('tags'),
    ...(signatureRef ? { signatureRef } : {}),
    ...(sbomRef ? { sbomRef } : {}),
    publish,
    ntfyUrlEnv,
    ...(ntfyUrl ? { ntfyUrl } : {}),
    githubToken: token,
    keyLocation: keyLocation(),
  };
}

/** Printed into shell commands and Markdown: one word, nothing a shell or Markdown would read. */
function keyLocation(): string {
  const raw = rawInput('key-location') || 'cosign.pub';
  // No shell metacharacters: users paste the command as printed.
  if (!/^[A-Za-z0-9._~:/@=%+,-]+$/.test(raw)) {
    throw new InputError(
      'key-location',
      `${JSON.stringify(truncate(raw))} is not a path or URL a user can paste after --key`,
      'give a path such as cosign.pub or an https URL of letters, digits and . _ ~ : / @ = % + , -',
    );
  }
  return raw;
}
