/** The demo category tree 工单分类 of the hotline, and who handles what where (派单规则). */

/** [code, name, children [code suffix, name][]] */
const TREE: [string, string, [string, string][]][] = [
  [
    'CSGL',
    '城市管理',
    [
      ['DL', '道路设施'],
      ['WS', '环境卫生'],
      ['LD', '路灯照明'],
      ['WJ', '违章建设'],
      ['TC', '停车管理'],
    ],
  ],
  [
    'SCJG',
    '市场监管',
    [
      ['SP', '食品安全'],
      ['JG', '价格收费'],
      ['XF', '消费维权'],
      ['YP', '药品器械'],
    ],
  ],
  [
    'ZFBZ',
    '住房保障',
    [
      ['WY', '物业服务'],
      ['GZ', '公租房'],
      ['FC', '房产交易'],
      ['GN', '供暖'],
    ],
  ],
  [
    'JTCX',
    '交通出行',
    [
      ['GJ', '公交线路'],
      ['CZ', '出租车'],
      ['DL', '公路养护'],
    ],
  ],
  [
    'STHJ',
    '生态环境',
    [
      ['ZS', '噪声污染'],
      ['DQ', '大气污染'],
      ['SZ', '水体污染'],
    ],
  ],
  [
    'SHBZ',
    '社会保障',
    [
      ['YL', '养老保险'],
      ['YB', '医疗保险'],
      ['JY', '就业创业'],
      ['QX', '欠薪讨薪'],
      ['DB', '最低生活保障'],
    ],
  ],
  [
    'JY',
    '教育',
    [
      ['RX', '入学招生'],
      ['PX', '校外培训'],
    ],
  ],
  [
    'YLWS',
    '医疗卫生',
    [
      ['YY', '医院服务'],
      ['YM', '疫苗接种'],
    ],
  ],
  [
    'ZWFW',
    '政务服务',
    [
      ['CK', '窗口服务'],
      ['BJ', '办件进度'],
      ['ZC', '政策咨询'],
    ],
  ],
  [
    'GGSY',
    '公用事业',
    [
      ['GS', '供水'],
      ['GD', '供电'],
      ['RQ', '燃气'],
    ],
  ],
];

export interface DemoCategory {
  code: string;
  name: string;
  parentCode: string | null;
  sort: number;
}

export const DEMO_CATEGORIES: DemoCategory[] = TREE.flatMap(([code, name, children], i) => [
  { code, name, parentCode: null, sort: i + 1 },
  ...children.map(([suffix, child], j) => ({ code: `${code}-${suffix}`, name: child, parentCode: code, sort: j + 1 })),
]);

/** [category, region, unit]: a unit is a department code or a region code (that region's government). */
export const DEMO_DISPATCH_RULES: [string, string, string][] = [
  ['CSGL', '211100', 'PJ-ZJ'],
  ['CSGL', '211103', '211103'],
  ['CSGL-WS', '211103001000', '211103001000'],
  ['SCJG', '211100', 'PJ-SCJG'],
  ['SCJG', '211103', 'XLT-SCJG'],
  ['ZFBZ', '211100', 'PJ-ZJ'],
  ['ZFBZ', '211103', 'XLT-ZJ'],
  ['JTCX', '211100', 'PJ-JT'],
  ['STHJ', '211100', 'PJ-STHJ'],
  ['SHBZ', '211100', 'PJ-RS'],
  ['SHBZ', '211103', 'XLT-RS'],
  ['SHBZ-DB', '211100', 'PJ-MZ'],
  ['SHBZ-DB', '211103', 'XLT-MZ'],
  ['JY', '211100', 'PJ-JY'],
  ['YLWS', '211100', 'PJ-WJ'],
  ['ZWFW', '211100', 'PJ-XZSP'],
  ['ZWFW', '211103', 'XLT-XZSP'],
  ['GGSY', '211100', 'PJ-ZJ'],
];
