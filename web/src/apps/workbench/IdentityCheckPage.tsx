import { Alert, App as AntApp, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, type Body, type Res } from '../../shared/client';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { formatDateTime } from '../../shared/components/common';
import { VerificationTag } from '../portal/AccountPage';

addMessages(accountZh);

type ClaimRow = Res<'/api/identity/claims'>['items'][number];

const PERSON_DOCS = ['resident_id', 'temporary_resident_id', 'hk_mo_tw_residence', 'foreigner_permanent'];
const COMPANY_DOCS = ['business_licence'];

/** 窗口实名核验: a clerk finds an applicant's account, compares the documents and confirms the claim. */
export default function IdentityCheckPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<ClaimRow[] | null>(null);
  const [target, setTarget] = useState<ClaimRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Body<'/api/identity/claims/{id}/verify'>>();

  const search = async () => {
    if (q.trim().length < 3) return;
    setRows((await api.get('/api/identity/claims', { params: { query: { q: q.trim() } } })).items);
  };
  const confirm = async (v: Body<'/api/identity/claims/{id}/verify'>) => {
    if (!target) return;
    setBusy(true);
    try {
      const updated = await api.post('/api/identity/claims/{id}/verify', {
        params: { path: { id: target.id } },
        body: v,
        form,
      });
      setRows((rs) => rs?.map((r) => (r.id === updated.id ? updated : r)) ?? null);
      void message.success(t('acct.window.ok'));
      setTarget(null);
    } catch {
      /* shown and mapped onto the fields */
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('acct.window.title')} data-testid="identity-check">
      <Alert type="info" showIcon title={t('acct.window.hint')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ maxWidth: 420, width: '100%', marginBottom: 16 }}>
        <Input
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => void search()}
          placeholder={t('acct.window.search')}
          aria-label={t('acct.window.search')}
          maxLength={64}
          data-testid="identity-check-q"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => void search()}
          data-testid="identity-check-search"
        >
          {t('common.search')}
        </Button>
      </Space.Compact>
      {rows && !rows.length ? (
        <Empty description={t('acct.window.none')} />
      ) : rows ? (
        <Table<ClaimRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('auth.username'), dataIndex: 'username', key: 'username' },
            { title: t('acct.window.name'), dataIndex: 'name', key: 'name' },
            { title: t('acct.window.kind'), key: 'kind', render: (_, r) => label('userKind', r.kind) },
            { title: t('acct.window.claim'), dataIndex: 'claimMasked', key: 'claim' },
            { title: t('auth.phone'), dataIndex: 'phoneMasked', key: 'phone' },
            {
              title: t('acct.window.status'),
              key: 'status',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <VerificationTag level={r.verification} />
                  {r.verifiedAt && <Typography.Text type="secondary">{formatDateTime(r.verifiedAt)}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '',
              key: 'act',
              render: (_, r) =>
                r.verification === 'unverified' && r.active ? (
                  <Button size="small" type="primary" onClick={() => setTarget(r)} data-testid="identity-check-open">
                    {t('acct.window.verify')}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
      <Modal
        open={!!target}
        title={target ? `${t('acct.window.verify')} · ${target.name}（${target.username}）` : ''}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        okText={t('acct.window.confirm')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          key={target?.id}
          form={form}
          layout="vertical"
          onFinish={confirm}
          initialValues={{ documentType: target?.kind === 'company' ? 'business_licence' : 'resident_id' }}
        >
          <Form.Item name="documentType" label={t('acct.window.docType')} rules={[{ required: true }]}>
            <Select
              options={(target?.kind === 'company' ? COMPANY_DOCS : PERSON_DOCS).map((d) => ({
                value: d,
                label: t(`acct.doc.${d}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="documentNumber"
            label={t('acct.window.docNumber')}
            rules={[{ required: true, message: t('common.required', { field: t('acct.window.docNumber') }) }]}
          >
            <Input maxLength={30} autoComplete="off" data-testid="identity-check-number" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
