/** What a lead department is told about its measure 督办通知: urged 催办, marked overdue 逾期 (pure). */

export interface MeasureFacts {
  problemNumber: number;
  problemTitle: string;
  measureNumber: number;
  content: string;
  deadlineText: string;
}

export interface NoticeText {
  title: string;
  body: string;
}

const cut = (s: string, max: number) => {
  const chars = [...s.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

/** 问题 3 措施 2, as the breakdown table numbers them. */
export const measureLabel = (m: MeasureFacts) => `督办事项 ${m.problemNumber}.${m.measureNumber}`;

export function urgedNotice(m: MeasureFacts, byName: string, note: string): NoticeText {
  return {
    title: `【催办】${measureLabel(m)}：${cut(m.problemTitle, 40)}`,
    body: `${byName}催办：${note.trim()}\n整改措施：${cut(m.content, 200)}\n完成时限：${m.deadlineText || '未定'}。请在“我的督办”中报送整改进展。`,
  };
}

export function overdueNotice(m: MeasureFacts, on: string): NoticeText {
  return {
    title: `【逾期】${measureLabel(m)} 已超过完成时限`,
    body: `问题：${cut(m.problemTitle, 100)}\n整改措施：${cut(m.content, 200)}\n完成时限：${m.deadlineText}，${on} 起标记为逾期。请尽快完成整改并在“我的督办”中报送进展。`,
  };
}

/** Departments told about a measure: its lead and co-lead departments, each once. */
export const leadDepartments = (m: {
  leadDepartmentCode: string | null;
  coLeadDepartmentCodes: readonly string[];
}): string[] => [...new Set([...(m.leadDepartmentCode ? [m.leadDepartmentCode] : []), ...m.coLeadDepartmentCodes])];
