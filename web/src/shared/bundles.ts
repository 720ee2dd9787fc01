/** 一件事一次办: the shapes of `/api/bundles` and `/api/bundle-applications` as the web app uses them. */
import type { FormField } from './cases';
import type { Material } from './types';

export type BundleMode = 'parallel' | 'serial';
export type BundleApplicationStatus = 'draft' | 'in_progress' | 'completed';

export interface BundleSummary {
  code: string;
  name: string;
  description: string;
  itemCodes: string[];
  mode: BundleMode;
  modeLabel: string;
  active: boolean;
  version: number;
}

export interface MergedField extends FormField {
  /** Items whose form asks for this key. */
  itemCodes: string[];
  /** The shared-field group (e.g. 企业名称) the key belongs to. */
  sharedGroup?: string;
}

export interface MergedMaterial {
  id: string;
  name: string;
  required: boolean;
  source: string;
  toleranceAllowed: boolean;
  sources: { itemCode: string; materialId: string }[];
}

export interface BundleDetail extends BundleSummary {
  items: { code: string; name: string; departmentCode: string; departmentName: string | null; promisedDays: number }[];
  promisedDays: number;
  form: MergedField[];
  materials: MergedMaterial[];
  materialCountBefore: number;
  materialCountAfter: number;
  /** Administrators only: included items no longer published. */
  unavailableItems?: { field: string; message: string }[];
}

export interface BundleCreated {
  id: string;
  caseIds: string[];
  numbers: string[];
  replayed: boolean;
}

export interface BundleLinkedCase {
  /** null when the case lies outside the viewer's data scope. */
  id: string | null;
  visible: boolean;
  number: string;
  itemCode: string;
  itemName: string;
  departmentCode: string | null;
  status: string | null;
  statusLabel: string;
  finished: boolean | null;
  promisedDeadline: string | null;
  remainingWorkingDays: number | null;
  deadlineStateLabel: string | null;
}

export interface BundleApplicationView {
  id: string;
  bundleCode: string;
  bundleName: string;
  applicantName: string;
  mode: BundleMode;
  createdAt: string;
  status: BundleApplicationStatus;
  statusLabel: string;
  promisedDays: number;
  startedOn: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  remainingWorkingDays: number | null;
  completedCount: number;
  hiddenCount: number;
  cases: BundleLinkedCase[];
}

/** A case of a work queue filed through a bundle. */
export interface BundleCaseLink {
  caseId: string;
  applicationId: string;
  bundleCode: string;
  bundleName: string;
  caseCount: number;
}

export interface BundleApplicationSummary {
  id: string;
  bundleCode: string;
  bundleName: string;
  createdAt: string;
  status: BundleApplicationStatus;
  statusLabel: string;
  promisedDays: number;
  deadline: string | null;
  remainingWorkingDays: number | null;
  caseCount: number;
  completedCount: number;
  caseNumbers: string[];
}

/** A merged material as the shared material list renders it (the items' own notes stay in their guides). */
export const asMaterial = (m: MergedMaterial): Material => ({
  id: m.id,
  name: m.name,
  required: m.required,
  source: m.source,
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
