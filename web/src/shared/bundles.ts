/** 一件事一次办: names for the bundle and bundle-application answers, taken from the generated API schema. */
import { api, type CallOptions, type Res, type Row } from './client';
import type { FormField } from './cases';
import type { Material } from './types';

export type BundleSummary = Row<'/api/bundles'>;
type BundleAnswer = Res<'/api/bundles/{code}'>;
/** A field of the merged form; its `type` is one of the items' own field types (the schema says only `string`). */
export type MergedField = Omit<BundleAnswer['form'][number], 'type'> & { type: FormField['type'] };
export type BundleDetail = Omit<BundleAnswer, 'form'> & { form: MergedField[] };
export type BundleMode = BundleDetail['mode'];
export type MergedMaterial = BundleDetail['materials'][number];
export type BundleCreated = Res<'/api/bundles/{code}/applications', 'post'>;
export type BundleApplicationView = Res<'/api/bundle-applications/{id}'>;
export type BundleApplicationStatus = BundleApplicationView['status'];
export type BundleLinkedCase = BundleApplicationView['cases'][number];
/** A case of a work queue filed through a bundle. */
export type BundleCaseLink = Res<'/api/bundle-applications/case-links'>['items'][number];
export type BundleApplicationSummary = Row<'/api/bundle-applications'>;

/** A merged material as the shared material list renders it (the items' own notes stay in their guides). */
export const asMaterial = (m: MergedMaterial): Material => ({
  id: m.id,
  name: m.name,
  required: m.required,
  source: m.source as Material['source'],
  toleranceAllowed: m.toleranceAllowed,
  form: 'electronic',
  copies: 0,
});

/** Overall progress in percent: finished linked cases out of all. */
export const progressPercent = (done: number, total: number) => (total ? Math.round((done / total) * 100) : 0);

export const BUNDLE_STATUS_COLOURS: Record<BundleApplicationStatus, string> = {
  draft: 'default',
  in_progress: 'processing',
  completed: 'success',
};

/** The machine code of a problem: its `code`, else the tail of its `type` (`urn:yiwang:problem:<code>`), which routes always keep. */
export const problemCode = (p: { code?: string; type?: string }) =>
  p.code ?? (p.type?.startsWith('urn:yiwang:problem:') ? p.type.slice('urn:yiwang:problem:'.length) : undefined);

/** `GET /api/bundles/{code}`, its merged fields typed as item form fields. */
export const fetchBundle = (code: string, opts: CallOptions = { silent: true }): Promise<BundleDetail> =>
  api.get('/api/bundles/{code}', { params: { path: { code } }, ...opts }) as Promise<BundleDetail>;
