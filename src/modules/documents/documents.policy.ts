/**
 * Who sees what of an issued document 文书 — pure rules, tested beside this file.
 *
 * - Anyone, signed in or not, may verify a document (by the ID in its QR code, or by uploading the PDF);
 *   the answer names the document and its office, never the applicant or the case.
 * - A document's content is read through its case: the cases module serves it after its own scope check.
 */
import type { RouteAccess } from '../../platform/policy';
import type { DocumentKind } from './documents.kinds';

export const VERIFY_ACCESS: RouteAccess = 'public';

export interface VerifiableDocument {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  title: string;
  number: string;
  issuedOn: string;
  officeName: string;
  sha256: string;
}

/** What a verification shows of a document: only the fields below, whatever else the record holds. */
export const publicView = (m: VerifiableDocument) => ({
  valid: true as const,
  id: m.id,
  kind: m.kind,
  kindLabel: m.kindLabel,
  title: m.title,
  number: m.number,
  issuedOn: m.issuedOn,
  officeName: m.officeName,
  sha256: m.sha256,
});
