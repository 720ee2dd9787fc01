/**
 * Content sniffing: the type of an upload is read from its first bytes (magic numbers), never from
 * its name or the client's Content-Type. Only PDF, JPEG and PNG are accepted; anything else is named
 * so that the applicant learns what the file really is.
 */

export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

export interface Sniffed {
  mediaType: string;
  /** Short Chinese/English name shown in error messages, e.g. "Word 文档（docx）". */
  label: string;
  /** The usual file extension (without dot). */
  ext: string;
}

export const isAccepted = (mediaType: string): mediaType is AcceptedMediaType =>
  (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType);

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const indexOfAscii = (buf: Uint8Array, needle: string, from: number, to: number) =>
  Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).subarray(from, to).indexOf(needle, 0, 'latin1');

/** Which member a ZIP container holds first tells the Office/OFD formats apart (best effort). */
function sniffZip(buf: Uint8Array): Sniffed {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096)).toString('latin1');
  if (head.includes('word/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      label: 'Word 文档（docx）',
      ext: 'docx',
    };
  if (head.includes('xl/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      label: 'Excel 表格（xlsx）',
      ext: 'xlsx',
    };
  if (head.includes('ppt/'))
    return {
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      label: 'PowerPoint 演示文稿（pptx）',
      ext: 'pptx',
    };
  if (head.includes('OFD.xml')) return { mediaType: 'application/ofd', label: 'OFD 版式文档', ext: 'ofd' };
  return { mediaType: 'application/zip', label: 'ZIP 压缩包', ext: 'zip' };
}

/** Text without NUL and with few control characters (UTF-8 or GBK alike). */
function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control / n < 0.01;
}

/** The media type of `buf` judged by its content alone. */
export function sniffMediaType(buf: Uint8Array): Sniffed {
  if (startsWith(buf, ascii('%PDF-'))) return { mediaType: 'application/pdf', label: 'PDF 文档', ext: 'pdf' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', label: 'JPEG 图片', ext: 'jpg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: 'image/png', label: 'PNG 图片', ext: 'png' };
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a')))
    return { mediaType: 'image/gif', label: 'GIF 图片', ext: 'gif' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8))
    return { mediaType: 'image/webp', label: 'WebP 图片', ext: 'webp' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WAVE'), 8))
    return { mediaType: 'audio/wav', label: 'WAV 音频', ext: 'wav' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('AVI '), 8))
    return { mediaType: 'video/x-msvideo', label: 'AVI 视频', ext: 'avi' };
  if (startsWith(buf, ascii('BM')) && buf.length >= 26 && buf[6] === 0 && buf[7] === 0 && buf[8] === 0 && buf[9] === 0)
    return { mediaType: 'image/bmp', label: 'BMP 图片', ext: 'bmp' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a]))
    return { mediaType: 'image/tiff', label: 'TIFF 图片', ext: 'tif' };
  if (startsWith(buf, ascii('ftyp'), 4)) {
    const brand = Buffer.from(buf.subarray(8, 12)).toString('latin1');
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return { mediaType: 'image/heic', label: 'HEIC 图片', ext: 'heic' };
    if (brand === 'avif' || brand === 'avis') return { mediaType: 'image/avif', label: 'AVIF 图片', ext: 'avif' };
    if (brand.startsWith('qt')) return { mediaType: 'video/quicktime', label: 'QuickTime 视频', ext: 'mov' };
    return { mediaType: 'video/mp4', label: 'MP4 视频', ext: 'mp4' };
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mediaType: 'application/x-ole-storage', label: '旧版 Office 文档（doc/xls/ppt）', ext: 'doc' };
  if (startsWith(buf, ascii('Rar!\x1a\x07')))
    return { mediaType: 'application/vnd.rar', label: 'RAR 压缩包', ext: 'rar' };
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return { mediaType: 'application/x-7z-compressed', label: '7z 压缩包', ext: '7z' };
  if (startsWith(buf, [0x1f, 0x8b])) return { mediaType: 'application/gzip', label: 'GZIP 压缩包', ext: 'gz' };
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]))
    return { mediaType: 'application/x-executable', label: '可执行程序（ELF）', ext: 'elf' };
  if (startsWith(buf, ascii('MZ')))
    return { mediaType: 'application/x-msdownload', label: '可执行程序（EXE/DLL）', ext: 'exe' };
  if (startsWith(buf, ascii('{\\rtf'))) return { mediaType: 'application/rtf', label: 'RTF 文档', ext: 'rtf' };
  if (startsWith(buf, ascii('ID3')) || startsWith(buf, [0xff, 0xfb]))
    return { mediaType: 'audio/mpeg', label: 'MP3 音频', ext: 'mp3' };
  if (looksLikeText(buf)) {
    // Skip a UTF-8 BOM and leading white space before looking for markup.
    let i = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    while (i < buf.length && [0x20, 0x09, 0x0a, 0x0d].includes(buf[i]!)) i++;
    const head = Buffer.from(buf.subarray(i, i + 512))
      .toString('latin1')
      .toLowerCase();
    if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
      return { mediaType: 'image/svg+xml', label: 'SVG 矢量图', ext: 'svg' };
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<script'))
      return { mediaType: 'text/html', label: 'HTML 网页', ext: 'html' };
    if (head.startsWith('<?xml')) return { mediaType: 'application/xml', label: 'XML 文件', ext: 'xml' };
    return { mediaType: 'text/plain', label: '纯文本', ext: 'txt' };
  }
  return { mediaType: 'application/octet-stream', label: '无法识别的二进制文件', ext: 'bin' };
}

/**
 * An accepted type whose end is missing (a transfer cut off on the applicant's side, or a damaged file):
 * a PDF ends with `%%EOF` within its last KiB, a PNG with its IEND chunk. JPEGs are not checked,
 * since cameras often append data after the end-of-image marker.
 */
export function isTruncated(buf: Uint8Array, mediaType: AcceptedMediaType): boolean {
  if (mediaType === 'application/pdf')
    return indexOfAscii(buf, '%%EOF', Math.max(0, buf.length - 1024), buf.length) < 0;
  if (mediaType === 'image/png') return indexOfAscii(buf, 'IEND', Math.max(0, buf.length - 64), buf.length) < 0;
  return false;
}

export const EXT_OF: Record<AcceptedMediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/**
 * Bidirectional-text controls (embeddings, overrides, isolates, marks, the Arabic letter mark),
 * invisible separators and the byte-order mark: in a file name they only serve to disguise it
 * (`报告\u202Efdp.exe` shows as `报告exe.pdf`).
 */
export const INVISIBLE_FORMAT_CHARS = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The stored name of an upload: path parts, control, bidi-control and reserved characters removed,
 * at most 120 characters (keeping the extension). Never used to decide the type.
 */
export function cleanFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').split(/[\\/]/).pop() ?? '';
  name = name
    .replace(INVISIBLE_FORMAT_CHARS, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/^\.+/, '');
  if (!name) return 'file';
  const chars = [...name];
  if (chars.length <= 120) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return chars.slice(0, 120 - [...ext].length).join('') + ext;
}

/** The name to download under: the stored name, with the real extension appended when it lies. */
export function downloadName(name: string, mediaType: AcceptedMediaType): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return EXT_OF[mediaType].includes(ext) ? name : `${name}.${EXT_OF[mediaType][0]}`;
}

/** `Content-Disposition` with an ASCII fallback and the RFC 5987 / RFC 6266 `filename*` in UTF-8. */
export function contentDisposition(raw: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  // Names stored before bidi controls were removed on upload lose them here.
  const name = raw.replace(INVISIBLE_FORMAT_CHARS, '');
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
