// The bundle's entry (dist/attach-sbom/index.js): the key starts decoding (scrypt) before the
// toolkit and the registry client load.
import { statSync } from 'node:fs';
import { startSigningKeys } from '@bydigest/action-kit/early-key';
import { runnerFilesPresent } from '@bydigest/action-kit/entry';
import { OVERLAP_WITH_SIGNER_MAX_BYTES } from '@bydigest/core/keys';

if (runnerFilesPresent()) {
  const signingKeys = startSigningKeys({ unless: 'sign' });
  // A large SBOM waits for the keys anyway (attachSbom). Waiting here, before main's modules load,
  // keeps them (~20 MB) out of memory while scrypt holds its 64 MiB: the 200 MB test peaked at
  // 131-148 MB with both at once, 113 MB without. A small SBOM keeps the overlap, for the time.
  if (signingKeys && sbomBytes() > OVERLAP_WITH_SIGNER_MAX_BYTES)
    await Promise.all(signingKeys.keys.map((k) => k.pending.key().then(settled, settled)));
  const { run } = await import('./main.js');
  await run(signingKeys);
}

/** The size of the `sbom` input's file; 0 when it cannot be read (main reports that, naming the input). */
function sbomBytes(): number {
  try {
    return statSync((process.env.INPUT_SBOM ?? '').trim()).size;
  } catch {
    return 0;
  }
}

/** A wrong password or a bad key is reported by main, with its input named; here the wait only ends. */
function settled(): void {}
