// The demo world of DOMAIN.md §1: Qinghai province, two cities, four agent banks.
export const REGIONS = [
  { code: '63', name: '青海省', nameEn: 'Qinghai', level: 'province', parentCode: null },
  { code: '6301', name: '西宁市', nameEn: 'Xining', level: 'city', parentCode: '63' },
  { code: '630102', name: '城东区', nameEn: 'Chengdong', level: 'county', parentCode: '6301' },
  { code: '630103', name: '城中区', nameEn: 'Chengzhong', level: 'county', parentCode: '6301' },
  { code: '630104', name: '城西区', nameEn: 'Chengxi', level: 'county', parentCode: '6301' },
  { code: '630105', name: '城北区', nameEn: 'Chengbei', level: 'county', parentCode: '6301' },
  { code: '630121', name: '大通回族土族自治县', nameEn: 'Datong', level: 'county', parentCode: '6301' },
  { code: '6302', name: '海东市', nameEn: 'Haidong', level: 'city', parentCode: '63' },
  { code: '630202', name: '乐都区', nameEn: 'Ledu', level: 'county', parentCode: '6302' },
  { code: '630203', name: '平安区', nameEn: "Ping'an", level: 'county', parentCode: '6302' },
  { code: '630222', name: '民和回族土族自治县', nameEn: 'Minhe', level: 'county', parentCode: '6302' },
  { code: '630223', name: '互助土族自治县', nameEn: 'Huzhu', level: 'county', parentCode: '6302' },
] as const;

export const BANKS = [
  { id: 'ICBC', name: '中国工商银行青海省分行', nameEn: 'ICBC Qinghai Branch' },
  { id: 'ABC', name: '中国农业银行青海省分行', nameEn: 'ABC Qinghai Branch' },
  { id: 'BOC', name: '中国银行青海省分行', nameEn: 'BOC Qinghai Branch' },
  { id: 'CCB', name: '中国建设银行青海省分行', nameEn: 'CCB Qinghai Branch' },
] as const;

export const DEPARTMENTS = [
  {
    id: 1,
    name: '青海省市场监督管理局',
    nameEn: 'Qinghai Market Regulation Administration',
    regionCode: '63',
  },
  { id: 2, name: '青海省交通运输厅', nameEn: 'Qinghai Department of Transport', regionCode: '63' },
] as const;

export const UNITS = [
  {
    id: 1,
    code: '63010201',
    name: '西宁市公安局交通警察支队城东大队',
    nameEn: 'Chengdong Traffic Police Brigade',
    kind: 'traffic_police',
    regionCode: '630102',
    departmentId: null,
  },
  {
    id: 2,
    code: '63010301',
    name: '西宁市公安局交通警察支队城中大队',
    nameEn: 'Chengzhong Traffic Police Brigade',
    kind: 'traffic_police',
    regionCode: '630103',
    departmentId: null,
  },
  {
    id: 3,
    code: '63010401',
    name: '西宁市公安局交通警察支队城西大队',
    nameEn: 'Chengxi Traffic Police Brigade',
    kind: 'traffic_police',
    regionCode: '630104',
    departmentId: null,
  },
  {
    id: 4,
    code: '63020201',
    name: '海东市公安局交通警察支队乐都大队',
    nameEn: 'Ledu Traffic Police Brigade',
    kind: 'traffic_police',
    regionCode: '630202',
    departmentId: null,
  },
  {
    id: 5,
    code: '63022201',
    name: '海东市公安局交通警察支队民和大队',
    nameEn: 'Minhe Traffic Police Brigade',
    kind: 'traffic_police',
    regionCode: '630222',
    departmentId: null,
  },
  {
    id: 6,
    code: '63010002',
    name: '西宁市交通运输综合行政执法支队',
    nameEn: 'Xining Transport Enforcement Team',
    kind: 'transport',
    regionCode: '6301',
    departmentId: 2,
  },
  {
    id: 7,
    code: '63010303',
    name: '西宁市城中区市场监督管理局',
    nameEn: 'Chengzhong Market Regulation Office',
    kind: 'market',
    regionCode: '630103',
    departmentId: 1,
  },
] as const;

type DemoUser = {
  username: string;
  displayName: string;
  role: 'admin' | 'finance' | 'police' | 'dept' | 'treasury' | 'bank' | 'unit' | 'auditor';
  regionCode: string;
  unitId?: number;
  bankId?: string;
  departmentId?: number;
};

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '63' },
  { username: 'finance', displayName: '财政厅 王敏', role: 'finance', regionCode: '63' },
  { username: 'finance2', displayName: '财政厅 李强', role: 'finance', regionCode: '63' },
  { username: 'police', displayName: '交警总队 张伟', role: 'police', regionCode: '63' },
  { username: 'police2', displayName: '交警总队 刘洋', role: 'police', regionCode: '63' },
  { username: 'treasury', displayName: '人民银行国库 陈静', role: 'treasury', regionCode: '63' },
  { username: 'auditor', displayName: '审计处 赵磊', role: 'auditor', regionCode: '63' },
  { username: 'unit', displayName: '城东大队 马军', role: 'unit', regionCode: '630102', unitId: 1 },
  {
    username: 'unit_market',
    displayName: '城中区市场监管局 韩梅',
    role: 'unit',
    regionCode: '630103',
    unitId: 7,
  },
  {
    username: 'dept_market',
    displayName: '省市场监管局 周涛',
    role: 'dept',
    regionCode: '63',
    departmentId: 1,
  },
  { username: 'bank_icbc', displayName: '工商银行 孙丽', role: 'bank', regionCode: '63', bankId: 'ICBC' },
  { username: 'bank_abc', displayName: '农业银行 吴刚', role: 'bank', regionCode: '63', bankId: 'ABC' },
  { username: 'bank_boc', displayName: '中国银行 郑红', role: 'bank', regionCode: '63', bankId: 'BOC' },
  { username: 'bank_ccb', displayName: '建设银行 冯涛', role: 'bank', regionCode: '63', bankId: 'CCB' },
];

// 预算科目 budget subjects (demo excerpt of the national list, with Qinghai's local suffix)
export const BUDGET_SUBJECTS = [
  { code: '103050101', name: '公安罚没收入', parentCode: null },
  { code: '103050101101', name: '交通违法罚款', parentCode: '103050101' },
  { code: '103050104', name: '市场监管罚没收入', parentCode: null },
  { code: '103050113', name: '交通运输罚没收入', parentCode: null },
] as const;

type Level = 'central' | 'provincial' | 'city' | 'county';
// 罚款项目编码: 5-digit department + 6-digit item
export const BILLING_CODES: {
  departmentCode: string;
  itemCode: string;
  name: string;
  budgetSubjectCode: string;
  budgetLevel: Level;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: 'active' | 'retired';
  kind: 'traffic_police' | 'transport' | 'market';
}[] = [
  {
    departmentCode: '00200',
    itemCode: '430800',
    name: '道路交通违法罚款（旧版编码）',
    budgetSubjectCode: '103050101101',
    budgetLevel: 'county',
    effectiveFrom: '2019-01-01',
    effectiveTo: '2024-12-31',
    status: 'retired',
    kind: 'traffic_police',
  },
  {
    departmentCode: '00200',
    itemCode: '430900',
    name: '机动车道路交通违法罚款',
    budgetSubjectCode: '103050101101',
    budgetLevel: 'county',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'traffic_police',
  },
  {
    departmentCode: '00200',
    itemCode: '430901',
    name: '非机动车及行人交通违法罚款',
    budgetSubjectCode: '103050101101',
    budgetLevel: 'county',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'traffic_police',
  },
  {
    departmentCode: '00200',
    itemCode: '430902',
    name: '异地缴纳非现场交通违法罚款',
    budgetSubjectCode: '103050101',
    budgetLevel: 'provincial',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'traffic_police',
  },
  {
    departmentCode: '01500',
    itemCode: '110100',
    name: '道路运输违法罚款',
    budgetSubjectCode: '103050113',
    budgetLevel: 'city',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'transport',
  },
  {
    departmentCode: '01500',
    itemCode: '110200',
    name: '超限超载运输罚款',
    budgetSubjectCode: '103050113',
    budgetLevel: 'city',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'transport',
  },
  {
    departmentCode: '02100',
    itemCode: '200100',
    name: '市场监管行政处罚罚款',
    budgetSubjectCode: '103050104',
    budgetLevel: 'county',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'market',
  },
  {
    departmentCode: '02100',
    itemCode: '200200',
    name: '食品安全违法罚款',
    budgetSubjectCode: '103050104',
    budgetLevel: 'provincial',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    status: 'active',
    kind: 'market',
  },
];

export const TREASURIES = [
  {
    code: '630000000',
    name: '青海省省级国库',
    regionCode: '63',
    level: 'provincial',
    accountName: '青海省财政厅',
    accountNumber: '270001000000000063',
    bankName: '中国人民银行青海省分行国库处',
  },
  {
    code: '630100000',
    name: '西宁市市级国库',
    regionCode: '6301',
    level: 'city',
    accountName: '西宁市财政局',
    accountNumber: '270001000000006301',
    bankName: '中国人民银行西宁市分行国库科',
  },
  {
    code: '630200000',
    name: '海东市市级国库',
    regionCode: '6302',
    level: 'city',
    accountName: '海东市财政局',
    accountNumber: '270001000000006302',
    bankName: '中国人民银行海东市分行国库科',
  },
  {
    code: '630102000',
    name: '西宁市城东区国库',
    regionCode: '630102',
    level: 'county',
    accountName: '西宁市城东区财政局',
    accountNumber: '270001000000630102',
    bankName: '中国人民银行西宁市分行国库科',
  },
] as const;
