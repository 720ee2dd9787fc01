import { App as AntApp, Alert, Button, Card, Checkbox, Input, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import type { MessageKey } from '../../shared/i18n';
import type { Paged } from '../../shared/types';
import { INDICATOR_CODES, isBadLevel, RATING_LEVELS, type RatingView } from '../../shared/ratings';

export const levelKey = (n: number) => `rate.level.${n}` as MessageKey;
export const indicatorKey = (code: string) => `rate.ind.${code}` as MessageKey;

/** 一事一评 on a finished case (`POST /api/ratings`, channel online); the rating given is shown afterwards. */
export function CaseRatingCard({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const existing = useFetch<Paged<RatingView>>(
    (signal) =>
      api.get('/api/ratings', { params: { query: { caseId, channel: 'online', pageSize: 1 } }, signal, silent: true }),
    [caseId],
  );
  const [level, setLevel] = useState<number | null>(null);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = existing.data?.items[0];

  const submit = async () => {
    if (!level) {
      setError(t('rate.levelRequired'));
      return;
    }
    if (isBadLevel(level) && !indicators.length) {
      setError(t('rate.indicatorsBad'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post('/api/ratings', {
        body: { caseId, channel: 'online', level, indicators, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        silent: true,
      });
      void message.success(t('rate.thanks'));
      existing.setData({ items: [r], total: 1, page: 1, pageSize: 1 });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.problem.detail);
    } finally {
      setBusy(false);
    }
  };

  if (existing.loading) return null;
  return (
    <Card title={t('rate.title')} className="guide-section" size="small" data-testid="rate-card">
      {done ? (
        <div data-testid="rate-done" data-level={done.level}>
          <Space wrap>
            <Typography.Text strong>{t('rate.done')}</Typography.Text>
            <Rate disabled value={done.level} />
            <Tag color={done.bad ? 'red' : 'green'}>{done.levelLabel}</Tag>
          </Space>
          {done.indicators.length > 0 && (
            <div style={{ marginTop: 8 }}>
              {done.indicators.map((i) => (
                <Tag key={i.code}>{i.label}</Tag>
              ))}
            </div>
          )}
          {done.comment && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{done.comment}</Typography.Paragraph>
          )}
        </div>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('rate.hint')}</Typography.Text>
          <Space wrap>
            {RATING_LEVELS.map((n) => (
              <Button
                key={n}
                type={level === n ? 'primary' : 'default'}
                danger={level === n && isBadLevel(n)}
                onClick={() => setLevel(n)}
                data-testid={`rate-level-${n}`}
              >
                {t(levelKey(n))}
              </Button>
            ))}
          </Space>
          <div>
            <Typography.Text>
              {level && isBadLevel(level) ? t('rate.indicatorsBad') : t('rate.indicators')}
            </Typography.Text>
            <div>
              <Checkbox.Group value={indicators} onChange={(v) => setIndicators(v as string[])}>
                {INDICATOR_CODES.online.map((code) => (
                  <Checkbox key={code} value={code} data-testid={`rate-indicator-${code}`}>
                    {t(indicatorKey(code))}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </div>
          </div>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('rate.comment')}
            data-testid="rate-comment"
          />
          {error && <Alert type="error" showIcon title={error} data-testid="rate-error" />}
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="rate-submit">
            {t('rate.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
