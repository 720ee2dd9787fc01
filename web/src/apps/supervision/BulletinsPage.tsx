import { App as AntApp, Button, DatePicker, Empty, Modal, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, apiUrl } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import type { Paged } from '../../shared/types';
import type { Bulletin } from './assessmentApi';

const D = 'YYYY-MM-DD';
/** The Monday of the week of `d` (weeks run Monday to Sunday, whatever the locale). */
const monday = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day');

/** 每周通报: the stored weekly bulletins (PDF), generated every Monday or on demand by a supervisor. */
export default function BulletinsPage() {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useFetch<Paged<Bulletin>>(
    (signal) => api.get('/api/assessment/bulletins', { params: { query: page }, signal, silent: true }),
    [page.page, page.pageSize],
  );
  const [dialog, setDialog] = useState(false);
  const [week, setWeek] = useState<Dayjs>(() => monday(dayjs()).subtract(7, 'day'));
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    try {
      const b = await api.post('/api/assessment/bulletins', { body: { weekFrom: monday(week).format(D) } });
      void message.success(t('bl.generated', { title: b.title }));
      setDialog(false);
      list.reload();
    } catch {
      /* shown by the API client */
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const from = monday(week).format(D);
    // Regenerating replaces the stored PDF of that week: ask first.
    if ((list.data?.items ?? []).some((b) => b.weekFrom === from)) {
      modal.confirm({
        title: t('bl.generateTitle'),
        content: t('bl.regenerate'),
        okText: t('bl.generate'),
        onOk: generate,
        okButtonProps: { 'data-testid': 'bl-regenerate-ok' } as ButtonProps,
      });
    } else void generate();
  };

  const columns: ColumnsType<Bulletin> = [
    {
      title: t('bl.col.week'),
      width: 220,
      render: (_, b) => <span style={{ whiteSpace: 'nowrap' }}>{`${b.weekFrom} ~ ${b.weekTo}`}</span>,
    },
    { title: t('bl.col.title'), dataIndex: 'title', width: 280 },
    { title: t('bl.col.region'), dataIndex: 'regionName', width: 90 },
    { title: t('bl.col.summary'), render: (_, b) => t('bl.summary', b.summary) },
    {
      title: t('bl.col.generated'),
      width: 220,
      render: (_, b) => `${b.generatedBy} ${dayjs(b.generatedAt).format('YYYY-MM-DD HH:mm')}`,
    },
    {
      title: '',
      width: 110,
      render: (_, b) => (
        <Button
          size="small"
          icon={<FilePdfOutlined />}
          href={apiUrl('/api/assessment/bulletins/{id}/pdf', { path: { id: b.id } })}
          target="_blank"
          rel="noopener"
          data-testid={`bl-open-${b.weekFrom}`}
        >
          {t('bl.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="bl-page">
      <PageHeader
        title={t('bl.title')}
        action={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog(true)} data-testid="bl-generate">
            {t('bl.generate')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('bl.hint')}</Typography.Paragraph>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Bulletin>
          rowKey="id"
          size="small"
          bordered
          data-testid="bl-table"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          onRow={(b) => ({ 'data-testid': `bl-row-${b.weekFrom}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          locale={{ emptyText: <Empty description={t('bl.empty')} data-testid="bl-empty" /> }}
        />
      )}
      <Modal
        open={dialog}
        title={t('bl.generateTitle')}
        onCancel={() => setDialog(false)}
        onOk={submit}
        okText={t('bl.generate')}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'bl-generate-ok' } as ButtonProps}
        destroyOnHidden
      >
        <DatePicker
          picker="week"
          value={week}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          format={(d) => `${monday(d).format(D)} ~ ${monday(d).add(6, 'day').format(D)}`}
          onChange={(v) => v && setWeek(monday(v))}
          placeholder={t('bl.week')}
          style={{ width: 260 }}
          data-testid="bl-week"
        />
      </Modal>
    </div>
  );
}
