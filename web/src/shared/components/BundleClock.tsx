import { Space, Tag } from 'antd';
import { useI18n } from '../i18n';
import type { BundleApplicationView } from '../bundles';

/** The bundle's own clock: the overall deadline and the working days left (or overdue). */
export function BundleClock({ v }: { v: BundleApplicationView }) {
  const { t } = useI18n();
  if (!v.deadline) return <>—</>;
  const left = v.remainingWorkingDays;
  return (
    <Space size={6} data-testid="bundle-clock" data-remaining={left ?? ''}>
      <span>
        {v.deadline}
        {v.deadlineProvisional ? ` (${t('case.provisional')})` : ''}
      </span>
      {left !== null &&
        (left < 0 ? (
          <Tag color="red">{t('bd.overdue')}</Tag>
        ) : (
          <Tag color={left <= 2 ? 'gold' : 'green'}>{t('bd.remaining', { n: left })}</Tag>
        ))}
    </Space>
  );
}
