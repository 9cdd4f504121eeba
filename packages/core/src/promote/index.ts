export { promoteImage } from './promote-image.js';
export type { PromotedImage, PromoteRefusal } from './promote-image.js';
