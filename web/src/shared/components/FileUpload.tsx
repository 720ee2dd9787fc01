import { Button, List, Popconfirm, Space, Tooltip, Typography, Upload } from 'antd';
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, LoadingOutlined, UploadOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { api, ApiError, newUuid } from '../client';
import { ownFileUrl, type UploadedFile } from '../cases';
import { refusalText } from '../problemText';
import { useI18n } from '../i18n';
import { formatBytes } from '../cases';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function FileIcon({ mediaType }: { mediaType: string }) {
  return mediaType === 'application/pdf' ? (
    <FilePdfOutlined style={{ color: '#c8102e' }} />
  ) : (
    <FileImageOutlined style={{ color: '#1677ff' }} />
  );
}

/** One line per file: icon, name (link), size and the first characters of its SHA-256. */
export function FileLine({ file, href }: { file: UploadedFile; href?: string }) {
  const { t } = useI18n();
  return (
    <span className="file-line">
      <FileIcon mediaType={file.mediaType} />{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="file-name">
          {file.name}
        </a>
      ) : (
        <span className="file-name">{file.name}</span>
      )}
      <Typography.Text type="secondary" className="file-meta">
        {formatBytes(file.size)} ·{' '}
        <Tooltip title={`SHA-256 ${file.sha256}`}>
          <span data-testid="file-sha">
            {t('files.sha')} {file.sha256.slice(0, 12)}…
          </span>
        </Tooltip>
      </Typography.Text>
    </span>
  );
}

interface Pending {
  uid: string;
  name: string;
}

/**
 * Form control: a list of uploaded files (`POST /api/files`), with add and remove.
 * `value`/`onChange` as antd Form.Item expects; `testId` sits on a wrapper holding the file input.
 */
export function FileUploadField({
  value,
  onChange,
  testId,
  disabled,
  maxFiles = 20,
  hrefOf = (f) => ownFileUrl(f.id),
}: {
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  testId?: string;
  disabled?: boolean;
  maxFiles?: number;
  hrefOf?: (f: UploadedFile) => string | undefined;
}) {
  const { t } = useI18n();
  const files = value ?? [];
  const [pending, setPending] = useState<Pending[]>([]);
  /** Uploads the server refused, with its reason, shown beside this material until the next upload. */
  const [refused, setRefused] = useState<{ uid: string; text: string }[]>([]);
  // Uploads finish out of order; the latest list is kept here so none is lost.
  const latest = useRef(files);
  latest.current = files;

  /** Uploads one file; true when it was stored (a refusal is shown beside the material, in its own words). */
  const upload = async (file: File): Promise<boolean> => {
    const uid = newUuid();
    setPending((p) => [...p, { uid, name: file.name }]);
    setRefused([]);
    try {
      const res = await api.upload(file, file.name, { silent: true });
      const next = [...latest.current, res];
      latest.current = next;
      onChange?.(next);
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setRefused((r) => [
        ...r,
        { uid, text: t('files.refused', { name: file.name, reason: refusalText(err.problem) }) },
      ]);
      return false;
    } finally {
      setPending((p) => p.filter((x) => x.uid !== uid));
    }
  };

  return (
    <div data-testid={testId} className="file-upload">
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        disabled={disabled || files.length + pending.length >= maxFiles}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          void upload(file).then((ok) => (ok ? onSuccess?.({}) : onError?.(new Error(file.name))));
        }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid={testId ? `${testId}-button` : undefined}>
          {t('files.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" className="file-hint">
        {t('files.hint')}
      </Typography.Text>
      {refused.map((r) => (
        <Typography.Text
          key={r.uid}
          type="danger"
          className="file-hint"
          style={{ display: 'block' }}
          role="alert"
          data-testid="upload-refused"
        >
          {r.text}
        </Typography.Text>
      ))}
      {(files.length > 0 || pending.length > 0) && (
        <List
          size="small"
          className="file-list"
          dataSource={[...files.map((f) => ({ f, p: null })), ...pending.map((p) => ({ f: null, p }))]}
          renderItem={({ f, p }) =>
            f ? (
              <List.Item
                key={f.id}
                data-testid="uploaded-file"
                data-file-id={f.id}
                actions={
                  disabled
                    ? []
                    : [
                        <Popconfirm
                          key="rm"
                          title={t('files.removeConfirm', { name: f.name })}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onChange?.(files.filter((x) => x.id !== f.id))}
                        >
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('files.remove')}
                            data-testid="file-remove"
                          />
                        </Popconfirm>,
                      ]
                }
              >
                <FileLine file={f} href={hrefOf(f)} />
              </List.Item>
            ) : p ? (
              <List.Item key={p.uid}>
                <Space>
                  <LoadingOutlined />
                  <span className="file-name">{p.name}</span>
                  <Typography.Text type="secondary">{t('files.uploading')}</Typography.Text>
                </Space>
              </List.Item>
            ) : null
          }
        />
      )}
    </div>
  );
}
