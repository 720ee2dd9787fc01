import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, ReloadOutlined, UserOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { useAuth } from '../../shared/auth';
import { homeFor } from '../../shared/areas';
import { addMessages, useI18n } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { api, ApiError, type Res } from '../../shared/client';

addMessages(portalAreaZh, accountZh);

interface LoginForm {
  username: string;
  password: string;
  challengeAnswer?: string;
}

type Challenge = Res<'/api/auth/challenge'>;

/** The server asks a challenge after repeated failures (from this address, or on this account). */
const CHALLENGE_CODES = ['challenge_required', 'challenge_failed'];

/** Only same-site paths are honoured as `next`, never another origin. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { user, login, loading } = useAuth();
  const [form] = Form.useForm<LoginForm>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = AntApp.useApp();
  const next = safeNext(params.get('next'));
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  // Each challenge is good for one answer: a new one after every attempt that needed it.
  const newChallenge = useCallback(async () => {
    form.setFieldValue('challengeAnswer', '');
    setChallenge(await api.get('/api/auth/challenge', { noAuthRedirect: true }));
  }, [form]);

  if (!loading && user && !busy) return <Navigate to={next ?? homeFor(user)} replace />;

  const onFinish = async (v: LoginForm) => {
    setBusy(true);
    try {
      const answer = v.challengeAnswer?.trim();
      const u = await login(
        v.username.trim(),
        v.password,
        challenge && answer ? { id: challenge.id, answer } : undefined,
      );
      void message.success(t('auth.loginOk'));
      navigate(next ?? homeFor(u), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        form.setFields(err.problem.errors.map((e) => ({ name: e.field as keyof LoginForm, errors: [e.message] })));
      }
      if (challenge || (err instanceof ApiError && CHALLENGE_CODES.includes(err.problem.code ?? ''))) {
        await newChallenge().catch(() => setChallenge(null));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="auth-card">
      <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('auth.loginTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('auth.loginSubtitle')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        size="large"
        data-testid="login-form"
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('auth.username') }) }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {challenge && (
          <Form.Item label={t('acct.challenge.label')} extra={t('acct.challenge.prompt')} required>
            <Space.Compact style={{ width: '100%' }}>
              <img
                src={challenge.image}
                alt={t('acct.challenge.image')}
                width={150}
                height={47}
                style={{ border: '1px solid #d9d9d9', borderRadius: '6px 0 0 6px' }}
                data-testid="login-challenge-image"
              />
              <Form.Item
                name="challengeAnswer"
                noStyle
                rules={[{ required: true, message: t('common.required', { field: t('acct.challenge.label') }) }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  aria-label={t('acct.challenge.prompt')}
                  data-testid="login-challenge-answer"
                />
              </Form.Item>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('acct.challenge.refresh')}
                title={t('acct.challenge.refresh')}
                onClick={() => void newChallenge()}
              />
            </Space.Compact>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {t('auth.noAccount')}{' '}
        <Link to="/register" data-testid="login-register-link">
          {t('auth.registerLink')}
        </Link>
      </div>
    </Card>
  );
}
