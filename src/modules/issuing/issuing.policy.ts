/**
 * Who works the certificate issuing centre 统一制发证 — pure rules, tested beside this file.
 *
 * - The exit counter is worked by window clerks 窗口人员: the queue, batches, waybills and their
 *   dispatch, receipt and return; what they see is their region subtree (a batch or waybill outside
 *   it is 404).
 * - Delivery statistics 寄递统计 are also for supervisors 效能监察员 and admins.
 */
import { anyRole, guard } from '../../platform/policy';

export const canIssue = anyRole('clerk');
export const canSeeStats = anyRole('supervisor', 'clerk', 'admin');

export const assertIssues = guard(canIssue, '统一制发证仅限窗口人员办理');
export const assertSeesStats = guard(canSeeStats, '仅效能监察员、窗口人员和管理员可查看寄递统计');
