import { createHash } from 'node:crypto';
import { perDatabase, type Db, type Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { auditInsert, recordAudit } from '../../platform/audit';
import { insertRows } from '../../platform/writes';
import { Problem, badRequest, fieldError, notFound, unprocessable } from '../../platform/errors';
import * as repo from './files.repository';
import type { FileMetaRow } from './files.repository';
import { cleanFileName, isAccepted, isTruncated, sniffMediaType, type AcceptedMediaType } from './files.sniff';
import { findPdfActiveContent, ACTIVE_PDF_NAMES } from './files.pdf';
import {
  DEFAULT_LIMITS,
  formatBytes,
  overCaseBudget,
  uploadLimits,
  uploadRefusal,
  type UploadLimits,
} from './files.limits';
import { UUID_RE } from '../../platform/schemas';
import { ownsFile } from './files.policy';

export { formatBytes };

/** Default upper bound of one upload (20 MiB); `UPLOAD_MAX_MB` overrides it. */
export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxFileBytes;

export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  return uploadLimits(env).maxFileBytes;
}

export interface FileMeta {
  id: string;
  sha256: string;
  size: number;
  mediaType: AcceptedMediaType;
  /** The uploaded file's name (cleaned); informative only, never used for the type. */
  name: string;
  ownerId: string;
  createdAt: Date;
}

export const toMeta = (r: FileMetaRow): FileMeta => ({
  id: r.id,
  sha256: r.sha256,
  size: r.size,
  mediaType: r.media_type,
  name: r.original_name,
  ownerId: r.owner_id,
  createdAt: r.created_at,
});

const UUID = UUID_RE;

export const tooLarge = (maxBytes: number) =>
  new Problem(
    413,
    '文件过大',
    `file：文件超过大小上限 ${formatBytes(maxBytes)}`,
    [{ field: 'file', message: `文件不能超过 ${formatBytes(maxBytes)}` }],
    'file_too_large',
  );

/** An account's uploads: held unattached, and within the rate window (see files.limits.ts). */
async function usageOf(db: Db | Tx, ownerId: string, limits: UploadLimits) {
  return repo.usage(db, ownerId, limits.rateWindowMs);
}

/**
 * Before the body is read: is there room for another upload at all? Refuses the upload past the rate
 * limit, or once the account holds its quota of unattached files, without receiving the file.
 */
export async function checkUploadRoom(db: Db, actor: Actor, limits: UploadLimits): Promise<void> {
  const refusal = uploadRefusal(await usageOf(db, actor.id, limits), 0, limits);
  if (refusal) throw refusal;
}

const activeContent = (content: Buffer) => {
  const found = findPdfActiveContent(content);
  if (!found) return;
  const message =
    found.kind === 'active'
      ? `PDF 含有${found.names.map((n) => ACTIVE_PDF_NAMES[n]).join('、')}，出于安全考虑不予接收；请用扫描或"打印为 PDF"重新生成后上传`
      : `PDF 无法完成安全检查（${found.reason}），不予接收；请用扫描或"打印为 PDF"重新生成后上传`;
  throw unprocessable(`file：${message}`, [{ field: 'file', message }], 'pdf_active_content');
};

/**
 * Checks a complete upload's content and stores it with its audit entry in one transaction. The
 * account's quotas are checked again inside it, under a per-account lock, so parallel uploads cannot
 * pass them together.
 */
export async function storeFile(
  db: Db,
  actor: Actor,
  upload: { content: Buffer; name: string | undefined },
  ip: string | null,
  limits: UploadLimits = uploadLimits(),
): Promise<FileMeta> {
  const { content } = upload;
  const maxBytes = limits.maxFileBytes;
  if (content.length === 0) throw fieldError('file', '文件为空（0 字节），请重新选择文件', 'file_empty');
  if (content.length > maxBytes) throw tooLarge(maxBytes);
  const sniffed = sniffMediaType(content);
  if (!isAccepted(sniffed.mediaType)) {
    const message = `文件实际类型为${sniffed.label}（${sniffed.mediaType}），只接受 PDF、JPEG、PNG；文件扩展名不作为判断依据`;
    throw new Problem(
      415,
      '不支持的文件类型',
      `file：${message}`,
      [{ field: 'file', message }],
      'unsupported_file_type',
    );
  }
  if (isTruncated(content, sniffed.mediaType)) {
    throw fieldError('file', `${sniffed.label}不完整（上传中断或文件已损坏），请重新上传`, 'file_incomplete');
  }
  if (sniffed.mediaType === 'application/pdf') activeContent(content);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const name = cleanFileName(upload.name);
  return db.transaction().execute(async (tx) => {
    await repo.lockOwner(tx, actor.id);
    const refusal = uploadRefusal(await usageOf(tx, actor.id, limits), content.length, limits);
    if (refusal) throw refusal;
    const row = await repo.insertFile(tx, {
      sha256,
      size: content.length,
      media_type: sniffed.mediaType as AcceptedMediaType,
      original_name: name,
      owner_id: actor.id,
      content,
    });
    const meta = toMeta(row);
    await recordAudit(tx, {
      actor,
      action: 'files.upload',
      entityType: 'file',
      entityId: meta.id,
      before: null,
      after: { sha256, size: meta.size, mediaType: meta.mediaType, name, ownerId: actor.id },
      ip,
    });
    return meta;
  });
}

/**
 * Removes uploads never attached to a case or report within `limits.unattachedMs` of their upload,
 * each with an audit entry (`files.expire`), in batches; returns how many. Safe on every node at once.
 */
export async function sweepUnattached(db: Db, limits: UploadLimits = uploadLimits(), batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await db.transaction().execute(async (tx) => {
      const rows = await repo.deleteUnattached(tx, limits.unattachedMs, batch);
      await insertRows(
        tx,
        rows.map((r) =>
          auditInsert({
            actor: null,
            action: 'files.expire',
            entityType: 'file',
            entityId: r.id,
            before: { sha256: r.sha256, size: r.size, name: r.original_name, ownerId: r.owner_id },
            after: null,
          }),
        ),
      );
      return rows;
    });
    const known = metaCache(db);
    for (const r of removed) known.delete(r.id);
    total += removed.length;
    if (removed.length < batch) return total;
  }
}

/** The content, for its uploader only; anyone else gets the same 404 as for a missing file. */
export async function readOwnFile(db: Db, actor: Actor, id: string): Promise<{ meta: FileMeta; content: Buffer }> {
  const r = await readFile(db, id);
  if (!r || !ownsFile(actor, r.meta)) throw notFound('文件');
  return r;
}

/* ------------------------------------------------------------------ facade */

/**
 * Metadata of the files that exist among `ids` (no content), in the order of `ids`. Stored files never
 * change, so their metadata is remembered (per database); an unattached file may expire, which the
 * sweep forgets here and `assertFilesOwnedBy` checks against the table.
 */
const metaCache = perDatabase(() => new Map<string, FileMeta>());
/** Files known to be attached (never removed), per database: attaching them again needs no statement. */
const attachedCache = perDatabase(() => new Set<string>());
const META_CACHE_MAX = 50_000;

export async function getFileMetas(db: Db | Tx, ids: readonly string[]): Promise<FileMeta[]> {
  const known = metaCache(db);
  const missing = [...new Set(ids.filter((id) => UUID.test(id) && !known.has(id)))];
  if (missing.length) {
    if (known.size + missing.length > META_CACHE_MAX) known.clear();
    for (const r of await repo.getMetas(db, missing)) known.set(r.id, toMeta(r));
  }
  return ids.flatMap((id) => known.get(id) ?? []);
}

export async function readFile(db: Db | Tx, id: string): Promise<{ meta: FileMeta; content: Buffer } | null> {
  if (!UUID.test(id)) return null;
  const r = await repo.getWithContent(db, id);
  if (!r) return null;
  return { meta: toMeta(r), content: Buffer.from(r.content) };
}

export interface AttachOptions {
  /**
   * Every file the case (or report) will carry after this change, when `ids` are only the new ones:
   * the per-case budget (`UPLOAD_CASE_MB`) counts them all. Default: `ids`.
   */
  holderFileIds?: readonly string[];
  limits?: UploadLimits;
}

/**
 * Attaching files to a case or report: every id names a file uploaded by `ownerId` (otherwise a 400
 * naming each offending field, `field(index)`, by default `fileIds.<index>`), and together they stay
 * within the per-case budget (otherwise a 422 naming the file that goes over). The files are then marked
 * attached, so the sweep of unattached uploads keeps them and they no longer count against the owner's
 * quota of unattached uploads. Returns the metadata in the order of `ids`.
 */
export async function assertFilesOwnedBy(
  db: Db | Tx,
  ownerId: string,
  ids: readonly string[],
  field: string | ((index: number) => string) = (i) => `fileIds.${i}`,
  opts: AttachOptions = {},
): Promise<FileMeta[]> {
  const limits = opts.limits ?? uploadLimits();
  const name = (i: number) => (typeof field === 'string' ? field : field(i));
  const notOwned = (errors: { field: string; message: string }[]) =>
    badRequest(errors.map((e) => `${e.field}：${e.message}`).join('；'), errors, 'file_not_found');
  const message = (id: string) => `文件 ${id} 不存在或不是您上传的文件`;
  const metas = await getFileMetas(db, ids);
  const byId = new Map(metas.map((m) => [m.id, m]));
  const errors = ids.flatMap((id, i) =>
    byId.get(id)?.ownerId === ownerId ? [] : [{ field: name(i), message: message(id) }],
  );
  if (errors.length) throw notOwned(errors);

  const holder = [...new Set([...ids, ...(opts.holderFileIds ?? [])])];
  const holderMetas = new Map((await getFileMetas(db, holder)).map((m) => [m.id, m]));
  const sizes = holder.map((id) => holderMetas.get(id)?.size ?? 0);
  const over = overCaseBudget(sizes, limits);
  if (over >= 0) {
    const total = sizes.reduce((a, b) => a + b, 0);
    const at = ids.indexOf(holder[over]!);
    const msg = `材料文件合计 ${formatBytes(total)}，超过每件办件的上限 ${formatBytes(limits.caseBytes)}；请压缩或减少文件`;
    throw unprocessable(
      `${name(Math.max(at, 0))}：${msg}`,
      [{ field: name(Math.max(at, 0)), message: msg }],
      'case_files_too_large',
    );
  }

  const attached = attachedCache(db);
  const pending = [...new Set(ids.filter((id) => !attached.has(id)))];
  if (pending.length) {
    // Authoritative: a file that expired since its metadata was remembered is found missing here.
    const present = new Set(await repo.markAttached(db, ownerId, pending));
    const gone = ids.flatMap((id, i) =>
      pending.includes(id) && !present.has(id) ? [{ field: name(i), message: message(id) }] : [],
    );
    if (gone.length) {
      for (const g of pending) if (!present.has(g)) metaCache(db).delete(g);
      throw notOwned(gone);
    }
    if (attached.size + present.size > META_CACHE_MAX) attached.clear();
    for (const id of present) attached.add(id);
  }
  return ids.map((id) => byId.get(id)!);
}
