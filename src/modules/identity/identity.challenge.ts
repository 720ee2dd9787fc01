/**
 * A sign-in challenge a person at a browser can answer: a small sum drawn as an SVG image. The glyphs
 * are jittered strokes (paths, no text), so the question is not in the markup; the answer is checked on
 * the server and each challenge is good for one answer (identity.service).
 */
import { randomInt } from 'node:crypto';

type Stroke = [number, number][];
/** Stroke glyphs in a 10 × 16 box. */
const GLYPHS: Record<string, Stroke[]> = {
  '0': [
    [
      [0, 0],
      [10, 0],
      [10, 16],
      [0, 16],
      [0, 0],
    ],
  ],
  '1': [
    [
      [3, 3],
      [6, 0],
      [6, 16],
    ],
  ],
  '2': [
    [
      [0, 0],
      [10, 0],
      [10, 8],
      [0, 8],
      [0, 16],
      [10, 16],
    ],
  ],
  '3': [
    [
      [0, 0],
      [10, 0],
      [10, 16],
      [0, 16],
    ],
    [
      [0, 8],
      [10, 8],
    ],
  ],
  '4': [
    [
      [0, 0],
      [0, 8],
      [10, 8],
    ],
    [
      [10, 0],
      [10, 16],
    ],
  ],
  '5': [
    [
      [10, 0],
      [0, 0],
      [0, 8],
      [10, 8],
      [10, 16],
      [0, 16],
    ],
  ],
  '6': [
    [
      [10, 0],
      [0, 0],
      [0, 16],
      [10, 16],
      [10, 8],
      [0, 8],
    ],
  ],
  '7': [
    [
      [0, 0],
      [10, 0],
      [4, 16],
    ],
  ],
  '8': [
    [
      [0, 0],
      [10, 0],
      [10, 16],
      [0, 16],
      [0, 0],
    ],
    [
      [0, 8],
      [10, 8],
    ],
  ],
  '9': [
    [
      [10, 8],
      [0, 8],
      [0, 0],
      [10, 0],
      [10, 16],
      [0, 16],
    ],
  ],
  '+': [
    [
      [5, 3],
      [5, 13],
    ],
    [
      [0, 8],
      [10, 8],
    ],
  ],
  '-': [
    [
      [0, 8],
      [10, 8],
    ],
  ],
  '=': [
    [
      [0, 5],
      [10, 5],
    ],
    [
      [0, 11],
      [10, 11],
    ],
  ],
  '?': [
    [
      [0, 2],
      [2, 0],
      [10, 0],
      [10, 7],
      [5, 9],
      [5, 12],
    ],
    [
      [5, 15],
      [5, 16],
    ],
  ],
};

export type Rand = (min: number, maxExclusive: number) => number;
const cryptoRand: Rand = (min, max) => randomInt(min, max);

export interface Challenge {
  /** What the image shows, e.g. `7+5=?` (for tests and logs; never sent). */
  question: string;
  answer: string;
  svg: string;
}

export function makeChallenge(rand: Rand = cryptoRand): Challenge {
  const plus = rand(0, 2) === 0;
  let a = rand(2, 20);
  let b = rand(1, 10);
  if (!plus && b > a) [a, b] = [b, a];
  const question = `${a}${plus ? '+' : '-'}${b}=?`;
  const answer = String(plus ? a + b : a - b);
  return { question, answer, svg: drawText(question, rand) };
}

/** A typed answer in the form its challenge's answer was stored (digits; spaces and full-width digits forgiven), or null. */
export function normalizeAnswer(typed: string): string | null {
  const normal = typed.normalize('NFKC').replace(/\s+/g, '');
  return /^-?\d{1,3}$/.test(normal) ? String(Number(normal)) : null;
}

function drawText(text: string, rand: Rand): string {
  const W = 180;
  const H = 56;
  const paths: string[] = [];
  let x = 12;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (!glyph) continue;
    const scale = 1.5 + rand(0, 30) / 100;
    const angle = ((rand(0, 31) - 15) * Math.PI) / 180;
    const y0 = 10 + rand(0, 8);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    for (const stroke of glyph) {
      const pts = stroke.map(([gx, gy]) => {
        const dx = (gx - 5) * scale + rand(-10, 11) / 10;
        const dy = (gy - 8) * scale + rand(-10, 11) / 10;
        return `${(x + 8 + dx * cos - dy * sin).toFixed(1)},${(y0 + 12 + dx * sin + dy * cos).toFixed(1)}`;
      });
      paths.push(
        `<path d="M${pts.join('L')}" stroke="#1f2d3d" stroke-width="2.4" fill="none" stroke-linecap="round"/>`,
      );
    }
    x += 22 + rand(0, 5);
  }
  for (let i = 0; i < 5; i++) {
    const p = [0, 1, 2].map(() => `${rand(0, W)},${rand(0, H)}`);
    paths.push(`<path d="M${p[0]}Q${p[1]} ${p[2]}" stroke="#8a9bb0" stroke-width="1.2" fill="none"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="#f3f6fa"/>${paths.join('')}</svg>`;
}
