import type { Row } from '../../shared/client';
import { Alert, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { addMessages, useI18n } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { formatDateTime } from '../../shared/components/common';
import { PageHeader, PagedListTable } from '../../shared/components/ListPage';
import { attemptReason } from '../portal/AccountPage';

addMessages(accountZh);

type AttemptRow = Row<'/api/sign-in-attempts'>;

/** 登录尝试记录: every sign-in attempt on the accounts in the administrator's scope. */
export default function SignInAttemptsPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [ip, setIp] = useState('');
  const [ok, setOk] = useState<'true' | 'false' | undefined>(undefined);
  const filters = { username: useDebounced(username.trim()), ip: useDebounced(ip.trim()), ok };
  const list = usePagedList('/api/sign-in-attempts', filters);
  return (
    <div>
      <PageHeader title={t('acct.signins.adminTitle')} />
      <Alert type="info" showIcon title={t('acct.signins.adminHint')} style={{ marginBottom: 12 }} />
      <div className="toolbar">
        <Input
          allowClear
          placeholder={t('acct.signins.username')}
          aria-label={t('acct.signins.username')}
          style={{ width: 180 }}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Input
          allowClear
          placeholder={t('acct.sessions.ip')}
          aria-label={t('acct.sessions.ip')}
          style={{ width: 180 }}
          value={ip}
          onChange={(e) => setIp(e.target.value)}
        />
        <Select
          allowClear
          placeholder={t('acct.signins.filterOk')}
          aria-label={t('acct.signins.filterOk')}
          style={{ width: 120 }}
          value={ok}
          onChange={setOk}
          options={[
            { value: 'true', label: t('acct.signins.ok') },
            { value: 'false', label: t('acct.signins.fail') },
          ]}
        />
      </div>
      <PagedListTable<AttemptRow>
        list={list}
        testId="sign-in-attempts"
        size="small"
        scroll={{ x: true }}
        columns={[
          {
            title: t('acct.signins.at'),
            dataIndex: 'at',
            key: 'at',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('acct.signins.username'), dataIndex: 'username', key: 'username', width: 140 },
          {
            title: t('acct.signins.account'),
            dataIndex: 'accountName',
            key: 'account',
            width: 140,
            render: (v: string | null | undefined) => v ?? '—',
          },
          { title: t('acct.signins.result'), key: 'result', width: 200, render: (_, r) => attemptReason(t, r) },
          { title: t('acct.sessions.ip'), dataIndex: 'ip', key: 'ip', width: 140 },
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
    </div>
  );
}
