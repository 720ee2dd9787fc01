import { Select } from 'antd';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Department, Hall, HallWindow, Paged } from '../types';
import { useFetch } from './hooks';

/** Departments of a region (and, by the server's prefix scope, of its subtree). */
export function DepartmentSelect({
  regionCode,
  value,
  onChange,
  placeholder,
  testId,
  allowClear = true,
  disabled,
  valueField = 'id',
}: {
  valueField?: 'id' | 'code';
  regionCode?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { data, loading } = useFetch<Paged<Department>>(
    regionCode ? (signal) => api.get('/api/departments', { query: { regionCode, pageSize: 200 }, signal, silent: true }) : null,
    [regionCode],
  );
  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={loading}
      allowClear={allowClear}
      disabled={disabled || !regionCode}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={regionCode ? (placeholder ?? t('common.selectRequired', { field: t('common.department') })) : t('staff.regionFirst')}
      options={(data?.items ?? [])
        .filter((d) => d.active || d[valueField] === value)
        .map((d) => ({ value: d[valueField], label: d.name }))}
    />
  );
}

export function HallSelect({
  regionCode,
  value,
  onChange,
  testId,
}: {
  regionCode?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const { data, loading } = useFetch<Paged<Hall>>(
    regionCode ? (signal) => api.get('/api/halls', { query: { regionCode, pageSize: 200 }, signal, silent: true }) : null,
    [regionCode],
  );
  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={loading}
      allowClear
      disabled={!regionCode}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={regionCode ? t('common.selectRequired', { field: t('common.hall') }) : t('staff.regionFirst')}
      options={(data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}

export function WindowSelect({
  hallId,
  value,
  onChange,
  testId,
}: {
  hallId?: string | null;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  testId?: string;
}) {
  const { t, label } = useI18n();
  const { data, loading } = useFetch<Hall>(hallId ? (signal) => api.get(`/api/halls/${hallId}`, { signal, silent: true }) : null, [hallId]);
  const windows: HallWindow[] = data?.windows ?? [];
  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={loading}
      allowClear
      disabled={!hallId}
      placeholder={t('common.selectRequired', { field: t('common.window') })}
      options={windows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}（${label('windowKind', w.kind)}）` }))}
    />
  );
}
