import { Button, Form, Modal, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { useCaseAction } from '../../shared/components/caseAction';
import { FileUploadField } from '../../shared/components/FileUpload';
import type { CasePromise, CaseView, UploadedFile } from '../../shared/cases';

/** The applicant supplies one deferred material 补交容缺材料 (action `supply-material`). */
export function SupplyMaterialButton({
  c,
  p,
  onDone,
  onStale,
}: {
  c: CaseView;
  p: CasePromise;
  onDone: (v: CaseView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ files?: UploadedFile[] }>();
  const { busy, post } = useCaseAction();
  const submit = async () => {
    let v: { files?: UploadedFile[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await post(
      c,
      {
        action: 'supply-material',
        version: c.version,
        materialId: p.materialId,
        fileIds: (v.files ?? []).map((f) => f.id),
      },
      {
        success: t('lk.supplied'),
        onDone: (view) => {
          setOpen(false);
          onDone(view);
        },
        onStale: () => {
          setOpen(false);
          onStale();
        },
      },
    );
  };
  return (
    <>
      <Button
        size="small"
        type="primary"
        icon={<UploadOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`supply-${p.materialId}`}
      >
        {t('lk.supply')}
      </Button>
      <Modal
        open={open}
        title={t('lk.supplyTitle', { name: p.materialName })}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t('lk.supply')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, 'data-testid': `supply-${p.materialId}-submit` } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="files"
            label={t('lk.supplyFiles')}
            rules={[
              {
                validator: (_, v: UploadedFile[] | undefined) =>
                  v?.length ? Promise.resolve() : Promise.reject(new Error(t('lk.filesRequired'))),
              },
            ]}
          >
            <FileUploadField testId={`supply-${p.materialId}-upload`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
