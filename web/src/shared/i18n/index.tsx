import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type MessageKey } from './zh-CN';
import { enUS } from './en-US';

export type { MessageKey } from './zh-CN';
export type Lang = 'zh-CN' | 'en-US';
export type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'yw.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    /* storage unavailable: fall back to Chinese */
  }
  return 'zh-CN';
}

let current: Lang = initialLang();
dayjs.locale(current === 'zh-CN' ? 'zh-cn' : 'en');

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Translate outside React (e.g. in the API client). Inside components prefer useI18n().t. */
export function t(key: MessageKey, vars?: Vars): string {
  return format(dictionaries[current][key] ?? key, vars);
}

/** Label of a stable code from a prefixed dictionary key (`role.admin`), or the code itself. */
export function label(prefix: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const key = `${prefix}.${code}`;
  return key in dictionaries[current] ? dictionaries[current][key as MessageKey] : code;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: typeof t;
  label: typeof label;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(current);
  const setLang = useCallback((next: Lang) => {
    current = next;
    dayjs.locale(next === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
    setLangState(next);
  }, []);
  // New function identities per language so memoised children re-render on a switch.
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, vars) => t(key, vars), label: (p, c) => label(p, c) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
