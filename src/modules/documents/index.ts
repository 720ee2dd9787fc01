/** documents: notices, decisions and certificates of a case as sealed PDFs with online verification. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { maxUploadBytes } from '../files/index';
import { documentsInit } from './db/migrations/20261123T1010_documents_init';
import { registerDocumentRoutes } from './documents.routes';

/** Facade for other modules (the cases module issues documents and serves their downloads). */
export {
  issueDocument,
  getDocument,
  readDocument,
  listDocumentsForCase,
  documentsOfCaseJson,
  documentsFromJson,
  verifyUrl,
} from './documents.service';
export type { IssueDocumentInput, IssuedDocument, DocumentMeta } from './documents.service';
export { renderDocument } from './documents.render';
export { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from './documents.kinds';
export { documentTitle, typeWording } from './documents.itemtypes';
export type {
  DocumentInput,
  DocumentKind,
  AcceptanceNotice,
  CorrectionNotice,
  RefusalNotice,
  GrantDecision,
  DenyDecision,
  Certificate,
  Remedies,
  ReceivedMaterial,
  ApplicantKind,
} from './documents.kinds';
export { chineseDate } from './documents.numbering';
export { IssueDocumentSchema, RemediesSchema } from './documents.schemas';

export const documentsModule: Module = {
  name: 'documents',
  migrations: { '20261123T1010_documents_init': documentsInit },
  routes: (app, ctx) => registerDocumentRoutes(app, ctx.db, maxUploadBytes()),
};
