import type { Generated } from 'kysely';
import type { DocumentKind } from './documents.kinds';

/** Kysely view of the documents module's own tables. */
export interface DocumentsTables {
  documents: {
    id: string;
    /** The case (办件) it belongs to; null for documents issued outside a case. */
    case_id: string | null;
    kind: DocumentKind;
    /** 文书编号, unique. */
    number: string;
    /** Printed title (the kind's name; a certificate's own name). */
    title: string;
    /** Hex SHA-256 of the PDF bytes as issued. */
    sha256: string;
    content: Buffer;
    issued_on: string;
    /** The user who issued it; null when the system did. */
    issued_by: string | null;
    office_name: string;
    created_at: Generated<Date>;
  };
  /** Gapless serials of document numbers: one row per prefix (代字 + kind word) and year. */
  document_counters: {
    prefix: string;
    year: number;
    last_serial: number;
  };
}
