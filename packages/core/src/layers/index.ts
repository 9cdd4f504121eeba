// The layer walk: paths found in an image's merged view, read from its layers as streams
// (generate-sbom reads package databases with it, check-host-trust the trust files).
export { findInImage, type FindRequest, type FoundFile, type FoundInImage } from './find-in-image.js';
export { findInRootfs } from './find-in-rootfs.js';
export { openLayoutImage, openRegistryImage, parseImageSource, parsePlatform, type ImageSourceSpec, type LayeredImage } from './image-source.js';
export { resolveInRoot, normalizeImagePath } from './image-path.js';
