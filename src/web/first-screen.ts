/**
 * The first screen of the portal's entry pages (catalogue home, service guide) as HTML, written by the server into
 * the app shell: a phone paints the page from the HTML alone, follows its links and submits its search as a
 * plain GET, while the app's scripts load after that first paint and take over once their page is ready
 * (web/src/main.tsx, web/public/boot.js).
 *
 * The markup repeats the app's own (antd's class names, the app's stylesheet), so the page looks the same
 * before and after, and never shows anything larger than the app will: the app then neither shifts the
 * layout nor moves the largest paint. Pure: the data is what the public API answers; every text is escaped.
 */
import { zhCN, type MessageKey } from '../../web/src/shared/i18n/zh-CN';
import { portalAreaZh } from '../../web/src/shared/i18n/portal.area.zh-CN';

/** A result of `GET /api/items`, as far as the first screen shows it. */
export interface ItemRow {
  code: string;
  name: string;
  type: string;
  typeLabel?: string | null;
  departmentName?: string | null;
  decideLevel: string;
  handlingType: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number;
}

/** A bundle of `GET /api/bundles`. */
export interface BundleRow {
  code: string;
  name: string;
  description?: string | null;
  itemCodes: string[];
  modeLabel?: string | null;
}

/** `GET /api/items/:code`, as far as the first screen shows it. */
export interface GuideData {
  code: string;
  name: string;
  type: string;
  typeLabel?: string | null;
  departmentName?: string | null;
  implementingBody?: { name: string; nature?: string | null } | null;
  serviceObjects?: string[] | null;
  decideLevel: string;
  acceptLevels?: string[] | null;
  handlingType: string;
  visits: number;
  version?: number;
  materials?: { name: string; required: boolean }[] | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The portal's Chinese: the shared texts and those its pages add (the app's own pages do the same). */
const CHINESE: Partial<Record<MessageKey, string>> = { ...zhCN, ...portalAreaZh };

function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return (CHINESE[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function label(prefix: string, code: string | null | undefined): string {
  return (CHINESE as Record<string, string>)[`${prefix}.${code}`] ?? String(code ?? '');
}

const path = (code: string) => `/items/${encodeURIComponent(code)}`;

/**
 * antd's class names: `hash` is the theme's hash class (`css-…`) as the build's antd stylesheet writes it, `v` the
 * element that carries the theme's CSS variables.
 */
function classes(hash: string) {
  const h = escapeHtml(hash);
  return { h, v: `${h} css-var-yw` };
}

function header(hash: string): string {
  const { v } = classes(hash);
  const btn = (text: string, cls = '') =>
    `<span class="ant-btn ${v} ant-btn-text ant-btn-color-default ant-btn-variant-text header-btn${cls}"><span>${escapeHtml(text)}</span></span>`;
  return (
    `<header class="ant-layout-header app-header ${v}">` +
    `<a class="brand" href="/"><span class="brand-mark">一网</span><span class="brand-text">盘锦市<span class="hide-xs"> · ${escapeHtml(t('nav.catalog'))}</span></span></a>` +
    `<nav class="ant-space ${v} ant-space-horizontal ant-space-align-center header-right">` +
    `<a href="/track">${btn(t('track.title'))}</a>` +
    `<a href="/login">${btn(t('nav.login'))}</a>` +
    `</nav></header>`
  );
}

function page(hash: string, main: string): string {
  const { v } = classes(hash);
  return (
    `<div class="${classes(hash).h} ant-app css-var-yw"><div class="ant-layout portal-layout ${v}">` +
    header(hash) +
    `<main class="ant-layout-content portal-content ${v}">${main}</main>` +
    `</div></div>`
  );
}

function itemResult(item: ItemRow): string {
  const meta = [
    `<span class="item-type">${escapeHtml(item.typeLabel || label('itemType', item.type))}</span>`,
    `<span>${escapeHtml(item.departmentName)}</span>`,
    `<span>${escapeHtml(label('level', item.decideLevel))}</span>`,
    `<span>${escapeHtml(label('handling', item.handlingType))}</span>`,
    item.promisedDays !== null
      ? `<span>${escapeHtml(`${t('portal.promised')} ${t('common.workdays', { n: item.promisedDays })}${item.statutoryDays !== null ? ` / ${t('portal.statutory')} ${item.statutoryDays}` : ''}`)}</span>`
      : '',
    `<span>${escapeHtml(item.visits === 0 ? t('portal.zeroVisit') : t('portal.visits', { n: item.visits }))}</span>`,
  ].join('');
  return (
    `<li><a href="${escapeHtml(path(item.code))}" class="item-result"><div class="item-result-main">` +
    `<div class="item-card-title">${escapeHtml(item.name)}</div><div class="item-meta">${meta}</div></div>` +
    `<span class="item-result-go hide-xs">${escapeHtml(t('portal.viewGuide'))}</span></a></li>`
  );
}

function bundleCard(b: BundleRow): string {
  return (
    `<div class="bundle-card"><div class="item-card-title">${escapeHtml(b.name)}</div>` +
    `<div class="bundle-description">${escapeHtml(b.description)}</div>` +
    `<div class="item-meta"><span class="item-type">${escapeHtml(t('bd.itemCount', { n: b.itemCodes.length }))}</span>` +
    `<span>${escapeHtml(b.modeLabel)}</span>` +
    `<a href="/bundles/${escapeHtml(encodeURIComponent(b.code))}/apply">${escapeHtml(t('bd.apply'))}</a></div></div>`
  );
}

/** The catalogue home: search (a GET form), the bundles and the first page of the catalogue. */
export function homeFirstScreen(hash: string, data: { bundles: BundleRow[]; items: ItemRow[]; total: number }): string {
  const { v } = classes(hash);
  const placeholder = escapeHtml(t('portal.searchPlaceholder'));
  const hero =
    `<section class="hero"><h1>${escapeHtml(t('portal.heroTitle'))}</h1><p>${escapeHtml(t('app.slogan'))}</p>` +
    `<form class="ant-space-compact ${classes(hash).h}" style="width:100%" action="/" method="get" role="search">` +
    `<span class="ant-input-affix-wrapper ant-input-affix-wrapper-lg ${classes(hash).h} ant-input-outlined ${v.split(' ')[1]} ant-input-css-var ant-input-compact-item ant-input-compact-first-item">` +
    `<input name="q" placeholder="${placeholder}" aria-label="${placeholder}" class="ant-input ant-input-lg ${classes(hash).h}" type="search"></span>` +
    `<button type="submit" class="ant-btn ${v} ant-btn-primary ant-btn-color-primary ant-btn-variant-solid ant-btn-lg ant-btn-compact-item ant-btn-compact-last-item hero-search-btn"><span>${escapeHtml(t('portal.searchButton'))}</span></button>` +
    `</form><div class="hero-links"><a href="/track">${escapeHtml(t('track.title'))}</a>` +
    `<a href="/hotline/new">${escapeHtml(t('ch.new'))}</a></div></section>`;
  const bundles = data.bundles.length
    ? `<section id="bundles" class="plain-card" aria-labelledby="bundles-title"><div class="plain-card-head">` +
      `<h2 id="bundles-title" class="plain-card-title">${escapeHtml(t('bd.title'))}</h2>` +
      `<span class="plain-card-extra hide-xs">${escapeHtml(t('bd.homeHint'))}</span></div>` +
      `<div class="plain-card-body"><div class="bundle-grid">${data.bundles.map(bundleCard).join('')}</div></div></section>`
    : '';
  const results = data.items.length
    ? `<p class="ant-typography ant-typography-secondary ${v}" style="margin:0">${escapeHtml(t('portal.resultsCount', { n: data.total }))}</p>` +
      `<ul class="item-results">${data.items.map(itemResult).join('')}</ul>`
    : '';
  return page(hash, `<div>${hero}${bundles}${results}</div>`);
}

/** A service guide: its title, kind and basic facts, and the names of its materials. */
export function guideFirstScreen(hash: string, g: GuideData): string {
  const { v } = classes(hash);
  const tag = (text: string, color = '') =>
    `<span class="ant-tag ant-tag-filled${color ? ` ant-tag-${color}` : ''} ${v}">${escapeHtml(text)}</span>`;
  const facts: [string, string][] = [
    [t('guide.itemCode'), g.code],
    [t('guide.itemType'), g.typeLabel || label('itemType', g.type)],
    [t('guide.department'), g.implementingBody?.name ?? g.departmentName ?? ''],
    ...(g.implementingBody?.nature ? [[t('guide.bodyNature'), g.implementingBody.nature] as [string, string]] : []),
    ...(g.serviceObjects?.length ? [[t('guide.serviceObjects'), g.serviceObjects.join('、')] as [string, string]] : []),
    [t('guide.decideLevel'), label('level', g.decideLevel)],
    [t('guide.acceptLevels'), (g.acceptLevels ?? []).map((l) => label('level', l)).join('、')],
    [t('guide.handlingType'), label('handling', g.handlingType)],
  ];
  const rows = facts
    .map(([k, val]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(val)}</td></tr>`)
    .join('');
  const card = (id: string, title: string, body: string) =>
    `<section class="plain-card guide-section" aria-labelledby="fs-${id}-title"><div class="plain-card-head">` +
    `<h2 id="fs-${id}-title" class="plain-card-title">${escapeHtml(title)}</h2></div><div class="plain-card-body">${body}</div></section>`;
  const materials = (g.materials ?? [])
    .map(
      (m, i) =>
        `<li class="guide-material"><div class="guide-material-head"><span class="guide-material-no">${i + 1}.</span>` +
        `<span class="guide-material-name">${escapeHtml(m.name)}</span>` +
        `<span>${m.required ? tag(t('guide.requiredYes'), 'red') : tag(t('guide.requiredNo'))}</span></div></li>`,
    )
    .join('');
  const title =
    `<div class="plain-card guide-section"><div class="plain-card-body">` +
    `<h1 class="guide-title">${escapeHtml(g.name)}</h1>` +
    `<div class="ant-space ${v} ant-space-horizontal ant-space-align-center" style="flex-wrap:wrap;gap:8px">` +
    tag(g.typeLabel || label('itemType', g.type), 'red') +
    tag(label('handling', g.handlingType)) +
    (g.visits === 0 ? tag(t('portal.zeroVisit'), 'green') : '') +
    (g.version !== undefined
      ? `<span class="ant-typography ant-typography-secondary ${v}">${escapeHtml(`${t('guide.version')} ${g.version}`)}</span>`
      : '') +
    `</div><div style="margin-top:12px"><a href="/login?next=${escapeHtml(encodeURIComponent(`${path(g.code)}/apply`))}" class="ant-btn ${v} ant-btn-primary ant-btn-color-primary ant-btn-variant-solid ant-btn-lg apply-start"><span>${escapeHtml(t('apply.start'))}</span></a></div>` +
    `</div></div>`;
  const main =
    `<nav class="ant-breadcrumb ${v}" style="margin-bottom:12px"><ol><li class="ant-breadcrumb-item"><span class="ant-breadcrumb-link"><a href="/">${escapeHtml(t('nav.home'))}</a></span></li>` +
    `<li class="ant-breadcrumb-separator" aria-hidden="true">/</li><li class="ant-breadcrumb-item"><span class="ant-breadcrumb-link">${escapeHtml(g.name)}</span></li></ol></nav>` +
    `<div class="ant-row ${v}" style="margin-inline:-8px;row-gap:16px"><div class="ant-col ant-col-xs-24 ant-col-lg-18 ${v}" style="padding-inline:8px">` +
    title +
    card('basic', t('guide.basicInfo'), `<table class="fact-table"><tbody>${rows}</tbody></table>`) +
    (materials ? card('materials', t('guide.materials'), `<ol class="guide-materials">${materials}</ol>`) : '') +
    `</div></div>`;
  return page(hash, `<div>${main}</div>`);
}

/** An unknown or withdrawn item: the portal's header and a plain sentence with a way back. */
export function notFoundFirstScreen(hash: string): string {
  return page(
    hash,
    `<div class="portal-not-found"><h1>${escapeHtml(t('guide.notFound'))}</h1><p><a href="/">${escapeHtml(t('nav.home'))}</a></p></div>`,
  );
}

/**
 * When `/boot.js` starts the app on a page with a first screen: right after the first paint (a signed-in visitor,
 * whose header and pages are personal), or when an anonymous visitor first acts on the page (a tap, a key, focus)
 * or the page has stood idle a while. Until then the first screen works as plain HTML (its links, its GET search),
 * and a phone spends no long task evaluating an app nobody has used yet.
 */
export type AppStart = 'paint' | 'intent';

/**
 * The app shell with a first screen: the screen before the app's root (which stays hidden until the app's page is
 * ready), the title, and the app's module scripts started by `/boot.js` after the first paint rather than
 * preloaded from the head (a slow phone would otherwise fetch 300 kB of scripts before it paints).
 */
export function withFirstScreen(shell: string, screen: string, title: string, start: AppStart = 'paint'): string {
  const preloads: string[] = [];
  let entry = '';
  let html = shell
    .replace(/\s*<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g, (_, href: string) => {
      preloads.push(href);
      return '';
    })
    .replace(/\s*<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/, (_, src: string) => {
      entry = src;
      return '';
    });
  if (entry)
    html = html.replace(
      '</head>',
      () =>
        `  <script defer src="/boot.js" data-entry="${escapeHtml(entry)}" data-preload="${escapeHtml(preloads.join(' '))}" data-start="${start}"></script>\n  </head>`,
    );
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    .replace(
      /<div id="root">[\s\S]*<\/div>(?=\s*<\/body>)/,
      () => `<div id="first-screen">${screen}</div><div id="root" hidden></div>`,
    );
}

/** The theme's hash class in the build's antd stylesheet (`:where(.css-…)`), or '' when there is none. */
export function antdHashOf(css: string): string {
  return /:where\(\.(css-[a-z0-9]+)\)/.exec(css)?.[1] ?? '';
}
