import { Button, Card, Empty, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, useFetch, usePagedList } from '../../shared/components/hooks';
import { ErrorResult } from '../../shared/components/common';
import {
  actionsColumn,
  CodeNameItems,
  EditDrawer,
  FormModal,
  EditToggleActions,
  ListToolbar,
  PageHeader,
  PagedListTable,
  RegionItem,
  statusColumn,
  useRequiredRules,
  useSaving,
  useToggleActive,
} from '../../shared/components/ListPage';
import { DepartmentSelect } from '../../shared/components/selects';
import { WINDOW_KINDS, type Hall, type HallWindow, type WindowKind } from '../../shared/types';

interface HallForm {
  code: string;
  name: string;
  regionCode: string;
  address?: string;
  phone?: string;
  hours?: string;
}
interface WindowForm {
  code: string;
  name: string;
  kind: WindowKind;
  departmentId?: string;
}

/** 大厅与窗口: halls table; selecting a hall shows and manages its windows. */
export default function HallsPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const dq = useDebounced(q);
  const list = usePagedList('/api/halls', { q: dq, regionCode }, 10);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const hall = useFetch<Hall>(
    selectedId ? (signal) => api.get('/api/halls/{id}', { params: { path: { id: selectedId } }, signal }) : null,
    [selectedId],
  );

  const [editingHall, setEditingHall] = useState<Hall | 'new' | null>(null);
  const [hallForm] = Form.useForm<HallForm>();
  const [editingWindow, setEditingWindow] = useState<HallWindow | 'new' | null>(null);
  const [windowForm] = Form.useForm<WindowForm>();
  const [saving, runSave] = useSaving();
  const toggleHall = useToggleActive(list.reload);
  const toggleWindow = useToggleActive(hall.reload);
  const rules = useRequiredRules();

  const openHall = (h: Hall | 'new') => {
    hallForm.resetFields();
    if (h === 'new') hallForm.setFieldsValue({ regionCode });
    else
      hallForm.setFieldsValue({
        code: h.code,
        name: h.name,
        regionCode: h.regionCode,
        address: h.address ?? undefined,
        phone: h.phone ?? undefined,
        hours: h.hours ?? undefined,
      });
    setEditingHall(h);
  };

  const saveHall = (v: HallForm) =>
    runSave(async () => {
      const body = {
        ...v,
        address: v.address?.trim() || null,
        phone: v.phone?.trim() || null,
        hours: v.hours?.trim() || null,
      };
      if (editingHall === 'new') await api.post('/api/halls', { body, form: hallForm });
      else if (editingHall) {
        const { code: _code, ...patch } = body;
        await api.patch('/api/halls/{id}', { params: { path: { id: editingHall.id } }, body: patch, form: hallForm });
      }
      void message.success(t('common.saved'));
      setEditingHall(null);
      list.reload();
      hall.reload();
    });

  const openWindow = (w: HallWindow | 'new') => {
    windowForm.resetFields();
    if (w === 'new') windowForm.setFieldsValue({ kind: 'comprehensive' });
    else
      windowForm.setFieldsValue({
        code: w.code,
        name: w.name,
        kind: w.kind,
        departmentId: w.departmentId ?? undefined,
      });
    setEditingWindow(w);
  };

  const saveWindow = async (v: WindowForm) => {
    if (!selectedId) return;
    await runSave(async () => {
      const body = { ...v, departmentId: v.departmentId || null };
      if (editingWindow === 'new')
        await api.post('/api/halls/{id}/windows', { params: { path: { id: selectedId } }, body, form: windowForm });
      else if (editingWindow) {
        const { code: _code, ...patch } = body;
        await api.patch('/api/windows/{id}', {
          params: { path: { id: editingWindow.id } },
          body: patch,
          form: windowForm,
        });
      }
      void message.success(t('common.saved'));
      setEditingWindow(null);
      hall.reload();
    });
  };

  const hallColumns: ColumnsType<Hall> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code', width: 150 },
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    { title: t('common.region'), key: 'region', width: 130, render: (_, h) => h.regionName ?? h.regionCode },
    { title: t('common.address'), dataIndex: 'address', key: 'address', responsive: ['xl'] },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone', width: 130, responsive: ['lg'] },
    statusColumn(t('common.status')),
    actionsColumn(t('common.actions'), 150, (h) => (
      <EditToggleActions
        name={h.name}
        active={h.active}
        onEdit={() => openHall(h)}
        onToggle={toggleHall('/api/halls/{id}', h.id)}
        testPrefix="hall"
        testSuffix={h.code}
        onClick={(e) => e.stopPropagation()}
      />
    )),
  ];

  const windowColumns: ColumnsType<HallWindow> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code', width: 100 },
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('common.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (k: string) => <Tag>{label('windowKind', k)}</Tag>,
    },
    { title: t('halls.windowDept'), key: 'dept', render: (_, w) => w.departmentName ?? '' },
    statusColumn(t('common.status')),
    actionsColumn(t('common.actions'), 150, (w) => (
      <EditToggleActions
        name={w.name}
        active={w.active}
        onEdit={() => openWindow(w)}
        onToggle={toggleWindow('/api/windows/{id}', w.id)}
        testPrefix="window"
        testSuffix={w.code}
      />
    )),
  ];

  return (
    <div>
      <PageHeader
        title={t('halls.title')}
        create={{ label: t('halls.create'), onClick: () => openHall('new'), testId: 'hall-create' }}
      />
      <ListToolbar
        testPrefix="hall"
        q={q}
        onQ={setQ}
        placeholder={t('halls.searchPlaceholder')}
        regionCode={regionCode}
        onRegion={setRegionCode}
      />
      <PagedListTable<Hall>
        list={list}
        columns={hallColumns}
        scroll={{ x: 800 }}
        testId="hall-table"
        onRow={(h) => ({ onClick: () => setSelectedId(h.id), style: { cursor: 'pointer' } })}
        rowClassName={(h) => (h.id === selectedId ? 'ant-table-row-selected' : '')}
      />

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={hall.data ? t('halls.windowsOf', { name: hall.data.name }) : t('halls.windows')}
        data-testid="hall-windows"
        extra={
          selectedId && (
            <Button icon={<PlusOutlined />} onClick={() => openWindow('new')} data-testid="window-create">
              {t('halls.addWindow')}
            </Button>
          )
        }
      >
        {!selectedId ? (
          <Empty description={t('halls.selectHall')} />
        ) : hall.error ? (
          <ErrorResult error={hall.error} onRetry={hall.reload} />
        ) : (
          <Table<HallWindow>
            rowKey="id"
            size="small"
            columns={windowColumns}
            dataSource={hall.data?.windows ?? []}
            loading={hall.loading}
            pagination={false}
            locale={{ emptyText: <Empty description={t('halls.noWindows')} /> }}
            scroll={{ x: 700 }}
          />
        )}
      </Card>

      <EditDrawer
        editing={editingHall}
        titles={[t('halls.create'), t('halls.edit')]}
        onClose={() => setEditingHall(null)}
        form={hallForm}
        onFinish={saveHall}
        saving={saving}
        testPrefix="hall"
      >
        <CodeNameItems isNew={editingHall === 'new'} testPrefix="hall" />
        <RegionItem testId="hall-region" />
        <Form.Item name="address" label={t('common.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('common.phone')}
          rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('common.formatInvalid', { field: t('common.phone') }) }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="hours" label={t('common.hours')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </EditDrawer>

      <FormModal
        open={editingWindow !== null}
        title={editingWindow === 'new' ? t('halls.addWindow') : t('halls.editWindow')}
        onCancel={() => setEditingWindow(null)}
        onSave={() => windowForm.submit()}
        saving={saving}
      >
        <Form form={windowForm} layout="vertical" onFinish={saveWindow} data-testid="window-form">
          <CodeNameItems isNew={editingWindow === 'new'} testPrefix="window" />
          <Form.Item name="kind" label={t('common.kind')} rules={[rules.selectRequired(t('common.kind'))]}>
            <Select
              options={WINDOW_KINDS.map((k) => ({ value: k, label: label('windowKind', k) }))}
              data-testid="window-kind"
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('halls.windowDept')}>
            <DepartmentSelect regionCode={hall.data?.regionCode} />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
