/**
 * Above this size an SBOM is neither validated nor uploaded while the signer gets ready, and
 * attach-sbom's entry loads nothing more until the key is decoded: scrypt at cosign's N=65536
 * holds 64 MiB while it runs, and memory must stay bounded. A small SBOM overlaps it, to save the time.
 */
export const OVERLAP_WITH_SIGNER_MAX_BYTES = 32 * 1024 * 1024;
