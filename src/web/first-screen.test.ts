import { describe, expect, it } from 'vitest';
import {
  antdHashOf,
  escapeHtml,
  guideFirstScreen,
  homeFirstScreen,
  notFoundFirstScreen,
  withFirstScreen,
  type GuideData,
  type ItemRow,
} from './first-screen';

const HASH = 'css-abc123';
const item: ItemRow = {
  code: '2111-XK-00003',
  name: '企业设立登记',
  type: 'licence',
  typeLabel: '行政许可',
  departmentName: '盘锦市行政审批服务局',
  decideLevel: 'city',
  handlingType: 'promised',
  promisedDays: 1,
  statutoryDays: 3,
  visits: 0,
};
const guide: GuideData = {
  ...item,
  implementingBody: { name: '盘锦市行政审批服务局', nature: '法定机关' },
  acceptLevels: ['city', 'county'],
  version: 2,
  materials: [
    { name: '公司登记申请书', required: true },
    { name: '委托书', required: false },
  ],
};
const SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>一网</title>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-react-B2.js">
    <link rel="modulepreload" crossorigin href="/assets/client-C3.js">
    <link rel="stylesheet" href="/assets/antd-D4.css">
  </head>
  <body>
    <div id="root">
      <header class="app-header app-shell"><a class="brand" href="/">一网</a></header>
    </div>
  </body>
</html>`;

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
    expect(escapeHtml(null)).toBe('');
  });
});

describe('home first screen', () => {
  it('shows the search as a GET form, the bundles and the results as plain links', () => {
    const html = homeFirstScreen(HASH, {
      bundles: [
        {
          code: 'company-startup',
          name: '企业开办一件事',
          description: '一次申请',
          itemCodes: ['a', 'b'],
          modeLabel: '并联办理',
        },
      ],
      items: [item],
      total: 53,
    });
    expect(html).toContain('<form');
    expect(html).toMatch(/action="\/" method="get"/);
    expect(html).toContain('name="q"');
    expect(html).toContain('企业开办一件事');
    expect(html).toContain('href="/bundles/company-startup/apply"');
    expect(html).toContain('href="/items/2111-XK-00003"');
    expect(html).toContain('共找到 53 项事项');
    expect(html).toContain('承诺 1 个工作日 / 法定 3');
    expect(html).toContain(`class="${HASH} ant-app css-var-yw"`);
    // No test ids: the app's own elements carry them, and both are in the page until the app takes over.
    expect(html).not.toContain('data-testid');
  });

  it('escapes every text from the data', () => {
    const evil = '<script>alert(1)</script>';
    const html = homeFirstScreen(HASH, {
      bundles: [{ code: '"><x', name: evil, description: evil, itemCodes: [], modeLabel: evil }],
      items: [{ ...item, code: '"><x', name: evil, departmentName: evil, typeLabel: evil }],
      total: 1,
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('guide first screen', () => {
  it('shows the title, the basic facts and the materials', () => {
    const html = guideFirstScreen(HASH, guide);
    expect(html).toContain('<h1 class="guide-title">企业设立登记</h1>');
    expect(html).toContain('<th scope="row">实施主体</th><td>盘锦市行政审批服务局</td>');
    expect(html).toContain('<td>市级、县区级</td>');
    expect(html).toContain('公司登记申请书');
    expect(html).toContain('指南版本 2');
    expect(html).toContain(`href="/login?next=${encodeURIComponent('/items/2111-XK-00003/apply')}"`);
  });

  it('escapes the item text', () => {
    const html = guideFirstScreen(HASH, {
      ...guide,
      name: '<b onmouseover="x">',
      materials: [{ name: '<i>', required: true }],
    });
    expect(html).not.toMatch(/<b |<i>/);
    expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;');
  });

  it('has a plain sentence for an unknown item', () => {
    expect(notFoundFirstScreen(HASH)).toContain('href="/"');
  });
});

describe('withFirstScreen', () => {
  const page = withFirstScreen(SHELL, '<p>first</p>', '企业设立登记 · 一网');

  it('puts the screen before a hidden root, and sets the title', () => {
    expect(page).toContain('<div id="first-screen"><p>first</p></div><div id="root" hidden></div>');
    expect(page).toContain('<title>企业设立登记 · 一网</title>');
    expect(page).not.toContain('app-shell');
  });

  it('starts the modules from boot.js instead of the head, and keeps the stylesheets', () => {
    expect(page).not.toContain('modulepreload');
    expect(page).not.toContain('type="module"');
    expect(page).toContain(
      '<script defer src="/boot.js" data-entry="/assets/index-A1.js" data-preload="/assets/vendor-react-B2.js /assets/client-C3.js" data-start="paint"></script>',
    );
    expect(page).toContain('<link rel="stylesheet" href="/assets/antd-D4.css">');
  });

  it("says when the app starts: at paint, or at the visitor's first intent", () => {
    expect(withFirstScreen(SHELL, '<p>first</p>', 't', 'intent')).toContain('data-start="intent"></script>');
  });

  it('does not read replacement patterns in the screen', () => {
    expect(withFirstScreen(SHELL, '$& $1 $`', 't')).toContain('<div id="first-screen">$& $1 $`</div>');
  });
});

describe('antdHashOf', () => {
  it('finds the theme hash class of the build stylesheet', () => {
    expect(antdHashOf(':where(.css-1y106cm).ant-btn{color:red}')).toBe('css-1y106cm');
    expect(antdHashOf('body{}')).toBe('');
  });
});
