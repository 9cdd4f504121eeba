/**
 * What an image of each rotation phase shows: the keys its own policy trusts and the keys its
 * `.sig` is signed with. containers/image accepts an image when any one signature verifies with
 * any trusted key (containers/image's rule), so each phase keeps every live host able to verify the next.
 */
export const ROTATION_PHASES = ['prepare', 'overlap', 'switch', 'retire'] as const;
export type RotationPhase = (typeof ROTATION_PHASES)[number];

/**
 * keyPaths: images trust both keys at once (needs containers/image ≥ 5.33 on hosts).
 * keyPath-swap: one keyPath whose file changes from the current key to the next in the release
 * that switches, every live release signed with both meanwhile (any containers/image).
 */
export const ROTATION_STRATEGIES = ['keyPaths', 'keyPath-swap'] as const;
export type RotationStrategy = (typeof ROTATION_STRATEGIES)[number];

export type KeySet = 'current' | 'next' | 'both';

export interface PhaseShape {
  /** The keys the candidate's own policy trusts: the hosts that will run it verify the release after it with these. */
  trusts: KeySet;
  /** The keys the candidate is signed with. */
  signedWith: KeySet;
  /** Whether the candidate may still trust the current key (retire and keyPath-swap's switch drop it). */
  keepsCurrent: boolean;
}

const SHAPES: Record<RotationStrategy, Record<RotationPhase, PhaseShape>> = {
  keyPaths: {
    prepare: { trusts: 'both', signedWith: 'current', keepsCurrent: true },
    overlap: { trusts: 'both', signedWith: 'both', keepsCurrent: true },
    switch: { trusts: 'both', signedWith: 'next', keepsCurrent: true },
    retire: { trusts: 'next', signedWith: 'next', keepsCurrent: false },
  },
  'keyPath-swap': {
    // With one keyPath the image cannot trust both: the overlap is in the signatures instead.
    prepare: { trusts: 'current', signedWith: 'both', keepsCurrent: true },
    overlap: { trusts: 'current', signedWith: 'both', keepsCurrent: true },
    switch: { trusts: 'next', signedWith: 'both', keepsCurrent: false },
    retire: { trusts: 'next', signedWith: 'next', keepsCurrent: false },
  },
};

export function phaseShape(strategy: RotationStrategy, phase: RotationPhase): PhaseShape {
  return SHAPES[strategy][phase];
}

/** The phases whose candidate hosts trusting only the current key cannot verify. */
export function dropsCurrentSignature(strategy: RotationStrategy, phase: RotationPhase): boolean {
  return phaseShape(strategy, phase).signedWith === 'next';
}
