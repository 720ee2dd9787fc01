/**
 * What a workflow action demands of its sender (the definition's `requires`): a reason, the corrections of a
 * one-time notice 一次性告知, a special procedure 特别程序 the guide lists, a delivery 送达 — checked against the
 * item's guide. Pure; tested beside this file.
 */
import { unprocessable, type FieldError } from '../../platform/errors';
import type { ItemDetail } from '../catalog/index';
import type { ActionDefinition } from '../workflow/index';
import { SUSPENSION_KIND_LABELS, type ActionBody, type ActionInputs as Requirements } from './cases.schemas';
import { throwFieldErrors } from './cases.inputs';

/** Checks the inputs an action demands (400 naming each missing or wrong field, 422 for rules of the guide). */
export function checkRequirements(a: ActionDefinition, body: ActionBody, item: ItemDetail): Requirements {
  const errors: FieldError[] = [];
  const req = new Set(a.requires ?? []);
  const out: Requirements = {};
  if (req.has('reason')) {
    if (!body.reason?.trim()) errors.push({ field: 'reason', message: `「${a.label}」须填写理由` });
    else out.reason = body.reason.trim();
  }
  if (req.has('corrections')) {
    if (!body.corrections?.length)
      errors.push({ field: 'corrections', message: '一次性告知须列明需要补正的全部材料或内容' });
    else {
      const materialIds = new Set(item.materials.map((m) => m.id));
      const fieldKeys = new Set(item.formFields.map((f) => f.key));
      body.corrections.forEach((c, i) => {
        if (c.materialId && !materialIds.has(c.materialId))
          errors.push({ field: `corrections.${i}.materialId`, message: `该事项没有材料 ${c.materialId}` });
        if (c.field && !fieldKeys.has(c.field))
          errors.push({ field: `corrections.${i}.field`, message: `该事项的申请表没有字段 ${c.field}` });
      });
      out.corrections = body.corrections;
    }
  }
  if (req.has('suspension')) {
    if (!body.suspension)
      errors.push({
        field: 'suspension',
        message: '启动特别程序须填写种类（kind）、理由（reason）和预计时长（expectedDays）',
      });
    else out.suspension = body.suspension;
  }
  if (req.has('delivery')) {
    if (!body.delivery)
      errors.push({ field: 'delivery', message: '送达须填写方式（method：window 窗口领取 / express 快递）' });
    else {
      if (body.delivery.method === 'express' && !body.delivery.trackingNumber)
        errors.push({ field: 'delivery.trackingNumber', message: '快递送达须填写快递单号' });
      if (body.delivery.method === 'express' && !item.expressDelivery)
        errors.push({ field: 'delivery.method', message: '该事项不提供快递送达' });
      out.delivery = body.delivery;
    }
  }
  if (req.has('certificate')) out.certificate = body.certificate ?? {};
  throwFieldErrors(errors, `「${a.label}」的参数有误`, 'action_invalid');
  if (out.suspension) {
    const s = out.suspension;
    const listed = item.specialProcedures.find((p) => p.kind === s.kind);
    if (!listed) {
      throw unprocessable(
        `办事指南未列明「${SUSPENSION_KIND_LABELS[s.kind]}」特别程序，不能据此暂停计时（已列明：${item.specialProcedures.map((p) => p.name).join('、') || '无'}）`,
        [{ field: 'suspension.kind', message: '办事指南未列明的特别程序' }],
        'special_procedure_not_listed',
      );
    }
    if (s.expectedDays > listed.maxDays) {
      throw unprocessable(
        `「${listed.name}」最长 ${listed.maxDays} 个工作日`,
        [{ field: 'suspension.expectedDays', message: `不得超过 ${listed.maxDays} 个工作日` }],
        'special_procedure_too_long',
      );
    }
  }
  return out;
}
