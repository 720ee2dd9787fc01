/**
 * Geometry of the approval seal 审批专用章, drawn as vectors from the office's name: a red ring, a
 * five-pointed star in the centre, the office name set along the upper arc (each character upright
 * to the rim) and, on an approval office's seal, 行政审批专用章 across the bottom (another office seals
 * with its own official seal, the name alone: `sealBottomText`). Pure numbers; the renderer only paints them.
 * Coordinates are pdfkit's: origin top left, y downwards, angles clockwise from 12 o'clock.
 */

export const SEAL_BOTTOM_TEXT = '行政审批专用章';
export const SEAL_COLOR = '#d6001c';

/** 行政审批专用章 for an approval office (行政审批局 / 审批服务局); none for another office's official seal. */
export const sealBottomText = (officeName: string): string | null =>
  officeName.includes('审批') ? SEAL_BOTTOM_TEXT : null;

/** The widest arc the name may take (degrees), and the narrowest a short name is spread over. */
export const MAX_ARC_DEG = 220;
export const MIN_ARC_DEG = 150;
/** Seal characters are set narrow, as engraved. */
export const ARC_H_SCALE = 0.78;

export interface SealGlyph {
  char: string;
  /** Centre of the glyph. */
  x: number;
  y: number;
  /** Clockwise rotation in degrees (0 = upright at 12 o'clock). */
  rotation: number;
}

export interface SealLayout {
  cx: number;
  cy: number;
  radius: number;
  ringWidth: number;
  /** Ten vertices, alternately outer and inner, starting at the top point. */
  star: [number, number][];
  starRadius: number;
  arcFontSize: number;
  /** Distance of the glyph centres from the centre. */
  arcRadius: number;
  /** Angle between the outermost glyph centres plus one step (degrees). */
  arcSpanDeg: number;
  arc: SealGlyph[];
  /** The text across the bottom; null on an official seal that carries the name alone. */
  bottom: { text: string; fontSize: number; x: number; y: number; width: number; height: number } | null;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

export function sealLayout(
  officeName: string,
  cx: number,
  cy: number,
  radius = 60,
  bottomText: string | null = SEAL_BOTTOM_TEXT,
): SealLayout {
  const chars = [...officeName.replace(/\s+/g, '')];
  const n = Math.max(chars.length, 1);
  const ringWidth = radius * 0.055;
  const gap = radius * 0.07;

  // The largest type size (at most 27 % of the radius) at which the name fits the widest arc.
  const arcRadiusFor = (size: number) => radius - ringWidth - gap - size / 2;
  const stepFor = (size: number) => (size * ARC_H_SCALE + size * 0.18) / arcRadiusFor(size); // glyph + spacing, in radians
  let fontSize = radius * 0.27;
  while (n * stepFor(fontSize) > rad(MAX_ARC_DEG) && fontSize > radius * 0.1) fontSize *= 0.97;
  const arcRadius = arcRadiusFor(fontSize);
  const step = stepFor(fontSize);
  let span = Math.min(n * step, rad(MAX_ARC_DEG));
  if (n > 1 && span < rad(MIN_ARC_DEG)) span = rad(MIN_ARC_DEG);
  const each = span / n;
  const arc = chars.map((char, i) => {
    const theta = -span / 2 + each * (i + 0.5);
    return {
      char,
      x: cx + arcRadius * Math.sin(theta),
      y: cy - arcRadius * Math.cos(theta),
      rotation: (theta * 180) / Math.PI,
    };
  });

  const starRadius = radius * 0.29;
  const inner = starRadius * (Math.sin(rad(18)) / Math.sin(rad(126))); // regular pentagram: ≈ 0.382
  const starCy = cy - radius * 0.04;
  const star: [number, number][] = Array.from({ length: 10 }, (_, k) => {
    const r = k % 2 === 0 ? starRadius : inner;
    const a = rad(k * 36);
    return [cx + r * Math.sin(a), starCy - r * Math.cos(a)];
  });

  const bottomFont = radius * 0.165;
  const bottomWidth = [...(bottomText ?? '')].length * bottomFont * 0.9;
  const bottomY = cy + radius * 0.56;
  return {
    cx,
    cy,
    radius,
    ringWidth,
    star,
    starRadius,
    arcFontSize: fontSize,
    arcRadius,
    arcSpanDeg: (span * 180) / Math.PI,
    arc,
    bottom: bottomText
      ? {
          text: bottomText,
          fontSize: bottomFont,
          x: cx - bottomWidth / 2,
          y: bottomY,
          width: bottomWidth,
          height: bottomFont,
        }
      : null,
  };
}
