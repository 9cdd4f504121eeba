import { loadSigningKey } from '../cosign/keys/key-source.js';
import type { SigningKey } from '../cosign/keys/signing-key.js';

const ignore = () => undefined;

/**
 * A cosign key being decoded (scrypt runs on libuv's pool while the caller does other work).
 * It owns its rejection: a failure is kept until someone asks, and never surfaces as an
 * unhandled rejection while nobody is waiting yet.
 */
export class PendingKey {
  readonly #key: Promise<SigningKey>;
  readonly #parsed: Promise<void>;

  private constructor(key: Promise<SigningKey>, parsed: Promise<void>) {
    this.#key = key;
    this.#parsed = parsed;
    key.catch(ignore);
    parsed.catch(ignore);
  }

  /**
   * Starts decoding `spec` (`env://NAME` or a key file) with the password in `passwordEnv`.
   * The input is read and parsed synchronously, so scrypt starts in the caller's tick.
   */
  static start(spec: string, passwordEnv: string, env: NodeJS.ProcessEnv): PendingKey {
    let parsedOk!: () => void;
    const parsed = new Promise<void>((resolve) => (parsedOk = resolve));
    const key = loadSigningKey(spec, passwordEnv, env, { onParsed: () => parsedOk() });
    return new PendingKey(key, Promise.race([parsed, key.then(ignore)]));
  }

  /** A key already decoded. */
  static of(key: SigningKey): PendingKey {
    return new PendingKey(Promise.resolve(key), Promise.resolve());
  }

  /** Settles once the key input is read and well-formed (not the password: that needs scrypt). */
  parsed(): Promise<void> {
    return this.#parsed;
  }

  /** The decoded key, or the reason it could not be decoded (a wrong password, a bad file). */
  key(): Promise<SigningKey> {
    return this.#key;
  }
}
