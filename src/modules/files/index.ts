/** files: uploaded application materials (PDF, JPEG, PNG), stored in the database. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { filesInit } from './db/migrations/20261123T1000_files_init';
import { filesAttachment } from './db/migrations/20261210T0900_files_attachment';
import { uploadLimits } from './files.limits';
import { registerFileRoutes } from './files.routes';
import { sweepUnattached } from './files.service';

/** Facade for other modules (the cases module checks and serves application materials with it). */
export { getFileMetas, readFile, assertFilesOwnedBy, maxUploadBytes } from './files.service';
export type { FileMeta, AttachOptions } from './files.service';
export { uploadLimits } from './files.limits';
export type { UploadLimits } from './files.limits';
export { readUpload, withMultipart } from './files.routes';
export type { Upload } from './files.routes';
export { ACCEPTED_MEDIA_TYPES, sniffMediaType, contentDisposition } from './files.sniff';
export type { AcceptedMediaType } from './files.sniff';

export const filesModule: Module = {
  name: 'files',
  migrations: {
    '20261123T1000_files_init': filesInit,
    '20261210T0900_files_attachment': filesAttachment,
  },
  routes: (app, ctx) => registerFileRoutes(app, ctx.db, uploadLimits()),
  // Uploads never attached to a case or report are removed after UPLOAD_UNATTACHED_HOURS; idempotent.
  jobs: [{ name: 'files.unattached', everyMs: 15 * 60_000, run: (db) => sweepUnattached(db) }],
};
