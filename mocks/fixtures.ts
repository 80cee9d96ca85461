// Records as the real API returns them (same fields, same dialect), for component tests and static demos.
export const banks = [
  { id: 'ICBC', name: '中国工商银行青海省分行', nameEn: 'ICBC Qinghai Branch' },
  { id: 'ABC', name: '中国农业银行青海省分行', nameEn: 'ABC Qinghai Branch' },
];

export const regions = [
  {
    id: '63',
    code: '63',
    name: '青海省',
    nameEn: 'Qinghai',
    level: 'province',
    parentCode: null,
    version: 1,
  },
  { id: '6301', code: '6301', name: '西宁市', nameEn: 'Xining', level: 'city', parentCode: '63', version: 1 },
];

export const users = {
  finance: {
    id: 2,
    username: 'finance',
    displayName: '财政厅 王敏',
    role: 'finance',
    regionCode: '63',
    unitId: null,
    bankId: null,
    departmentId: null,
  },
  police: {
    id: 4,
    username: 'police',
    displayName: '交警总队 张伟',
    role: 'police',
    regionCode: '63',
    unitId: null,
    bankId: null,
    departmentId: null,
  },
} as const;

export type AgreementFixture = {
  id: number;
  bankId: string;
  bankName: string;
  regionCode: string;
  regionName: string;
  agreementNo: string;
  accountName: string;
  accountNumber: string;
  accountBranch: string;
  remittanceMethod: string;
  dataExchangeMethod: string;
  cutoffTime: string;
  signedOn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  filedOn: string | null;
  filingReference: string | null;
  filingDueOn: string;
  overdueFiling: boolean;
  status: 'draft' | 'active' | 'suspended' | 'terminated';
  note: string | null;
  createdBy: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: {
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
    actorName: string;
    at: string;
  }[];
};

export function agreementFixtures(): AgreementFixture[] {
  const base = {
    regionCode: '63',
    regionName: '青海省',
    accountName: '青海省财政厅非税收入汇缴结算户',
    accountBranch: '营业部',
    remittanceMethod: 'direct',
    dataExchangeMethod: 'realtime_api',
    cutoffTime: '15:30',
    effectiveTo: null,
    filingReference: null,
    note: null,
    createdBy: 2,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    history: [],
  };
  return [
    {
      ...base,
      id: 1,
      bankId: 'ICBC',
      bankName: '中国工商银行青海省分行',
      agreementNo: 'QCK-2026-ICBC-001',
      accountNumber: '6222000011112222333',
      signedOn: '2026-01-05',
      effectiveFrom: '2026-01-06',
      filedOn: '2026-01-10',
      filingDueOn: '2026-01-20',
      overdueFiling: false,
      status: 'active',
      version: 3,
    },
    {
      ...base,
      id: 2,
      bankId: 'ABC',
      bankName: '中国农业银行青海省分行',
      agreementNo: 'QCK-2026-ABC-002',
      accountNumber: '6228000011112222444',
      signedOn: '2026-02-01',
      effectiveFrom: '2026-02-02',
      filedOn: null,
      filingDueOn: '2026-02-16',
      overdueFiling: true,
      status: 'draft',
      version: 1,
    },
  ];
}
