/**
 * Who reads and checks the audit log 审计日志 — pure rules, tested beside this file.
 * Administrators and supervisors 效能监察员 query it and run the hash-chain check.
 */
import { anyRole, guard } from './policy';

export const canReadAudit = anyRole('admin', 'supervisor');
export const assertReadsAudit = guard(canReadAudit, '仅系统管理员和效能监察员可以查看审计日志');
