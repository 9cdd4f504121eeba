import { describe, expect, it } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  backArrows,
  crossAreaReExports,
  fileCycles,
  importGraph,
  unplaced,
  type ImportGraph,
} from '../../../scripts/lib/import-graph.js';

/**
 * Core's areas, bottom first: a file may import its own layer and the layers below it, never one
 * above (a back-arrow), and no files import each other in a circle. A name is a folder or a file
 * under packages/core/src; the longest name holding a file places it. A new folder must be placed
 * here before anything imports it.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['util', 'errors.ts'],
  // The OCI model: digests, media types, references, manifests, tag lists.
  [
    'oci/digest.ts',
    'oci/media-types.ts',
    'oci/types.ts',
    'oci/reference.ts',
    'oci/manifest.ts',
    'oci/tags.ts',
    'oci/labels.ts',
  ],
  // Images on disk: OCI layout directories and oci-archive files.
  ['oci/layout'],
  // HTTP to a registry: credentials, challenges, tokens, retries.
  ['oci/remote/auth', 'oci/remote/http'],
  // The registry client and what is built on it (uploads, referrers, copies, pushes from a layout).
  ['oci/remote'],
  // The oci area's entry point.
  ['oci'],
  ['secrets'],
  // GitHub's REST API (refs, tags, impostor commits) and the pinning rules read with it.
  ['github'],
  ['pins'],
  // cosign's format vocabulary, then key material, then the signers that use it.
  ['cosign/constants.ts'],
  ['cosign/keys'],
  ['signer'],
  // The signature stores: legacy .sig manifests, then bundles, then keyless checks of both.
  ['cosign/legacy'],
  ['cosign/bundle'],
  ['cosign/keyless'],
  ['cosign'],
  ['sbom'],
  ['layers'],
  ['pkgdb'],
  ['inventory'],
  ['policy'],
  ['trust', 'verify'],
  // promoteImage composes the copy, the signature store and the signer.
  ['promote'],
  // The rotation gate judges releases with the trust reader and the policy evaluator.
  ['rotation'],
  // audit-tags judges every tag with verifyImage and the rotation's tag dates.
  ['audit'],
  // The preflight opens the key secrets and asks the registry before a pipeline pushes.
  ['preflight'],
  // The package's entry points gather every area.
  ['index.ts', 'keys.ts'],
];
const ENTRIES = ['index.ts', 'keys.ts'];

const coreSrc = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const core = importGraph(coreSrc);

describe("core's imports only point down", () => {
  it('places every file in a layer', () => {
    expect(unplaced(core.graph, LAYERS)).toEqual([]);
  });

  it('has no import up the layer order, nor out of core', () => {
    expect(backArrows(core.graph, LAYERS).map((a) => `${a.from} → ${a.to}`)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(fileCycles(core.graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('re-exports across areas only in the entry points', () => {
    expect(crossAreaReExports(core.reExports, ENTRIES).map((r) => `${r.from} → ${r.to}`)).toEqual([]);
  });

  it('reads the real tree (the rule is not vacuous)', () => {
    expect(core.graph.size).toBeGreaterThan(150);
    expect(core.graph.get('oci/remote/registry.ts')).toContain('oci/remote/http/transport.ts');
    expect(core.graph.get('cosign/legacy/sign-image.ts')).toContain('signer/signer.ts');
  });
});

describe('the rule fails on what it forbids', () => {
  /** Core's real graph with one planted edge. */
  const planted = (from: string, to: string): ImportGraph => {
    const graph = new Map([...core.graph].map(([f, edges]) => [f, new Set(edges)]));
    graph.get(from)?.add(to);
    return graph;
  };

  it('reports a planted back-arrow (keys importing the legacy store)', () => {
    const arrows = backArrows(planted('cosign/keys/keyfile.ts', 'cosign/legacy/signature-store.ts'), LAYERS);
    expect(arrows.map((a) => `${a.from} → ${a.to}`)).toEqual([
      'cosign/keys/keyfile.ts → cosign/legacy/signature-store.ts',
    ]);
  });

  it('reports a planted back-arrow inside oci (a layout reading through the registry client)', () => {
    const arrows = backArrows(planted('oci/layout/archive.ts', 'oci/remote/registry.ts'), LAYERS);
    expect(arrows.map((a) => `${a.from} → ${a.to}`)).toEqual(['oci/layout/archive.ts → oci/remote/registry.ts']);
  });

  it('reports a planted cycle inside one layer', () => {
    const cycles = fileCycles(planted('oci/remote/blob-upload.ts', 'oci/remote/registry.ts'));
    expect(cycles).toHaveLength(1);
    expect(new Set(cycles[0])).toEqual(new Set(['oci/remote/blob-upload.ts', 'oci/remote/registry.ts']));
  });

  it('reports an import out of core and a file no layer names', () => {
    const graph = planted('oci/remote/registry.ts', '../../action-kit/src/run.ts');
    graph.set('newarea/thing.ts', new Set(['errors.ts']));
    expect(backArrows(graph, LAYERS).map((a) => a.to)).toEqual(['../../action-kit/src/run.ts']);
    expect(unplaced(graph, LAYERS)).toEqual(['newarea/thing.ts']);
  });

  it('reports a re-export across areas outside the entry points', () => {
    const reExports = new Map(core.reExports);
    reExports.set('policy/index.ts', new Set(['cosign/legacy/signature-store.ts']));
    expect(crossAreaReExports(reExports, ENTRIES)).toEqual([
      { from: 'policy/index.ts', to: 'cosign/legacy/signature-store.ts' },
    ]);
  });
});
