import { Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { addMessages, useI18n } from '../../shared/i18n';
import { tasksZh } from '../../shared/i18n/tasks.zh-CN';
import { PageHeader } from '../../shared/components/ListPage';
import { TaskDetail } from '../../shared/components/TaskDetail';
import { TaskList } from '../../shared/components/TaskList';

addMessages(tasksZh);

/** 我的督办: the measures the user's department leads or assists. */
export default function MyTasksPage() {
  const { t } = useI18n();
  return (
    <div data-testid="wb-tasks">
      <PageHeader title={t('tk.mine')} />
      <Typography.Paragraph type="secondary">{t('tk.mineHint')}</Typography.Paragraph>
      <TaskList mode="department" detailPath="/workbench/tasks" />
    </div>
  );
}

/** One problem for its department: report progress with attachments, complete when leading. */
export function MyTaskDetailPage() {
  const { id } = useParams();
  return <TaskDetail key={id} problemId={id!} mode="department" backTo="/workbench/tasks" />;
}
