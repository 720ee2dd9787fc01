/**
 * The styles of the antd components on the portal's first screens (header, search, result cards, guide),
 * rendered once at build time for the app's theme and written as a static stylesheet.
 *
 * antd generates each component's CSS in the browser the first time the component renders; on a phone that
 * is most of the long task before the page shows. The stylesheet ends with antd's map of the styles it holds
 * (`.data-ant-cssinjs-cache-path`): the browser reads it and skips generating those, and still generates any
 * other component's styles (forms, tables, dialogs) when one first renders.
 */
import { createRequire } from 'node:module';
import type * as Antd from 'antd';
import type * as CssInJs from '@ant-design/cssinjs';
import type * as ReactNS from 'react';
import type * as ReactDOMServer from 'react-dom/server';
import { THEME } from '../src/shared/theme.ts';

const require = createRequire(import.meta.url);

/** The stylesheet's CSS (plain, without <style> tags). */
export function portalAntdCss(): string {
  const React = require('react') as typeof ReactNS;
  const { renderToString } = require('react-dom/server') as typeof ReactDOMServer;
  const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs') as typeof CssInJs;
  const antd = require('antd') as typeof Antd;
  const h = React.createElement;
  const {
    Alert,
    App,
    Badge,
    Breadcrumb,
    Button,
    Card,
    Col,
    ConfigProvider,
    Descriptions,
    Dropdown,
    Empty,
    Input,
    Layout,
    List,
    Pagination,
    Result,
    Row,
    Select,
    Skeleton,
    Space,
    Spin,
    Steps,
    Tag,
    Tooltip,
    Typography,
  } = antd;

  // What the portal layout, the home page and the service guide render before any interaction.
  const screen = h(
    Layout,
    null,
    h(Layout.Header, null, h(Space, null, h(Button, { type: 'text' }, 'a'), h(Badge, { count: 1 }, h('span')))),
    h(
      Layout.Content,
      null,
      h(
        Space.Compact,
        null,
        h(Input, { allowClear: true, prefix: h('span'), value: 'a', onChange: () => undefined }),
        h(Button, { type: 'primary' }, 'a'),
      ),
      h(Button, { type: 'link' }, 'a'),
      h(Button, { size: 'large', icon: h('span') }, 'a'),
      h(Tag.CheckableTag, { checked: true }, 'a'),
      h(Tag, { color: 'red' }, 'a'),
      h(Tag, { color: 'gold' }, 'a'),
      h(Tag, { color: 'blue' }, 'a'),
      h(Tag, null, 'a'),
      h(Row, { gutter: [8, 8] }, h(Col, { flex: 'auto' }, 'a')),
      h(Select, { allowClear: true, showSearch: true, options: [{ value: 'a', label: 'a' }], value: 'a' }),
      h(Card, { hoverable: true, size: 'small', title: 'a' }, 'a'),
      h(Card, null, h(Skeleton, { active: true })),
      h(List, { dataSource: ['a'], renderItem: (x: unknown) => h(List.Item, null, String(x)) }),
      h(Pagination, { total: 50, current: 1, responsive: true, showLessItems: true, showSizeChanger: false }),
      h(Typography.Text, { type: 'secondary' }, 'a'),
      h(Typography.Title, { level: 2 }, 'a'),
      h(Typography.Paragraph, null, 'a'),
      h(Empty, { image: Empty.PRESENTED_IMAGE_SIMPLE }),
      h(Empty, null),
      h(Breadcrumb, { items: [{ title: 'a' }, { title: 'b' }] }),
      h(Descriptions, { size: 'small', column: 1, items: [{ key: 'a', label: 'a', children: 'a' }] }),
      h(Steps, { items: [{ title: 'a' }, { title: 'b' }] }),
      h(Alert, { type: 'info', showIcon: true, title: 'a' }),
      h(Result, { status: 'error', title: 'a' }),
      h(Spin, null),
      h(Tooltip, { title: 'a' }, h('span', null, 'a')),
      h(Dropdown, { menu: { items: [{ key: 'a', label: 'a' }] } }, h('span', null, 'a')),
    ),
    h(Layout.Footer, null, 'a'),
  );

  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: THEME }, h(App, null, screen))));
  return extractStyle(cache, { plain: true });
}
