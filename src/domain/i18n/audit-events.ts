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
