import type { Role } from '../roles';
import type { Texts } from './format';

// 用户: what the user screens and exports call each field and role.
const fieldZh = {
  id: '编号',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  regionCode: '行政区划',
  unitId: '执罚单位',
  bankId: '代理银行',
  departmentId: '主管部门',
  password: '密码',
  active: '启用',
  locked: '锁定',
  lockedUntil: '锁定至',
  failedAttempts: '连续登录失败次数',
  lastLoginAt: '最近登录',
  note: '备注',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  q: '搜索',
};
export type UserField = keyof typeof fieldZh;
export const userFieldTexts: Texts<UserField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    regionCode: 'Region',
    unitId: 'Unit',
    bankId: 'Bank',
    departmentId: 'Department',
    password: 'Password',
    active: 'Active',
    locked: 'Locked',
    lockedUntil: 'Locked until',
    failedAttempts: 'Failed logins in a row',
    lastLoginAt: 'Last login',
    note: 'Note',
    createdAt: 'Created',
    updatedAt: 'Updated',
    q: 'Search',
  },
};

export const roleTexts: Texts<Role> = {
  'zh-CN': {
    admin: '系统管理员',
    finance: '财政厅',
    police: '交警总队',
    dept: '主管部门',
    treasury: '人民银行国库',
    bank: '代理银行',
    unit: '执罚单位',
    auditor: '审计监督',
  },
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
