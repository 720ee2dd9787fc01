import { Alert, Button, Drawer, Form, Input, List, Radio, Select, Space, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api, ApiError, type FieldError } from '../../shared/client';
import type { BundleDetail, BundleMode } from '../../shared/bundles';
import type { ItemDetail } from '../../shared/cases';
import { applyFieldErrors, type NamePath } from '../../shared/formErrors';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ItemSelect } from '../../shared/components/ItemSelect';
import { useRequiredRules } from '../../shared/components/ListPage';

export interface BundleForm {
  code: string;
  name: string;
  description?: string;
  itemCodes: string[];
  mode: BundleMode;
  sharedFields: { label: string; keys: string[] }[];
}

/** `GET /api/bundles/{code}` with the configuration an administrator edits (the shared-field groups). */
export type BundleConfig = BundleDetail;

/** What the editor needs of an included item: its guide's name, promised days and form fields. */
type ItemInfo = Pick<ItemDetail, 'code' | 'name' | 'departmentName' | 'formFields'> & { promisedDays: number };

/** 总承诺时限: parallel bundles take the longest item, serial ones add them up (as the server reckons it). */
export function totalPromisedDays(days: readonly number[], mode: BundleMode): number {
  if (!days.length) return 0;
  return mode === 'serial' ? days.reduce((a, b) => a + b, 0) : Math.max(...days);
}

/** The form-field keys of the chosen items, each with its label and the items that ask for it. */
export function fieldChoices(items: readonly ItemInfo[]): { key: string; label: string; itemNames: string[] }[] {
  const byKey = new Map<string, { key: string; label: string; itemNames: string[] }>();
  for (const it of items)
    for (const f of it.formFields ?? []) {
      const e = byKey.get(f.key) ?? { key: f.key, label: f.label, itemNames: [] };
      e.itemNames.push(it.name);
      byKey.set(f.key, e);
    }
  return [...byKey.values()];
}

/** Where a server field error shows on this form (`itemCodes.1` on the item list, `sharedFields.0.keys.1` on that group's keys). */
export function bundleErrorPath(field: string): NamePath | null {
  if (['code', 'name', 'description', 'mode'].includes(field)) return [field];
  if (field === 'itemCodes' || field.startsWith('itemCodes.')) return ['itemCodes'];
  const m = /^sharedFields\.(\d+)\.(label|keys)/.exec(field);
  return m ? ['sharedFields', Number(m[1]), m[2]!] : null;
}

/** Loads the guides of the chosen items (each once). */
function useItemInfos(codes: readonly string[]): Record<string, ItemInfo> {
  const key = [...codes].sort().join(',');
  const { data } = useFetch<Record<string, ItemInfo>>(
    (signal) =>
      Promise.all(
        codes.map((code) =>
          api
            .get('/api/items/{code}', { params: { path: { code } }, signal, silent: true })
            .then((d): ItemInfo => ({
              code,
              name: d.name,
              departmentName: d.departmentName,
              formFields: d.formFields,
              promisedDays: d.promisedLimit?.days ?? 0,
            }))
            .catch((err: unknown) => {
              if (err instanceof DOMException) throw err;
              return null;
            }),
        ),
      ).then((list) => Object.fromEntries(list.filter((x): x is ItemInfo => x !== null).map((x) => [x.code, x]))),
    [key],
  );
  return data ?? {};
}

/** The ordered item list of a bundle: add by search, move up / down, remove. */
function ItemsInput({
  value = [],
  onChange,
  infos,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  infos: Record<string, ItemInfo>;
}) {
  const { t } = useI18n();
  const move = (i: number, by: number) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange?.(next);
  };
  return (
    <div data-testid="bda-items">
      <ItemSelect
        value={undefined}
        placeholder={t('bda.pickItem')}
        onChange={(code) => code && !value.includes(code) && onChange?.([...value, code])}
        testId="bda-item-picker"
        style={{ width: '100%', marginBottom: 8 }}
      />
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(code, i) => {
            const info = infos[code];
            return (
              <List.Item
                data-testid={`bda-item-${code}`}
                actions={[
                  <Button
                    key="up"
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    title={t('bda.moveUp')}
                  />,
                  <Button
                    key="down"
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={i === value.length - 1}
                    onClick={() => move(i, 1)}
                    title={t('bda.moveDown')}
                  />,
                  <Button
                    key="remove"
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => onChange?.(value.filter((c) => c !== code))}
                    title={t('bda.remove')}
                    data-testid={`bda-item-remove-${code}`}
                  />,
                ]}
              >
                <Space direction="vertical" size={0}>
                  <span>
                    {i + 1}. {info?.name ?? code}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {code}
                    {info ? ` · ${info.departmentName ?? ''} · ${t('common.workdays', { n: info.promisedDays })}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}

/**
 * Create or edit one 一件事 bundle in a drawer: code, name, description, the ordered items, parallel or
 * serial handling (with the total promised time it gives), shared fields. Server errors land on their
 * fields; those that belong to none (e.g. two items' fields conflicting) show above the form.
 */
export function BundleEditor({
  editing,
  onClose,
  onSaved,
}: {
  editing: BundleConfig | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const rules = useRequiredRules();
  const [form] = Form.useForm<BundleForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; rest: FieldError[] } | null>(null);
  const itemCodes = (Form.useWatch('itemCodes', form) as string[] | undefined) ?? [];
  const mode = (Form.useWatch('mode', form) as BundleMode | undefined) ?? 'parallel';
  const infos = useItemInfos(itemCodes);
  const choices = fieldChoices(itemCodes.map((c) => infos[c]).filter((x): x is ItemInfo => !!x));
  const days = totalPromisedDays(
    itemCodes.map((c) => infos[c]?.promisedDays ?? 0),
    mode,
  );

  useEffect(() => {
    if (editing === null) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { mode: 'parallel', itemCodes: [], sharedFields: [] }
        : {
            code: editing.code,
            name: editing.name,
            description: editing.description,
            itemCodes: editing.itemCodes,
            mode: editing.mode,
            sharedFields: editing.sharedFields,
          },
    );
  }, [editing, form]);

  const save = async (v: BundleForm) => {
    setSaving(true);
    setProblem(null);
    const fields = {
      name: v.name,
      description: v.description ?? '',
      itemCodes: v.itemCodes,
      mode: v.mode,
      sharedFields: v.sharedFields ?? [],
    };
    try {
      if (editing === 'new') await api.post('/api/bundles', { body: { code: v.code, ...fields }, silent: true });
      else if (editing)
        await api.put('/api/bundles/{code}', {
          params: { path: { code: editing.code } },
          body: { ...fields, version: editing.version, active: editing.active },
          silent: true,
        });
      onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const rest = applyFieldErrors(form, err.problem.errors, bundleErrorPath);
      setProblem({ detail: err.problem.detail ?? err.problem.title ?? t('bda.saveFailed'), rest });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={editing !== null}
      title={editing === 'new' ? t('bda.create') : t('bda.edit')}
      onClose={onClose}
      size={720}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="bda-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing && editing !== 'new' && !!editing.unavailableItems?.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('bda.unavailable')}
          description={editing.unavailableItems.map((e) => (
            <div key={e.field}>{e.message}</div>
          ))}
          data-testid="bda-unavailable"
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={problem.detail}
          description={problem.rest.length ? problem.rest.map((e) => <div key={e.field}>{e.message}</div>) : undefined}
          data-testid="bda-problem"
        />
      )}
      <Form<BundleForm> form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="bda-form">
        <Form.Item name="code" label={t('bda.code')} extra={t('bda.codeHint')} rules={[rules.required(t('bda.code'))]}>
          <Input disabled={editing !== 'new'} maxLength={48} data-testid="bda-code" />
        </Form.Item>
        <Form.Item name="name" label={t('bda.name')} rules={[rules.required(t('bda.name'))]}>
          <Input maxLength={100} data-testid="bda-name" />
        </Form.Item>
        <Form.Item name="description" label={t('bda.description')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="bda-description" />
        </Form.Item>
        <Form.Item
          name="itemCodes"
          label={t('bda.items')}
          extra={t('bda.itemsHint')}
          rules={[
            {
              validator: (_, v: string[] | undefined) =>
                (v?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('bda.itemsMin'))),
            },
          ]}
        >
          <ItemsInput infos={infos} />
        </Form.Item>
        <Form.Item
          name="mode"
          label={t('bda.mode')}
          extra={itemCodes.length ? `${t('bda.totalDays')}：${t('bda.totalDaysValue', { n: days })}` : undefined}
        >
          <Radio.Group data-testid="bda-mode">
            {(['parallel', 'serial'] as const).map((m) => (
              <Radio key={m} value={m} data-testid={`bda-mode-${m}`}>
                {t(`bda.mode.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Typography.Title level={5}>{t('bda.shared')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('bda.sharedHint')}</Typography.Paragraph>
        <Form.List name="sharedFields">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} align="start" style={{ display: 'flex' }} data-testid={`bda-shared-${row.name}`}>
                  <Form.Item
                    name={[row.name, 'label']}
                    rules={[rules.required(t('bda.sharedLabel'))]}
                    style={{ width: 180 }}
                  >
                    <Input placeholder={t('bda.sharedLabel')} maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'keys']}
                    rules={[
                      {
                        validator: (_, v: string[] | undefined) =>
                          (v?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('bda.sharedKeysMin'))),
                      },
                    ]}
                    style={{ width: 440 }}
                  >
                    <Select
                      mode="multiple"
                      placeholder={t('bda.sharedKeys')}
                      options={choices.map((c) => ({
                        value: c.key,
                        label: t('bda.fieldOf', { label: c.label, key: c.key, items: c.itemNames.join('、') }),
                      }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(row.name)}
                    title={t('bda.remove')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ label: '', keys: [] })}
                disabled={choices.length < 2}
                data-testid="bda-shared-add"
              >
                {t('bda.addShared')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
