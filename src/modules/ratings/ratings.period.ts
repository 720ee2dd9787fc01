/** The period a ratings export covers, as its title and file name name it (pure). */
export interface ExportPeriod {
  /** 统计期, e.g. 2026-11-01 至 2026-11-30, or 截至 2026-12-12（全部评价）. */
  label: string;
  fileName: string;
}

export function exportPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): ExportPeriod {
  if (from) {
    const end = to ?? today;
    return { label: `${from} 至 ${end}`, fileName: `好差评统计_${from}至${end}.xlsx` };
  }
  const end = to ?? today;
  return {
    label: `截至 ${end}${to ? '' : '（全部评价）'}`,
    fileName: `好差评统计_截至${end}.xlsx`,
  };
}
