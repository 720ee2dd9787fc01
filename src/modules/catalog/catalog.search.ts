import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { ItemGuide } from './catalog.schemas';

/** Chinese word segmentation (jieba, default dictionary, loaded once on first use: ~0.2 s). */
let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Domain words the default dictionary splits badly, added so both sides segment alike. */
const DOMAIN_WORDS = [
  '低保',
  '个体户',
  '个体工商户',
  '五保',
  '社保卡',
  '医保',
  '不动产',
  '宅基地',
  '营业执照',
  '食品经营',
  '容缺',
];
let domainLoaded = false;
function seg(): Jieba {
  const j = segmenter();
  if (!domainLoaded) {
    j.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
    domainLoaded = true;
  }
  return j;
}

/** Filler words of a citizen's query ("如何办理…", "我要…") that carry no meaning for matching. */
const QUERY_STOP = new Set([
  '如何',
  '怎么',
  '怎样',
  '怎么样',
  '办理',
  '我要',
  '我想',
  '想',
  '要',
  '的',
  '了',
  '在',
  '去',
  '哪里',
  '哪儿',
  '需要',
  '什么',
  '和',
  '与',
  '及',
  '或',
  '吗',
  '呢',
  '请问',
  '手续',
  '流程',
]);
const WORD = /[\p{Script=Han}A-Za-z0-9]/u;

const norm = (t: string) => t.trim().toLowerCase();

/** Index tokens: search-mode segmentation (words and their sub-words), deduplicated, no punctuation. */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const t of seg().cutForSearch(text, true)) {
    const w = norm(t);
    if (w && WORD.test(w)) out.add(w);
  }
  return [...out];
}

/** Query tokens: precise-mode words without filler; single characters only when nothing else is left. */
export function queryTokens(q: string): string[] {
  const words = seg()
    .cut(q, true)
    .map(norm)
    .filter((w) => w && WORD.test(w) && !QUERY_STOP.has(w));
  const multi = words.filter((w) => [...w].length > 1);
  return [...new Set(multi.length ? multi : words)];
}

/** The text of a guide that search covers: name, keywords, conditions, materials, result, process. */
export function guideSearchText(g: ItemGuide): string {
  return [
    g.name,
    g.keywords.join(' '),
    g.implementingBody.name,
    g.serviceObjects.join(' '),
    g.acceptanceConditions.join(' '),
    g.materials.map((m) => m.name).join(' '),
    g.result.name,
    g.process.map((p) => `${p.step} ${p.description}`).join(' '),
    g.legalBasis.map((b) => b.title).join(' '),
  ].join('\n');
}

/**
 * Tokens stored on `items` for the current version: all tokens of the guide text, and the
 * primary ones (name, keywords, result) that rank an item above one merely mentioning a word.
 */
export function guideIndex(g: ItemGuide): { text: string; tokens: string[]; primary: string[] } {
  const text = guideSearchText(g);
  const keywords = g.keywords.map(norm);
  const tokens = [...new Set([...keywords, ...indexTokens(text)])];
  const primary = [...new Set([...keywords, ...indexTokens(`${g.name}\n${g.keywords.join(' ')}\n${g.result.name}`)])];
  return { text, tokens, primary };
}
