/**
 * Generated hotline data for the benchmarks, straight into a migrated, demo-seeded database: knowledge entries
 * (realistic Chinese questions and answers combined from the demo categories, the catalog's items, places and
 * phrases, indexed by the module's own rule) and tickets (set-based SQL in batches of `generate_series`, each
 * ticket's text drawn from a pool whose keywords the module's rule took, so the hot-topic report counts real
 * words).
 */
import { entryIndex } from '../src/modules/hotline/hotline.kb.rules';
import { ticketKeywords } from '../src/modules/hotline/hotline.reports.rules';
import { psql, psqlValue } from './lib';

/** A small deterministic generator (mulberry32): the same data on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['兴隆台区', '双台子区', '大洼区', '盘山县', '辽东湾新区', '高新区', '市区', '城区', '农村', '社区'];

/** What a caller asks about a subject. */
const ASPECTS = [
  '办理条件',
  '所需材料',
  '收费标准',
  '办理时限',
  '办理地点',
  '投诉渠道',
  '补贴政策',
  '申请流程',
  '网上办理',
  '咨询电话',
  '政策依据',
  '异地办理',
  '变更手续',
  '注销手续',
  '进度查询',
];

const QUESTION_FORMS = [
  (place: string, s: string, a: string) => `${place}${s}的${a}是什么？`,
  (place: string, s: string, a: string) => `在${place}怎么查询${s}的${a}？`,
  (place: string, s: string, a: string) => `${s}${a}在${place}有哪些规定？`,
  (place: string, s: string, a: string) => `${place}居民${s}${a}怎么办？`,
];

const ANSWER_FORMS = [
  (place: string, s: string, a: string, dept: string) =>
    `${place}${s}的${a}以${dept}公布的最新规定为准。市民可登录“辽事通”App 或政务服务网查询，也可拨打 12345 热线或到${place}政务服务中心窗口咨询，工作日上午 8:30 至下午 5:00 受理。`,
  (place: string, s: string, a: string, dept: string) =>
    `关于${s}${a}：请携带本人身份证及相关证明材料到${place}${dept}办理，材料齐全的当场受理；对办理结果有异议的，可在收到结果之日起 60 日内申请复核。`,
  (place: string, s: string, a: string, dept: string) =>
    `${dept}负责${place}${s}相关工作。${a}可通过线上“一网通办”平台提交，审核通过后短信通知，一般在 5 个工作日内办结，特殊情况可延长。`,
];

/** Problems citizens report, by category leaf name: title and what they say. */
const PROBLEMS: Record<string, [string, string][]> = {
  道路设施: [
    ['道路坑洼', '路面坑洼积水，车辆行人通行困难'],
    ['井盖缺失', '路边井盖缺失，存在安全隐患'],
  ],
  环境卫生: [
    ['垃圾未清运', '小区垃圾桶满溢多日无人清运，异味严重'],
    ['公厕脏乱', '公共厕所卫生差，长期无人打扫'],
  ],
  路灯照明: [['路灯不亮', '路灯损坏不亮，夜间出行不安全']],
  违章建设: [['私搭乱建', '楼顶有住户私搭彩钢房，影响邻居采光']],
  停车管理: [['乱停车', '小区门口车辆乱停乱放，堵塞消防通道']],
  食品安全: [['食品过期', '超市销售过期食品，要求查处']],
  价格收费: [['乱收费', '停车场收费高于公示标准，要求核查']],
  消费维权: [
    ['预付卡退费难', '健身房关门停业，预付卡余额无法退还'],
    ['网购纠纷', '商家拒绝退货退款，要求协调'],
  ],
  药品器械: [['药店无证', '药店无执业药师销售处方药']],
  物业服务: [
    ['电梯故障', '小区电梯频繁故障停运，物业维修不及时'],
    ['物业不作为', '物业公司服务差，楼道卫生无人打扫'],
  ],
  公租房: [['公租房申请', '公租房申请提交后长时间没有审核结果']],
  房产交易: [['办证难', '购买商品房多年仍未办理不动产权证']],
  供暖: [
    ['暖气不热', '家中暖气不热，室温只有十四度，供热公司未处理'],
    ['供暖费', '没有入住也要收取全额供暖费，要求说明依据'],
  ],
  公交线路: [['公交班次少', '公交车班次少间隔长，早晚高峰等车时间长']],
  出租车: [['出租车拒载', '出租车司机拒载绕路，要求处理']],
  公路养护: [['公路塌陷', '乡村公路塌陷，大车通行危险']],
  噪声污染: [
    ['夜间施工噪音', '工地夜间施工噪音扰民，影响休息'],
    ['广场舞噪音', '广场舞音响声音太大，影响周边居民'],
  ],
  大气污染: [['烧烤油烟', '烧烤店油烟直排，污染空气']],
  水体污染: [['河道污染', '河道有污水排放，水面发黑发臭']],
  养老保险: [['养老金发放', '退休人员养老金未按时发放']],
  医疗保险: [['医保报销', '异地就医医保报销手续复杂，迟迟未到账']],
  就业创业: [['创业补贴', '创业补贴申请后一直没有发放']],
  欠薪讨薪: [['拖欠工资', '工地拖欠农民工工资三个月，要求帮助讨薪']],
  最低生活保障: [['低保申请', '低保申请长时间没有答复']],
  入学招生: [['入学划片', '孩子入学划片不合理，上学距离太远']],
  校外培训: [['培训退费', '校外培训机构停课跑路，学费无法退还']],
  医院服务: [['看病排队', '医院挂号排队时间长，服务态度差']],
  疫苗接种: [['疫苗预约', '社区卫生服务中心疫苗预约不上']],
  窗口服务: [['窗口态度差', '政务服务窗口工作人员态度差，多次跑腿']],
  办件进度: [['办件超时', '申请的营业执照超过承诺时限仍未办结']],
  政策咨询: [['政策咨询', '咨询住房公积金提取政策']],
  供水: [
    ['停水', '小区突然停水，没有提前通知，至今没有恢复供水'],
    ['水压低', '高层住户水压低，用水困难'],
  ],
  供电: [['频繁停电', '小区频繁停电，影响正常生活']],
  燃气: [['燃气异味', '楼道内有燃气异味，担心泄漏']],
};
const WHEN = ['', '最近一周', '近三天', '从上个月开始', '今天上午'];
const ASKS = ['，希望尽快处理。', '，要求有关部门解决。', '，请相关部门核实。', '。'];

interface Category {
  code: string;
  name: string;
  top: string;
}

/** Rows as a JSON literal: statements carrying one go to psql on standard input (too long for an argument). */
const json = (rows: unknown) => `$json$${JSON.stringify(rows)}$json$::jsonb`;

const categories = (db: string): Category[] =>
  JSON.parse(
    psqlValue(
      db,
      `select coalesce(json_agg(json_build_object('code', c.code, 'name', c.name, 'top', p.name)), '[]')
       from hotline_categories c join hotline_categories p on p.code = c.parent_code`,
    ),
  ) as Category[];

/** Knowledge entries up to `total` published ones in the database (the demo's included), in batches. */
export function generateKb(db: string, total: number, log: (s: string) => void = () => undefined) {
  const have = Number(psqlValue(db, `select count(*) from hotline_kb_entries`));
  if (have >= total) return;
  const cats = categories(db);
  const items = psqlValue(db, `select coalesce(string_agg(name, '|'), '') from items`).split('|').filter(Boolean);
  // Subjects: the catalog's items (政务服务) and every category's own matter.
  const subjects = [
    ...items.map((name) => ({ name, category: 'ZWFW-ZC', dept: '市行政审批服务局' })),
    ...cats.map((c) => ({ name: c.name, category: c.code, dept: `市${c.top}主管部门` })),
  ];
  const rand = prng(12345);
  const seen = new Set<string>();
  let batch: object[] = [];
  const flush = () => {
    if (!batch.length) return;
    psqlValue(
      db,
      `insert into hotline_kb_entries (question, answer, category_code, source_department, state, search_terms, primary_terms, origin)
       select question, answer, category_code, source_department, 'published', search_terms, primary_terms, 'bench'
       from jsonb_to_recordset(${json(batch)}) as x(question text, answer text, category_code text,
         source_department text, search_terms text[], primary_terms text[])`,
    );
    batch = [];
  };
  for (let n = have, tries = 0; n < total && tries < total * 20; tries++) {
    const s = subjects[Math.floor(rand() * subjects.length)]!;
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    const aspect = ASPECTS[Math.floor(rand() * ASPECTS.length)]!;
    const question = QUESTION_FORMS[Math.floor(rand() * QUESTION_FORMS.length)]!(place, s.name, aspect);
    if (seen.has(question)) continue;
    seen.add(question);
    const answer = ANSWER_FORMS[Math.floor(rand() * ANSWER_FORMS.length)]!(place, s.name, aspect, s.dept);
    batch.push({
      question,
      answer,
      category_code: s.category,
      source_department: s.dept,
      ...entryIndex(question, answer),
    });
    n++;
    if (batch.length === 2000) {
      flush();
      log(`knowledge entries: ${n}`);
    }
  }
  flush();
  psql(db, 'analyze hotline_kb_entries');
}

/** Questions a caller asks, for the search load. */
export const KB_QUERIES = [
  '暖气不热怎么办',
  '社保卡丢了怎么补办',
  '营业执照办理需要什么材料',
  '低保申请条件',
  '公租房申请流程',
  '养老保险异地办理',
  '医保报销进度查询',
  '停水什么时候恢复',
  '供暖费收费标准',
  '创业补贴政策',
  '入学招生政策依据',
  '不动产登记办理地点',
];

/**
 * Tickets up to `total` generated ones (number prefix `B`), spread over `days` days ending yesterday: one in
 * `openEvery` open (dispatched, handling, replied or awaiting callback, registered in the last 30 days), a
 * third of the consultations answered at once, the rest dispatched to a county or town government or to the
 * category's city department and closed. Texts come from a pool with a skewed draw, so some topics are hot.
 */
export function generateTickets(
  db: string,
  {
    total,
    days = 365,
    openEvery = 20,
    batch = 100_000,
  }: { total: number; days?: number; openEvery?: number; batch?: number },
  log: (s: string) => void = () => undefined,
) {
  const cats = categories(db);
  const rand = prng(20261214);
  const texts: object[] = [];
  for (const c of cats)
    for (const [title, what] of PROBLEMS[c.name] ?? [[c.name, `反映${c.name}方面的问题`]])
      for (const place of PLACES)
        for (const when of WHEN) {
          const ask = ASKS[Math.floor(rand() * ASKS.length)]!;
          const content = `市民来电反映${place}${when}${what}${ask}`;
          const type = c.code.startsWith('ZWFW-ZC')
            ? 'consult'
            : rand() < 0.2
              ? 'consult'
              : rand() < 0.8
                ? 'complaint'
                : 'help';
          texts.push({ category_code: c.code, title, content, type, keywords: ticketKeywords(title, content) });
        }
  // Shuffle so that the skewed draw favours different categories, not the first ones listed.
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [texts[i], texts[j]] = [texts[j]!, texts[i]!];
  }
  psqlValue(
    db,
    `drop table if exists bench_hotline_texts;
     create table bench_hotline_texts as
       select (row_number() over () - 1)::int as k, * from jsonb_to_recordset(${json(texts)})
         as x(category_code text, title text, content text, type text, keywords text[]);
     drop table if exists bench_hotline_places;
     create table bench_hotline_places as
       select (row_number() over (order by v.code) - 1)::int as k, v.code as village, t.code as town, t.name as town_name,
         c.code as county, c.name as county_name
       from regions v join regions t on t.code = v.parent_code join regions c on c.code = t.parent_code
       where v.level = 'village' and v.active;
     drop table if exists bench_hotline_depts;
     create table bench_hotline_depts as
       select distinct on (split_part(r.category_code, '-', 1)) split_part(r.category_code, '-', 1) as top,
         d.code, d.name, d.region_code
       from hotline_dispatch_rules r join departments d on d.code = r.unit_code
       where r.unit_kind = 'department' and r.region_code = '211100'
       order by split_part(r.category_code, '-', 1), r.category_code;`,
  );
  const have = Number(psqlValue(db, `select count(*) from hotline_tickets where number like 'B%'`));
  const nTexts = texts.length;
  const nPlaces = Number(psqlValue(db, 'select count(*) from bench_hotline_places'));
  for (let from = have + 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    // i picks everything: the text (skewed: k = n·u²), the place, the unit, the day and the state.
    psql(
      db,
      `insert into hotline_tickets (number, type, category_code, title, content, keywords, channel, urgency, region_code,
         address, caller_name, caller_phone, anonymous, state, unit_kind, unit_code, unit_name, unit_region_code,
         first_unit_code, sign_due_at, signed_at, reply_text, replied_at, satisfaction, solved, answered_at_once,
         limit_unit, limit_amount, clock_started_at, due_at, finished_at, created_at, updated_at)
       select 'B' || lpad(g.i::text, 9, '0'), tx.type, tx.category_code, tx.title, tx.content, tx.keywords,
         (array['phone','phone','phone','web','mobile'])[1 + g.i % 5], case when g.i % 50 = 0 then 'urgent' else 'normal' end,
         p.village, p.town_name, '市民' || (g.i % 997), '139' || lpad((g.i % 100000000)::text, 8, '0'), false,
         s.state, u.kind, u.code, u.name, u.region,
         u.code, case when u.code is not null then w.at + interval '1 day' end,
         case when s.state <> 'dispatched' and u.code is not null then w.at + interval '2 hours' end,
         case when s.state in ('replied','callback','closed') and s.raw <> 'at_once' then '已核实处理，并向市民反馈。' end,
         case when s.state in ('replied','callback','closed') and s.raw <> 'at_once' then w.at + interval '5 days' end,
         case when s.state = 'closed' and s.raw <> 'at_once' then (array['satisfied','satisfied','satisfied','basically','unsatisfied'])[1 + g.i % 5] end,
         case when s.state = 'closed' and s.raw <> 'at_once' then g.i % 7 <> 0 end,
         s.raw = 'at_once',
         'workdays', case when tx.type = 'consult' then 2 else 20 end, w.at, w.at + interval '28 days',
         case when s.state = 'closed' then w.at + case when s.raw = 'at_once' then interval '5 minutes' else interval '6 days' end end,
         w.at, w.at
       from generate_series(${from}, ${to}) as g(i)
       cross join lateral (select floor(${nTexts} * power(((g.i::bigint * 2654435761) % 1000003) / 1000003.0, 2))::int as k) r
       join bench_hotline_texts tx on tx.k = r.k
       join bench_hotline_places p on p.k = (g.i::bigint * 40503) % ${nPlaces}
       cross join lateral (select x.raw, case when x.raw = 'at_once' then 'closed' else x.raw end as state from (select case
           when g.i % ${openEvery} = 0 then (array['dispatched','handling','handling','replied','callback'])[1 + (g.i / ${openEvery}) % 5]
           when tx.type = 'consult' and g.i % 3 = 0 then 'at_once'
           else 'closed' end as raw) x) s
       cross join lateral (select
           date_trunc('day', now()) - interval '1 second' - make_interval(secs =>
             case when g.i % ${openEvery} = 0 then (g.i::bigint * 7919) % (30 * 86400)
                  else (g.i::bigint * 7919) % (${days} * 86400) end) as at) w
       left join bench_hotline_depts d on d.top = split_part(tx.category_code, '-', 1)
       cross join lateral (select
           case when s.raw = 'at_once' then null
                when g.i % 4 = 1 and d.code is not null then 'department' else 'region' end as kind,
           case when s.raw = 'at_once' then null
                when g.i % 4 = 1 and d.code is not null then d.code when g.i % 4 = 2 then p.town else p.county end as code,
           case when s.raw = 'at_once' then null
                when g.i % 4 = 1 and d.code is not null then d.name when g.i % 4 = 2 then p.town_name else p.county_name end as name,
           case when s.raw = 'at_once' then null
                when g.i % 4 = 1 and d.code is not null then d.region_code when g.i % 4 = 2 then p.town else p.county end as region) u`,
    );
    log(`tickets: ${to}`);
  }
  psql(db, 'analyze hotline_tickets');
}
