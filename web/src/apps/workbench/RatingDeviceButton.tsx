import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { TabletOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { formatDateTime } from '../../shared/components/common';
import type { CaseView } from '../../shared/cases';
import type { DeviceSession } from '../../shared/ratings';

/** 评价器: a window clerk opens a one-time rating session for the counter tablet (`POST /api/ratings/device-sessions`). */
export function RatingDeviceButton({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<DeviceSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      setSession(await api.post('/api/ratings/device-sessions', { body: { caseId: c.id }, silent: true }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.problem.detail);
      setSession(null);
    } finally {
      setBusy(false);
    }
  };
  const link = session ? `${window.location.origin}/rate/${session.token}` : '';
  const shown = session !== null || error !== null;
  return (
    <>
      <Button icon={<TabletOutlined />} loading={busy} onClick={() => void open()} data-testid="wb-rating-device">
        {t('lk.ratingDevice')}
      </Button>
      <Modal
        open={shown}
        title={t('lk.deviceTitle')}
        onCancel={() => {
          setSession(null);
          setError(null);
        }}
        footer={null}
        destroyOnHidden
      >
        {error && <Alert type="warning" showIcon title={error} data-testid="wb-rating-device-error" />}
        {session && (
          <div data-testid="wb-rating-device-session">
            <Typography.Paragraph type="secondary">{t('lk.deviceHint')}</Typography.Paragraph>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                {
                  key: 'token',
                  label: t('lk.deviceToken'),
                  children: (
                    <Typography.Text
                      copyable
                      strong
                      style={{ fontSize: 22, letterSpacing: 4 }}
                      data-testid="wb-rating-device-token"
                    >
                      {session.token}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'link',
                  label: t('lk.deviceLink'),
                  children: (
                    <Typography.Link
                      copyable
                      href={link}
                      target="_blank"
                      rel="noopener"
                      data-testid="wb-rating-device-link"
                    >
                      {link}
                    </Typography.Link>
                  ),
                },
                { key: 'exp', label: t('lk.expiresAt'), children: formatDateTime(session.expiresAt) },
              ]}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
