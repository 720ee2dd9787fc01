import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { TreeDataNode } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import { api, type Res } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ActiveTag, ErrorResult } from '../../shared/components/common';
import { CITY_CODE, REGION_LEVELS, type Region, type RegionLevel } from '../../shared/types';

/** A child region as its parent lists it (without the path). */
type RegionChild = Res<'/api/regions/{code}/children'>['items'][number];

interface ChildForm {
  code: string;
  name: string;
  level: RegionLevel;
  kind: 'admin' | 'economic_zone';
}

const nextLevel = (l: RegionLevel): RegionLevel =>
  REGION_LEVELS[Math.min(REGION_LEVELS.indexOf(l) + 1, REGION_LEVELS.length - 1)] ?? 'village';

const pathText = (r: Region): string => [...(r.path ?? []).map((p) => p.name), r.name].join(' / ');

/** 区划: a lazily loaded tree of the four levels, a detail panel, create / rename / (de)activate. */
export default function RegionsPage() {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const [children, setChildren] = useState<Record<string, RegionChild[]>>({});
  const [parentOf, setParentOf] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [childOpen, setChildOpen] = useState(false);
  const [renameOpen, setRenameOpen] = useState(false);
  const [childForm] = Form.useForm<ChildForm>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);

  const root = useFetch<Region>(
    (signal) => api.get('/api/regions/{code}', { params: { path: { code: CITY_CODE } }, signal }),
    [],
  );
  const detail = useFetch<Region>(
    selected ? (signal) => api.get('/api/regions/{code}', { params: { path: { code: selected } }, signal }) : null,
    [selected],
  );

  const loadChildren = useCallback(async (code: string) => {
    const res = await api.get('/api/regions/{code}/children', { params: { path: { code } } });
    setChildren((prev) => ({ ...prev, [code]: res.items }));
    setParentOf((prev) => {
      const next = { ...prev };
      for (const r of res.items) next[r.code] = code;
      return next;
    });
  }, []);

  useEffect(() => {
    if (root.data) setSelected((s) => s ?? root.data?.code ?? null);
  }, [root.data]);

  const toNode = (r: RegionChild): TreeDataNode => ({
    key: r.code,
    title: (
      <span data-testid={`region-node-${r.code}`}>
        {r.name}
        {!r.active && <Tag style={{ marginLeft: 6 }}>{t('common.inactive')}</Tag>}
        {r.kind === 'economic_zone' && (
          <Tag color="blue" style={{ marginLeft: 6 }}>
            {label('regionKind', r.kind)}
          </Tag>
        )}
      </span>
    ),
    isLeaf: r.childCount === 0,
    children: children[r.code]?.map(toNode),
  });

  /** After a change: refresh the detail, the node's siblings and its own children. */
  const afterChange = async (code: string) => {
    detail.reload();
    const parent = parentOf[code];
    if (parent) await loadChildren(parent);
    else root.reload();
    if (children[code]) await loadChildren(code);
  };

  const region = detail.data;

  const createChild = async (v: ChildForm) => {
    if (!region) return;
    setSaving(true);
    try {
      await api.post('/api/regions', {
        body: { ...v, code: v.code.trim(), name: v.name.trim(), parentCode: region.code },
        form: childForm,
      });
      void message.success(t('common.done'));
      setChildOpen(false);
      await loadChildren(region.code);
      detail.reload();
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const rename = async (v: { name: string }) => {
    if (!region) return;
    setSaving(true);
    try {
      await api.patch('/api/regions/{code}', {
        params: { path: { code: region.code } },
        body: { name: v.name.trim() },
        form: renameForm,
      });
      void message.success(t('common.saved'));
      setRenameOpen(false);
      await afterChange(region.code);
    } catch {
      /* shown */
    } finally {
      setSaving(false);
    }
  };

  const toggle = async () => {
    if (!region) return;
    await api.post(region.active ? '/api/regions/{code}/deactivate' : '/api/regions/{code}/activate', {
      params: { path: { code: region.code } },
    });
    void message.success(t('common.done'));
    await afterChange(region.code);
  };

  if (root.error) return <ErrorResult error={root.error} onRetry={root.reload} />;

  return (
    <div>
      <div className="page-title">
        <h2>{t('admin.menu.regions')}</h2>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9}>
          <Card title={t('regions.tree')} size="small" data-testid="region-tree">
            {root.loading ? (
              <Spin />
            ) : root.data ? (
              <Tree
                showLine
                treeData={[toNode(root.data)]}
                defaultExpandedKeys={[root.data.code]}
                loadData={(node) => loadChildren(String(node.key))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
                style={{ maxHeight: '70vh', overflow: 'auto' }}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <Card
            title={t('regions.detail')}
            size="small"
            data-testid="region-detail"
            extra={
              region && (
                <Space wrap>
                  <Button
                    icon={<PlusOutlined />}
                    data-testid="region-add-child"
                    disabled={region.level === 'village'}
                    onClick={() => {
                      childForm.resetFields();
                      childForm.setFieldsValue({ level: nextLevel(region.level), kind: 'admin' });
                      setChildOpen(true);
                    }}
                  >
                    {t('regions.addChild')}
                  </Button>
                  <Button
                    icon={<EditOutlined />}
                    data-testid="region-rename"
                    onClick={() => {
                      renameForm.setFieldsValue({ name: region.name });
                      setRenameOpen(true);
                    }}
                  >
                    {t('regions.rename')}
                  </Button>
                  <Popconfirm
                    title={
                      region.active
                        ? t('regions.deactivateConfirm', { name: region.name })
                        : t('common.confirmActivate', { name: region.name })
                    }
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle().catch(() => undefined)}
                  >
                    <Button danger={region.active} data-testid="region-toggle">
                      {region.active ? t('common.deactivate') : t('common.activate')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            {detail.loading ? (
              <Spin />
            ) : detail.error ? (
              <ErrorResult error={detail.error} />
            ) : region ? (
              <Descriptions
                bordered
                size="small"
                column={1}
                items={[
                  {
                    key: 'name',
                    label: t('common.name'),
                    children: <Typography.Text strong>{region.name}</Typography.Text>,
                  },
                  {
                    key: 'code',
                    label: t('common.code'),
                    children: <Typography.Text copyable>{region.code}</Typography.Text>,
                  },
                  { key: 'level', label: t('common.level'), children: label('level', region.level) },
                  { key: 'kind', label: t('common.kind'), children: label('regionKind', region.kind) },
                  {
                    key: 'official',
                    label: t('regions.official'),
                    children: region.official ? t('regions.officialYes') : t('regions.officialNo'),
                  },
                  { key: 'path', label: t('regions.path'), children: pathText(region) },
                  { key: 'children', label: t('regions.childCount'), children: region.childCount },
                  { key: 'active', label: t('common.status'), children: <ActiveTag active={region.active} /> },
                ]}
              />
            ) : (
              <Empty description={t('regions.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>

      <Modal
        open={childOpen}
        title={`${t('regions.addChild')}${region ? ` · ${region.name}` : ''}`}
        onCancel={() => setChildOpen(false)}
        onOk={() => childForm.submit()}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={childForm} layout="vertical" onFinish={createChild} data-testid="region-child-form">
          <Form.Item
            name="code"
            label={t('common.code')}
            rules={[
              { required: true, message: t('common.required', { field: t('common.code') }) },
              { pattern: /^[0-9A-Z]{4,12}$/, message: t('regions.codeRule') },
            ]}
          >
            <Input data-testid="region-child-code" maxLength={12} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('common.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) }]}
          >
            <Input data-testid="region-child-name" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="level"
            label={t('common.level')}
            rules={[{ required: true, message: t('common.selectRequired', { field: t('common.level') }) }]}
          >
            <Select options={REGION_LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
            <Select
              options={(['admin', 'economic_zone'] as const).map((k) => ({ value: k, label: label('regionKind', k) }))}
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={renameOpen}
        title={t('regions.rename')}
        onCancel={() => setRenameOpen(false)}
        onOk={() => renameForm.submit()}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={renameForm} layout="vertical" onFinish={rename}>
          <Form.Item
            name="name"
            label={t('regions.newName')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('regions.newName') }) },
            ]}
          >
            <Input data-testid="region-rename-input" maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
