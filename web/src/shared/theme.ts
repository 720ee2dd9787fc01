import type { ThemeConfig } from 'antd';

/**
 * The theme: the city's red, and text colours that keep WCAG AA contrast (4.5:1) on white and on the
 * page's grey (antd's defaults for secondary text, placeholders and links fall below it).
 *
 * Also read by the build (web/build/antd-style.ts), which writes the styles of the first screen's components
 * for this theme into a stylesheet: the browser then skips generating them. The CSS-variable key is fixed
 * because antd's default (from React's `useId`) differs between that render and the browser's.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    borderRadius: 6,
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
  cssVar: { key: 'css-var-yw' },
};
