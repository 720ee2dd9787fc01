/**
 * Who may do what with the item catalog 事项目录 — pure rules, tested beside this file.
 *
 * - Anyone, signed in or not, searches the published items and reads their guides, notices and QR codes.
 * - Administrators 系统管理员 create items, edit drafts, publish, delegate and (de)activate them, and also
 *   read every version (drafts and superseded ones) of an item.
 */
import type { Actor } from '../../platform/auth';
import { anyRole, guard } from '../../platform/policy';

export const canManageCatalog = anyRole('admin');
export const assertManagesCatalog = guard(canManageCatalog, '仅系统管理员可以维护事项目录');

/** Whether the (possibly anonymous) reader also sees versions the public does not. */
export const seesAllVersions = (actor: Actor | null) => !!actor && canManageCatalog(actor);
