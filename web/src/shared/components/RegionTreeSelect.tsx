import { TreeSelect } from 'antd';
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { t } from '../i18n';
import { api } from '../client';
import { useI18n } from '../i18n';
import { CITY_CODE, type Region } from '../types';

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
  disabled?: boolean;
}

const toNode = (r: Pick<Region, 'code' | 'name' | 'active' | 'childCount'>, pId?: string): Node => ({
  id: r.code,
  pId,
  value: r.code,
  title: r.active ? r.name : `${r.name} (${t('common.inactive')})`,
  isLeaf: r.childCount === 0,
});

/** Region picker: antd TreeSelect that loads children on demand from the regions API. */
export function RegionTreeSelect({
  value,
  onChange,
  rootCode = CITY_CODE,
  allowClear = true,
  placeholder,
  testId,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  rootCode?: string;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
}) {
  useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);

  const merge = useCallback((incoming: Node[]) => {
    setNodes((prev) => {
      const byId = new Map(prev.map((n) => [n.id, n]));
      for (const n of incoming) byId.set(n.id, { ...byId.get(n.id), ...n });
      return [...byId.values()];
    });
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get('/api/regions/{code}', { params: { path: { code: rootCode } }, signal: ctrl.signal, silent: true })
      .then((r) => merge([toNode(r)]))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [rootCode, merge]);

  // A value outside the loaded part of the tree: fetch it so its name shows.
  useEffect(() => {
    if (!value || nodes.some((n) => n.id === value)) return;
    api
      .get('/api/regions/{code}', { params: { path: { code: value } }, silent: true })
      .then((r) => merge([toNode(r, r.parentCode ?? undefined)]))
      .catch(() => undefined);
  }, [value]);

  const loadData = useCallback(
    async (node: { value?: string | number; id?: string }) => {
      const code = String(node.value ?? node.id);
      const res = await api.get('/api/regions/{code}/children', { params: { path: { code } }, silent: true });
      merge(res.items.map((r) => toNode(r, code)));
    },
    [merge],
  );

  return (
    <TreeSelect
      data-testid={testId}
      style={{ width: '100%', ...style }}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder ?? t('common.selectRequired', { field: t('common.region') })}
      popupMatchSelectWidth={false}
      treeDefaultExpandedKeys={[rootCode]}
    />
  );
}
