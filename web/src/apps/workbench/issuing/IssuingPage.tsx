import { Breadcrumb, Card, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { QueueTab } from './QueueTab';
import { WaybillsTab } from './WaybillsTab';
import { StatsTab } from './StatsTab';

type Tab = 'to_issue' | 'to_deliver' | 'waybills' | 'stats';
const CLERK_TABS: Tab[] = ['to_issue', 'to_deliver', 'waybills', 'stats'];

/**
 * 统一出件 / 制证中心 `/workbench/issuing`: the exit counter of all departments. Window clerks issue
 * certificates in batches, send them by express and follow the waybills; supervisors and admins see
 * the free-delivery statistics only (the server allows them nothing else here).
 */
export default function IssuingPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = hasRole('clerk') ? CLERK_TABS : ['stats'];
  const wanted = params.get('tab') as Tab | null;
  const tab = wanted && tabs.includes(wanted) ? wanted : tabs[0]!;
  // Hidden tabs are destroyed, so each tab loads afresh when opened (a batch moves cases on to "to deliver").
  const body = (k: Tab) =>
    k === 'to_issue' || k === 'to_deliver' ? <QueueTab stage={k} /> : k === 'waybills' ? <WaybillsTab /> : <StatsTab />;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench">{t('wb.inbox')}</Link> }, { title: t('iss.title') }]}
      />
      <Card title={t('iss.title')} data-testid="iss-page">
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(k) => setParams(k === tabs[0] ? {} : { tab: k }, { replace: true })}
          items={tabs.map((k) => ({
            key: k,
            label: <span data-testid={`iss-tab-${k}`}>{t(`iss.tab.${k}`)}</span>,
            children: body(k),
          }))}
        />
      </Card>
    </div>
  );
}
