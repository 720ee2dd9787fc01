/** Signed checkpoints against a database administrator: a cut-off tail and a recomputed chain are found. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditVerifyReport } from '../cli/audit-verify';
import { hashAuditRow, recordAudit, sealAudit, verifyAudit } from './audit';
import {
  CHECKPOINT_FILE,
  auditCheckpointLine,
  checkpointConfig,
  generateSigningKey,
  latestCheckpoint,
  readCheckpoints,
  signCheckpoint,
  writeCheckpoint,
  type CheckpointConfig,
} from './audit.checkpoints';

let t: TestApp;
let tmp: string;
let cfg: CheckpointConfig;
beforeAll(async () => {
  t = await createTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-checkpoints-'));
  cfg = checkpointConfig({ DATA_DIR: tmp });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const write = async (n: number) => {
  for (let i = 0; i < n; i++)
    await recordAudit(t.db, { actor: null, action: 'test.write', entityType: 'test', entityId: String(i) });
  await sealAudit(t.db);
};
const maxSeq = async () =>
  Number((await sql<{ n: string }>`select max(seq) as n from audit_log`.execute(t.db)).rows[0]!.n);

describe('checkpoints of the audit chain', () => {
  it('are written outside the database, signed, only when the head moved; an intact chain passes', async () => {
    await write(3);
    const c = await writeCheckpoint(t.db, cfg, new Date());
    expect(c).toMatchObject({ v: 1, seq: await maxSeq() });
    expect(fs.existsSync(cfg.keyFile)).toBe(true);
    expect(fs.readFileSync(path.join(cfg.dir, 'audit-public-key.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(await writeCheckpoint(t.db, cfg, new Date())).toBeNull();
    await write(2);
    const c2 = (await writeCheckpoint(t.db, cfg, new Date()))!;
    expect(c2.seq).toBe(c!.seq + 2);
    expect(readCheckpoints(cfg.dir)).toHaveLength(2);
    expect(latestCheckpoint(cfg.dir)).toEqual(c2);
    expect(auditCheckpointLine(cfg)).toBe(
      `审计链检查点：第 ${c2.seq} 条，哈希 ${c2.hash}，${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(c2.at))} SM2 签名（密钥 ${c2.keyId}）`,
    );

    await write(1); // rows after the last checkpoint are fine
    const r = await auditVerifyReport(t.db, cfg);
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(r.lines.join('\n')).toMatch(/与 2 个签名检查点一致/);
  });

  it('without any checkpoint, verification says what it cannot see', async () => {
    const r = await auditVerifyReport(t.db, checkpointConfig({ DATA_DIR: path.join(tmp, 'empty') }));
    expect(r.code).toBe(0);
    expect(r.lines.join('\n')).toContain('没有检查点');
  });

  it('fail on a forged signature or a line that is not a checkpoint', async () => {
    const lines = fs.readFileSync(path.join(cfg.dir, CHECKPOINT_FILE), 'utf8').trim().split('\n');
    const forgedDir = path.join(tmp, 'forged');
    fs.mkdirSync(forgedDir);
    const forgedCfg = { ...cfg, dir: forgedDir };
    // the head moved back by one, the signature kept
    const last = JSON.parse(lines.at(-1)!) as { seq: number };
    fs.writeFileSync(
      path.join(forgedDir, CHECKPOINT_FILE),
      `${lines[0]}\n${JSON.stringify({ ...last, seq: last.seq - 1 })}\n`,
    );
    let r = await auditVerifyReport(t.db, forgedCfg);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/第 2 个检查点.*签名无效/);
    // signed with a key that is not ours
    fs.writeFileSync(
      path.join(forgedDir, CHECKPOINT_FILE),
      `${JSON.stringify(signCheckpoint(generateSigningKey(), { seq: 1, hash: '0'.repeat(64) }, new Date()))}\n`,
    );
    r = await auditVerifyReport(t.db, forgedCfg);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toContain('签名无效');
    fs.writeFileSync(path.join(forgedDir, CHECKPOINT_FILE), `${lines[0]}\n{"v":1,"seq":\n`);
    r = await auditVerifyReport(t.db, forgedCfg);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toContain('第 2 行无法解析');
  });

  it('find a chain recomputed from a row before a checkpoint, which the chain alone accepts', async () => {
    const cp = latestCheckpoint(cfg.dir)!;
    // after the first checkpoint (two rows before the latest), so only the latest can tell
    const from = cp.seq - 1;
    const original = (
      await sql<{ id: string; actor_name: string | null; prev_hash: string; hash: string }>`
        select id, actor_name, prev_hash, hash from audit_log where seq >= ${from} order by seq`.execute(t.db)
    ).rows;
    // A database administrator edits a row and recomputes every hash from it to the head.
    const rows = (
      await sql<Parameters<typeof hashAuditRow>[1] & { prev_hash: string }>`
      select * from audit_log where seq >= ${from} order by seq`.execute(t.db)
    ).rows;
    let prev = rows[0]!.prev_hash;
    for (const [i, r] of rows.entries()) {
      const row = i === 0 ? { ...r, actor_name: 'someone-else' } : r;
      const hash = hashAuditRow(prev, row);
      await sql`update audit_log set actor_name = ${row.actor_name}, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`.execute(
        t.db,
      );
      prev = hash;
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const r = await auditVerifyReport(t.db, cfg);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(new RegExp(`审计链被重算：第 ${cp.seq} 条的哈希与 .* 签名的检查点不符`));
    for (const o of original)
      await sql`update audit_log set actor_name = ${o.actor_name}, prev_hash = ${o.prev_hash}, hash = ${o.hash} where id = ${o.id}`.execute(
        t.db,
      );
    expect((await auditVerifyReport(t.db, cfg)).code).toBe(0);
  });

  it('find a tail cut off after a checkpoint, which the chain alone accepts', async () => {
    const cp = latestCheckpoint(cfg.dir)!;
    await sql`delete from audit_log where seq >= ${cp.seq - 1}`.execute(t.db);
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const r = await auditVerifyReport(t.db, cfg);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toContain(`审计链被截断：`);
    expect(r.lines[0]).toContain(`记录到第 ${cp.seq} 条，库中审计链只到第 ${cp.seq - 2} 条`);
    // new rows sealed onto the shortened chain do not hide it
    await write(3);
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const again = await auditVerifyReport(t.db, cfg);
    expect(again.code).toBe(1);
    expect(again.lines[0]).toMatch(/审计链被(截断|重算)/);
  });
});
