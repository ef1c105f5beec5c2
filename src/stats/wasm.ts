/**
 * The bootstrap's draw-and-sum loop as a 400-byte WebAssembly function, assembled here from the
 * instruction list below (no build step, no binary blob). JavaScript has no 64-bit integer
 * multiply, so a PCG32 step there is a dozen 16-bit pieces: ~12 ns per draw against ~3 ns here
 * (20 features × 10,000 units × 2,000 resamples: ~5 s → ~1.2 s of CPU).
 *
 * It computes exactly what stats-resample.ts's JavaScript path computes, bit for bit: the same
 * PCG32 steps (i64 arithmetic is exact), the same two 16-bit Lemire draws per output with the
 * leftover half dropped at the end of each resample (Pcg32.fillBelowHalves), and the same
 * left-to-right float64 sums of the drawn units' (weight, weight × base, weight × head).
 * tests/diff/bootstrap-wasm.test.ts compares the two on random features.
 */
import type { Pcg32 } from './pcg32.js';
import { sleb, uleb } from '../wasm/index.js';

// The project's lib settings carry no WebAssembly types: the little used here, declared.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

// --- a minimal assembler: just the encodings this function uses ---------------------------------

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

const I32 = 0x7f;
const I64 = 0x7e;
const F64 = 0x7c;
const get = (i: number): number[] => [0x20, ...uleb(i)];
const set = (i: number): number[] => [0x21, ...uleb(i)];
const tee = (i: number): number[] => [0x22, ...uleb(i)];
const i32 = (v: number): number[] => [0x41, ...sleb(v)];
const i64 = (v: bigint | number): number[] => [0x42, ...sleb(v)];
const F64_ZERO = [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
const load64 = (off: number): number[] => [0x29, 3, ...uleb(off)];
const store64 = (off: number): number[] => [0x37, 3, ...uleb(off)];
const loadF64 = (off: number): number[] => [0x2b, 3, ...uleb(off)];
const storeF64 = (off: number): number[] => [0x39, 3, ...uleb(off)];
const [I32_ADD, I32_MUL, I32_REM_U, I32_AND, I32_SHR_U, I32_ROTR, I32_GE_U, I32_LT_U, I32_EQ] = [
  0x6a, 0x6c, 0x70, 0x71, 0x76, 0x78, 0x4f, 0x49, 0x46,
];
const [I64_ADD, I64_MUL, I64_XOR, I64_SHR_U, I32_WRAP_I64, F64_ADD] = [0x7c, 0x7e, 0x85, 0x88, 0xa7, 0xa0];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const END = 0x0b;
const br = (depth: number): number[] => [0x0c, ...uleb(depth)];
const brIf = (depth: number): number[] => [0x0d, ...uleb(depth)];

/** PCG32's multiplier (6364136223846793005). */
const MUL = 0x5851f42d4c957f2dn;

// resample(n, resamples, packed, sums, state): for each of `resamples` resamples, draw n unit
// indices and write Σ weight, Σ weight·base, Σ weight·head of the drawn units to sums[3r … 3r+2];
// packed holds (weight, weight·base, weight·head) per unit; state holds the generator's 64-bit
// state then its increment, and gets the state back. Requires 1 ≤ n ≤ 65536.
// Locals: 0 n, 1 resamples, 2 packed, 3 sums, 4 state (params); 5 s, 6 inc, 7 old (i64);
// 8 r, 9 k, 10 x, 11 m, 12 threshold, 13 address (i32); 14 Σw, 15 Σwb, 16 Σwh (f64).

/** One 16-bit half (on the stack) through Lemire's L = 16 test; accepted draws are summed. */
const takeHalf = (half: number[]): number[] => [
  ...half,
  ...get(0),
  I32_MUL,
  ...tee(11),
  ...i32(0xffff),
  I32_AND,
  ...get(12),
  I32_GE_U,
  ...IF,
  ...get(11),
  ...i32(16),
  I32_SHR_U,
  ...i32(24),
  I32_MUL,
  ...get(2),
  I32_ADD,
  ...set(13),
  ...get(14),
  ...get(13),
  ...loadF64(0),
  F64_ADD,
  ...set(14),
  ...get(15),
  ...get(13),
  ...loadF64(8),
  F64_ADD,
  ...set(15),
  ...get(16),
  ...get(13),
  ...loadF64(16),
  F64_ADD,
  ...set(16),
  // k += 1; when k = n this resample is complete (a leftover half is dropped): leave the draw loop.
  ...get(9),
  ...i32(1),
  I32_ADD,
  ...tee(9),
  ...get(0),
  I32_EQ,
  ...brIf(2),
  END,
];

const BODY: number[] = [
  ...get(4),
  ...load64(0),
  ...set(5),
  ...get(4),
  ...load64(8),
  ...set(6),
  ...i32(65536),
  ...get(0),
  I32_REM_U,
  ...set(12),
  ...i32(0),
  ...set(8),
  ...BLOCK,
  ...get(8),
  ...get(1),
  I32_GE_U,
  ...brIf(0),
  ...LOOP, // one resample
  ...F64_ZERO,
  ...set(14),
  ...F64_ZERO,
  ...set(15),
  ...F64_ZERO,
  ...set(16),
  ...i32(0),
  ...set(9),
  ...BLOCK,
  ...LOOP, // one generator output
  // old = s; s = old × MUL + inc
  ...get(5),
  ...tee(7),
  ...i64(MUL),
  I64_MUL,
  ...get(6),
  I64_ADD,
  ...set(5),
  // x = rotr32(((old >> 18) ^ old) >> 27, old >> 59)
  ...get(7),
  ...i64(18),
  I64_SHR_U,
  ...get(7),
  I64_XOR,
  ...i64(27),
  I64_SHR_U,
  I32_WRAP_I64,
  ...get(7),
  ...i64(59),
  I64_SHR_U,
  I32_WRAP_I64,
  I32_ROTR,
  ...set(10),
  ...takeHalf([...get(10), ...i32(16), I32_SHR_U]),
  ...takeHalf([...get(10), ...i32(0xffff), I32_AND]),
  ...br(0),
  END,
  END,
  ...get(3),
  ...get(8),
  ...i32(24),
  I32_MUL,
  I32_ADD,
  ...tee(13),
  ...get(14),
  ...storeF64(0),
  ...get(13),
  ...get(15),
  ...storeF64(8),
  ...get(13),
  ...get(16),
  ...storeF64(16),
  ...get(8),
  ...i32(1),
  I32_ADD,
  ...tee(8),
  ...get(1),
  I32_LT_U,
  ...brIf(0),
  END,
  END,
  ...get(4),
  ...get(5),
  ...store64(0),
  END,
];

/** The module: one function `resample`, one exported memory. */
export function wasmModuleBytes(): Uint8Array {
  const code = [
    ...vec([
      [...uleb(3), I64],
      [...uleb(6), I32],
      [...uleb(3), F64],
    ]),
    ...BODY,
  ];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([])]])),
    ...section(3, vec([uleb(0)])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name('resample'), 0x00, 0],
        [...name('mem'), 0x02, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(code.length), ...code]])),
  ]);
}

// --- running it ----------------------------------------------------------------------------------

interface Instance {
  resample: (n: number, resamples: number, packed: number, sums: number, state: number) => void;
  mem: WasmMemory;
}

let instance: Instance | null | undefined;
let enabled = true;
let served = 0;

function load(): Instance | null {
  if (instance !== undefined) return instance;
  try {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(wasmModuleBytes()), {});
    instance = inst.exports as unknown as Instance;
  } catch {
    instance = null; // no WebAssembly here: the JavaScript path does the same work
  }
  return instance;
}

/** Tests switch the WebAssembly path off to compare it with the JavaScript one. */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Resamples computed by the WebAssembly function so far in this process. Tests read it to prove
 * the module really ran: a module that fails to compile falls back to JavaScript silently.
 */
export function wasmResamplesServed(): number {
  return served;
}

/** Largest unit count the 16-bit draws serve (above it, one 32-bit output per draw: JavaScript). */
export const WASM_MAX_UNITS = 65536;

/**
 * Sums of `resamples` resamples of n units: [Σw, Σwb, Σwh] per resample, or null when the
 * WebAssembly path is not available (the caller then runs the JavaScript loop). Advances `rng`
 * exactly as that loop would.
 */
export function wasmResampleSums(rng: Pcg32, packed: Float64Array, n: number, resamples: number): Float64Array | null {
  if (!enabled || n < 1 || n > WASM_MAX_UNITS) return null;
  const w = load();
  if (!w) return null;
  const STATE = 0;
  const PACKED = 16;
  const SUMS = PACKED + 24 * n;
  const need = SUMS + 24 * resamples;
  if (w.mem.buffer.byteLength < need) w.mem.grow(Math.ceil((need - w.mem.buffer.byteLength) / 65536));
  new Float64Array(w.mem.buffer, PACKED, 3 * n).set(packed.subarray(0, 3 * n));
  const s = rng.rawState();
  const words = new Int32Array(w.mem.buffer, STATE, 4);
  // i64 little-endian: low word first. Pcg32 keeps [state hi, state lo, inc hi, inc lo].
  words[0] = s[1]!;
  words[1] = s[0]!;
  words[2] = s[3]!;
  words[3] = s[2]!;
  // In slices: a WebAssembly function is optimised for its next call, so long runs benefit.
  const SLICE = 64;
  for (let r = 0; r < resamples; r += SLICE)
    w.resample(n, Math.min(SLICE, resamples - r), PACKED, SUMS + 24 * r, STATE);
  s[0] = words[1]!;
  s[1] = words[0]!;
  served += resamples;
  return new Float64Array(w.mem.buffer.slice(SUMS, SUMS + 24 * resamples));
}
