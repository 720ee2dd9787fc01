import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { homeFor, useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { ApiError } from '../../shared/api';

interface LoginForm {
  username: string;
  password: string;
}

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

  if (!loading && user && !busy) return <Navigate to={next ?? homeFor(user)} replace />;

  const onFinish = async (v: LoginForm) => {
    setBusy(true);
    try {
      const u = await login(v.username.trim(), v.password);
      void message.success(t('auth.loginOk'));
      navigate(next ?? homeFor(u), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        form.setFields(err.problem.errors.map((e) => ({ name: e.field as keyof LoginForm, errors: [e.message] })));
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
