/** Demo tickets in several states, taken through the real use cases by the demo accounts. */
import type { Db } from '../../../platform/db';
import { actorForUsername } from '../../identity/index';
import type { ActionBody, CreateTicketBody } from '../hotline.schemas';
import { actOnTicket, createTicket } from '../hotline.tickets';

const COUNTY = { kind: 'region', code: '211103' } as const;
const TOWN = { kind: 'region', code: '211103001000' } as const;

type Step = [who: string, action: ActionBody['action'], more?: Partial<ActionBody>];

const ticket = (
  b: Partial<CreateTicketBody> & Pick<CreateTicketBody, 'type' | 'categoryCode' | 'title' | 'content'>,
): CreateTicketBody => ({
  channel: 'phone',
  urgency: 'normal',
  regionCode: '211103001001',
  address: '',
  anonymous: false,
  ...b,
});

const DEMO: [CreateTicketBody, Step[]][] = [
  [
    ticket({
      type: 'complaint',
      categoryCode: 'CSGL-DL',
      title: '世纪社区东门道路被施工材料占用',
      content: '世纪社区东门道路被施工材料占用三天，车辆无法通行，希望尽快清理。',
      address: '兴隆台区振兴街道世纪社区东门',
      callerName: '李秀兰',
      callerPhone: '13998761234',
    }),
    [],
  ],
  [
    ticket({
      type: 'help',
      categoryCode: 'ZFBZ-GN',
      title: '家中暖气不热',
      content: '家中室温只有 14 度，已联系供热公司两次未处理。',
      address: '兴隆台区振兴街道设计院社区 3 号楼',
      callerName: '王德明',
      callerPhone: '13842701111',
    }),
    [['operator', 'dispatch', { unit: COUNTY }]],
  ],
  [
    ticket({
      type: 'report',
      categoryCode: 'CSGL-WJ',
      title: '举报小区楼顶私搭乱建',
      content: '研究院社区 5 号楼楼顶有住户搭建彩钢房。',
      address: '兴隆台区振兴街道研究院社区 5 号楼',
      callerName: '刘女士',
      callerPhone: '13942702222',
    }),
    [
      ['operator', 'dispatch', { unit: COUNTY }],
      ['unit-county', 'sign'],
      ['unit-county', 'redispatch', { unit: TOWN }],
      ['unit-town', 'sign'],
    ],
  ],
  [
    ticket({
      type: 'complaint',
      categoryCode: 'STHJ-ZS',
      title: '夜间施工噪音扰民',
      content: '财贸社区旁工地每晚 11 点后仍在施工，噪音很大。',
      address: '兴隆台区振兴街道财贸社区',
      callerName: '赵强',
      callerPhone: '13504273333',
    }),
    [
      ['operator', 'dispatch', { unit: COUNTY }],
      ['unit-county', 'sign'],
      ['unit-county', 'reply', { text: '已责令施工单位停止夜间施工，并办理夜间施工许可公示。' }],
    ],
  ],
  [
    ticket({
      type: 'suggestion',
      categoryCode: 'JTCX-GJ',
      title: '建议增加 12 路公交晚班车',
      content: '12 路公交末班车 18:30 太早，建议延长到 21:00。',
      regionCode: '211103002001',
      callerName: '孙悦',
      callerPhone: '13704274444',
    }),
    [
      ['operator', 'dispatch', { unit: COUNTY }],
      ['unit-county', 'return', { reason: '公交线路调整属市交通运输局职责' }],
    ],
  ],
  [
    ticket({
      type: 'complaint',
      categoryCode: 'CSGL-WS',
      title: '垃圾箱满溢无人清运',
      content: '幸福社区门口垃圾箱已满两天没人清运，气味很大。',
      address: '兴隆台区振兴街道幸福社区',
      callerName: '周敏',
      callerPhone: '13604275555',
    }),
    [
      ['operator', 'dispatch', { unit: TOWN }],
      ['unit-town', 'sign'],
      ['unit-town', 'reply', { text: '已安排环卫车辆清运，并增加清运频次。' }],
      ['hotline-chief', 'review-pass'],
      ['operator', 'callback', { satisfaction: 'satisfied', solved: true }],
    ],
  ],
  [
    ticket({
      type: 'consult',
      categoryCode: 'SHBZ-YB',
      title: '社保卡补办',
      content: '社保卡丢失，询问怎么补办。',
      callerName: '吴海',
      callerPhone: '13804276666',
    }),
    [['operator', 'answer', { text: '可携带本人身份证到任一社保卡服务网点或合作银行网点办理挂失和补卡。' }]],
  ],
];

export async function seedTicketsDemo(db: Db, now: Date): Promise<void> {
  const actors = new Map<string, Awaited<ReturnType<typeof actorForUsername>>>();
  const as = async (username: string) => {
    if (!actors.has(username)) actors.set(username, await actorForUsername(db, username));
    return actors.get(username)!;
  };
  for (const [body, steps] of DEMO) {
    let v = await createTicket(db, { actor: await as('operator'), now }, body);
    for (const [who, action, more] of steps) {
      v = await actOnTicket(db, { actor: await as(who), now }, v.id, {
        action,
        version: v.version,
        fileIds: [],
        ...more,
      });
    }
  }
}
