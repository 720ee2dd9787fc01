import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../client';
import { useI18n } from '../i18n';
import type { ItemSummary, Paged, RegionLevel } from '../types';
import { useDebounced, useFetch } from './hooks';

/** Pick a published item by name or code (searches `GET /api/items`). */
export function ItemSelect({
  value,
  onChange,
  testId,
  level,
  placeholder,
  allowClear = true,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined, item?: ItemSummary) => void;
  testId?: string;
  /** Only items decided or accepted at this level. */
  level?: RegionLevel;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { t, label } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const { data, loading } = useFetch<Paged<ItemSummary>>(
    (signal) =>
      api.get('/api/items', {
        params: { query: { q, level, pageSize: 30, sort: q ? 'relevance' : 'name' } },
        signal,
        silent: true,
      }),
    [q, level],
  );
  const items = data?.items ?? [];
  // The chosen item stays labelled when a later search no longer lists it.
  const [picked, setPicked] = useState<ItemSummary | undefined>();
  const shown = picked && picked.code === value && !items.some((i) => i.code === value) ? [picked, ...items] : items;
  return (
    <Select
      data-testid={testId}
      value={value}
      style={style}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={placeholder ?? t('wb.itemPlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('common.empty')}
      onChange={(code: string | undefined) => {
        const it = items.find((i) => i.code === code);
        setPicked(it);
        onChange?.(code, it);
        setSearch('');
      }}
      options={shown.map((i) => ({
        value: i.code,
        label: `${i.name}（${label('handling', i.handlingType)}）`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}
