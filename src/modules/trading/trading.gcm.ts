/**
 * Galois/Counter Mode (NIST SP 800-38D) over a 128-bit block cipher given as its ECB encryption, for the
 * ciphers Node's OpenSSL offers without GCM (SM4). 96-bit IVs, the 16-byte tag appended
 * to the ciphertext (as WebCrypto writes it). Tested against Node's own AES-256-GCM.
 */
import { createCipheriv, timingSafeEqual } from 'node:crypto';

const R = 0xe1n << 120n;

/** Multiplication in GF(2^128) as GCM defines it (bit 0 is the most significant). */
function gmul(x: bigint, y: bigint): bigint {
  let z = 0n;
  let v = y;
  for (let i = 127; i >= 0; i--) {
    if ((x >> BigInt(i)) & 1n) z ^= v;
    v = v & 1n ? (v >> 1n) ^ R : v >> 1n;
  }
  return z;
}

const toBig = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const toBlock = (n: bigint): Buffer => Buffer.from(n.toString(16).padStart(32, '0'), 'hex');

function ghash(h: bigint, aad: Buffer, ciphertext: Buffer): bigint {
  let y = 0n;
  for (const data of [aad, ciphertext])
    for (let i = 0; i < data.length; i += 16) {
      const block = Buffer.alloc(16);
      data.copy(block, 0, i, Math.min(i + 16, data.length));
      y = gmul(y ^ toBig(block), h);
    }
  const lengths = Buffer.alloc(16);
  lengths.writeBigUInt64BE(BigInt(aad.length) * 8n, 0);
  lengths.writeBigUInt64BE(BigInt(ciphertext.length) * 8n, 8);
  return gmul(y ^ toBig(lengths), h);
}

export type EcbCipher = 'sm4-ecb' | 'aes-256-ecb';

/** The keystream and the tag of GCM under a key and a 96-bit IV. */
function mode(ecbCipher: EcbCipher, key: Buffer, iv: Buffer) {
  const encrypt = (block: Buffer) => {
    const c = createCipheriv(ecbCipher, key, null).setAutoPadding(false);
    return Buffer.concat([c.update(block), c.final()]);
  };
  const h = toBig(encrypt(Buffer.alloc(16)));
  const j0 = Buffer.concat([iv, Buffer.from([0, 0, 0, 1])]);
  return {
    ctr(data: Buffer): Buffer {
      const out = Buffer.alloc(data.length);
      const counter = Buffer.from(j0);
      for (let i = 0; i < data.length; i += 16) {
        counter.writeUInt32BE((counter.readUInt32BE(12) + 1) >>> 0, 12);
        const stream = encrypt(counter);
        for (let j = 0; j < 16 && i + j < data.length; j++) out[i + j] = data[i + j]! ^ stream[j]!;
      }
      return out;
    },
    tag: (ciphertext: Buffer, aad: Buffer) => toBlock(toBig(encrypt(j0)) ^ ghash(h, aad, ciphertext)),
  };
}

/** `ciphertext‖tag` of the plaintext (for tests and tools; bidders encrypt in the browser). */
export function gcmEncrypt(
  ecbCipher: EcbCipher,
  key: Buffer,
  iv: Buffer,
  plain: Buffer,
  aad = Buffer.alloc(0),
): Buffer {
  const m = mode(ecbCipher, key, iv);
  const ciphertext = m.ctr(plain);
  return Buffer.concat([ciphertext, m.tag(ciphertext, aad)]);
}

/** The plaintext of `ciphertext‖tag` under the key, or null when the tag does not verify. */
export function gcmDecrypt(
  ecbCipher: EcbCipher,
  key: Buffer,
  iv: Buffer,
  sealed: Buffer,
  aad = Buffer.alloc(0),
): Buffer | null {
  if (iv.length !== 12 || sealed.length < 16) return null;
  const m = mode(ecbCipher, key, iv);
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  if (!timingSafeEqual(m.tag(ciphertext, aad), sealed.subarray(sealed.length - 16))) return null;
  return m.ctr(ciphertext);
}
