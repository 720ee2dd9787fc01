import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { Problem, badRequest, fieldError, notFound } from '../../platform/errors';
import * as repo from './files.repository';
import type { FileMetaRow } from './files.repository';
import { cleanFileName, isAccepted, isTruncated, sniffMediaType, type AcceptedMediaType } from './files.sniff';
import { UUID_RE } from '../../platform/schemas';

/** Default upper bound of one upload (20 MiB); `UPLOAD_MAX_MB` overrides it. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.UPLOAD_MAX_MB);
  return env.UPLOAD_MAX_MB && Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_BYTES;
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} 字节`;

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

/** Checks a complete upload's content and stores it with its audit entry in one transaction. */
export async function storeFile(
  db: Db,
  actor: Actor,
  upload: { content: Buffer; name: string | undefined },
  ip: string | null,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<FileMeta> {
  const { content } = upload;
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
  const sha256 = createHash('sha256').update(content).digest('hex');
  const name = cleanFileName(upload.name);
  return db.transaction().execute(async (tx) => {
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

/** The content, for its uploader only; anyone else gets the same 404 as for a missing file. */
export async function readOwnFile(db: Db, actor: Actor, id: string): Promise<{ meta: FileMeta; content: Buffer }> {
  const r = await readFile(db, id);
  if (!r || r.meta.ownerId !== actor.id) throw notFound('文件');
  return r;
}

/* ------------------------------------------------------------------ facade */

/** Metadata of the files that exist among `ids` (no content), in the order of `ids`. */
/** Stored files never change and are never deleted, so their metadata is remembered (per database). */
const metaCache = new WeakMap<Db | Tx, Map<string, FileMeta>>();
const META_CACHE_MAX = 50_000;

export async function getFileMetas(db: Db | Tx, ids: readonly string[]): Promise<FileMeta[]> {
  let known = metaCache.get(db);
  if (!known) metaCache.set(db, (known = new Map()));
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

/**
 * Every id names a file uploaded by `ownerId`; otherwise a 400 naming each offending field
 * (`field(index)`, by default `fileIds.<index>`). Returns the metadata in the order of `ids`.
 */
export async function assertFilesOwnedBy(
  db: Db | Tx,
  ownerId: string,
  ids: readonly string[],
  field: string | ((index: number) => string) = (i) => `fileIds.${i}`,
): Promise<FileMeta[]> {
  const metas = await getFileMetas(db, ids);
  const byId = new Map(metas.map((m) => [m.id, m]));
  const name = (i: number) => (typeof field === 'string' ? field : field(i));
  const errors = ids.flatMap((id, i) =>
    byId.get(id)?.ownerId === ownerId ? [] : [{ field: name(i), message: `文件 ${id} 不存在或不是您上传的文件` }],
  );
  if (errors.length)
    throw badRequest(errors.map((e) => `${e.field}：${e.message}`).join('；'), errors, 'file_not_found');
  return ids.map((id) => byId.get(id)!);
}
