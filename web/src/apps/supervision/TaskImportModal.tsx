/** 导入任务分解表: choose an .xlsx, see what would be imported and every bad row, then import. */
import { App as AntApp, Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { tasksZh } from '../../shared/i18n/tasks.zh-CN';
import type { ImportPreview, ImportResult, PreviewMeasure } from '../../shared/tasks';

addMessages(tasksZh);

interface Row extends PreviewMeasure {
  problem: string;
}

export function TaskImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (r: ImportResult) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = async (f: File) => {
    setBusy(true);
    setPreview(null);
    try {
      setPreview(await api.postFile('/api/supervision/tasks/import/preview', f, { name: f.name }));
      setFile(f);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFile(null);
    } finally {
      setBusy(false);
    }
  };
  const doImport = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api.postFile('/api/supervision/tasks/import', file, { name: file.name });
      void message.success(t('tk.import.done', { problems: r.problems, measures: r.measures }));
      reset();
      onImported(r);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setBusy(false);
    }
  };

  const rows: Row[] = (preview?.problems ?? []).flatMap((p) => p.measures.map((m) => ({ ...m, problem: p.title })));
  const unmatched = rows.reduce((n, r) => n + r.unmatchedUnits.length, 0);
  const canImport = !!preview && preview.errors.length === 0 && preview.measures > 0;

  return (
    <Modal
      open={open}
      title={t('tk.import.title')}
      width={960}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!canImport}
            loading={busy && !!preview}
            onClick={() => void doImport()}
            data-testid="tk-import-confirm"
          >
            {t('tk.import.confirm')}
          </Button>
        </Space>
      }
    >
      <div data-testid="tk-import">
        <Typography.Paragraph type="secondary">{t('tk.import.hint')}</Typography.Paragraph>
        <Space data-testid="tk-import-file">
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            customRequest={({ file: f, onSuccess }) => {
              if (f instanceof File) void choose(f).then(() => onSuccess?.({}));
            }}
          >
            <Button icon={<FileExcelOutlined />} loading={busy && !preview}>
              {preview ? t('tk.import.reupload') : t('tk.import.choose')}
            </Button>
          </Upload>
          {file && <Typography.Text>{file.name}</Typography.Text>}
        </Space>
        {preview && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Alert
              type={preview.errors.length ? 'error' : 'success'}
              showIcon
              data-testid="tk-import-summary"
              data-errors={preview.errors.length}
              data-measures={preview.measures}
              message={t('tk.import.summary', {
                rows: preview.rows,
                problems: preview.problems.length,
                measures: preview.measures,
              })}
              description={
                preview.errors.length
                  ? t('tk.import.errors', { n: preview.errors.length })
                  : unmatched
                    ? t('tk.import.unmatchedNote', { n: unmatched })
                    : undefined
              }
            />
            {preview.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                pagination={false}
                data-testid="tk-import-errors"
                dataSource={preview.errors}
                columns={[
                  { title: t('tk.import.row'), dataIndex: 'row', width: 70, render: (r: number) => (r ? r : '—') },
                  { title: t('tk.import.column'), dataIndex: 'column', width: 110 },
                  { title: t('tk.import.message'), dataIndex: 'message' },
                ]}
                onRow={(e) => ({ 'data-testid': `tk-import-error-${e.row}` }) as React.HTMLAttributes<HTMLElement>}
              />
            )}
            <Table<Row>
              size="small"
              rowKey="row"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="tk-import-preview"
              dataSource={rows}
              scroll={{ x: 900 }}
              columns={[
                { title: t('tk.import.row'), dataIndex: 'row', width: 60 },
                { title: t('tk.col.problem'), dataIndex: 'problem', width: 200, ellipsis: true },
                { title: t('tk.col.measure'), dataIndex: 'content', ellipsis: true },
                {
                  title: t('tk.col.lead'),
                  key: 'lead',
                  width: 220,
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <span>{r.leadUnits}</span>
                      {r.unmatchedUnits.length > 0 ? (
                        <Typography.Text type="warning" style={{ fontSize: 12 }}>
                          {t('tk.unmatched', { names: r.unmatchedUnits.join('、') })}
                        </Typography.Text>
                      ) : (
                        <Tag color="green">{t('tk.import.matched')}</Tag>
                      )}
                    </Space>
                  ),
                },
                { title: t('tk.col.assisting'), dataIndex: 'assistingUnits', width: 150, ellipsis: true },
                {
                  title: t('tk.col.deadline'),
                  key: 'deadline',
                  width: 130,
                  render: (_, r) => (r.longTerm ? <Tag>{t('tk.longTerm')}</Tag> : (r.deadline ?? r.deadlineText)),
                },
              ]}
            />
          </Space>
        )}
      </div>
    </Modal>
  );
}
