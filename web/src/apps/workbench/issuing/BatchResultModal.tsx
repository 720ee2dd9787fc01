import { Alert, Button, Modal, Space, Table, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import type { Batch, BatchItem } from './types';

/** 制证批次结果: which cases got a certificate (print each), which failed and why; the handover list. */
export function BatchResultModal({
  batch,
  numbers,
  onClose,
}: {
  batch: Batch;
  numbers: Record<string, string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const numberOf = (i: BatchItem) => i.number ?? numbers[i.caseId] ?? i.caseId;
  const printUrl = (i: BatchItem) =>
    i.documentId ? batch.printUrls[batch.documentIds.indexOf(i.documentId)] : undefined;
  return (
    <Modal
      open
      width={760}
      title={t('iss.batchResult')}
      onCancel={onClose}
      footer={
        <Space>
          <Button
            icon={<PrinterOutlined />}
            href={batch.listUrl}
            target="_blank"
            rel="noopener"
            data-testid="iss-batch-list"
          >
            {t('iss.printList')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="iss-batch-close">
            {t('common.ok')}
          </Button>
        </Space>
      }
    >
      <Alert
        type={batch.failed ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t('iss.batchSummary', { ok: batch.succeeded, failed: batch.failed })}
        data-testid="iss-batch-summary"
        data-succeeded={batch.succeeded}
        data-failed={batch.failed}
      />
      <Table<BatchItem>
        rowKey="caseId"
        size="small"
        pagination={false}
        dataSource={batch.items}
        onRow={(r) => ({ 'data-testid': `iss-batch-item-${numberOf(r)}`, 'data-ok': r.ok }) as object}
        columns={[
          { title: t('case.number'), key: 'number', render: (_, r) => numberOf(r) },
          {
            title: t('iss.certificate'),
            dataIndex: 'documentNumber',
            key: 'doc',
            render: (n: string | null) => n ?? '—',
          },
          {
            title: t('common.status'),
            key: 'ok',
            render: (_, r) =>
              r.ok ? <Tag color="green">{t('iss.batchOk')}</Tag> : <Tag color="red">{t('iss.batchFailed')}</Tag>,
          },
          { title: t('iss.reason'), key: 'error', render: (_, r) => r.error?.detail ?? '' },
          {
            title: t('common.actions'),
            key: 'print',
            render: (_, r) => {
              const url = printUrl(r);
              return url ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  href={url}
                  target="_blank"
                  rel="noopener"
                  data-testid={`iss-batch-print-${numberOf(r)}`}
                >
                  {t('iss.printCert')}
                </Button>
              ) : null;
            },
          },
        ]}
      />
    </Modal>
  );
}
