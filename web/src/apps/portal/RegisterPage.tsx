import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { api } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { isStrongPassword, isValidCreditCode, isValidIdNumber, PHONE_RE, USERNAME_RE } from '../../shared/validators';

addMessages(portalAreaZh, accountZh);

interface RegisterForm {
  kind: 'person' | 'company';
  username: string;
  password: string;
  passwordConfirm: string;
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone: string;
}

/** Applicants register themselves: natural persons (身份证号, GB 11643) or legal persons (统一社会信用代码, GB 32100). */
export default function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterForm>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();

  const onFinish = async (v: RegisterForm) => {
    setBusy(true);
    try {
      await api.post('/api/auth/register', {
        body: {
          kind: v.kind,
          username: v.username.trim(),
          password: v.password,
          name: v.name.trim(),
          phone: v.phone.trim(),
          ...(v.kind === 'person'
            ? { idNumber: v.idNumber?.trim().toUpperCase() }
            : { creditCode: v.creditCode?.trim().toUpperCase() }),
        },
        form,
        noAuthRedirect: true,
      });
      void message.success(t('auth.registerOk'));
      navigate('/login', { replace: true });
    } catch {
      /* shown by the API client and mapped onto the fields */
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="auth-card" style={{ maxWidth: 520 }}>
      <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('auth.registerTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('auth.registerSubtitle')}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('acct.register.verifyNote')} style={{ marginBottom: 16 }} />
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'person' }}
        onFinish={onFinish}
        data-testid="register-form"
        scrollToFirstError
      >
        <Form.Item name="kind" label={t('auth.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="register-kind">
            <Radio.Button value="person">
              <span data-testid="register-kind-person">{t('auth.kindPerson')}</span>
            </Radio.Button>
            <Radio.Button value="company">
              <span data-testid="register-kind-company">{t('auth.kindCompany')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={kind === 'person' ? t('auth.personName') : t('auth.companyName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', {
                field: kind === 'person' ? t('auth.personName') : t('auth.companyName'),
              }),
            },
            { min: 2, message: t('auth.nameRule') },
          ]}
        >
          <Input data-testid="register-name" maxLength={100} />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item
            name="idNumber"
            label={t('auth.idNumber')}
            rules={[
              { required: true, message: t('common.required', { field: t('auth.idNumber') }) },
              {
                validator: (_, v: string | undefined) =>
                  !v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.idNumberInvalid'))),
              },
            ]}
          >
            <Input data-testid="register-id-number" maxLength={18} autoComplete="off" />
          </Form.Item>
        ) : (
          <Form.Item
            name="creditCode"
            label={t('auth.creditCode')}
            rules={[
              { required: true, message: t('common.required', { field: t('auth.creditCode') }) },
              {
                validator: (_, v: string | undefined) =>
                  !v || isValidCreditCode(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.creditCodeInvalid'))),
              },
            ]}
          >
            <Input data-testid="register-credit-code" maxLength={18} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.phone') }) },
            { pattern: PHONE_RE, message: t('auth.phoneInvalid') },
          ]}
        >
          <Input data-testid="register-phone" maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.username') }) },
            { pattern: USERNAME_RE, message: t('auth.usernameRule') },
          ]}
        >
          <Input data-testid="register-username" autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.password') }) },
            {
              validator: (_, v: string | undefined) =>
                !v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule'))),
            },
          ]}
          extra={<span data-testid="register-password-rules">{t('auth.passwordRule')}</span>}
          hasFeedback
        >
          <Input.Password data-testid="register-password" autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('auth.passwordConfirm')}
          dependencies={['password']}
          hasFeedback
          rules={[
            { required: true, message: t('common.required', { field: t('auth.passwordConfirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || getFieldValue('password') === v
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password data-testid="register-password-confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="register-submit">
          {t('auth.registerSubmit')}
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.loginLink')}</Link>
      </div>
    </Card>
  );
}
