import { Button, Empty, Image, Input, Radio, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../client';
import { useI18n } from '../i18n';
import { caseFileUrl, type CaseMaterial, type CaseView, type Correction } from '../cases';
import { FileLine } from './FileUpload';

export type CheckResult = { result?: 'ok' | 'problem'; note?: string };
export type Checklist = Record<string, CheckResult>;

/** Typing a problem is saved once the clerk pauses. */
const SAVE_DELAY_MS = 600;

/**
 * The clerk's pre-review checklist of one case, kept on the server (`/api/cases/{id}/checks`): loaded when the
 * case is being checked, each verdict saved as it is given, so another browser finds it. The step that closes
 * the check records it and empties it; `reload` reads it again then. A refused verdict (a material never handed
 * in cannot be 符合) is undone and its reason shown by `onRefused`.
 */
export function useChecklist(
  caseId: string | undefined,
  checking: boolean,
  onRefused: (message: string) => void,
): [Checklist, (id: string, v: CheckResult) => void, () => void] {
  const [list, setList] = useState<Checklist>({});
  const [epoch, setEpoch] = useState(0);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  useEffect(() => {
    if (!caseId || !checking) return;
    let live = true;
    api
      .get('/api/cases/{id}/checks', { params: { path: { id: caseId } }, silent: true })
      .then((r) => {
        if (live)
          setList(
            Object.fromEntries(r.checks.map((c) => [c.materialId, { result: c.result, note: c.problem ?? undefined }])),
          );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseId, checking, epoch]);
  // `keepalive`: a save flushed as the page goes away still reaches the server.
  const save = (id: string, v: CheckResult, previous: CheckResult | undefined, keepalive = false) => {
    delete pending.current[id];
    if (!caseId || !v.result) return;
    api
      .put('/api/cases/{id}/checks/{materialId}', {
        params: { path: { id: caseId, materialId: id } },
        body: { result: v.result, problem: v.note?.trim() || undefined },
        silent: true,
        keepalive,
      })
      .catch((err: unknown) => {
        setList((prev) => ({ ...prev, [id]: previous ?? {} }));
        onRefused(err instanceof ApiError ? err.problem.detail : String(err));
      });
  };
  const current = useRef(list);
  current.current = list;
  // Words typed but not yet saved are saved at once when the clerk leaves the page (or reloads it).
  const pending = useRef<Record<string, (keepalive: boolean) => void>>({});
  useEffect(() => {
    const flush = () => {
      for (const [id, run] of Object.entries(pending.current)) {
        clearTimeout(timers.current[id]);
        run(true);
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [caseId]);
  const set = (id: string, v: CheckResult) => {
    const previous = current.current[id];
    clearTimeout(timers.current[id]);
    // a verdict is saved at once, the words of a problem when the clerk pauses
    if (v.result !== previous?.result) save(id, v, previous);
    else {
      pending.current[id] = (keepalive) => save(id, v, previous, keepalive);
      timers.current[id] = setTimeout(() => save(id, v, previous), SAVE_DELAY_MS);
    }
    setList((prev) => ({ ...prev, [id]: v }));
  };
  const reload = () => {
    setList({});
    setEpoch((n) => n + 1);
  };
  return [list, set, reload];
}

/** Checklist problems → the `corrections` of a one-time notice, in the clerk's words (the server adds any left out). */
export function checklistCorrections(c: CaseView, list: Checklist): Correction[] {
  return c.materials.flatMap((m) => {
    const r = list[m.materialId];
    return r?.result === 'problem' ? [{ materialId: m.materialId, problem: r.note?.trim() ?? '' }] : [];
  });
}

const STATUS_COLOURS: Record<string, string | undefined> = {
  received: 'green',
  shared: 'blue',
  rejected: 'orange',
  missing: undefined,
};

function FilePreview({ caseId, m }: { caseId: string; m: CaseMaterial }) {
  const { t } = useI18n();
  const images = m.files.filter((f) => f.mediaType.startsWith('image/'));
  const others = m.files.filter((f) => !f.mediaType.startsWith('image/'));
  return (
    <div className="material-files">
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {images.map((f) => (
              <div key={f.id} className="thumb" data-testid={`file-preview-${f.id}`}>
                <Image
                  src={caseFileUrl(caseId, f.id)}
                  alt={f.name}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                />
                <FileLine file={f} />
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id} className="pdf-line">
          <FileLine file={f} />
          <Space size={4}>
            <Button
              size="small"
              icon={<EyeOutlined />}
              href={caseFileUrl(caseId, f.id)}
              target="_blank"
              rel="noopener"
              data-testid={`file-preview-${f.id}`}
            >
              {t('case.preview')}
            </Button>
            <Button
              size="small"
              type="link"
              icon={<DownloadOutlined />}
              href={caseFileUrl(caseId, f.id, true)}
              download
              aria-label={t('case.download')}
            />
          </Space>
        </div>
      ))}
      {!m.files.length && (
        <Typography.Text type="secondary">{m.paper ? t('review.paperOnly') : t('review.noFiles')}</Typography.Text>
      )}
    </div>
  );
}

/** Materials with previews (images inline, PDFs in a new tab) and, when `checking`, the pre-review checklist. */
export function MaterialsReview({
  c,
  checking,
  list,
  onCheck,
}: {
  c: CaseView;
  checking: boolean;
  list: Checklist;
  onCheck: (materialId: string, v: CheckResult) => void;
}) {
  const { t } = useI18n();
  if (!c.materials.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const checked = c.materials.filter((m) => list[m.materialId]?.result).length;
  const problems = c.materials.filter((m) => list[m.materialId]?.result === 'problem').length;
  return (
    <div data-testid="case-materials">
      {checking && (
        <Typography.Paragraph type={problems ? 'warning' : 'secondary'} data-testid="check-summary">
          {t('review.summary', { checked, total: c.materials.length, problems })}
        </Typography.Paragraph>
      )}
      {c.materials.map((m) => {
        const r = list[m.materialId] ?? {};
        return (
          <div key={m.materialId} className="material-row" data-testid={`case-material-${m.materialId}`}>
            <Space wrap size={[6, 4]}>
              <Typography.Text strong>{m.name}</Typography.Text>
              {m.required ? <Tag color="red">{t('guide.requiredYes')}</Tag> : <Tag>{t('guide.requiredNo')}</Tag>}
              <Tag color={STATUS_COLOURS[m.status]}>{m.statusLabel}</Tag>
              {m.paper && <Tag color="purple">{t('review.paper')}</Tag>}
            </Space>
            {m.note && <div className="material-notes">{m.note}</div>}
            <FilePreview caseId={c.id} m={m} />
            {checking && (
              <div className="check-row">
                <Radio.Group
                  value={r.result}
                  onChange={(e) => onCheck(m.materialId, { ...r, result: e.target.value as CheckResult['result'] })}
                  data-testid={`check-${m.materialId}`}
                  optionType="button"
                  size="small"
                >
                  <Radio.Button value="ok" disabled={m.status === 'missing'}>
                    <span data-testid={`check-${m.materialId}-ok`}>{t('review.ok')}</span>
                  </Radio.Button>
                  <Radio.Button value="problem">
                    <span data-testid={`check-${m.materialId}-problem`}>{t('review.problem')}</span>
                  </Radio.Button>
                </Radio.Group>
                {r.result === 'problem' && (
                  <Input
                    size="small"
                    value={r.note}
                    placeholder={t('review.notePlaceholder')}
                    status={r.note?.trim() ? undefined : 'warning'}
                    onChange={(e) => onCheck(m.materialId, { ...r, note: e.target.value })}
                    data-testid={`check-${m.materialId}-note`}
                    maxLength={500}
                  />
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
