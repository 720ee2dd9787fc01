/** Small pieces of the 督查督办 pages, shared by the supervision app and the workbench. */
import { Tag } from 'antd';
import { addMessages, useI18n } from '../i18n';
import { tasksZh } from '../i18n/tasks.zh-CN';
import type { Measure, MeasureStatus } from '../tasks';

addMessages(tasksZh);

const STATUS_COLORS: Record<MeasureStatus, string> = { open: 'processing', done: 'success', overdue: 'error' };

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="tk-status-tag" data-status={status}>
      {t(`tk.status.${status}`)}
    </Tag>
  );
}

/** 完成时限 as written, with a tag for long-term measures. */
export function DeadlineText({ m }: { m: Pick<Measure, 'deadlineText' | 'deadline' | 'longTerm'> }) {
  const { t } = useI18n();
  if (m.longTerm) return <Tag>{t('tk.longTerm')}</Tag>;
  return <span title={m.deadline ?? undefined}>{m.deadlineText || m.deadline || '—'}</span>;
}
