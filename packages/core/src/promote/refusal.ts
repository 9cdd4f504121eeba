/** Why nothing was promoted: the caller's request needs changing (each code names the request field). */
export interface PromoteRefusal {
  /** UNSIGNED_SOURCE: requiredKeys; FOREIGN_IDENTITY: targets, signer, allowForeignIdentity, copySignatures. */
  code: 'UNSIGNED_SOURCE' | 'FOREIGN_IDENTITY';
  message: string;
  hint: string;
}
