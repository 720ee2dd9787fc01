import { Button, Card, Descriptions, Form, Input, Result, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { applyFieldErrors, knownPaths } from '../../shared/formErrors';
import { StatusTag } from '../../shared/components/CaseBits';
import type { TrackView } from '../../shared/cases';

addMessages(portalAreaZh);

const NUMBER_RE = /^\d{6}-\d{8}-\d{6}$/;
/** 查询码: 10 characters without look-alikes (0, 1, I, L, O), optionally grouped 5-5. */
const CODE_RE = /^[2-9A-HJKMNP-Z]{5}[- ]?[2-9A-HJKMNP-Z]{5}$/;

interface Values {
  number: string;
  code: string;
}

/** 办件进度查询 `/track` (no sign-in): case number + the case's tracking code 查询码. */
export default function TrackPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrackView | null>(null);
  const [notFound, setNotFound] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setNotFound(false);
    setResult(null);
    try {
      setResult(
        await api.get('/api/track', {
          params: { query: { number: v.number.trim().toUpperCase(), code: v.code.trim().toUpperCase() } },
          silent: true,
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 404) setNotFound(true);
      else if (err.status === 400) applyFieldErrors(form, err.problem.errors, knownPaths(['number', 'code']));
      else if (err.status === 429) form.setFields([{ name: 'code', errors: [t('track.tooMany')] }]);
      else form.setFields([{ name: 'number', errors: [err.problem.detail] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="track-title">
          {t('track.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('track.hint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ number: params.get('number') ?? '', code: params.get('code') ?? '' }}
          data-testid="track-form"
        >
          <Form.Item
            name="number"
            label={t('track.number')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('track.number') }) },
              {
                validator: (_, v: string) =>
                  NUMBER_RE.test((v ?? '').trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('track.numberFormat'))),
              },
            ]}
          >
            <Input placeholder="211100-20261123-000042" autoComplete="off" data-testid="track-number" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('track.code')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('track.code') }) },
              {
                validator: (_, v: string) =>
                  CODE_RE.test((v ?? '').trim()) ? Promise.resolve() : Promise.reject(new Error(t('track.codeFormat'))),
              },
            ]}
          >
            <Input maxLength={11} placeholder="K7M2P-9QX4R" autoComplete="off" data-testid="track-code" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            loading={busy}
            block
            data-testid="track-submit"
          >
            {t('track.submit')}
          </Button>
        </Form>
      </Card>

      {notFound && (
        <Card style={{ marginTop: 16 }}>
          <Result
            status="warning"
            title={t('track.notFound')}
            subTitle={t('track.notFoundHint')}
            data-testid="track-not-found"
          />
        </Card>
      )}
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="track-result" title={result.itemName}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'number',
                label: t('track.number'),
                children: <span className="case-number">{result.number}</span>,
              },
              {
                key: 'status',
                label: t('common.status'),
                children: <StatusTag status={result.status} label={result.statusLabel} />,
              },
              { key: 'submitted', label: t('case.submittedAt'), children: result.submittedOn ?? '—' },
              { key: 'accepted', label: t('case.acceptedOn'), children: result.acceptedOn ?? '—' },
              { key: 'promised', label: t('case.promisedDeadline'), children: result.promisedDeadline ?? '—' },
              ...(result.finishedOn
                ? [{ key: 'finished', label: t('case.finishedOn'), children: result.finishedOn }]
                : []),
            ]}
          />
          <Typography.Title level={5}>{t('case.history')}</Typography.Title>
          <Timeline
            data-testid="track-steps"
            items={[...result.steps].reverse().map((s, i) => ({
              key: i,
              content: (
                <div>
                  <Typography.Text strong>{s.label}</Typography.Text>
                  <Typography.Text type="secondary"> → {s.statusLabel}</Typography.Text>
                  <div className="history-meta">{s.on}</div>
                </div>
              ),
            }))}
          />
        </Card>
      )}
    </div>
  );
}
