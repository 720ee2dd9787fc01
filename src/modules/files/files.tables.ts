import type { Generated } from 'kysely';
import type { AcceptedMediaType } from './files.sniff';

/** Kysely view of the files module's own tables. */
export interface FilesTables {
  files: {
    id: Generated<string>;
    /** Hex SHA-256 of the content. */
    sha256: string;
    size: number;
    media_type: AcceptedMediaType;
    original_name: string;
    /** The uploading user (identity user id). */
    owner_id: string;
    content: Buffer;
    created_at: Generated<Date>;
    /** When a case or report first took the file; null while unattached (counted in the quota, removed after a while). */
    attached_at: Date | null;
  };
}
