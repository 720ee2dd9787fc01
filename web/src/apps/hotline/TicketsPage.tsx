import { Button, Select } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../shared/auth';
import { ErrorResult } from '../../shared/components/common';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ListToolbar } from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { useI18n } from '../../shared/i18n';
import { hlRoles, TICKET_STATES, TICKET_TYPES, type TicketState, type TicketType, type UnitRef } from './hotlineApi';
import { TicketTable, UnitPicker } from './parts';

/** 工单: the centre's tickets, or a unit's inbox (its own and those it passed on), filtered and paged. */
export default function TicketsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const r = hlRoles(user);
  const [q, setQ] = useState('');
  const dq = useDebounced(q);
  const [state, setState] = useState<TicketState | undefined>();
  const [type, setType] = useState<TicketType | undefined>();
  const [unit, setUnit] = useState<UnitRef | undefined>();
  const list = usePagedList('/api/hotline/tickets', { q: dq || undefined, state, type, unit: unit?.code });
  const reset = () => {
    setQ('');
    setState(undefined);
    setType(undefined);
    setUnit(undefined);
  };
  return (
    <div data-testid="hl-tickets">
      <PageHeader title={r.centre ? t('hl.tickets.title') : t('hl.tickets.inbox')} />
      <ListToolbar testPrefix="hl-tickets" q={q} onQ={setQ} placeholder={t('hl.tickets.search')}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('hl.col.state')}
          value={state}
          onChange={setState}
          options={TICKET_STATES.map((s) => ({ value: s, label: t(`hl.state.${s}`) }))}
          data-testid="hl-filter-state"
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('hl.col.type')}
          value={type}
          onChange={setType}
          options={TICKET_TYPES.map((s) => ({ value: s, label: t(`hl.type.${s}`) }))}
          data-testid="hl-filter-type"
        />
        {r.centre && (
          <div style={{ width: 300 }}>
            <UnitPicker inline value={unit} onChange={setUnit} testId="hl-filter-unit" />
          </div>
        )}
        <Button onClick={reset} data-testid="hl-filter-reset">
          {t('common.reset')}
        </Button>
      </ListToolbar>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <TicketTable
          rows={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          testId="hl-tickets-table"
        />
      )}
    </div>
  );
}
