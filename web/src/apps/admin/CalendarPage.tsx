import {
  Alert,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import type { CalendarDays, CalendarStatus, CalendarYear } from '../../shared/types';

const MonthBarChart = lazy(() => import('../../shared/components/charts/MonthBarChart'));

const STATUS_COLOR: Record<CalendarStatus, string> = { published: 'green', draft: 'orange', missing: 'red' };

interface DayForm {
  kind: 'holiday' | 'workday';
  name: string;
}

function WorkdayCalculator() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ from: Dayjs; days: number }>();
  const [result, setResult] = useState<{ from: string; days: number; date: string; provisional: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: { from: Dayjs; days: number }) => {
    setBusy(true);
    try {
      const from = v.from.format('YYYY-MM-DD');
      const r = await api.get('/api/calendar/workdays/add', {
        params: { query: { from, days: String(v.days) } },
        form,
      });
      setResult({ from, days: v.days, ...r });
    } catch {
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('calendar.calculator')} data-testid="cal-calculator" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ from: dayjs(), days: 20 }}>
        <Row gutter={8}>
          <Col span={14}>
            <Form.Item
              name="from"
              label={t('calendar.from')}
              rules={[{ required: true, message: t('common.selectRequired', { field: t('calendar.from') }) }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="cal-calc-from" allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="days"
              label={t('calendar.days')}
              rules={[{ required: true, message: t('common.required', { field: t('calendar.days') }) }]}
            >
              <InputNumber min={0} max={3650} style={{ width: '100%' }} data-testid="cal-calc-days" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="cal-calc-submit">
          {t('calendar.calculate')}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.provisional ? 'warning' : 'success'}
          showIcon
          data-testid="cal-calc-result"
          title={t('calendar.resultDate', { from: result.from, n: result.days, date: result.date })}
          description={result.provisional ? t('calendar.provisional') : undefined}
        />
      )}
    </Card>
  );
}

/** 工作日历: official holidays (休) and swapped workdays (班) per year, publishing, and a working-day calculator. */
export default function CalendarPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const thisYear = dayjs().year();
  const [value, setValue] = useState<Dayjs>(dayjs());
  const year = value.year();
  const years = useFetch<CalendarYear[]>((signal) => api.get('/api/calendar/years', { signal }), []);
  const days = useFetch<CalendarDays>(
    (signal) => api.get('/api/calendar/days', { params: { query: { year } }, signal }),
    [year],
  );
  const [editing, setEditing] = useState<Dayjs | null>(null);
  const [dayForm] = Form.useForm<DayForm>();
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishForm] = Form.useForm<{ notice: string }>();
  const [saving, setSaving] = useState(false);

  const byDate = useMemo(() => new Map((days.data?.items ?? []).map((d) => [d.date, d])), [days.data]);
  const yearInfo = years.data?.find((y) => y.year === year);
  const nextYear = thisYear + 1;
  const nextInfo = years.data?.find((y) => y.year === nextYear);
  const nextMissing = !!years.data && (!nextInfo || nextInfo.status === 'missing');
  const editingDay = editing ? byDate.get(editing.format('YYYY-MM-DD')) : undefined;

  const refresh = () => {
    days.reload();
    years.reload();
  };

  const openDay = (d: Dayjs) => {
    const existing = byDate.get(d.format('YYYY-MM-DD'));
    dayForm.resetFields();
    dayForm.setFieldsValue(
      existing
        ? { kind: existing.kind, name: existing.name }
        : { kind: d.day() === 0 || d.day() === 6 ? 'workday' : 'holiday', name: '' },
    );
    setEditing(d);
  };

  const saveDay = async (v: DayForm) => {
    if (!editing) return;
    setSaving(true);
    try {
      await api.put('/api/calendar/days/{date}', {
        params: { path: { date: editing.format('YYYY-MM-DD') } },
        body: { kind: v.kind, name: v.name.trim() },
        form: dayForm,
      });
      void message.success(t('common.saved'));
      setEditing(null);
      refresh();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const removeDay = async () => {
    if (!editing) return;
    try {
      await api.del('/api/calendar/days/{date}', { params: { path: { date: editing.format('YYYY-MM-DD') } } });
      void message.success(t('common.done'));
      setEditing(null);
      refresh();
    } catch {
      /* shown */
    }
  };

  const publish = async (v: { notice: string }) => {
    setSaving(true);
    try {
      await api.put('/api/calendar/years/{year}', {
        params: { path: { year } },
        body: { status: 'published', notice: v.notice.trim() },
        form: publishForm,
      });
      void message.success(t('common.done'));
      setPublishOpen(false);
      refresh();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const chart = useMemo(() => {
    const holidays = Array<number>(12).fill(0);
    const workdays = Array<number>(12).fill(0);
    for (const d of days.data?.items ?? []) {
      const m = Number(d.date.slice(5, 7)) - 1;
      if (m < 0 || m > 11) continue;
      if (d.kind === 'holiday') holidays[m] = (holidays[m] ?? 0) + 1;
      else workdays[m] = (workdays[m] ?? 0) + 1;
    }
    return { holidays, workdays };
  }, [days.data]);

  const yearOptions = (years.data ?? []).map((y) => ({
    value: y.year,
    label: (
      <span>
        {y.year} <Tag color={STATUS_COLOR[y.status]}>{label('calendar.status', y.status)}</Tag>
      </span>
    ),
  }));
  if (!yearOptions.some((o) => o.value === year)) yearOptions.push({ value: year, label: <span>{year}</span> });
  yearOptions.sort((a, b) => a.value - b.value);

  const dateCell = (d: Dayjs) => {
    const key = d.format('YYYY-MM-DD');
    const entry = byDate.get(key);
    const inMonth = d.month() === value.month();
    const weekend = d.day() === 0 || d.day() === 6;
    return (
      <div
        className={`ant-picker-cell-inner ant-picker-calendar-date${d.isSame(dayjs(), 'day') ? ' ant-picker-calendar-date-today' : ''}`}
        data-testid={`cal-day-${key}`}
        data-kind={entry?.kind ?? (weekend ? 'weekend' : 'weekday')}
        style={{ opacity: inMonth ? 1 : 0.45 }}
      >
        <div
          className="ant-picker-calendar-date-value"
          style={{ color: weekend && entry?.kind !== 'workday' ? '#cf1322' : undefined }}
        >
          {d.date()}
        </div>
        <div className="ant-picker-calendar-date-content">
          {entry && (
            <div className="cal-cell">
              <span className={`cal-mark ${entry.kind}`}>
                {entry.kind === 'holiday' ? t('calendar.holidayMark') : t('calendar.workdayMark')}
              </span>
              <span>{entry.name}</span>
            </div>
          )}
        </div>
      </div>
    );
  };

  if (years.error) return <ErrorResult error={years.error} onRetry={years.reload} />;

  return (
    <div>
      <div className="page-title">
        <h2>{t('calendar.title')}</h2>
        <Space wrap>
          <span>{t('calendar.year')}</span>
          <Select
            style={{ width: 160 }}
            loading={years.loading}
            value={year}
            options={yearOptions}
            onChange={(y: number) => setValue(value.year(y))}
            data-testid="cal-year-select"
          />
          <Button
            type="primary"
            data-testid="cal-publish"
            onClick={() => {
              publishForm.setFieldsValue({ notice: yearInfo?.notice ?? '' });
              setPublishOpen(true);
            }}
          >
            {t('calendar.publish')}
          </Button>
        </Space>
      </div>
      {nextMissing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="cal-missing-next"
          title={t('calendar.missingNext', { year: nextYear })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small" data-testid="cal-calendar">
            <Spin spinning={days.loading}>
              {days.error ? (
                <ErrorResult error={days.error} onRetry={days.reload} />
              ) : (
                <Calendar
                  value={value}
                  onPanelChange={(d) => setValue(d)}
                  onSelect={(d, info) => {
                    setValue(d);
                    if (info.source === 'date') openDay(d);
                  }}
                  fullCellRender={(d, info) => (info.type === 'date' ? dateCell(d) : info.originNode)}
                />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={`${year}`} style={{ marginBottom: 16 }} data-testid="cal-year-info">
            {yearInfo ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 's',
                    label: t('common.status'),
                    children: (
                      <Tag color={STATUS_COLOR[yearInfo.status]}>{label('calendar.status', yearInfo.status)}</Tag>
                    ),
                  },
                  { key: 'n', label: t('calendar.notice'), children: yearInfo.notice ?? t('common.notSet') },
                  { key: 'src', label: t('calendar.source'), children: yearInfo.source ?? t('common.notSet') },
                  {
                    key: 'c',
                    label: t('calendar.counts'),
                    children: (
                      <Space orientation="vertical" size={0}>
                        <span>{t('calendar.holidayCount', { n: yearInfo.holidayCount })}</span>
                        <span>{t('calendar.workdayCount', { n: yearInfo.workdayCount })}</span>
                      </Space>
                    ),
                  },
                ]}
              />
            ) : years.loading ? (
              <Spin />
            ) : (
              <Empty description={label('calendar.status', 'missing')} />
            )}
          </Card>
          <WorkdayCalculator />
          <Card size="small" title={t('calendar.chartTitle')}>
            {(days.data?.items.length ?? 0) > 0 ? (
              <Suspense fallback={<Spin />}>
                <MonthBarChart
                  labels={Array.from({ length: 12 }, (_, i) => t('calendar.month', { n: i + 1 }))}
                  series={[
                    { name: t('calendar.holiday'), data: chart.holidays, color: '#389e0d' },
                    { name: t('calendar.workday'), data: chart.workdays, color: '#cf1322' },
                  ]}
                />
              </Suspense>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>

      <Modal
        open={editing !== null}
        title={editing ? t('calendar.setDay', { date: editing.format('YYYY-MM-DD') }) : ''}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
        footer={
          <Space>
            {editingDay && (
              <Popconfirm
                title={t('calendar.removeConfirm', { date: editingDay.date })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => void removeDay()}
              >
                <Button danger data-testid="cal-day-remove">
                  {t('calendar.removeDay')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => dayForm.submit()} data-testid="cal-day-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={dayForm} layout="vertical" onFinish={saveDay} data-testid="cal-day-form">
          <Form.Item name="kind" label={t('calendar.dayKind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="holiday">
                <span data-testid="cal-day-kind-holiday">
                  {t('calendar.holidayMark')} · {t('calendar.holiday')}
                </span>
              </Radio.Button>
              <Radio.Button value="workday">
                <span data-testid="cal-day-kind-workday">
                  {t('calendar.workdayMark')} · {t('calendar.workday')}
                </span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('calendar.dayName')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('calendar.dayName') }) },
            ]}
          >
            <Input placeholder={t('calendar.dayNamePlaceholder')} maxLength={50} data-testid="cal-day-name" />
          </Form.Item>
          {editingDay?.source && (
            <Typography.Text type="secondary">
              {t('calendar.source')}：{editingDay.source}
            </Typography.Text>
          )}
        </Form>
      </Modal>

      <Modal
        open={publishOpen}
        title={t('calendar.publishTitle', { year })}
        onCancel={() => setPublishOpen(false)}
        onOk={() => publishForm.submit()}
        confirmLoading={saving}
        okText={t('calendar.publish')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={publishForm} layout="vertical" onFinish={publish}>
          <Form.Item
            name="notice"
            label={t('calendar.notice')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('calendar.notice') }) },
            ]}
          >
            <Input placeholder={t('calendar.noticePlaceholder')} maxLength={100} data-testid="cal-publish-notice" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
