/**
 * Active content in PDFs: scripts and actions a reader may run by itself (JavaScript, launching a
 * program, actions on opening a page or the document). Application materials are scans and printed
 * forms, which need none of it, so an upload that carries any is refused rather than served.
 *
 * Names are compared after decoding `#xx` escapes (`/J#61vaScript` is `/JavaScript`). Dictionaries
 * may also sit inside compressed object streams (`/Type /ObjStm`, PDF 1.5+); those are inflated
 * (bounded) and read the same way. Other stream contents (page content, images, fonts) cannot hold
 * dictionary keys and are skipped, so image bytes that happen to spell `/JS` do not count.
 */
import { inflateSync, constants as zlib } from 'node:zlib';

/** Keys that carry active content, and the reason shown to the applicant. */
export const ACTIVE_PDF_NAMES: Record<string, string> = {
  JavaScript: '脚本（JavaScript）',
  JS: '脚本（JS）',
  Launch: '启动外部程序（Launch）',
  AA: '自动执行的动作（AA）',
  RichMedia: '富媒体（RichMedia）',
  XFA: '动态表单（XFA）',
};

/** Bytes one file's object streams may inflate to in all; beyond that the file cannot be checked. */
export const OBJSTM_INFLATE_BUDGET = 64 * 1024 * 1024;

export type PdfActiveContent = { kind: 'active'; names: string[] } | { kind: 'unreadable'; reason: string } | null;

const DELIMITERS = '\\s()<>\\[\\]{}/%';
const NAME_RE = new RegExp(`/([^${DELIMITERS}]*)`, 'g');

/** A PDF name with its `#xx` escapes decoded (malformed escapes are kept as written). */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function activeNames(text: string, found: Set<string>): void {
  for (const m of text.matchAll(NAME_RE)) {
    const name = decodePdfName(m[1]!);
    if (name in ACTIVE_PDF_NAMES) found.add(name);
  }
}

/** Text outside streams, and the streams with the dictionary text that precedes each. */
function splitStreams(s: string): { outside: string[]; streams: { dict: string; start: number; end: number }[] } {
  const outside: string[] = [];
  const streams: { dict: string; start: number; end: number }[] = [];
  const startRe = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/g;
  let pos = 0;
  for (;;) {
    startRe.lastIndex = pos;
    const m = startRe.exec(s);
    if (!m) break;
    const before = s.slice(pos, m.index);
    outside.push(before);
    const start = m.index + m[0].length;
    const endAt = s.indexOf('endstream', start);
    const end = endAt < 0 ? s.length : endAt;
    streams.push({ dict: before.slice(-2048), start, end });
    pos = endAt < 0 ? s.length : endAt + 'endstream'.length;
  }
  outside.push(s.slice(pos));
  return { outside, streams };
}

const hasName = (dict: string, wanted: string) => {
  for (const m of dict.matchAll(NAME_RE)) if (decodePdfName(m[1]!) === wanted) return true;
  return false;
};

/** The active content a PDF carries, or null when it carries none. */
export function findPdfActiveContent(buf: Uint8Array): PdfActiveContent {
  const s = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  const found = new Set<string>();
  const { outside, streams } = splitStreams(s);
  for (const part of outside) activeNames(part, found);
  let budget = OBJSTM_INFLATE_BUDGET;
  for (const st of streams) {
    // Only the dictionary that directly precedes the stream describes it.
    const dict = st.dict.slice(st.dict.lastIndexOf('obj') + 1);
    if (!hasName(dict, 'ObjStm')) continue;
    if (!hasName(dict, 'FlateDecode')) return { kind: 'unreadable', reason: '对象流使用了无法检查的编码或已加密' };
    const data = Buffer.from(s.slice(st.start, st.end), 'latin1');
    let inflated: Buffer;
    try {
      inflated = inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      return {
        kind: 'unreadable',
        reason: code === 'ERR_BUFFER_TOO_LARGE' ? '压缩对象流解压后过大' : '对象流无法解压（已加密或已损坏）',
      };
    }
    budget -= inflated.length;
    activeNames(inflated.toString('latin1'), found);
  }
  return found.size ? { kind: 'active', names: [...found] } : null;
}
