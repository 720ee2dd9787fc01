/**
 * What the applicant is told after a step that concerns them 办件通知 (in-app, and SMS when a phone is known).
 * Pure; tested beside this file.
 */
import type { ItemDetail } from '../catalog/index';
import type { TransitionOk } from '../workflow/index';
import type { CaseRow } from './cases.repository';
import { trackingHint } from './cases.tracking';
import { SUSPENSION_KIND_LABELS, type ActionInputs as Requirements } from './cases.schemas';

export interface Message {
  kind: string;
  title: string;
  body: string;
}

/** What the applicant is told after an action that concerns them (in-app, and SMS when a phone is known). */
export function applicantMessage(
  tr: TransitionOk,
  toLabel: string,
  row: CaseRow,
  item: ItemDetail,
  req: Requirements,
  promised: string | null,
  docNumber: string | null,
): Message | null {
  const n = `办件编号 ${row.number}`;
  const name = item.name;
  const doc = docNumber ? `（文书编号 ${docNumber}）` : '';
  switch (tr.action.action) {
    case 'submit':
    case 'resubmit':
      return {
        kind: 'case.submitted',
        title: `申请已提交：${name}`,
        body: `您的申请（${n}）已提交，等待窗口预审。${trackingHint(row.tracking_code)}`,
      };
    case 'prereview-pass':
      return { kind: 'case.prereviewed', title: `预审通过：${name}`, body: `您的申请（${n}）已通过预审，等待受理。` };
    case 'request-correction':
      return {
        kind: 'case.correction',
        title: `请补正材料：${name}`,
        body: `您的申请（${n}）需要补正，窗口已一次性告知全部内容${doc}：${(req.corrections ?? []).map((c) => c.problem).join('；')}。请补正后重新提交。`,
      };
    case 'refuse':
      return {
        kind: 'case.refused',
        title: `不予受理：${name}`,
        body: `您的申请（${n}）不予受理${doc}。理由：${req.reason ?? ''}`,
      };
    case 'accept':
      return {
        kind: 'case.accepted',
        title: `已受理：${name}`,
        body: `您的申请（${n}）已受理${doc}，承诺办结期限 ${promised ?? '—'}。${trackingHint(row.tracking_code)}`,
      };
    case 'grant':
      return {
        kind: 'case.granted',
        title: `${tr.action.label}：${name}`,
        body: `您的申请（${n}）已作出准予决定${doc}，正在制证。`,
      };
    case 'deny':
      return {
        kind: 'case.denied',
        title: `${tr.action.label}：${name}`,
        body: `您的申请（${n}）${tr.action.label}${doc}。理由：${req.reason ?? ''}。如不服，可依法申请行政复议或提起行政诉讼。`,
      };
    case 'suspend':
      return {
        kind: 'case.suspended',
        title: `特别程序：${name}`,
        body: `您的办件（${n}）进入${req.suspension ? SUSPENSION_KIND_LABELS[req.suspension.kind] : '特别程序'}，预计 ${req.suspension?.expectedDays ?? '—'} 个工作日，期间不计入办理时限。`,
      };
    case 'resume':
      return {
        kind: 'case.resumed',
        title: `恢复办理：${name}`,
        body: `您的办件（${n}）特别程序结束，恢复计时，承诺办结期限 ${promised ?? '—'}。`,
      };
    case 'issue-certificate':
      return {
        kind: 'case.certificate',
        title: `证照已制作：${name}`,
        body: `您的办件（${n}）结果证照已制作${doc}，等待领取或寄送。`,
      };
    case 'deliver': {
      const d = req.delivery;
      const how = d
        ? d.method === 'express'
          ? `已快递寄出（${d.carrier ?? '快递'} 单号 ${d.trackingNumber}）`
          : '已在窗口领取'
        : '已送达';
      return { kind: 'case.completed', title: `已办结：${name}`, body: `您的办件（${n}）${how}，办件已办结。` };
    }
    case 'withdraw':
      return { kind: 'case.withdrawn', title: `已撤回：${name}`, body: `您的申请（${n}）已撤回。` };
    default:
      return tr.terminal
        ? { kind: 'case.finished', title: `办件已结束：${name}`, body: `您的办件（${n}）已结束：${toLabel}。` }
        : null;
  }
}
