/**
 * The determinism check in bounded pieces. Generating a scene costs a few microseconds per
 * pixel, so the server hashes at most FINGERPRINT_MAX_PIXELS per request (about 50 ms of its
 * event loop); a longer range is asked for in chunks, and the chunks' digests are combined.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { hashScenes } from "./serialize";

/** Scene pixels (count × size²) one fingerprint request may hash: 16 scenes at the default size 32. */
export const FINGERPRINT_MAX_PIXELS = 16 * 32 * 32;

/** The most scenes of side `size` one request may hash. */
export const fingerprintChunkSize = (size: number): number => Math.max(1, Math.floor(FINGERPRINT_MAX_PIXELS / (size * size)));

/** `seeds` cut into the chunks the server is asked for, in order. */
export function fingerprintChunks<T>(seeds: readonly T[], size = 32): T[][] {
  const n = fingerprintChunkSize(size);
  const out: T[][] = [];
  for (let i = 0; i < seeds.length; i += n) out.push(seeds.slice(i, i + n));
  return out;
}

/** SHA-256 over the chunks' hex digests, in order: equal iff every chunk is equal. */
export const combineDigests = (digests: readonly string[]): string => bytesToHex(sha256(utf8ToBytes(digests.join("\n"))));

/** The fingerprint of `seeds` as the chunked check computes it (browser, server and tests alike). */
export const chunkedFingerprint = (seeds: readonly number[], size = 32): string =>
  combineDigests(fingerprintChunks(seeds, size).map((chunk) => hashScenes(chunk, { size })));
