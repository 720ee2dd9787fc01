import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { api, type Res } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { formatDateTime } from '../../shared/components/common';
import { isStrongPassword } from '../../shared/validators';
import type { VerificationLevel } from '../../shared/types';

addMessages(portalAreaZh, accountZh);

type VerificationStatus = Res<'/api/account/verification'>;
type ProviderInfo = Res<'/api/account/verification/start', 'post'>['provider'];
type SessionRow = Res<'/api/account/sessions'>['items'][number];
type AttemptRow = Res<'/api/account/sign-ins'>['items'][number];

export function VerificationTag({ level, simulated }: { level: VerificationLevel; simulated?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={level === 'unverified' ? 'orange' : 'green'} data-testid="verification-level">
        {t(`acct.verify.level.${level}` as MessageKey)}
      </Tag>
      {simulated && <Tag color="purple">{t('acct.verify.simulated')}</Tag>}
    </Space>
  );
}

export function attemptReason(t: (k: MessageKey) => string, a: { ok: boolean; reason: string | null }) {
  if (a.ok) return <Tag color="green">{t('acct.signins.ok')}</Tag>;
  const key = `acct.signins.reason.${a.reason ?? 'password'}` as MessageKey;
  return (
    <Space size={4}>
      <Tag color="red">{t('acct.signins.fail')}</Tag>
      <span>{t(key)}</span>
    </Space>
  );
}

/** 实名认证: status, the identity provider (the simulator says so), and a representative's company verification. */
function VerificationCard() {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<VerificationStatus | null>(null);
  const [pending, setPending] = useState<{ reference: string; provider: ProviderInfo } | null>(null);
  const [busy, setBusy] = useState(false);
  const [repForm] = Form.useForm<{ companyUsername: string }>();

  const load = useCallback(async () => setStatus(await api.get('/api/account/verification')), []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return <Card title={t('acct.verify.title')} loading />;

  const start = async () => {
    setBusy(true);
    try {
      const r = await api.post('/api/account/verification/start');
      // A real provider takes the user to its own page; the simulator answers here.
      if (r.redirectUrl) window.location.assign(r.redirectUrl);
      else setPending({ reference: r.reference, provider: r.provider });
    } finally {
      setBusy(false);
    }
  };
  const complete = async (outcome: 'pass' | 'fail') => {
    if (!pending) return;
    setBusy(true);
    try {
      setStatus(
        await api.post('/api/account/verification/complete', {
          body: {
            reference: pending.reference,
            answer: { outcome },
          },
        }),
      );
      void message.success(t('acct.verify.ok'));
      await refresh();
    } catch {
      /* the API client shows why */
    } finally {
      setPending(null);
      setBusy(false);
    }
  };
  const represent = async (v: { companyUsername: string }) => {
    setBusy(true);
    try {
      await api.post('/api/account/verification/represent', { body: v, form: repForm });
      void message.success(t('acct.represent.ok'));
      repForm.resetFields();
    } catch {
      /* shown */
    } finally {
      setBusy(false);
    }
  };

  const verified = status.level !== 'unverified';
  return (
    <Card title={t('acct.verify.title')} data-testid="acct-verification">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'level',
            label: t('acct.window.status'),
            children: <VerificationTag level={status.level} simulated={status.simulated} />,
          },
          { key: 'claim', label: t('acct.verify.claim'), children: status.claimMasked ?? '—' },
          ...(status.verifiedAt
            ? [{ key: 'at', label: t('acct.verify.at'), children: formatDateTime(status.verifiedAt) }]
            : []),
        ]}
      />
      {status.simulated && <Alert type="warning" showIcon title={t('acct.verify.simulatedNote')} />}
      {!verified && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Alert type="info" showIcon title={t('acct.verify.unverifiedHint')} />
          {status.kind === 'company' ? (
            <Typography.Paragraph>{t('acct.verify.companyHint')}</Typography.Paragraph>
          ) : status.provider ? (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              onClick={() => void start()}
              data-testid="acct-verify-start"
            >
              {t('acct.verify.start', { provider: status.provider.label })}
            </Button>
          ) : (
            <Typography.Paragraph>{t('acct.verify.noProvider')}</Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('acct.verify.windowHint')}</Typography.Text>
        </Space>
      )}
      {verified && status.kind === 'person' && status.provider && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('acct.represent.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('acct.represent.hint')}</Typography.Paragraph>
          <Form form={repForm} layout="inline" onFinish={represent}>
            <Form.Item
              name="companyUsername"
              label={t('acct.represent.username')}
              rules={[{ required: true, message: t('common.required', { field: t('acct.represent.username') }) }]}
            >
              <Input maxLength={64} data-testid="acct-represent-username" />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              {t('acct.represent.submit')}
            </Button>
          </Form>
        </div>
      )}
      <Modal
        open={!!pending}
        title={
          <Space>
            {t('acct.verify.simTitle')}
            <Tag color="purple">{t('acct.verify.simulated')}</Tag>
          </Space>
        }
        onCancel={() => setPending(null)}
        footer={[
          <Button key="fail" onClick={() => void complete('fail')} loading={busy} data-testid="acct-sim-fail">
            {t('acct.verify.simFail')}
          </Button>,
          <Button
            key="pass"
            type="primary"
            onClick={() => void complete('pass')}
            loading={busy}
            data-testid="acct-sim-pass"
          >
            {t('acct.verify.simPass')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{pending?.provider.label}</Typography.Paragraph>
        <Alert type="warning" showIcon title={t('acct.verify.simBody')} />
      </Modal>
    </Card>
  );
}

function PasswordCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { oldPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await api.put('/api/auth/password', { body: { oldPassword: v.oldPassword, newPassword: v.newPassword }, form });
      void message.success(t('acct.password.ok'));
      form.resetFields();
      onChanged();
    } catch {
      /* shown and mapped onto the fields */
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('acct.password.title')} data-testid="acct-password">
      <Typography.Paragraph type="secondary">{t('acct.password.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="oldPassword"
          label={t('acct.password.old')}
          rules={[{ required: true, message: t('common.required', { field: t('acct.password.old') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('acct.password.new')}
          extra={t('auth.passwordRule')}
          rules={[
            { required: true, message: t('common.required', { field: t('acct.password.new') }) },
            {
              validator: (_, v: string | undefined) =>
                !v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.passwordConfirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.passwordConfirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || getFieldValue('newPassword') === v
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('acct.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function SessionsCard({ version }: { version: number }) {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const load = useCallback(async () => setRows((await api.get('/api/account/sessions')).items), []);
  useEffect(() => {
    void load();
  }, [load, version]);
  const end = (id: string) =>
    modal.confirm({
      title: t('acct.sessions.endConfirm'),
      onOk: async () => {
        await api.del('/api/account/sessions/{id}', { params: { path: { id } } });
        void message.success(t('acct.sessions.ended'));
        await load();
      },
    });
  return (
    <Card title={t('acct.sessions.title')} data-testid="acct-sessions">
      <Table<SessionRow>
        size="small"
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('acct.sessions.device'),
            key: 'ua',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text ellipsis style={{ maxWidth: 320 }} title={r.userAgent ?? ''}>
                  {r.userAgent ?? '—'}
                </Typography.Text>
                {r.current && <Tag color="blue">{t('acct.sessions.current')}</Tag>}
              </Space>
            ),
          },
          { title: t('acct.sessions.ip'), dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('acct.sessions.created'),
            dataIndex: 'createdAt',
            key: 'created',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('acct.sessions.lastSeen'),
            dataIndex: 'lastSeenAt',
            key: 'seen',
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: '',
            key: 'end',
            render: (_, r) =>
              r.current ? null : (
                <Button size="small" danger onClick={() => end(r.id)} data-testid="acct-session-end">
                  {t('acct.sessions.end')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function SignInsCard() {
  const { t } = useI18n();
  const [rows, setRows] = useState<AttemptRow[] | null>(null);
  useEffect(() => {
    void api.get('/api/account/sign-ins').then((r) => setRows(r.items));
  }, []);
  return (
    <Card title={t('acct.signins.title')} data-testid="acct-signins">
      <Typography.Paragraph type="secondary">{t('acct.signins.hint')}</Typography.Paragraph>
      <Table<AttemptRow>
        size="small"
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          { title: t('acct.signins.at'), dataIndex: 'at', key: 'at', render: (v: string) => formatDateTime(v) },
          { title: t('acct.signins.result'), key: 'result', render: (_, r) => attemptReason(t, r) },
          { title: t('acct.sessions.ip'), dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('acct.sessions.device'),
            dataIndex: 'userAgent',
            key: 'ua',
            render: (v: string | null) => (
              <Typography.Text ellipsis style={{ maxWidth: 280 }} title={v ?? ''}>
                {v ?? '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 账号安全: identity verification (applicants), password, signed-in devices and sign-in history. */
export default function AccountPage() {
  const { user } = useAuth();
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  if (!user) return null;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="acct-title">
        {t('acct.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {user.kind !== 'staff' && (
          <Col xs={24} lg={12}>
            <VerificationCard />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <PasswordCard onChanged={() => setVersion((v) => v + 1)} />
        </Col>
        <Col xs={24}>
          <SessionsCard version={version} />
        </Col>
        <Col xs={24}>
          <SignInsCard />
        </Col>
      </Row>
    </div>
  );
}
