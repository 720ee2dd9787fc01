import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type Lang = 'zh-CN' | 'en-US';
export type Vars = Record<string, string | number>;

type Dictionary = Partial<Record<MessageKey, string>>;

// English is loaded on first use (most visitors read Chinese; it is not part of the first load). The Chinese of
// a staff area that nobody else reads comes with the area's code (addMessages).
const chinese: Dictionary = { ...zhCN };
const dictionaries: Record<Lang, Dictionary | null> = { 'zh-CN': chinese, 'en-US': null };

/** Adds an area's Chinese texts; the area's module calls it when it loads, before it renders. */
export function addMessages(...parts: Dictionary[]): void {
  for (const part of parts) Object.assign(chinese, part);
}
let englishLoading: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  englishLoading ??= import('./en-US').then((m) => {
    dictionaries['en-US'] = m.enUS;
  });
  return englishLoading;
}
/** The dictionary of the current language; Chinese until English has arrived. */
const dictionary = (): Dictionary => dictionaries[current] ?? chinese;
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
  return format(dictionary()[key] ?? key, vars);
}

/** Label of a stable code from a prefixed dictionary key (`role.admin`), or the code itself. */
export function label(prefix: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const key = `${prefix}.${code}`;
  const dict = dictionary();
  return dict[key as MessageKey] ?? code;
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
  // Chinese renders at once; a saved English choice re-renders when its dictionary has arrived.
  const [loaded, setLoaded] = useState(dictionaries[current] !== null);
  useEffect(() => {
    if (lang === 'en-US' && !dictionaries['en-US']) void loadEnglish().then(() => setLoaded(true));
  }, [lang]);
  const setLang = useCallback(async (next: Lang) => {
    if (next === 'en-US') await loadEnglish();
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
    // `loaded` is a dependency: the dictionary's arrival changes what t answers.
    [lang, setLang, loaded],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
