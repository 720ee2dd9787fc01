/**
 * Who may do what with "one thing" bundles 一件事 — pure rules, tested beside this file.
 *
 * - Anyone reads the active bundles and their merged guides; administrators maintain bundles and also
 *   see inactive ones (and open a bundle whose items went offline, to mend it).
 * - Any signed-in account applies (the cases module decides who may file each case) and sees the
 *   applications it filed; an application of someone else is 404.
 */
import type { Actor } from '../../platform/auth';
import { anyRole, guard } from '../../platform/policy';

export const canManageBundles = anyRole('admin');
export const assertManagesBundles = guard(canManageBundles, '仅系统管理员可以维护一件事');

/** Whether the (possibly anonymous) reader sees a bundle that is not active, or not fully available. */
export const seesUnavailable = (actor: Actor | null) => !!actor && canManageBundles(actor);
