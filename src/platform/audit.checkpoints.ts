/**
 * Signed checkpoints of the audit chain 审计链检查点: evidence that survives whoever can write the
 * database. The chain alone (audit.ts) shows an edited row or one deleted from the middle, but not a
 * tail cut off, nor a chain recomputed from some row on. So, periodically, the head of the chain
 * (position, hash, time) is signed with an SM2 key (SM3 digest, the standard user id
 * 1234567812345678) kept in a file outside the database, and appended to a JSON-lines file outside the
 * database as well; `npm run audit:verify` checks the chain against every checkpoint. See
 * docs/security.md (uploads and audit evidence) for the key handling and the procedure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { auditHashesAt, auditHead, canonicalJson, sealAudit, verifyAudit, type AuditVerification } from './audit';
import type { Db } from './db';
import type { Job } from './module';

interface Sm2 {
  generateKeyPairHex(): { privateKey: string; publicKey: string };
  doSignature(
    msg: string,
    privateKey: string,
    o: { der: boolean; hash: boolean; publicKey: string; userId: string },
  ): string;
  doVerifySignature(
    msg: string,
    sig: string,
    publicKey: string,
    o: { der: boolean; hash: boolean; userId: string },
  ): boolean;
}
const smCrypto = createRequire(import.meta.url)('sm-crypto') as {
  sm2: Sm2;
  sm3: (input: string | number[]) => string;
};
const { sm2 } = smCrypto;

/** GB/T 35276 default signer id (distid), as OpenSSL and most SM2 tools use it. */
export const SM2_USER_ID = '1234567812345678';
/** DER prefix of an SM2 SubjectPublicKeyInfo (id-ecPublicKey, curve 1.2.156.10197.1.301), before the 65-byte point. */
const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';
export const CHECKPOINT_FILE = 'checkpoints.jsonl';
export const PUBLIC_KEY_FILE = 'audit-public-key.pem';

export interface CheckpointConfig {
  /** The signing key (`AUDIT_KEY_FILE`, default `<DATA_DIR>/audit-signing-key.json`). */
  keyFile: string;
  /** Where checkpoints are appended (`AUDIT_CHECKPOINT_DIR`, default `<DATA_DIR>/audit-checkpoints`). */
  dir: string;
  /** How often the head is signed (`AUDIT_CHECKPOINT_MINUTES`, default 60). */
  everyMs: number;
  /** A public key pinned for verification (`AUDIT_PUBLIC_KEY`: hex `04…` or a PEM file); default the key file's. */
  publicKey: string | undefined;
  /** Outside production a missing key is generated on first use; in production it must be provided. */
  production: boolean;
}

export function checkpointConfig(env: NodeJS.ProcessEnv = process.env): CheckpointConfig {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const minutes = Number(env.AUDIT_CHECKPOINT_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(`AUDIT_CHECKPOINT_MINUTES 无效：${env.AUDIT_CHECKPOINT_MINUTES}（应为正数）`);
  return {
    keyFile: path.resolve(env.AUDIT_KEY_FILE || path.join(dataDir, 'audit-signing-key.json')),
    dir: path.resolve(env.AUDIT_CHECKPOINT_DIR || path.join(dataDir, 'audit-checkpoints')),
    everyMs: Math.round(minutes * 60_000),
    publicKey: env.AUDIT_PUBLIC_KEY || undefined,
    production: env.NODE_ENV === 'production',
  };
}

export interface SigningKey {
  /** Hex, 64 digits. */
  privateKey: string;
  /** Hex, uncompressed point `04…` (130 digits). */
  publicKey: string;
  keyId: string;
}

/** A short, stable name of a public key: the first 16 hex digits of its SM3. */
export const keyIdOf = (publicKey: string) => smCrypto.sm3(publicKey.toLowerCase()).slice(0, 16);

export const publicKeyPem = (publicKey: string) => {
  const b64 = Buffer.from(SPKI_PREFIX + publicKey, 'hex').toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
};

/** The public key (hex `04…`) of a PEM SubjectPublicKeyInfo, or of a hex string as given. */
export function parsePublicKey(text: string): string {
  const t = text.trim();
  if (/^04[0-9a-fA-F]{128}$/.test(t)) return t.toLowerCase();
  const b64 = t.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  const hex = Buffer.from(b64, 'base64').toString('hex');
  if (!hex.startsWith(SPKI_PREFIX) || hex.length !== SPKI_PREFIX.length + 130)
    throw new Error('不是 SM2 公钥（应为 04 开头的十六进制或 PEM 格式的 SM2 公钥）');
  return hex.slice(SPKI_PREFIX.length);
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * The signing key from its file. When the file is missing: outside production a new key is generated
 * and written there (mode 0600); in production nothing is generated and null is returned, with
 * `warn` told why (no checkpoints are written until a key is provided).
 */
export function loadSigningKey(cfg: CheckpointConfig, warn: (msg: string) => void = () => {}): SigningKey | null {
  if (fs.existsSync(cfg.keyFile)) {
    const k = JSON.parse(fs.readFileSync(cfg.keyFile, 'utf8')) as { privateKey?: string; publicKey?: string };
    if (!k.privateKey || !/^[0-9a-fA-F]{64}$/.test(k.privateKey) || !k.publicKey)
      throw new Error(`审计签名密钥文件格式有误：${cfg.keyFile}`);
    const publicKey = parsePublicKey(k.publicKey);
    return { privateKey: k.privateKey.toLowerCase(), publicKey, keyId: keyIdOf(publicKey) };
  }
  if (cfg.production) {
    warn(
      `审计签名密钥不存在（${cfg.keyFile}）：生产环境不会自动生成，审计链检查点暂不写入；请按 docs/security.md 生成密钥并设置 AUDIT_KEY_FILE`,
    );
    return null;
  }
  const key = generateSigningKey();
  fs.mkdirSync(path.dirname(cfg.keyFile), { recursive: true, mode: 0o700 });
  const body = {
    algorithm: 'SM2',
    curve: 'sm2p256v1',
    userId: SM2_USER_ID,
    keyId: key.keyId,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    // wall clock: when this key file was made on this machine, not an instant of the audit trail
    createdAt: new Date().toISOString(),
  };
  // 'wx': two processes starting together never overwrite each other's key.
  try {
    fs.writeFileSync(cfg.keyFile, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return loadSigningKey(cfg, warn);
    throw err;
  }
  warn(`已生成审计签名密钥（仅限演示与开发环境）：${cfg.keyFile}`);
  return key;
}

/** One line of the checkpoint file. */
export interface Checkpoint {
  v: 1;
  /** Chain position of the head. */
  seq: number;
  /** Its hash. */
  hash: string;
  /** When the checkpoint was signed (ISO 8601). */
  at: string;
  keyId: string;
  /** SM2 signature (DER, hex) of `checkpointMessage`. */
  sig: string;
}

/** The signed text: the checkpoint without its signature, as canonical JSON (UTF-8). */
export const checkpointMessage = (c: Omit<Checkpoint, 'sig'>) =>
  canonicalJson({ v: c.v, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId });

/** An SM2 signature (DER, hex; SM3 digest with the standard user id) of a text with the platform's key. */
export const signMessage = (key: SigningKey, message: string): string =>
  sm2.doSignature(message, key.privateKey, { der: true, hash: true, publicKey: key.publicKey, userId: SM2_USER_ID });

/** Whether `sig` is `signMessage`'s signature of the text under the public key. */
export function messageSignatureValid(message: string, sig: unknown, publicKey: string): boolean {
  if (typeof sig !== 'string' || !/^[0-9a-f]+$/i.test(sig)) return false;
  return sm2.doVerifySignature(message, sig, publicKey, { der: true, hash: true, userId: SM2_USER_ID });
}

/** The SM3 digest (hex) of bytes. */
export const sm3Hex = (bytes: Uint8Array): string => smCrypto.sm3(Array.from(bytes));

export function signCheckpoint(key: SigningKey, head: { seq: number; hash: string }, at: Date): Checkpoint {
  const body = { v: 1 as const, seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: key.keyId };
  return { ...body, sig: signMessage(key, checkpointMessage(body)) };
}

export function checkpointSignatureValid(c: Checkpoint, publicKey: string): boolean {
  if (c.keyId !== keyIdOf(publicKey)) return false;
  return messageSignatureValid(checkpointMessage(c), c.sig, publicKey);
}

/** The checkpoints of a directory, in file order; a line that is not a checkpoint is returned as its number. */
export function readCheckpoints(dir: string): (Checkpoint | { badLine: number })[] {
  const file = path.join(dir, CHECKPOINT_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i): (Checkpoint | { badLine: number })[] => {
      if (!line.trim()) return [];
      try {
        const c = JSON.parse(line) as Checkpoint;
        if (c.v === 1 && Number.isInteger(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string') return [c];
      } catch {
        /* reported as a bad line */
      }
      return [{ badLine: i + 1 }];
    });
}

/** The last well-formed checkpoint of a directory (signature not checked), or null. */
export function latestCheckpoint(dir: string): Checkpoint | null {
  const all = readCheckpoints(dir);
  for (let i = all.length - 1; i >= 0; i--) {
    const c = all[i]!;
    if (!('badLine' in c)) return c;
  }
  return null;
}

/** Appends one line and flushes it to disk (appends of one short line are atomic). */
function appendLine(file: string, line: string) {
  const fd = fs.openSync(file, 'a', 0o640);
  try {
    fs.writeSync(fd, `${line}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Seals pending rows and signs the head when it moved since the last checkpoint; returns the new
 * checkpoint, or null (nothing new, or no key in production).
 */
export async function writeCheckpoint(
  db: Db,
  cfg: CheckpointConfig,
  at: Date,
  warn: (msg: string) => void = () => {},
): Promise<Checkpoint | null> {
  const key = loadSigningKey(cfg, warn);
  if (!key) return null;
  await sealAudit(db);
  const head = await auditHead(db);
  if (!head) return null;
  const last = latestCheckpoint(cfg.dir);
  if (last && last.seq === head.seq && last.hash === head.hash && last.keyId === key.keyId) return null;
  fs.mkdirSync(cfg.dir, { recursive: true, mode: 0o750 });
  const pem = path.join(cfg.dir, PUBLIC_KEY_FILE);
  if (!fs.existsSync(pem) || parsePublicKey(fs.readFileSync(pem, 'utf8')) !== key.publicKey)
    fs.writeFileSync(pem, publicKeyPem(key.publicKey), { mode: 0o644 });
  const c = signCheckpoint(key, head, at);
  appendLine(path.join(cfg.dir, CHECKPOINT_FILE), JSON.stringify(c));
  return c;
}

/** The background job that writes checkpoints (registered beside the sealer in src/main.ts). */
export function checkpointJob(
  cfg: CheckpointConfig = checkpointConfig(),
  log: { warn(msg: string): void } = console,
): Job {
  let warned = false;
  return {
    name: 'audit.checkpoint',
    everyMs: cfg.everyMs,
    run: (db, { now }) =>
      writeCheckpoint(db, cfg, now, (msg) => {
        if (!warned) log.warn(msg);
        warned = true;
      }),
  };
}

export interface CheckpointVerification {
  ok: boolean;
  chain: AuditVerification;
  /** Checkpoints checked against the chain. */
  checkpoints: number;
  latest?: Checkpoint;
  /** What failed, in Chinese, for the operator. */
  failure?: string;
}

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));

/**
 * The chain in itself (audit.ts), then every checkpoint: its signature under `publicKey`, and the
 * chain still holding the signed hash at the signed position. A cut-off tail lacks the position; a
 * chain recomputed from a row at or before it has another hash there.
 */
export async function verifyWithCheckpoints(
  db: Db,
  checkpoints: readonly (Checkpoint | { badLine: number })[],
  publicKey: string | null,
): Promise<CheckpointVerification> {
  const chain = await verifyAudit(db);
  const fail = (failure: string, n = 0): CheckpointVerification => ({ ok: false, chain, checkpoints: n, failure });
  if (!chain.ok) return fail(`审计链被篡改：第 ${chain.brokenAtSeq} 条（id ${chain.brokenId}）校验失败`);
  if (!checkpoints.length) return { ok: true, chain, checkpoints: 0 };
  if (!publicKey) return fail('有审计链检查点但没有公钥，无法校验（设置 AUDIT_PUBLIC_KEY 或 AUDIT_KEY_FILE）');
  const valid: Checkpoint[] = [];
  for (const [i, c] of checkpoints.entries()) {
    if ('badLine' in c) return fail(`检查点文件第 ${c.badLine} 行无法解析（文件被改动？）`);
    if (!checkpointSignatureValid(c, publicKey))
      return fail(`第 ${i + 1} 个检查点（序号 ${c.seq}，${c.at}）签名无效：检查点被伪造或改动，或公钥不符`);
    valid.push(c);
  }
  const head = await auditHead(db);
  const stored = await auditHashesAt(
    db,
    valid.map((c) => c.seq),
  );
  for (const [i, c] of valid.entries()) {
    const when = shanghai(c.at);
    if (!head || c.seq > head.seq || !stored.has(c.seq))
      return fail(`审计链被截断：${when} 签名的检查点记录到第 ${c.seq} 条，库中审计链只到第 ${head?.seq ?? 0} 条`, i);
    if (stored.get(c.seq) !== c.hash)
      return fail(
        `审计链被重算：第 ${c.seq} 条的哈希与 ${when} 签名的检查点不符（${stored.get(c.seq)!.slice(0, 16)}… ≠ ${c.hash.slice(0, 16)}…），该条或更早的记录被改写后重新计算了哈希`,
        i,
      );
  }
  return { ok: true, chain, checkpoints: valid.length, latest: valid.at(-1) };
}

/** The public key to verify with: the pinned one, else the key file's (without creating a key). */
export function verificationKey(cfg: CheckpointConfig): string | null {
  if (cfg.publicKey) {
    const v = cfg.publicKey.trim();
    return parsePublicKey(/^04[0-9a-fA-F]{128}$/.test(v) ? v : fs.readFileSync(v, 'utf8'));
  }
  return fs.existsSync(cfg.keyFile) ? (loadSigningKey({ ...cfg, production: true })?.publicKey ?? null) : null;
}

/** One line for the weekly bulletin: the latest checkpoint's head, so it is also kept on paper. */
export function auditCheckpointLine(cfg: CheckpointConfig = checkpointConfig()): string {
  let c: Checkpoint | null;
  try {
    c = latestCheckpoint(cfg.dir);
  } catch {
    c = null;
  }
  return c
    ? `审计链检查点：第 ${c.seq} 条，哈希 ${c.hash}，${shanghai(c.at)} SM2 签名（密钥 ${c.keyId}）`
    : '审计链检查点：暂无';
}
