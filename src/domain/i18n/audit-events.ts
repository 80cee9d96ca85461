import type { Texts } from './format';

// 审计日志: what the audit list, its show page and its exports call each field.
const fieldZh = {
  id: '编号',
  at: '时间',
  actorId: '用户编号',
  actorUsername: '用户',
  actorRole: '角色',
  action: '操作',
  resource: '对象',
  recordId: '记录',
  ip: 'IP 地址',
  before: '变更前',
  after: '变更后',
  hash: '哈希',
  prevHash: '前一哈希',
  at_gte: '起始日期',
  at_lte: '截止日期',
};
export type AuditEventField = keyof typeof fieldZh;
export const auditEventFieldTexts: Texts<AuditEventField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    at: 'Time',
    actorId: 'User ID',
    actorUsername: 'User',
    actorRole: 'Role',
    action: 'Action',
    resource: 'Resource',
    recordId: 'Record',
    ip: 'IP',
    before: 'Before',
    after: 'After',
    hash: 'Hash',
    prevHash: 'Previous hash',
    at_gte: 'From date',
    at_lte: 'To date',
  },
};

const roleZh = {
  admin: '系统管理员',
  finance: '财政厅',
  police: '交警总队',
  dept: '主管部门',
  treasury: '人民银行国库',
  bank: '代理银行',
  unit: '执罚单位',
  auditor: '审计监督',
};
export type RoleCode = keyof typeof roleZh;
export const roleTexts: Texts<RoleCode> = {
  'zh-CN': roleZh,
  en: {
    admin: 'Administrator',
    finance: 'Finance bureau',
    police: 'Traffic police HQ',
    dept: 'Supervising department',
    treasury: 'Central bank treasury',
    bank: 'Agent bank',
    unit: 'Enforcement unit',
    auditor: 'Auditor',
  },
};
