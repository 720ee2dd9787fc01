import { Select } from 'antd';
import { api } from '../client';
import { useI18n } from '../i18n';
import type { Department, Hall, Paged } from '../types';
import { useFetch } from './hooks';

interface Option {
  value: string;
  label: string;
}

/** What every remote select takes from a form item (or its caller). */
interface SelectProps {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  testId?: string;
}

/**
 * A select whose options are loaded from the API: `load` is null until the select has what it needs
 * (it is then disabled); it reloads when `deps` change.
 */
export function RemoteSelect<T>({
  load,
  deps,
  toOptions,
  value,
  onChange,
  testId,
  placeholder,
  allowClear = true,
  disabled,
  searchable = true,
}: SelectProps & {
  load: ((signal: AbortSignal) => Promise<T>) | null;
  deps: unknown[];
  toOptions: (data: T | undefined) => Option[];
  placeholder: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Type to filter the options by their label. */
  searchable?: boolean;
}) {
  const { data, loading } = useFetch<T>(load, deps);
  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={loading}
      allowClear={allowClear}
      disabled={disabled || load === null}
      {...(searchable ? { showSearch: { optionFilterProp: 'label' } } : {})}
      placeholder={placeholder}
      options={toOptions(data)}
    />
  );
}

/** `GET path?regionCode&pageSize=200` once a region is chosen. */
const byRegion = (regionCode: string | undefined) =>
  regionCode ? { params: { query: { regionCode, pageSize: 200 } }, silent: true } : null;

/** Departments of a region (and, by the server's prefix scope, of its subtree). */
export function DepartmentSelect({
  regionCode,
  placeholder,
  allowClear = true,
  disabled,
  valueField = 'id',
  ...rest
}: SelectProps & {
  valueField?: 'id' | 'code';
  regionCode?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <RemoteSelect<Paged<Department>>
      {...rest}
      load={byRegion(regionCode) && ((signal) => api.get('/api/departments', { ...byRegion(regionCode)!, signal }))}
      deps={[regionCode]}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={
        regionCode
          ? (placeholder ?? t('common.selectRequired', { field: t('common.department') }))
          : t('staff.regionFirst')
      }
      toOptions={(data) =>
        (data?.items ?? [])
          .filter((d) => d.active || d[valueField] === rest.value)
          .map((d) => ({ value: d[valueField], label: d.name }))
      }
    />
  );
}

export function HallSelect({ regionCode, ...rest }: SelectProps & { regionCode?: string }) {
  const { t } = useI18n();
  return (
    <RemoteSelect<Paged<Hall>>
      {...rest}
      load={byRegion(regionCode) && ((signal) => api.get('/api/halls', { ...byRegion(regionCode)!, signal }))}
      deps={[regionCode]}
      placeholder={regionCode ? t('common.selectRequired', { field: t('common.hall') }) : t('staff.regionFirst')}
      toOptions={(data) => (data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}

export function WindowSelect({ hallId, ...rest }: SelectProps & { hallId?: string | null }) {
  const { t, label } = useI18n();
  return (
    <RemoteSelect<Hall>
      {...rest}
      load={
        hallId
          ? (signal) => api.get('/api/halls/{id}', { params: { path: { id: hallId } }, signal, silent: true })
          : null
      }
      deps={[hallId]}
      searchable={false}
      placeholder={t('common.selectRequired', { field: t('common.window') })}
      toOptions={(data) =>
        (data?.windows ?? []).map((w) => ({
          value: w.id,
          label: `${w.code} ${w.name}（${label('windowKind', w.kind)}）`,
        }))
      }
    />
  );
}
