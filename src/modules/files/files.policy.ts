/**
 * Who may upload and read files 文件 — pure rules, tested beside this file.
 *
 * - Any signed-in account uploads (within its quota) and reads back the files it uploaded; a file of
 *   someone else is 404 here. Files attached to a case or a report are read through that case or report,
 *   after its own scope check.
 */
import type { Actor } from '../../platform/auth';
import type { RouteAccess } from '../../platform/policy';

export const UPLOAD_ACCESS: RouteAccess = 'signedIn';

/** The actor reads the file through this module only when it uploaded it. */
export const ownsFile = (actor: Pick<Actor, 'id'>, file: { ownerId: string }) => file.ownerId === actor.id;
