import { Button } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { apiUrl } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { tasksZh } from '../../shared/i18n/tasks.zh-CN';
import { PageHeader } from '../../shared/components/PageHeader';
import { TaskDetail } from '../../shared/components/TaskDetail';
import { TaskList } from '../../shared/components/TaskList';
import { TaskImportModal } from './TaskImportModal';

addMessages(tasksZh);

/** 督查督办: the region's problems and measures; import of a breakdown table and its Excel export. */
export default function TasksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <div data-testid="tk-page">
      <PageHeader
        title={t('tk.title')}
        action={
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="tk-import-open"
          >
            {t('tk.import')}
          </Button>
        }
      />
      <TaskList
        key={reloadKey}
        mode="supervisor"
        detailPath="/supervision/tasks"
        actions={(query) => (
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/supervision/tasks.xlsx', { query })}
            download
            data-testid="tk-export"
          >
            {t('tk.export')}
          </Button>
        )}
      />
      <TaskImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(r) => {
          setImporting(false);
          setReloadKey((k) => k + 1);
          if (r.problemIds.length === 1) navigate(`/supervision/tasks/${r.problemIds[0]}`);
        }}
      />
    </div>
  );
}

/** One problem for the supervisor: urge, mark overdue, note accountability, read the reports. */
export function TaskDetailPage() {
  const { id } = useParams();
  return <TaskDetail key={id} problemId={id!} mode="supervisor" backTo="/supervision/tasks" />;
}
