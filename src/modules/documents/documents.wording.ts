import type { DocumentInput, ReceivedMaterial, Remedies } from './documents.kinds';
import { addressOf, documentTitle, typeWording, type TypeWording } from './documents.itemtypes';
import { chineseDate } from './documents.numbering';

/**
 * The words of each document, as blocks the renderer lays out. Wording follows the usual templates
 * of the item's type: a licence's documents cite the Administrative Licensing Law (行政许可法); the
 * documents of other types cite no general article, only the item's own legal basis where given.
 */
export type Block =
  | { type: 'para'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'fields'; rows: { label: string; value: string }[] };

export interface DocumentText {
  title: string;
  /** 主送: the applicant, followed by a full-width colon. */
  salutation: string | null;
  blocks: Block[];
  /** Small print under the body (copies, how to check). */
  notes: string[];
}

const d = chineseDate;
const para = (text: string): Block => ({ type: 'para', text });

/** 救济途径: 60 days for administrative review, six months for a lawsuit (行政复议法 §20, 行政诉讼法 §46). */
export function remediesText(r: Remedies | undefined, what: string): string {
  const review = r?.reviewBody?.trim() || '有管辖权的行政复议机关';
  const court = r?.court?.trim() || '有管辖权的人民法院';
  return `如对本${what}不服，可以自收到本${what}之日起六十日内向${review}申请行政复议，或者自收到本${what}之日起六个月内依法向${court}提起行政诉讼。`;
}

/** A public service is no administrative act: its refusal is answered by the office or the 12345 hotline. */
const feedbackText = (what: string) => `如对本${what}有异议，可以向本机关提出，或者通过12345政务服务便民热线反映。`;

const recourse = (w: TypeWording, r: Remedies | undefined, what: string) =>
  w.remedy === 'review' ? remediesText(r, what) : feedbackText(what);

function applied(i: DocumentInput): string {
  return `${addressOf(i.applicantKind)}${i.appliedOn ? `于${d(i.appliedOn)}` : ''}提出的${i.itemName}申请（办件编号：${i.caseNumber}）`;
}

/** 根据……的规定，: the basis given, else the type's general article, else nothing. */
const according = (given: string | undefined, general: string | undefined) => {
  const basis = given?.trim() || general;
  return basis ? `根据${basis}的规定，` : '';
};

const materialLine = (m: ReceivedMaterial) => {
  const extra = [m.form, m.copies ? `${m.copies}份` : null].filter(Boolean).join('，');
  return extra ? `${m.name}（${extra}）` : m.name;
};

const validity = (from: string | undefined, until: string | null | undefined) =>
  until === null
    ? `${from ? `自${d(from)}起` : ''}长期有效`
    : until
      ? `${from ? `自${d(from)}` : ''}至${d(until)}`
      : null;

export function composeDocument(i: DocumentInput): DocumentText {
  const salutation = `${i.applicantName}：`;
  const notes = ['本文书一式两份，一份送达申请人，一份存档。'];
  const w = typeWording(i.itemType);
  const you = addressOf(i.applicantKind);
  const title = i.kind === 'certificate' ? i.certificateName : documentTitle(i.kind, i.itemType);
  switch (i.kind) {
    case 'acceptance_notice': {
      const blocks: Block[] = [
        para(
          `${applied(i)}，经审查，申请材料齐全、符合${w.formal}。${according(undefined, w.law?.accept)}本机关决定予以受理。`,
        ),
        para(
          `本事项${i.statutoryDays !== undefined ? `法定办结时限为${i.statutoryDays}个工作日，` : ''}` +
            `${i.promisedDays !== undefined ? `承诺办结时限为${i.promisedDays}个工作日，` : ''}` +
            `本机关将于${d(i.promisedDeadline)}前作出决定（法定期限届满日为${d(i.statutoryDeadline)}）。` +
            (w.law
              ? '依法需要听证、检验、检测、鉴定、专家评审或者现场踏勘的，所需时间不计算在上述期限内，本机关将书面告知。'
              : '需要现场核查、公示、专家评审等特别程序的，所需时间不计算在上述期限内，本机关将书面告知。'),
        ),
        para('本机关已收取的申请材料如下：'),
      ];
      if (i.materials.length)
        blocks.push({
          type: 'list',
          items: i.materials.map(materialLine),
        });
      else blocks.push({ type: 'list', items: ['无需提交纸质材料（材料已通过共享数据或电子证照获取）'] });
      if (i.tolerated?.length) {
        blocks.push(para('下列材料按容缺受理方式先行受理，请按书面承诺在期限内补齐，逾期未补齐的，本机关将依法处理：'));
        blocks.push({ type: 'list', items: i.tolerated.map((t) => `${t.materialName}（${d(t.dueOn)}前补齐）`) });
      }
      blocks.push(
        para(
          i.trackingCode
            ? `${you}可凭办件编号和查询码 ${i.trackingCode} 在一网平台「办件查询」免登录查询办理进度（请妥善保管查询码），或扫描本通知书二维码核验本通知书。`
            : `${you}可凭办件编号在一网平台查询办理进度，或扫描本通知书二维码核验本通知书。`,
        ),
      );
      return { title, salutation, blocks, notes };
    }
    case 'correction_notice':
      return {
        title,
        salutation,
        blocks: [
          para(
            `${applied(i)}，经审查，申请材料不齐全或者不符合${w.formal}。${according(undefined, w.law?.correct)}现一次性告知${you}需要补正的全部内容：`,
          ),
          { type: 'list', items: i.items.map((it) => `${it.materialName}：${it.problem}`) },
          para(
            `请于${d(i.correctBy)}前补正上述全部材料。本机关自收到全部补正材料之日起受理；补正期间不计入办理时限。无正当理由逾期不补正的，视为撤回申请。`,
          ),
          para('补正材料可通过一网平台在线提交，或送至原受理窗口。'),
        ],
        notes,
      };
    case 'refusal_notice':
      return {
        title,
        salutation,
        blocks: [
          para(`${applied(i)}，经审查，本机关决定不予受理，理由如下：`),
          para(i.reason),
          ...(i.legalBasis ? [para(`依据：${i.legalBasis}。`)] : []),
          para(recourse(w, i.remedies, '通知书')),
        ],
        notes,
      };
    case 'grant_decision': {
      const valid = validity(i.validFrom, i.validUntil) ?? (i.validYears ? `自发证之日起${i.validYears}年` : null);
      return {
        title,
        salutation,
        blocks: [
          para(
            `${applied(i)}，本机关${i.acceptedOn ? `已于${d(i.acceptedOn)}` : '已依法'}受理。经审查，该申请符合${w.conditions}。` +
              `${according(i.legalBasis, w.law?.grant)}本机关决定${w.law ? '准予行政许可' : w.grant}。`,
          ),
          {
            type: 'fields',
            rows: [
              { label: w.contentLabel, value: i.decision },
              ...(valid ? [{ label: '有效期限', value: valid }] : []),
            ],
          },
          ...(i.conditions?.length ? [para('请遵守以下事项：'), { type: 'list' as const, items: i.conditions }] : []),
          ...(i.certificateName ? [para(`本机关将依法向${you}颁发《${i.certificateName}》。`)] : []),
        ],
        notes,
      };
    }
    case 'deny_decision':
      return {
        title,
        salutation,
        blocks: [
          para(
            `${applied(i)}，本机关${i.acceptedOn ? `已于${d(i.acceptedOn)}` : '已依法'}受理。经审查，该申请不符合${w.conditions}，理由如下：`,
          ),
          para(i.reason),
          para(`${according(i.legalBasis, w.law?.deny)}本机关决定${w.law ? '不予行政许可' : w.deny}。`),
          para(recourse(w, i.remedies, '决定')),
        ],
        notes,
      };
    case 'certificate': {
      const valid = validity(i.validFrom, i.validUntil);
      return {
        title,
        salutation: null,
        blocks: [
          {
            type: 'fields',
            rows: [
              { label: '证书编号', value: i.certificateNumber ?? i.number },
              { label: '持证人', value: i.holderName ?? i.applicantName },
              ...(i.holderCode ? [{ label: '证件号码', value: i.holderCode }] : []),
              ...(i.entries ?? []),
              ...(valid ? [{ label: '有效期限', value: valid }] : []),
              { label: '发证机关', value: i.officeName },
              { label: '办件编号', value: i.caseNumber },
            ],
          },
        ],
        notes: ['本证书由一网平台签发，扫描二维码可核验真伪。'],
      };
    }
  }
}
