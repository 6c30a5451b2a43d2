/**
 * Search and matching error and message codes (zh-CN / en), plus the notification texts.
 * @module
 */
import { CATALOG_MESSAGES, TAXONOMY_MESSAGES } from '@tianfu/contracts';
import { registerMessages } from '../../i18n/messages.ts';

// Field messages of the catalog contracts this module validates with (search filters).
registerMessages(TAXONOMY_MESSAGES);
registerMessages(CATALOG_MESSAGES);

export const MatchingErrors = registerMessages({
  'matching.subject_not_found': { 'zh-CN': '找不到该条目', en: 'No such entry' },
  'matching.entity_not_found': {
    'zh-CN': '推荐对象不存在或已下架',
    en: 'The recommended entry does not exist or is no longer published',
  },
  'matching.not_your_list': {
    'zh-CN': '只能对推荐给自己的结果提交反馈',
    en: 'You can only give feedback on recommendations shown to you',
  },
  'matching.reason_required': {
    'zh-CN': '请选择“不相关”的原因',
    en: 'Please choose why it is not relevant',
  },
  'matching.saved_search_not_found': { 'zh-CN': '找不到该订阅', en: 'No such saved search' },
  'matching.saved_search_limit': {
    'zh-CN': '保存的搜索已达上限（{max} 个）',
    en: 'You have reached the limit of {max} saved searches',
  },
  'matching.sms_needs_phone': {
    'zh-CN': '短信提醒需要先绑定手机号',
    en: 'SMS alerts need a verified mobile number on your account',
  },
  'matching.related_not_found': {
    'zh-CN': '要申报的对象不存在',
    en: 'The party you declared does not exist',
  },
  'matching.declaration_not_found': { 'zh-CN': '找不到该利益冲突申报', en: 'No such declaration' },
  'matching.notification_not_found': { 'zh-CN': '找不到该通知', en: 'No such notification' },
  // Notification texts.
  'notification.saved_search.title': {
    'zh-CN': '“{name}”有 {count} 条新匹配',
    en: '{count} new matches for “{name}”',
  },
  'notification.saved_search.body': {
    'zh-CN': '最新：{first}',
    en: 'Newest: {first}',
  },
  'notification.generic.title': { 'zh-CN': '通知', en: 'Notification' },
});
