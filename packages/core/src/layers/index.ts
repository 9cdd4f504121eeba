// The layer walk: paths found in an image's merged view, read from its layers as streams
// (generate-sbom reads package databases with it, check-host-trust the trust files).
export { parseImageSource, parsePlatform } from './image-source.js';
