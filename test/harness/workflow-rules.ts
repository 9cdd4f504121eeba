/**
 * The rules every workflow in .github/workflows must keep (the supply-chain chapter's CI
 * hardening, made checkable):
 *
 * - schema: GitHub's own workflow parser (@actions/workflow-parser, the schema the Actions
 *   service and the VS Code extension use) accepts the file;
 * - pinned: every `uses:` is a local path (`./…`), a `docker://…@sha256:<64 hex>` image, or
 *   `owner/repo[/path]@<40 hex>`: a tag or branch is a mutable pointer in someone else's repo;
 * - version comment: a SHA pin carries `# vX.Y.Z`, which Renovate bumps together with the SHA;
 * - images pinned: every `container:` and `services:` image is `name[:tag]@sha256:<64 hex>` (a tag
 *   is as mutable as an action's), and says which version it is: the tag beside the digest
 *   (`registry:2.8.3@sha256:…`) or a `# 2.8.3` comment;
 * - permissions: every job declares `permissions:` instead of inheriting the repository default;
 * - secrets in run: `${{ secrets.* }}` never appears inside a `run:` script (the runner renders
 *   it into the script file); secrets reach steps through `env:`.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';

export type Rule = 'yaml' | 'schema' | 'pinned' | 'version-comment' | 'image-pinned' | 'permissions' | 'secret-in-run';

export interface Finding {
  rule: Rule;
  /** `file:line` of the offending node. */
  where: string;
  message: string;
}

const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const DOCKER_PIN = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /^\s*v?\d+(?:\.\d+){0,2}\b/;
const IMAGE_PIN = /^[^@\s]+@sha256:[0-9a-f]{64}$/;
/** `name:tag@…` in the last path segment (a colon in an earlier one is a registry port). */
const IMAGE_TAG = /^[^:@]+:\w[\w.-]*@/;
/** A tag-like word with a digit in it: `# 2.8.3`, `# bookworm-20260918`. */
const IMAGE_VERSION_COMMENT = /^\s*[\w.-]*\d[\w.-]*/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SECRETS_CONTEXT = /\bsecrets\s*(?:\.|\[)/;
const mentionsSecret = (script: string): boolean => [...script.matchAll(EXPRESSION)].some((m) => SECRETS_CONTEXT.test(m[1] ?? ''));

export async function checkWorkflow(file: string, content: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, keepSourceTokens: false });
  const at = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({ rule: 'yaml', where: `${file}:${e.linePos?.[0]?.line ?? '?'}`, message: e.message }));
  }

  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  for (const e of parsed.context.errors.getErrors()) findings.push({ rule: 'schema', where: file, message: e.message });
  if (parsed.value !== undefined && findings.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) findings.push({ rule: 'schema', where: file, message: e.Message });
  }

  const jobs = (doc.contents as YAMLMap | null)?.get?.('jobs', true);
  if (!isMap(jobs)) {
    if (findings.length === 0) findings.push({ rule: 'schema', where: file, message: 'no jobs mapping' });
    return findings;
  }
  for (const pair of jobs.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '?';
    const job = pair.value;
    if (!isMap(job)) continue;
    if (!job.has('permissions')) {
      findings.push({ rule: 'permissions', where: at(pair.key as Node), message: `job '${id}' has no permissions: (declare what its GITHUB_TOKEN may do, e.g. contents: read)` });
    }
    const reusable = job.get('uses', true);
    if (isScalar(reusable)) checkUses(reusable, `job '${id}'`);
    checkImage(job.get('container', true), `job '${id}' container`);
    const services = job.get('services', true);
    if (isMap(services)) {
      for (const svc of services.items) checkImage(svc.value as Node | null, `job '${id}' service '${isScalar(svc.key) ? String(svc.key.value) : '?'}'`);
    }
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, i) => {
      if (!isMap(step)) return;
      const name = step.get('name') ?? step.get('id') ?? `#${i + 1}`;
      const uses = step.get('uses', true);
      if (isScalar(uses)) checkUses(uses, `job '${id}' step '${name}'`);
      const run = step.get('run', true);
      if (isScalar(run) && typeof run.value === 'string' && mentionsSecret(run.value)) {
        findings.push({
          rule: 'secret-in-run',
          where: at(run),
          message: `job '${id}' step '${name}': \${{ secrets.* }} inside run: is rendered into the script; pass it through the step's env: and use "$NAME"`,
        });
      }
    });
  }
  return findings;

  /** A container/service: the image string itself, or a mapping with `image:`. */
  function checkImage(node: Node | null | undefined, what: string): void {
    const image = isMap(node) ? node.get('image', true) : node;
    if (!isScalar(image)) return;
    const ref = String(image.value);
    if (!IMAGE_PIN.test(ref)) {
      findings.push({ rule: 'image-pinned', where: at(image), message: `${what}: image ${ref} is not pinned by digest (write name:tag@sha256:<64 hex>; a tag can be moved under you)` });
      return;
    }
    const tagged = IMAGE_TAG.test(ref.slice(ref.lastIndexOf('/') + 1));
    if (!tagged && !IMAGE_VERSION_COMMENT.test(image.comment ?? '')) {
      findings.push({ rule: 'version-comment', where: at(image), message: `${what}: image ${ref} needs its tag beside the digest (name:tag@sha256:…) or a '# <tag>' comment, so a reader and Renovate know which version it is` });
    }
  }

  function checkUses(node: Scalar, what: string): void {
    const ref = String(node.value);
    if (ref.startsWith('./')) return;
    if (DOCKER_PIN.test(ref)) return;
    if (!SHA_PIN.test(ref)) {
      findings.push({ rule: 'pinned', where: at(node), message: `${what}: uses: ${ref} is not pinned to a 40-character commit SHA` });
      return;
    }
    if (!VERSION_COMMENT.test(node.comment ?? '')) {
      findings.push({ rule: 'version-comment', where: at(node), message: `${what}: uses: ${ref} needs a '# vX.Y.Z' comment for Renovate to bump with the SHA` });
    }
  }
}
