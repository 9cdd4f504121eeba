export { checkRotation } from './gate.js';
export type { RotationReport } from './gate.js';
export { ROTATION_PHASES, ROTATION_STRATEGIES, phaseShape } from './phases.js';
export type { RotationPhase, RotationStrategy } from './phases.js';
export { parseLiveWindow, tagDate, isoDay } from './live-window.js';
export type { LiveWindow } from './live-window.js';
export { writeRecoveryFiles } from './recovery.js';
