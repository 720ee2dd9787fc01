/**
 * Who reads the reports 报表 — pure rules, tested beside this file.
 *
 * - The four-level item alignment check 四级事项清单对应检查 is for administrators and supervisors
 *   效能监察员, for a region inside their subtree (another region is 404).
 */
import { anyRole, guard } from '../../platform/policy';

export const canReadReports = anyRole('admin', 'supervisor');
export const assertReadsReports = guard(canReadReports, '仅系统管理员和效能监察员可以查看报表');
