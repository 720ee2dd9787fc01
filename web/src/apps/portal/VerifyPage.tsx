import { Button, Card, Descriptions, Result, Skeleton, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, type Res } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { useFetch } from '../../shared/components/hooks';
import { verifiableId, verifyFailureKey } from '../../shared/problemText';

addMessages(portalAreaZh);

type UploadVerified = Res<'/api/documents/verify', 'post'>;
type Verified = Res<'/api/documents/{id}/verify'>;

function VerifiedCard({ v }: { v: Verified }) {
  const { t } = useI18n();
  return (
    <Card data-testid="verify-valid">
      <Result status="success" title={t('verify.valid')} subTitle={v.title} />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'kind', label: t('verify.kind'), children: v.kindLabel },
          { key: 'number', label: t('verify.number'), children: v.number },
          { key: 'office', label: t('verify.office'), children: v.officeName },
          { key: 'issued', label: t('verify.issuedOn'), children: v.issuedOn },
          {
            key: 'sha',
            label: 'SHA-256',
            children: <Typography.Text style={{ wordBreak: 'break-all' }}>{v.sha256}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

/** 文书核验 `/verify/:id` (the QR code on every document) and `/verify` (upload a PDF to compare byte for byte). */
export default function VerifyPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const wellFormed = !!id && verifiableId(id);
  const byId = useFetch<Verified>(
    wellFormed
      ? (signal) => api.get('/api/documents/{id}/verify', { params: { path: { id } }, signal, silent: true })
      : null,
    [id],
  );
  // a malformed id is answered here, in a plain sentence; the server's answers likewise
  const failure = id && (!wellFormed || byId.error) ? verifyFailureKey(wellFormed ? byId.error!.status : null) : null;
  const [uploaded, setUploaded] = useState<UploadVerified | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setUploaded(null);
    try {
      setUploaded(await api.postFile('/api/documents/verify', file, { name: file.name }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow-page">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="verify-title">
          <SafetyCertificateOutlined /> {t('verify.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('verify.hint')}</Typography.Paragraph>
        <Upload
          accept=".pdf,application/pdf"
          showUploadList={false}
          customRequest={({ file }) => file instanceof File && void check(file)}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="verify-upload">
            {t('verify.upload')}
          </Button>
        </Upload>
      </Card>
      {wellFormed && byId.loading && <Skeleton active />}
      {failure && (
        <Card>
          <Result status="error" title={t('verify.invalid')} subTitle={t(failure)} data-testid="verify-invalid" />
        </Card>
      )}
      {uploaded ? (
        uploaded.valid ? (
          <VerifiedCard v={uploaded} />
        ) : (
          <Card>
            <Result
              status="warning"
              title={t('verify.mismatch')}
              subTitle={`SHA-256 ${uploaded.sha256}`}
              data-testid="verify-mismatch"
            />
          </Card>
        )
      ) : (
        byId.data && <VerifiedCard v={byId.data} />
      )}
    </div>
  );
}
