/**
 * Who may change the working-day calendar 工作日历 — pure rules, tested beside this file.
 *
 * - Anyone reads the calendar and counts working days.
 * - Administrators 系统管理员 set, remove and import days (the city has one calendar).
 */
import { anyRole, guard } from '../../platform/policy';

export const canEditCalendar = anyRole('admin');
export const assertEditsCalendar = guard(canEditCalendar, '仅系统管理员可以维护工作日历');
