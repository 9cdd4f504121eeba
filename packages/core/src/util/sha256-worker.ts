import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A running sha256 over chunks. `update` resolves when the chunk's bytes have been read, so the
 * caller may then overwrite its buffer; `hex` gives the digest of everything updated.
 */
export interface ChunkDigest {
  update(chunk: Uint8Array): Promise<void> | undefined;
  hex(): Promise<string>;
  /** Resolves once no chunk given to `update` is still being read. */
  idle(): Promise<void>;
  /** The digest is no longer wanted (a walk abandoned part-way). */
  drop(): void;
}

/** On this thread: each update is done when it returns. */
export function localDigest(): ChunkDigest {
  const hash = createHash('sha256');
  return {
    update: (chunk) => void hash.update(chunk),
    hex: async () => hash.copy().digest('hex'),
    idle: async () => undefined,
    drop: () => undefined,
  };
}

/**
 * A digest taken on a worker thread from chunks in shared memory (no copy): a layer walk is
 * otherwise one core hashing while the inflate on the thread pool waits for it (a GiB of layers
 * is ~1 s of sha256). Only chunks backed by a SharedArrayBuffer can be sent; on a single core, or
 * where a worker cannot start, the digest is taken on this thread.
 */
export function sharedMemoryDigest(): ChunkDigest {
  const worker = hashWorker();
  return worker ? worker.open() : localDigest();
}

// The worker's source travels inline: each action is bundled into one file, with no room for a
// second entry point beside it. It reads its modules as either a script or a module can, and the
// parent's flags (a loader, --input-type) are not passed on.
const WORKER_SOURCE = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
const { createHash } = process.getBuiltinModule('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) hashes.set(m.id, (h = createHash('sha256')));
    h.update(new Uint8Array(m.buffer, m.offset, m.length));
    parentPort.postMessage({ id: m.id });
  } else if (m.op === 'hex') {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: h.digest('hex') });
  } else hashes.delete(m.id);
});
`;

interface Waiter {
  resolve(hex?: string): void;
  reject(e: Error): void;
}

class HashWorker {
  private readonly worker: Worker;
  private nextId = 0;
  /** Replies come back in the order of requests, per digest. */
  private readonly waiting = new Map<number, Waiter[]>();
  private pending = 0;
  private failed: Error | undefined;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    // Idle, the worker must not keep the process alive; while a reply is awaited it must.
    this.worker.unref();
    this.worker.on('message', (m: { id: number; hex?: string }) => {
      const queue = this.waiting.get(m.id);
      const w = queue?.shift();
      if (queue?.length === 0) this.waiting.delete(m.id);
      this.settled();
      w?.resolve(m.hex);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the sha256 worker stopped')));
  }

  open(): ChunkDigest {
    const id = this.nextId++;
    let dropped = false;
    // The worker answers one digest's requests in order: the last update read means all were.
    let last: Promise<unknown> = Promise.resolve();
    return {
      update: (chunk) => {
        if (!(chunk.buffer instanceof SharedArrayBuffer)) throw new Error('sha256 worker: chunk is not shared memory');
        const read = this.request(id, {
          op: 'update',
          id,
          buffer: chunk.buffer,
          offset: chunk.byteOffset,
          length: chunk.length,
        }).then(() => undefined);
        last = read.catch(() => undefined);
        return read;
      },
      idle: () => last.then(() => undefined),
      hex: () => this.request(id, { op: 'hex', id }).then((hex) => hex as string),
      drop: () => {
        if (dropped) return;
        dropped = true;
        if (!this.failed) this.worker.postMessage({ op: 'drop', id });
      },
    };
  }

  private request(id: number, message: object): Promise<string | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(id) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(id, queue);
      if (this.pending++ === 0) this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  private settled(): void {
    if (--this.pending === 0) this.worker.unref();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    worker = undefined;
    for (const queue of this.waiting.values()) for (const w of queue) w.reject(this.failed);
    this.waiting.clear();
    this.pending = 0;
  }
}

let worker: HashWorker | undefined;
let unavailable = false;

function hashWorker(): HashWorker | undefined {
  if (unavailable) return undefined;
  if (!worker) {
    if (availableParallelism() < 2) {
      unavailable = true;
      return undefined;
    }
    try {
      worker = new HashWorker();
    } catch {
      unavailable = true;
    }
  }
  return worker;
}
