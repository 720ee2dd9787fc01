import { Breadcrumb, Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { MyCaseList } from '../../shared/components/MyCaseList';
import { MyBundleList } from './MyBundleList';

/** 我的办件 `/my/cases`: every case the applicant filed, drafts included, and the 一件事 applications tracked as one. */
export default function MyCasesPage() {
  const { t } = useI18n();
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/my">{t('nav.my')}</Link> }, { title: t('my.cases') }]}
      />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-cases-title">
            {t('my.cases')}
          </Typography.Title>
        }
        data-testid="my-cases"
      >
        <MyCaseList />
      </Card>
      <Card title={t('bd.mine')} style={{ marginTop: 16 }}>
        <MyBundleList />
      </Card>
    </div>
  );
}
