export { promoteImage } from './promote-image.js';
export type { PromotedImage, PromoteImageRequest, PromoteOutcome, PromoteRefusal } from './promote-image.js';
