/** 一件事 tracked as one: the overall status of its linked cases (pure). */
export type ApplicationStatus = 'draft' | 'in_progress' | 'completed';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿（未提交）',
  in_progress: '办理中',
  completed: '全部办结',
};

/** All linked cases finished → completed; otherwise in progress once submitted, a draft before. */
export function applicationStatus(submitted: boolean, finished: readonly boolean[]): ApplicationStatus {
  if (finished.length && finished.every(Boolean)) return 'completed';
  return submitted ? 'in_progress' : 'draft';
}
