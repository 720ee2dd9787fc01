import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { fetchUnreadCount, MESSAGES_CHANGED } from '../messages';

const POLL_MS = 60_000;

/** 站内消息: a bell with the unread count for signed-in users; opens `/my/messages`. */
export function MessagesBell() {
  const { user } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (!user) return;
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      fetchUnreadCount(ctrl.signal)
        .then(setCount)
        .catch(() => undefined);
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(MESSAGES_CHANGED, load);
    return () => {
      ctrl.abort();
      window.clearInterval(timer);
      window.removeEventListener(MESSAGES_CHANGED, load);
    };
  }, [user, location.pathname]);

  if (!user) return null;
  return (
    <Tooltip title={t('messages.title')}>
      <Button
        type="text"
        className="header-btn"
        onClick={() => navigate('/my/messages')}
        data-testid="messages-bell"
        aria-label={t('messages.title')}
      >
        <Badge
          count={count}
          size="small"
          offset={[4, -2]}
          data-testid="messages-count"
          data-count={count}
          showZero={false}
        >
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
