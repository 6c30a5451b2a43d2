/**
 * Message codes of the privacy module (consents, export, account deletion).
 * @module
 */
import { registerMessages } from '../../i18n/messages.ts';

export const PrivacyErrors = registerMessages({
  'consent.not_found': { 'zh-CN': '同意记录不存在或已撤回', en: 'No such active consent' },
  'account.delete_wrong_password': {
    'zh-CN': '密码错误，账号未注销',
    en: 'Wrong password: the account was not deleted',
  },
});
