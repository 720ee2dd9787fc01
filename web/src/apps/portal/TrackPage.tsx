import { Button, Card, Descriptions, Form, Input, Result, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { applyFieldErrors, knownPaths } from '../../shared/formErrors';
import { StatusTag } from '../../shared/components/CaseBits';
import type { TrackView } from '../../shared/cases';

const NUMBER_RE = /^\d{6}-\d{8}-\d{6}$/;

interface Values {
  number: string;
  idTail: string;
}

/** 办件进度查询 `/track` (no sign-in): case number + last 4 or 6 characters of the applicant's ID. */
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
        await api.get<TrackView>('/api/track', {
          query: { number: v.number.trim().toUpperCase(), idTail: v.idTail.trim().toUpperCase() },
          silent: true,
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 404) setNotFound(true);
      else if (err.status === 400) applyFieldErrors(form, err.problem.errors, knownPaths(['number', 'idTail']));
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
          initialValues={{ number: params.get('number') ?? '', idTail: '' }}
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
            name="idTail"
            label={t('track.idTail')}
            normalize={(v: string) => v?.toUpperCase()}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('track.idTail') }) },
              { pattern: /^[0-9A-Za-z]{4}([0-9A-Za-z]{2})?$/, message: t('track.idTailFormat') },
            ]}
          >
            <Input maxLength={6} autoComplete="off" data-testid="track-id-tail" />
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
