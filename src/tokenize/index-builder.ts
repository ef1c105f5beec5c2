/**
 * Builds the index of a packed table (rank-lookup.ts has its layout): one pass over the tokens'
 * heads that writes each rank's record and puts its hash in a slot.
 *
 * Building the index is the first count's cost in a fresh process (o200k: ~70 ms as a Map,
 * 16–20 ms here), so it is made for that: the pass is a small WebAssembly loop (as JavaScript,
 * run once in a fresh process, most of it runs before V8 has optimised it: ~13 ms against ~6 ms
 * for o200k), with its JavaScript twin `indexJs` where WebAssembly is not available (and for the
 * test that compares the two).
 */
import { indexJs, type IndexFn } from './index-loop.js';
import { indexModuleBytes } from './index-wasm.js';

export { SLICE, ST_HEADS, ST_RANK, ST_TEXT, ST_TOKENS, STATE_BYTES } from './index-loop.js';
export type { IndexFn } from './index-loop.js';

// The project's lib settings carry no WebAssembly types: the little used here, declared.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
};

let wasmModule: object | null | undefined;
let wasmEnabled = true;

/** Tests switch the WebAssembly path off to compare it with the JavaScript one. */
export function setIndexWasmEnabled(on: boolean): void {
  wasmEnabled = on;
}

/** A zeroed buffer of at least `bytes` and the index loop over it: WebAssembly, else indexJs. */
export function indexer(bytes: number): { mem: ArrayBuffer; index: IndexFn; wasm: boolean } {
  if (wasmEnabled && wasmModule !== null) {
    try {
      wasmModule ??= new WebAssembly.Module(indexModuleBytes());
      const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
      const { index } = new WebAssembly.Instance(wasmModule, { m: { mem: memory } }).exports as { index: IndexFn };
      return { mem: memory.buffer, index, wasm: true };
    } catch {
      wasmModule = null; // no WebAssembly here: the JavaScript loop does the same work
    }
  }
  const mem = new ArrayBuffer((bytes + 7) & ~7);
  return { mem, index: (...args) => indexJs(mem, ...args), wasm: false };
}

/**
 * Slots for n tokens: a power of two, at most about half full (a miss probes ~2–3 slots; all
 * of them usually in one cache line).
 */
const SLOT_LOAD = 0.55;
export function slotsFor(n: number): number {
  let size = 16;
  while (size * SLOT_LOAD < n) size <<= 1;
  return size;
}
