import { inflateSync } from 'node:zlib';

/**
 * A small text extractor for the PDFs this platform writes (pdfkit, Identity-H CID fonts with
 * ToUnicode maps, Flate streams). Used by tests to check what a document really says, without
 * external tools; also tells which fonts are embedded.
 */
export interface PdfText {
  /** All shown text, in drawing order, without separators. */
  text: string;
  /** Base font names, e.g. `ABCDEF+NotoSansHans-Regular`. */
  fonts: string[];
  pages: number;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const start = m.index + m[0].length;
    const end = src.indexOf('endobj', start);
    if (end < 0) break;
    const body = src.slice(start, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.slice(0, s).includes('>>')) {
      dict = body.slice(0, s);
      let dataStart = start + s + 'stream'.length;
      if (src[dataStart] === '\r') dataStart++;
      if (src[dataStart] === '\n') dataStart++;
      const len = /\/Length (\d+)/.exec(dict);
      const dataEnd = len ? dataStart + Number(len[1]) : src.indexOf('endstream', dataStart);
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

/** ToUnicode CMap → code → text (pdfkit writes `<start> <end> [<u1> <u2> …]` ranges). */
function readCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= h.length; i += 4) units.push(parseInt(h.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.split('\n')) {
      const arr = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[(.*)\]/.exec(line);
      if (arr) {
        const start = parseInt(arr[1]!, 16);
        [...arr[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((u, k) =>
          map.set(start + k, hexText(u[1]!.replace(/\s/g, ''))),
        );
        continue;
      }
      const seq = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(line);
      if (seq) {
        const start = parseInt(seq[1]!, 16);
        const end = parseInt(seq[2]!, 16);
        const base = parseInt(seq[3]!, 16);
        for (let c = start; c <= end; c++) map.set(c, String.fromCharCode(base + c - start));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(p[1]!, 16), hexText(p[2]!));
  }
  return map;
}

export function extractPdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : undefined;
  };
  // Font resource names (/F1 …) → their ToUnicode maps.
  const cmaps = new Map<string, Map<number, string>>();
  const fonts: string[] = [];
  for (const o of objects.values()) {
    for (const fontDict of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const r of fontDict[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) {
        const font = objects.get(Number(r[2]));
        const tu = font && ref(font.dict, 'ToUnicode');
        const stream = tu !== undefined ? objects.get(tu)?.stream : null;
        if (stream && !cmaps.has(r[1]!)) cmaps.set(r[1]!, readCmap(stream.toString('latin1')));
      }
    }
    const base = /\/Type \/Font[\s\S]*\/BaseFont \/([^\s/]+)/.exec(o.dict);
    if (base && !fonts.includes(base[1]!)) fonts.push(base[1]!);
  }
  // Content streams of the pages, in page order.
  let text = '';
  let pages = 0;
  const pageObjs = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  for (const page of pageObjs) {
    pages++;
    const contents = ref(page.dict, 'Contents');
    const stream = contents !== undefined ? objects.get(contents)?.stream : null;
    if (!stream) continue;
    let cmap: Map<number, string> | undefined;
    const ops = stream.toString('latin1').matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g);
    for (const op of ops) {
      if (op[1]) {
        cmap = cmaps.get(op[1]);
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      for (const h of hexes)
        for (let i = 0; i + 4 <= h.length; i += 4) text += cmap?.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
    }
  }
  return { text, fonts, pages };
}
