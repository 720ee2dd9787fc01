/**
 * 补交容缺材料: the applicant (or a window clerk of the accepting or holding level) supplies a material promised
 * at a 容缺 acceptance; the promise is fulfilled. A step of the pipeline (`cases.pipeline.ts`), taken through
 * `applyAction`.
 */
import { auditInsert } from '../../platform/audit';
import { conflict, fieldError, unprocessable } from '../../platform/errors';
import { assertFilesOwnedBy } from '../files/index';
import { statusLabel, stepOf } from '../workflow/index';
import * as repo from './cases.repository';
import { assertSupplies, isWindowClerkOf } from './cases.policy';
import { SUPPLY_ACTION } from './cases.linkage';
import type { ActionBody } from './cases.schemas';
import { factsOf, partsOf } from './cases.context';
import { eventWho } from './cases.steps';
import type { Step } from './cases.pipeline';

export const supplyStep = (body: ActionBody): Step<void> => ({
  allow({ ctx: { actor }, row, loaded: { performers } }) {
    assertSupplies(actor, factsOf(row), performers);
  },

  async plan({ db, ctx: { actor, now, ip }, row, def, before, loaded: { performers } }) {
    if (!body.materialId) throw fieldError('materialId', '请指明补交的材料（materialId）');
    const { promises } = await partsOf(db, row.id, before);
    const promise = promises.find((p) => p.material_id === body.materialId && p.status !== 'fulfilled');
    if (!promise)
      throw unprocessable(
        `材料 ${body.materialId} 没有待补交的容缺承诺`,
        [{ field: 'materialId', message: '没有待补交的容缺承诺' }],
        'no_open_promise',
      );
    if (stepOf(def, row.status)?.terminal)
      throw conflict(`办件已结束（${statusLabel(def, row.status)}），不能补交材料`, 'invalid_state');
    const fileIds = body.fileIds ?? [];
    // Paper originals are checked only at a window.
    const paper = isWindowClerkOf(actor, factsOf(row)) && !!body.paper;
    if (!fileIds.length && !paper)
      throw fieldError('fileIds', '请上传补交的材料文件（窗口核验纸质原件的可设 paper: true）');
    if (fileIds.length) await assertFilesOwnedBy(db, actor.id, fileIds, (k) => `fileIds.${k}`);
    const payload = { materialId: promise.material_id, files: fileIds.length, paper, dueDate: promise.due_date };
    return {
      patch: {},
      event: {
        ...eventWho(now, actor),
        actor_role: performers.includes('owner') ? 'owner' : 'clerk',
        action: SUPPLY_ACTION,
        from_status: row.status,
        to_status: row.status,
        clock: null,
        comment: body.comment?.trim() || null,
        payload: JSON.stringify(payload),
      },
      alongside: () => [
        auditInsert({
          actor,
          action: 'cases.case.supply-material',
          entityType: 'case',
          entityId: row.id,
          before: { version: row.version },
          after: { version: body.version + 1, ...payload },
          ip,
        }),
      ],
      also: async (tx) => {
        await repo.updateMaterial(
          tx,
          row.id,
          promise.material_id,
          {
            file_ids: fileIds,
            paper,
            status: 'received',
            note: null,
          },
          now,
        );
        await repo.fulfilPromise(tx, row.id, promise.material_id, actor.id, now);
      },
      changed: { materials: true, promises: true },
    };
  },
});
