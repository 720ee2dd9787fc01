import { Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n';
import { topicSize, type Topic } from './reportCharts';

/** A topic with its arrow: up (red) when its share grew against the previous period, down (green) when it fell. */
export function TopicWord({ topic, top, dark = false }: { topic: Topic; top: number; dark?: boolean }) {
  const { t } = useI18n();
  const arrow =
    topic.change > 0 ? (
      <ArrowUpOutlined style={{ color: '#cf1322' }} aria-label="up" />
    ) : topic.change < 0 ? (
      <ArrowDownOutlined style={{ color: '#389e0d' }} aria-label="down" />
    ) : null;
  return (
    <Tooltip
      title={t('hr.topicTip', {
        count: topic.count,
        share: topic.share,
        previous: topic.previousCount,
        previousShare: topic.previousShare,
      })}
    >
      <span
        data-testid={`hr-topic-${topic.word}`}
        data-rising={topic.rising}
        style={{
          fontSize: topicSize(topic, top),
          color: dark ? '#fff' : '#262626',
          marginRight: 16,
          whiteSpace: 'nowrap',
          display: 'inline-block',
        }}
      >
        {topic.word}
        <sup style={{ fontSize: 12, marginLeft: 2, color: dark ? '#91caff' : '#8c8c8c' }}>{topic.count}</sup>
        {arrow}
      </span>
    </Tooltip>
  );
}
