import { Button, Card, Drawer, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useDebounced, useFetch, usePagedList } from '../../shared/components/hooks';
import { ActiveTag, ActiveToggle, ErrorResult } from '../../shared/components/common';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
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
  const list = usePagedList<Hall>('/api/halls', { q: dq, regionCode }, 10);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const hall = useFetch<Hall>(selectedId ? (signal) => api.get(`/api/halls/${selectedId}`, { signal }) : null, [selectedId]);

  const [editingHall, setEditingHall] = useState<Hall | 'new' | null>(null);
  const [hallForm] = Form.useForm<HallForm>();
  const [editingWindow, setEditingWindow] = useState<HallWindow | 'new' | null>(null);
  const [windowForm] = Form.useForm<WindowForm>();
  const [saving, setSaving] = useState(false);

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

  const saveHall = async (v: HallForm) => {
    setSaving(true);
    const body = { ...v, address: v.address?.trim() || null, phone: v.phone?.trim() || null, hours: v.hours?.trim() || null };
    try {
      if (editingHall === 'new') await api.post('/api/halls', body, { form: hallForm });
      else if (editingHall) {
        const { code: _code, ...patch } = body;
        await api.patch(`/api/halls/${editingHall.id}`, patch, { form: hallForm });
      }
      void message.success(t('common.saved'));
      setEditingHall(null);
      list.reload();
      hall.reload();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const openWindow = (w: HallWindow | 'new') => {
    windowForm.resetFields();
    if (w === 'new') windowForm.setFieldsValue({ kind: 'comprehensive' });
    else windowForm.setFieldsValue({ code: w.code, name: w.name, kind: w.kind, departmentId: w.departmentId ?? undefined });
    setEditingWindow(w);
  };

  const saveWindow = async (v: WindowForm) => {
    if (!selectedId) return;
    setSaving(true);
    const body = { ...v, departmentId: v.departmentId || null };
    try {
      if (editingWindow === 'new') await api.post(`/api/halls/${selectedId}/windows`, body, { form: windowForm });
      else if (editingWindow) {
        const { code: _code, ...patch } = body;
        await api.patch(`/api/windows/${editingWindow.id}`, patch, { form: windowForm });
      }
      void message.success(t('common.saved'));
      setEditingWindow(null);
      hall.reload();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const hallColumns: ColumnsType<Hall> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code', width: 150 },
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    { title: t('common.region'), key: 'region', width: 130, render: (_, h) => h.regionName ?? h.regionCode },
    { title: t('common.address'), dataIndex: 'address', key: 'address', responsive: ['xl'] },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone', width: 130, responsive: ['lg'] },
    { title: t('common.status'), dataIndex: 'active', key: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, h) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="small" onClick={() => openHall(h)} data-testid={`hall-edit-${h.code}`}>
            {t('common.edit')}
          </Button>
          <ActiveToggle
            active={h.active}
            name={h.name}
            testId={`hall-toggle-${h.code}`}
            onToggle={async (activate) => {
              await api.post(`/api/halls/${h.id}/${activate ? 'activate' : 'deactivate'}`);
              void message.success(t('common.done'));
              list.reload();
            }}
          />
        </Space>
      ),
    },
  ];

  const windowColumns: ColumnsType<HallWindow> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code', width: 100 },
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    { title: t('common.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (k: string) => <Tag>{label('windowKind', k)}</Tag> },
    { title: t('halls.windowDept'), key: 'dept', render: (_, w) => w.departmentName ?? '' },
    { title: t('common.status'), dataIndex: 'active', key: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, w) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openWindow(w)} data-testid={`window-edit-${w.code}`}>
            {t('common.edit')}
          </Button>
          <ActiveToggle
            active={w.active}
            name={w.name}
            testId={`window-toggle-${w.code}`}
            onToggle={async (activate) => {
              await api.post(`/api/windows/${w.id}/${activate ? 'activate' : 'deactivate'}`);
              void message.success(t('common.done'));
              hall.reload();
            }}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-title">
        <h2>{t('halls.title')}</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openHall('new')} data-testid="hall-create">
          {t('halls.create')}
        </Button>
      </div>
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('halls.searchPlaceholder')}
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="hall-search"
        />
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 220 }} testId="hall-region-filter" />
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Hall>
          rowKey="id"
          size="middle"
          columns={hallColumns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          scroll={{ x: 800 }}
          data-testid="hall-table"
          onRow={(h) => ({ onClick: () => setSelectedId(h.id), style: { cursor: 'pointer' } })}
          rowClassName={(h) => (h.id === selectedId ? 'ant-table-row-selected' : '')}
        />
      )}

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

      <Drawer
        open={editingHall !== null}
        title={editingHall === 'new' ? t('halls.create') : t('halls.edit')}
        onClose={() => setEditingHall(null)}
        size={480}
        destroyOnHidden
        forceRender
        extra={
          <Space>
            <Button onClick={() => setEditingHall(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => hallForm.submit()} data-testid="hall-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={hallForm} layout="vertical" onFinish={saveHall} data-testid="hall-form">
          <Form.Item name="code" label={t('common.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) }]}>
            <Input disabled={editingHall !== 'new'} maxLength={32} data-testid="hall-code" />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) }]}>
            <Input maxLength={100} data-testid="hall-name" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('common.region')} rules={[{ required: true, message: t('common.selectRequired', { field: t('common.region') }) }]}>
            <RegionTreeSelect testId="hall-region" />
          </Form.Item>
          <Form.Item name="address" label={t('common.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('common.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('common.formatInvalid', { field: t('common.phone') }) }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="hours" label={t('common.hours')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Drawer>

      <Modal
        open={editingWindow !== null}
        title={editingWindow === 'new' ? t('halls.addWindow') : t('halls.editWindow')}
        onCancel={() => setEditingWindow(null)}
        onOk={() => windowForm.submit()}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={windowForm} layout="vertical" onFinish={saveWindow} data-testid="window-form">
          <Form.Item name="code" label={t('common.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) }]}>
            <Input disabled={editingWindow !== 'new'} maxLength={32} data-testid="window-code" />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) }]}>
            <Input maxLength={100} data-testid="window-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true, message: t('common.selectRequired', { field: t('common.kind') }) }]}>
            <Select options={WINDOW_KINDS.map((k) => ({ value: k, label: label('windowKind', k) }))} data-testid="window-kind" />
          </Form.Item>
          <Form.Item name="departmentId" label={t('halls.windowDept')}>
            <DepartmentSelect regionCode={hall.data?.regionCode} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
