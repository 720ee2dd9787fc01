/** files: uploaded application materials (PDF, JPEG, PNG), stored in the database. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { filesInit } from './db/migrations/20261123T1000_files_init';
import { registerFileRoutes } from './files.routes';
import { maxUploadBytes } from './files.service';

/** Facade for other modules (the cases module checks and serves application materials with it). */
export { getFileMetas, readFile, assertFilesOwnedBy, maxUploadBytes } from './files.service';
export type { FileMeta } from './files.service';
export { readUpload, withMultipart } from './files.routes';
export type { Upload } from './files.routes';
export { ACCEPTED_MEDIA_TYPES, sniffMediaType, contentDisposition } from './files.sniff';
export type { AcceptedMediaType } from './files.sniff';

export const filesModule: Module = {
  name: 'files',
  migrations: { '20261123T1000_files_init': filesInit },
  routes: (app, ctx) => registerFileRoutes(app, ctx.db, maxUploadBytes()),
};
