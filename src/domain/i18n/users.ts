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

/** The one-time reset code: the admin's dialog, the set-password form and its notice. */
export const passwordResetTexts: Texts<
  | 'action'
  | 'confirm'
  | 'code_title'
  | 'code_once'
  | 'expires'
  | 'copy'
  | 'copied'
  | 'done'
  | 'pending'
  | 'password_reset_by_admin'
  | 'set_title'
  | 'set_help'
  | 'new_password'
  | 'repeat'
  | 'mismatch'
  | 'submit'
  | 'own_role'
> = {
  'zh-CN': {
    action: '重置密码',
    confirm:
      '将为 %{name} 生成一次性验证码：其原密码立即失效、所有登录会话被注销，用户用验证码登录后须自行设置新密码。您不会知道新密码。',
    code_title: '一次性验证码',
    code_once: '此验证码只显示这一次，请当面或通过安全渠道交给 %{name}。用户用它登录后须立即设置新密码。',
    expires: '有效期至 %{at}',
    copy: '复制',
    copied: '已复制',
    done: '我已记下',
    pending: '已发出重置验证码（有效期至 %{at}），尚未使用',
    password_reset_by_admin: '管理员 %{by} 于 %{at} 重置了您的密码。请设置新密码后继续使用。',
    set_title: '设置新密码',
    set_help: '您使用一次性验证码登录，须先设置新密码。',
    new_password: '新密码',
    repeat: '再次输入新密码',
    mismatch: '两次输入的密码不一致',
    submit: '设置并登录',
    own_role: '不能修改自己的角色（职责分离）',
  },
  en: {
    action: 'Reset password',
    confirm:
      'Issues a one-time code for %{name}: the old password stops working at once, every session ends, and after signing in with the code the user must choose a new password. You will not know it.',
    code_title: 'One-time code',
    code_once:
      'This code is shown only this once: hand it to %{name} in person or over a safe channel. After signing in with it they must set a new password.',
    expires: 'Valid until %{at}',
    copy: 'Copy',
    copied: 'Copied',
    done: 'I have noted it',
    pending: 'Reset code issued (valid until %{at}), not used yet',
    password_reset_by_admin:
      'Administrator %{by} reset your password on %{at}. Set a new password to continue.',
    set_title: 'Set a new password',
    set_help: 'You signed in with a one-time code; set a new password first.',
    new_password: 'New password',
    repeat: 'Repeat the new password',
    mismatch: 'The two passwords differ',
    submit: 'Set and sign in',
    own_role: 'You cannot change your own role (separation of duties)',
  },
};
