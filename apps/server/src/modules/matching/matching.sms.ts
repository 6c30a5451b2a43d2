/**
 * The SMS copy of a saved-search alert. Real providers send their own approved template, whose
 * id/code is configured in `SMS_TEMPLATE_MATCH_ALERT` with the same variables.
 * @module
 */
import { defineSmsTemplate } from '../sms/sms.templates.ts';

export const MATCH_ALERT_TEMPLATE = defineSmsTemplate({
  name: 'match_alert',
  variables: ['name', 'count'],
  text: {
    'zh-CN': '您订阅的“{name}”有 {count} 条新匹配，请登录天府科技云查看。',
    en: 'Your saved search "{name}" has {count} new matches. Sign in to Tianfu to see them.',
  },
  configKey: 'SMS_TEMPLATE_MATCH_ALERT',
});
