/**
 * Message codes of the real-name identity module and the resident-ID field codes used by contracts.
 * @module
 */
import { registerMessages } from '../../i18n/messages.ts';

export const IdentityErrors = registerMessages({
  'validation.resident_id_format': {
    'zh-CN': '身份证号码应为 18 位（最后一位可为 X）',
    en: 'A resident ID number has 18 characters (the last may be X)',
  },
  'validation.resident_id_region': {
    'zh-CN': '身份证号码的地区码无效',
    en: 'The region part of the ID number is invalid',
  },
  'validation.resident_id_birth_date': {
    'zh-CN': '身份证号码中的出生日期无效',
    en: 'The birth date in the ID number is invalid',
  },
  'validation.resident_id_check_digit': {
    'zh-CN': '身份证号码校验位不正确，请核对',
    en: 'The check digit of the ID number is wrong, please check it',
  },
  'validation.full_name': { 'zh-CN': '请输入身份证上的姓名', en: 'Enter the name as on the ID card' },
  'identity.consent_required': {
    'zh-CN': '提交实名信息前，请先单独同意《实名认证个人信息处理规则》',
    en: 'Before submitting real-name data, give the separate consent for real-name processing',
  },
  'identity.already_verified': { 'zh-CN': '您已通过实名认证', en: 'Your real name is already verified' },
  'identity.id_in_use': {
    'zh-CN': '该身份证号码已在其他账号完成实名认证',
    en: 'This ID number is already verified on another account',
  },
  'identity.not_found': { 'zh-CN': '没有待审核的实名信息', en: 'No real-name submission found' },
  'identity.not_pending': { 'zh-CN': '该实名信息已审核', en: 'This submission has already been decided' },
});
