import { describe, expect, it } from 'vitest';
import {
  cleanResult,
  editorFieldPath,
  entriesProblem,
  entryOptions,
  officeOf,
  officeProblem,
  validYearsProblem,
} from './itemGuideFields';

const FIELDS = [
  { key: 'premises', label: '经营场所', type: 'address', required: true },
  { key: 'businessType', label: '主体业态', type: 'select', required: true },
  { key: 'scope', label: '经营项目', type: 'textarea', required: true },
];

describe('implementingBody.office', () => {
  it('sends a department with its trimmed keyword, the government alone, or nothing', () => {
    expect(officeOf({ kind: 'department', keyword: ' 民政局 ' })).toEqual({ kind: 'department', keyword: '民政局' });
    // a keyword typed before switching to the government is not sent
    expect(officeOf({ kind: 'government', keyword: '民政局' })).toEqual({ kind: 'government' });
    expect(officeOf({ kind: 'none', keyword: '民政局' })).toBeUndefined();
    expect(officeOf(undefined)).toBeUndefined();
  });

  it('asks for a keyword of at least two characters, in Chinese', () => {
    expect(officeProblem({ kind: 'department', keyword: ' 民 ' })).toBe('部门关键词至少 2 个字，如「民政局」');
    expect(officeProblem({ kind: 'department' })).toMatch(/至少 2 个字/);
    expect(officeProblem({ kind: 'department', keyword: '民'.repeat(31) })).toBe('部门关键词不能超过 30 个字');
    expect(officeProblem({ kind: 'department', keyword: '民政局' })).toBeNull();
    expect(officeProblem({ kind: 'government' })).toBeNull();
    expect(officeProblem(undefined)).toBeNull();
  });
});

describe('result.validYears', () => {
  it('is a term of a certificate only', () => {
    expect(validYearsProblem(5, 'certificate')).toBeNull();
    expect(validYearsProblem(null, 'approval_document')).toBeNull();
    expect(validYearsProblem(5, 'approval_document')).toMatch(/^只有证照类办理结果才有有效期/);
  });
});

describe('result.entries', () => {
  it('offers the item’s form fields by key, labelled', () => {
    expect(entryOptions(FIELDS, undefined)).toEqual([
      { value: 'premises', label: '经营场所（premises）' },
      { value: 'businessType', label: '主体业态（businessType）' },
      { value: 'scope', label: '经营项目（scope）' },
    ]);
    expect(entryOptions(undefined, undefined)).toEqual([]);
  });

  it('keeps an entry whose field has left the form, marked, and refuses it', () => {
    expect(entryOptions(FIELDS, ['premises', 'gone']).at(-1)).toEqual({
      value: 'gone',
      label: 'gone（申请表中已无此字段）',
      missing: true,
    });
    expect(entriesProblem(['premises', 'gone'], FIELDS)).toBe('证照登载的字段须是申请表中的字段：gone 不在申请表中');
    expect(entriesProblem(['premises', 'scope'], FIELDS)).toBeNull();
    expect(entriesProblem(undefined, FIELDS)).toBeNull();
  });
});

describe('cleanResult', () => {
  it('leaves out an empty term and an empty list instead of sending null or []', () => {
    expect(cleanResult({ name: '食品经营许可证', type: 'certificate', validYears: null, entries: [] })).toEqual({
      name: '食品经营许可证',
      type: 'certificate',
    });
    expect(
      cleanResult({ name: '食品经营许可证', type: 'certificate', validYears: 5, entries: ['premises', 'scope'] }),
    ).toEqual({ name: '食品经营许可证', type: 'certificate', validYears: 5, entries: ['premises', 'scope'] });
  });
});

describe('editorFieldPath', () => {
  it('shows a publish refusal of the body on the office input', () => {
    expect(editorFieldPath('implementingBody.office')).toEqual(['guide', 'implementingBody', 'office']);
    expect(editorFieldPath('guide.implementingBody.office.keyword')).toEqual(['guide', 'implementingBody', 'office']);
    expect(editorFieldPath('guide.result.entries.1')).toEqual(['guide', 'result', 'entries', 1]);
  });
});
