import { Button, Card, Empty, Input, Pagination, Select, Skeleton, Space, Typography } from 'antd';
import {
  ClockCircleOutlined,
  FileSearchOutlined,
  PhoneOutlined,
  RightOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type QueryOf } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import { Later } from '../../shared/components/Later';
import { BundleCatalog } from './BundleCatalog';
import { CITY_DEPARTMENTS_QUERY, HOME_PAGE_SIZE } from './requests';
import { ITEM_TYPES, REGION_LEVELS, type Department, type ItemSummary, type Paged } from '../../shared/types';

addMessages(portalAreaZh);

/** A filter choice: a toggle button (a plain element: the filters have nineteen of them). */
function Chip({
  checked,
  onChange,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="filter-chip"
      aria-pressed={checked}
      onClick={() => onChange(!checked)}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** Portal home: search the item catalogue with type / department / level filters; state lives in the URL. */
export default function HomePage() {
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // Filters come from the address bar as typed; the server refuses an unknown value.
  type ItemQuery = QueryOf<'/api/items'>;
  const type = (params.get('type') ?? '') as NonNullable<ItemQuery['type']> | '';
  const department = params.get('department') ?? '';
  const level = (params.get('level') ?? '') as NonNullable<ItemQuery['level']> | '';
  const region = params.get('region') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const departments = useFetch<Paged<Department>>(
    (signal) => api.get('/api/departments', { params: { query: CITY_DEPARTMENTS_QUERY }, signal, silent: true }),
    [],
  );
  const results = useFetch<Paged<ItemSummary>>(
    (signal) =>
      api.get('/api/items', {
        params: {
          query: {
            q,
            regionCode: region,
            departmentCode: department,
            type: type || undefined,
            level: level || undefined,
            page,
            pageSize: HOME_PAGE_SIZE,
          },
        },
        signal,
      }),
    [q, region, department, type, level, page],
  );
  const hasFilters = !!(q || type || department || level || region);

  return (
    <div>
      <section className="hero">
        <h1>{t('portal.heroTitle')}</h1>
        <p>{t('app.slogan')}</p>
        <Space.Compact style={{ width: '100%' }} size="large">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value && q) update({ q: '' });
            }}
            onPressEnter={() => update({ q: text.trim() })}
            placeholder={t('portal.searchPlaceholder')}
            data-testid="portal-search"
            aria-label={t('portal.searchPlaceholder')}
          />
          <Button
            type="primary"
            onClick={() => update({ q: text.trim() })}
            data-testid="portal-search-submit"
            className="hero-search-btn"
          >
            {t('portal.searchButton')}
          </Button>
        </Space.Compact>
        <div className="hero-links">
          <Link to="/track" data-testid="home-track">
            <FileSearchOutlined /> {t('track.title')}
          </Link>
          <Link to="/hotline/new" data-testid="home-hotline">
            <PhoneOutlined /> {t('ch.new')}
          </Link>
        </div>
      </section>

      {!hasFilters && <BundleCatalog />}

      {/* Plain elements around the filters (antd's card, space and grid cost the home's first render on a phone). */}
      <div className="plain-card">
        <div className="plain-card-body filter-panel">
          <div className="filter-row" data-testid="type-filter">
            <span className="filter-label">{t('portal.typeFilter')}</span>
            <Chip checked={!type} onChange={() => update({ type: '' })} testId="type-chip-all">
              {t('common.all')}
            </Chip>
            {ITEM_TYPES.map((code) => (
              <Chip
                key={code}
                checked={type === code}
                onChange={(on) => update({ type: on ? code : '' })}
                testId={`type-chip-${code}`}
              >
                {label('itemType', code)}
              </Chip>
            ))}
          </div>
          <div className="filter-row" data-testid="level-filter">
            <span className="filter-label">{t('portal.levelFilter')}</span>
            <Chip checked={!level} onChange={() => update({ level: '' })} testId="level-chip-all">
              {t('common.all')}
            </Chip>
            {REGION_LEVELS.map((code) => (
              <Chip
                key={code}
                checked={level === code}
                onChange={(on) => update({ level: on ? code : '' })}
                testId={`level-chip-${code}`}
              >
                {label('level', code)}
              </Chip>
            ))}
          </div>
          <div className="filter-department">
            <span className="filter-label">{t('portal.departmentFilter')}</span>
            <div className="filter-department-select">
              <Select
                data-testid="portal-department"
                aria-label={t('portal.departmentFilter')}
                style={{ width: '100%', maxWidth: 360 }}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={departments.loading}
                value={department || undefined}
                placeholder={t('portal.departmentPlaceholder')}
                onChange={(v: string | undefined) => update({ department: v ?? '' })}
                options={(departments.data?.items ?? [])
                  .filter((d) => d.active !== false)
                  .map((d) => ({ value: d.code, label: d.name }))}
              />
            </div>
            {hasFilters && (
              <Button type="link" onClick={() => setParams(new URLSearchParams())} data-testid="clear-filters">
                {t('portal.clearFilters')}
              </Button>
            )}
          </div>
        </div>
      </div>

      {results.error ? (
        <ErrorResult error={results.error} onRetry={results.reload} />
      ) : results.loading && !results.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : results.data && results.data.items.length > 0 ? (
        <>
          <Typography.Text type="secondary" data-testid="result-count">
            {t('portal.resultsCount', { n: results.data.total })}
          </Typography.Text>
          {/* Plain links rather than antd cards: ten of them were most of the page's render on a phone. */}
          <ul className="item-results" aria-busy={results.loading}>
            {results.data.items.map((item) => (
              <li key={item.code}>
                <Link
                  to={`/items/${encodeURIComponent(item.code)}`}
                  className="item-result"
                  data-testid="item-result"
                  data-code={item.code}
                >
                  <div className="item-result-main">
                    <div className="item-card-title">{item.name}</div>
                    <div className="item-meta">
                      <span className="item-type">{item.typeLabel || label('itemType', item.type)}</span>
                      <span>{item.departmentName}</span>
                      <span>{label('level', item.decideLevel)}</span>
                      <span>{label('handling', item.handlingType)}</span>
                      {item.promisedDays !== null && (
                        <span>
                          <ClockCircleOutlined /> {t('portal.promised')}{' '}
                          {t('common.workdays', { n: item.promisedDays })}
                          {item.statutoryDays !== null && ` / ${t('portal.statutory')} ${item.statutoryDays}`}
                        </span>
                      )}
                      <span>{item.visits === 0 ? t('portal.zeroVisit') : t('portal.visits', { n: item.visits })}</span>
                    </div>
                  </div>
                  <span className="item-result-go hide-xs">
                    {t('portal.viewGuide')} <RightOutlined />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {/* Below the first screen: rendered in a later task. */}
          <Later>
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <Pagination
                data-testid="result-pagination"
                current={results.data.page}
                pageSize={results.data.pageSize}
                total={results.data.total}
                showSizeChanger={false}
                responsive
                showLessItems
                onChange={(p) => update({ page: String(p) })}
              />
            </div>
          </Later>
        </>
      ) : (
        <Card>
          <Empty
            data-testid="result-empty"
            description={
              <>
                <div>{t('portal.noResults')}</div>
                <Typography.Text type="secondary">{t('portal.noResultsHint')}</Typography.Text>
              </>
            }
          >
            {hasFilters && <Button onClick={() => setParams(new URLSearchParams())}>{t('portal.clearFilters')}</Button>}
          </Empty>
        </Card>
      )}
    </div>
  );
}
