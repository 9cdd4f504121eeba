import { BydigestError } from '../errors.js';
import { parseReference, type RepoRef } from '../oci/reference.js';

/**
 * The repository the pipeline pushes to, checked before anything else: upper case first, with
 * its own fix, because GitHub owner and repository names allow it (`${{ github.repository }}`
 * is Owner/Name) and every registry refuses it, late, as "invalid reference format".
 */
export function checkImageName(image: string): RepoRef {
  const value = image.trim();
  const slash = value.indexOf('/');
  const path = slash >= 0 ? value.slice(slash + 1).replace(/[:@].*$/, '') : value;
  if (path !== path.toLowerCase()) {
    const lower = `${value.slice(0, slash + 1)}${path.toLowerCase()}`;
    throw new BydigestError(
      'INVALID_REFERENCE',
      `image ${JSON.stringify(value)} has upper-case letters: registries accept lower-case repository names only`,
      {
        reference: value,
        hint: `use ${JSON.stringify(lower)}; in a workflow lower-case the owner once, e.g. a step that runs echo "image=ghcr.io/\${GITHUB_REPOSITORY,,}" >>"$GITHUB_OUTPUT"`,
      },
    );
  }
  const ref = parseReference(value);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new BydigestError(
      'INVALID_REFERENCE',
      `image ${JSON.stringify(value)} carries a tag or digest: the preflight checks a repository`,
      {
        reference: value,
        hint: `pass ${ref.registry}/${ref.repository}; the tags go to capture-digest`,
      },
    );
  }
  return { registry: ref.registry, repository: ref.repository };
}
