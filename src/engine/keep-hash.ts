/**
 * The text hash a `keep` entry names a removal by: the first 16 hex digits
 * (64 bits) of the SHA-256 of the removal's exact removed text, as UTF-8.
 *
 * One function, so the engine that honours a `keep: [{textHash}]` entry and
 * the review report that writes one agree byte for byte. SHA-256 (not a fast
 * non-cryptographic hash) so anyone can recompute it with standard tools:
 * `printf '%s' "$text" | sha256sum | cut -c1-16`. 64 bits make an accidental
 * collision between two spans of one corpus negligible (about 1 in 10^8 at
 * 10^5 distinct removals).
 *
 * @example
 *   keepHash('abc') // → 'ba7816bf8f01cfea'
 */
import {sha256} from '@noble/hashes/sha2.js'
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js'

/** Hex digits of a keep hash. */
export const KEEP_HASH_LENGTH = 16

/** The keep hash of a removal's exact text. */
export function keepHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, KEEP_HASH_LENGTH)
}
