/**
 * Administration error and field-message codes.
 * @module
 */
import { registerMessages } from '../../i18n/messages.ts';

export const AdminErrors = registerMessages({
  'admin.user_not_found': { 'zh-CN': '用户不存在', en: 'No such user' },
  'admin.role_not_found': { 'zh-CN': '该用户没有这个角色', en: 'The user does not hold this role' },
  'admin.role_exists': { 'zh-CN': '该用户已拥有此角色', en: 'The user already holds this role' },
  'admin.user_deleted': {
    'zh-CN': '该账号已注销，不能修改',
    en: 'This account was deleted and cannot be changed',
  },
  'admin.cannot_revoke_own_admin': {
    'zh-CN': '不能撤销自己的管理员角色，请由其他管理员操作',
    en: 'You cannot revoke your own administrator role; ask another administrator',
  },
  'admin.last_admin': {
    'zh-CN': '这是最后一位管理员，不能撤销',
    en: 'This is the last administrator; the role cannot be revoked',
  },
  'admin.cannot_disable_self': { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  // Field messages (also used as zod issue messages in packages/contracts/src/admin.ts).
  'admin.unknown_region': { 'zh-CN': '行政区划代码不存在', en: 'No such region code' },
  'admin.officer_needs_region': { 'zh-CN': '主管部门人员必须指定管辖区域', en: 'An officer needs a region' },
  'admin.role_without_region': {
    'zh-CN': '该角色面向全平台，不能指定区域',
    en: 'This role is platform-wide and takes no region',
  },
});
