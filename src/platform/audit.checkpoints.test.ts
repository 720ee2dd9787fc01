import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkpointConfig,
  checkpointMessage,
  checkpointSignatureValid,
  generateSigningKey,
  keyIdOf,
  loadSigningKey,
  parsePublicKey,
  publicKeyPem,
  signCheckpoint,
} from './audit.checkpoints';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-audit-key-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const key = generateSigningKey();
const head = { seq: 4711, hash: 'ab'.repeat(32) };

describe('checkpoint signatures (SM2 with SM3, user id 1234567812345678)', () => {
  it('verify under the signing key', () => {
    const c = signCheckpoint(key, head, new Date('2026-12-10T02:00:00Z'));
    expect(c).toMatchObject({ v: 1, seq: 4711, hash: head.hash, at: '2026-12-10T02:00:00.000Z', keyId: key.keyId });
    expect(c.sig).toMatch(/^30[0-9a-f]+$/); // DER SEQUENCE
    expect(checkpointSignatureValid(c, key.publicKey)).toBe(true);
  });

  it('fail when anything signed was changed, or under another key', () => {
    const c = signCheckpoint(key, head, new Date());
    expect(checkpointSignatureValid({ ...c, seq: 4712 }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...c, hash: 'cd'.repeat(32) }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...c, at: new Date(0).toISOString() }, key.publicKey)).toBe(false);
    expect(
      checkpointSignatureValid({ ...c, sig: c.sig.replace(/.$/, (d) => (d === '0' ? '1' : '0')) }, key.publicKey),
    ).toBe(false);
    expect(checkpointSignatureValid({ ...c, sig: 'not hex' }, key.publicKey)).toBe(false);
    const other = generateSigningKey();
    expect(checkpointSignatureValid(c, other.publicKey)).toBe(false);
    // a checkpoint forged with another key, claiming ours
    const forged = { ...signCheckpoint(other, head, new Date()), keyId: key.keyId };
    expect(checkpointSignatureValid(forged, key.publicKey)).toBe(false);
  });

  it('export the public key as PEM and read it back', () => {
    const pem = publicKeyPem(key.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE/);
    expect(parsePublicKey(pem)).toBe(key.publicKey);
    expect(parsePublicKey(key.publicKey.toUpperCase())).toBe(key.publicKey);
    expect(() => parsePublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toThrow(/SM2/);
    expect(keyIdOf(key.publicKey)).toBe(key.keyId);
  });

  const sm2InOpenssl = (() => {
    const r = spawnSync('openssl', ['list', '-public-key-algorithms'], { encoding: 'utf8' });
    return r.status === 0 && /\bsm2\b/i.test(r.stdout);
  })();

  it.skipIf(!sm2InOpenssl)('verify with openssl pkeyutl -rawin -digest sm3 -pkeyopt distid:1234567812345678', () => {
    const c = signCheckpoint(key, head, new Date());
    const dir = fs.mkdtempSync(path.join(tmp, 'openssl-'));
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicKeyPem(key.publicKey));
    fs.writeFileSync(path.join(dir, 'msg'), checkpointMessage(c));
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(c.sig, 'hex'));
    fs.writeFileSync(path.join(dir, 'other'), checkpointMessage({ ...c, seq: 1 }));
    const verify = (msg: string) =>
      spawnSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'pub.pem',
          '-rawin',
          '-digest',
          'sm3',
          '-pkeyopt',
          'distid:1234567812345678',
          '-in',
          msg,
          '-sigfile',
          'sig',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    const ok = verify('msg');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Signature Verified Successfully');
    expect(verify('other').status).not.toBe(0);
  });
});

describe('the signing key', () => {
  it('is generated on first use outside production (mode 0600) and read back after', () => {
    const cfg = checkpointConfig({ DATA_DIR: path.join(tmp, 'dev') });
    const warnings: string[] = [];
    const k = loadSigningKey(cfg, (m) => warnings.push(m))!;
    expect(k.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(fs.statSync(cfg.keyFile).mode & 0o777).toBe(0o600);
    expect(warnings[0]).toContain('已生成审计签名密钥');
    expect(loadSigningKey(cfg)).toEqual(k);
  });

  it('is never generated in production: a warning, and no key', () => {
    const cfg = checkpointConfig({ DATA_DIR: path.join(tmp, 'prod'), NODE_ENV: 'production' });
    const warnings: string[] = [];
    expect(loadSigningKey(cfg, (m) => warnings.push(m))).toBeNull();
    expect(fs.existsSync(cfg.keyFile)).toBe(false);
    expect(warnings[0]).toMatch(/生产环境不会自动生成.*AUDIT_KEY_FILE/);
  });

  it('is found where AUDIT_KEY_FILE says; checkpoints go where AUDIT_CHECKPOINT_DIR says', () => {
    const cfg = checkpointConfig({
      DATA_DIR: '/data',
      AUDIT_KEY_FILE: '/etc/yiwang/audit.key',
      AUDIT_CHECKPOINT_DIR: '/var/log/yiwang',
      AUDIT_CHECKPOINT_MINUTES: '15',
    });
    expect(cfg).toMatchObject({ keyFile: '/etc/yiwang/audit.key', dir: '/var/log/yiwang', everyMs: 900_000 });
    expect(checkpointConfig({ DATA_DIR: '/data' })).toMatchObject({
      keyFile: '/data/audit-signing-key.json',
      dir: '/data/audit-checkpoints',
      everyMs: 3_600_000,
    });
    expect(() => checkpointConfig({ AUDIT_CHECKPOINT_MINUTES: '0' })).toThrow(/AUDIT_CHECKPOINT_MINUTES/);
  });
});
