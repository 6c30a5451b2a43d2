/**
 * Message codes of the accounts module (profile, organizations, teams) and the field codes the
 * shared contracts attach to region and USCC validation.
 * @module
 */
import { registerMessages } from '../../i18n/messages.ts';

export const AccountsErrors = registerMessages({
  'validation.region_code': { 'zh-CN': '行政区划代码无效', en: 'Invalid region code' },
  'validation.uscc_format': {
    'zh-CN': '统一社会信用代码应为 18 位',
    en: 'A unified social credit code has 18 characters',
  },
  'validation.uscc_charset': {
    'zh-CN': '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）',
    en: 'The unified social credit code has invalid characters (I, O, Z, S, V are not used)',
  },
  'validation.uscc_region': {
    'zh-CN': '统一社会信用代码第 3–8 位应为行政区划代码',
    en: 'Characters 3–8 of the unified social credit code must be a region code',
  },
  'validation.uscc_check_char': {
    'zh-CN': '统一社会信用代码校验位不正确，请核对',
    en: 'The check character of the unified social credit code is wrong, please check it',
  },
  'account.region_unknown': { 'zh-CN': '没有这个行政区划', en: 'No such region' },
  'account.email_taken': { 'zh-CN': '该邮箱已被使用', en: 'This e-mail address is already in use' },
  'org.not_found': { 'zh-CN': '机构不存在', en: 'No such organization' },
  'org.uscc_taken': {
    'zh-CN': '该统一社会信用代码已登记，请联系该机构管理员加入',
    en: 'This unified social credit code is already registered; ask that organization to add you',
  },
  'team.not_found': { 'zh-CN': '团队不存在', en: 'No such team' },
  'team.invitee_not_found': {
    'zh-CN': '该手机号尚未注册，请对方先注册',
    en: 'No account uses this phone number yet; ask them to register first',
  },
  'team.already_member': { 'zh-CN': '对方已在团队中或已被邀请', en: 'Already a member or already invited' },
  'team.invitation_not_found': { 'zh-CN': '邀请不存在或已处理', en: 'No such pending invitation' },
});
