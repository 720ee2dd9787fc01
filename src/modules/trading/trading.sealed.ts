/**
 * Whether an upload looks like ciphertext (a sealed bid). The browser encrypts the bid before upload;
 * the server refuses what is plainly not encrypted: a known document format, or bytes too regular to
 * be the output of a cipher. Pure; tested beside this file.
 */

/** The first bytes of document formats a bid is commonly written in. */
const PLAIN_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { name: 'ZIP/Office', bytes: [0x50, 0x4b, 0x03, 0x04] }, // PK..
  { name: 'Office 97-2003', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'RTF', bytes: [0x7b, 0x5c, 0x72, 0x74] }, // {\rt
  { name: 'XML', bytes: [0x3c, 0x3f, 0x78, 0x6d] }, // <?xm
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
];

/** Shannon entropy of the bytes in bits per byte (8 for uniformly random bytes). */
export function entropyBitsPerByte(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  const counts = new Array<number>(256).fill(0);
  for (const b of bytes) counts[b]!++;
  let h = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / bytes.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Below this size the entropy of a sample says too little; only the signatures are checked. */
export const ENTROPY_MIN_SIZE = 1024;
/** Ciphertext of 1 KiB or more comes out near 7.8 bits per byte; text and documents well below 7.5. */
export const ENTROPY_THRESHOLD = 7.5;

/** A Chinese reason when the bytes are plainly not ciphertext, else null. */
export function plaintextProblem(bytes: Uint8Array): string | null {
  for (const s of PLAIN_SIGNATURES)
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => bytes[i] === b))
      return `上传的是未加密的 ${s.name} 文件：投标文件须在浏览器中加密后上传`;
  if (bytes.length >= ENTROPY_MIN_SIZE && entropyBitsPerByte(bytes) < ENTROPY_THRESHOLD)
    return '上传的内容不像密文：投标文件须在浏览器中加密后上传';
  return null;
}
