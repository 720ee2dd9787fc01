import {
  App as AntApp,
  Alert,
  Breadcrumb,
  Button,
  Card,
  Cascader,
  Checkbox,
  Form,
  Input,
  Radio,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, type UploadedFile } from '../../shared/client';
import type { Body, Res } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { FileUploadField } from '../../shared/components/FileUpload';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { categoryOptions, TICKET_TYPES } from './hotlineTickets';

type Category = Res<'/api/my/hotline-categories'>[number];
type NewTicket = Body<'/api/my/hotline-tickets', 'post'>;
interface Values {
  type: NewTicket['type'];
  category: string[];
  regionCode: string;
  address?: string;
  content: string;
  anonymous?: boolean;
  files?: UploadedFile[];
}

/** 12345 网上留言 `/hotline/new`: a signed-in applicant files a ticket (channel web); the caller is the account. */
export default function HotlineFormPage() {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const categories = useFetch<Category[]>(
    (signal) => api.get('/api/my/hotline-categories', { signal, silent: true }),
    [],
  );
  const options = useMemo(() => categoryOptions(categories.data ?? []), [categories.data]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await api.post('/api/my/hotline-tickets', {
        body: {
          type: v.type,
          categoryCode: v.category[v.category.length - 1]!,
          regionCode: v.regionCode,
          address: v.address ?? '',
          content: v.content,
          anonymous: v.anonymous ?? false,
          fileIds: (v.files ?? []).map((f) => f.id),
        },
        form,
      });
      void message.success(t('ch.submitted', { number: created.number }));
      navigate(`/my/tickets/${created.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hotline-portal">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/my">{t('nav.my')}</Link> }, { title: t('ch.new') }]}
      />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="hotline-form-title">
            {t('ch.newTitle')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t('ch.newHint')}</Typography.Paragraph>
        {user && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${t('ch.filer')}：${user.name}${user.phoneMasked ? `（${user.phoneMasked}）` : ''}`}
            description={t('ch.filerHint')}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ type: 'help', anonymous: false }}
          onFinish={(v) => void submit(v)}
          data-testid="hotline-form"
        >
          <Form.Item name="type" label={t('ch.type')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" data-testid="hotline-type">
              {TICKET_TYPES.map((k) => (
                <Radio.Button key={k} value={k}>
                  {label('ch.t', k)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="category"
            label={t('ch.category')}
            rules={[{ required: true, message: t('ch.categoryPlaceholder') }]}
          >
            <Cascader
              options={options}
              placeholder={t('ch.categoryPlaceholder')}
              loading={categories.loading}
              data-testid="hotline-category"
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('ch.region')}
            rules={[{ required: true, message: t('ch.regionPlaceholder') }]}
          >
            <RegionTreeSelect placeholder={t('ch.regionPlaceholder')} allowClear={false} testId="hotline-region" />
          </Form.Item>
          <Form.Item name="address" label={t('ch.address')}>
            <Input maxLength={300} placeholder={t('ch.addressPlaceholder')} data-testid="hotline-address" />
          </Form.Item>
          <Form.Item name="content" label={t('ch.content')} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea
              rows={5}
              maxLength={5000}
              showCount
              placeholder={t('ch.contentPlaceholder')}
              data-testid="hotline-content"
            />
          </Form.Item>
          <Form.Item name="files" label={t('ch.files')}>
            <FileUploadField maxFiles={9} testId="hotline-files" />
          </Form.Item>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox data-testid="hotline-anonymous">{t('ch.anonymous')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="hotline-submit">
            {t('ch.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
