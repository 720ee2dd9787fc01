import { App as AntApp, Button, Form, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api } from '../../shared/client';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import {
  actionsColumn,
  EditDrawer,
  RowEditButton,
  useRequiredRules,
  useSaving,
} from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { useI18n } from '../../shared/i18n';
import { useRegionNames } from '../supervision/svApi';
import type { Rule, UnitRef } from './hotlineApi';
import { CategoryCascader, UnitPicker, useCategories } from './parts';

interface RuleValues {
  categoryCode: string;
  regionCode: string;
  unit: UnitRef;
}

/** 派单规则: which unit handles a category in a region (the most specific category, then the narrowest region). */
export default function RulesPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const categories = useCategories();
  const rules = useFetch((signal) => api.get('/api/hotline/dispatch-rules', { signal, silent: true }), []);
  const items = rules.data ?? [];
  const regionNames = useRegionNames(items.map((r) => r.regionCode));
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [form] = Form.useForm<RuleValues>();
  const [saving, run] = useSaving();
  const required = useRequiredRules();

  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue(
      editing === 'new'
        ? { categoryCode: undefined, regionCode: undefined, unit: undefined }
        : {
            categoryCode: editing.categoryCode,
            regionCode: editing.regionCode,
            unit: { kind: editing.unit.kind, code: editing.unit.code },
          },
    );
  }, [editing, form]);

  const save = (v: RuleValues) =>
    run(async () => {
      await api.put('/api/hotline/dispatch-rules', { body: v, form });
      setEditing(null);
      void message.success(t('common.done'));
      rules.reload();
    });
  const remove = (r: Rule) =>
    run(async () => {
      await api.del('/api/hotline/dispatch-rules/{id}', { params: { path: { id: r.id } } });
      void message.success(t('common.done'));
      rules.reload();
    });

  const columns: ColumnsType<Rule> = [
    { title: t('hl.field.category'), dataIndex: 'categoryCode', render: (c: string) => categories.nameOf(c) },
    { title: t('common.region'), dataIndex: 'regionCode', width: 200, render: (c: string) => regionNames[c] ?? c },
    { title: t('hl.field.unit'), key: 'unit', width: 220, render: (_, r) => r.unit.name },
    actionsColumn<Rule>(t('common.actions'), 140, (r) => (
      <Space size={0}>
        <RowEditButton onClick={() => setEditing(r)} testId={`hl-rule-edit-${r.categoryCode}-${r.regionCode}`} />
        <Popconfirm
          title={t('hl.rules.deleteConfirm')}
          onConfirm={() => remove(r)}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button type="link" size="small" danger data-testid={`hl-rule-delete-${r.categoryCode}-${r.regionCode}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    )),
  ];

  return (
    <div data-testid="hl-rules">
      <PageHeader
        title={t('hl.rules.title')}
        create={{ label: t('hl.rules.create'), onClick: () => setEditing('new'), testId: 'hl-rule-create' }}
      />
      {rules.error ? (
        <ErrorResult error={rules.error} onRetry={rules.reload} />
      ) : (
        <Table<Rule>
          rowKey="id"
          size="middle"
          data-testid="hl-rules-table"
          dataSource={items}
          loading={rules.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={columns}
          locale={{ emptyText: t('hl.rules.none') }}
        />
      )}
      <EditDrawer<RuleValues>
        editing={editing}
        titles={[t('hl.rules.create'), t('hl.rules.edit')]}
        onClose={() => setEditing(null)}
        form={form}
        onFinish={save}
        saving={saving}
        testPrefix="hl-rule"
      >
        <Form.Item
          name="categoryCode"
          label={t('hl.field.category')}
          rules={[required.selectRequired(t('hl.field.category'))]}
        >
          <CategoryCascader categories={categories} testId="hl-rule-category" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('common.region')} rules={[required.selectRequired(t('common.region'))]}>
          <RegionTreeSelect testId="hl-rule-region" />
        </Form.Item>
        <Form.Item name="unit" label={t('hl.field.unit')} rules={[required.selectRequired(t('hl.field.unit'))]}>
          <UnitPicker testId="hl-rule-unit" />
        </Form.Item>
      </EditDrawer>
    </div>
  );
}
