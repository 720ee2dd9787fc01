import { Alert, Button, Card, Checkbox, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { isBadLevel, type DeviceSessionInfo } from '../../shared/ratings';

/** 评价器 `/rate/:token` (public): big buttons on a counter tablet, one rating per token. */
export default function RateDevicePage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const info = useFetch<DeviceSessionInfo>(
    (signal) =>
      api.get('/api/ratings/device/{token}', {
        params: { path: { token } },
        signal,
        silent: true,
        noAuthRedirect: true,
      }),
    [token],
  );
  const [level, setLevel] = useState<number | null>(null);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (!level) return setError(t('rate.levelRequired'));
    if (isBadLevel(level) && !indicators.length) return setError(t('rate.indicatorsBad'));
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/ratings/device/{token}', {
        params: { path: { token } },
        body: { level, indicators, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        silent: true,
        noAuthRedirect: true,
      });
      setDone(true);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.problem.detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rate-device" data-testid="rate-device">
      {done ? (
        <Result status="success" title={<span data-testid="device-thanks">{t('rate.thanks')}</span>} />
      ) : info.loading ? (
        <Skeleton active />
      ) : info.error || !info.data ? (
        <Result
          status="warning"
          title={t('rate.deviceInvalid')}
          subTitle={info.error?.problem.detail}
          data-testid="device-invalid"
        />
      ) : (
        <Card>
          <Typography.Title level={2} style={{ marginTop: 0, textAlign: 'center' }}>
            {t('lk.deviceTitle')}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center', fontSize: 18 }} data-testid="device-case">
            {t('rate.deviceCase', { number: info.data.caseNumber, item: info.data.itemName })} ·{' '}
            {info.data.applicantName}
          </Typography.Paragraph>
          <div className="rate-device-levels">
            {info.data.levels.map((l) => (
              <Button
                key={l.level}
                size="large"
                type={level === l.level ? 'primary' : 'default'}
                danger={isBadLevel(l.level) && level === l.level}
                onClick={() => setLevel(l.level)}
                data-testid={`device-level-${l.level}`}
              >
                {l.label}
              </Button>
            ))}
          </div>
          <Typography.Title level={4}>
            {level && isBadLevel(level) ? t('rate.indicatorsBad') : t('rate.indicators')}
          </Typography.Title>
          <Checkbox.Group
            value={indicators}
            onChange={(v) => setIndicators(v as string[])}
            style={{ fontSize: 18, marginBottom: 16 }}
          >
            {info.data.indicators.map((i) => (
              <Checkbox
                key={i.code}
                value={i.code}
                style={{ fontSize: 18, padding: 8 }}
                data-testid={`device-indicator-${i.code}`}
              >
                {i.label}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('rate.comment')}
            data-testid="device-comment"
            style={{ fontSize: 18, marginBottom: 16 }}
          />
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="device-error" />
          )}
          <Button
            type="primary"
            size="large"
            block
            style={{ height: 72, fontSize: 24 }}
            loading={busy}
            onClick={() => void submit()}
            data-testid="device-submit"
          >
            {t('rate.submit')}
          </Button>
        </Card>
      )}
    </div>
  );
}
