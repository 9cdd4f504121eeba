export { verifyImage } from './verify-image.js';
export type { ImageVerdict, VerifyImageRequest } from './verify-image.js';
export { verificationFailure } from './failure.js';
export { summaryRows, verdictLines } from './summary-rows.js';
