/** The part of fontkit (a dependency of pdfkit) that src/platform/pdf.ts uses. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
