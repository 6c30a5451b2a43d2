/**
 * Message codes of the listings module (capabilities, results, needs, review, region settings),
 * plus the shared catalog, taxonomy and need-quality texts its contracts and answers use.
 * @module
 */
import { CATALOG_MESSAGES, NEED_QUALITY_MESSAGES, TAXONOMY_MESSAGES } from '@tianfu/contracts';
import { registerMessages } from '../../i18n/messages.ts';

registerMessages(CATALOG_MESSAGES);
registerMessages(TAXONOMY_MESSAGES);
registerMessages(NEED_QUALITY_MESSAGES);

export const ListingsErrors = registerMessages({
  'listing.not_found': { 'zh-CN': '信息不存在或未公开', en: 'No such listing, or it is not public' },
  'listing.invalid_transition': {
    'zh-CN': '当前状态（{from}）不能执行此操作（{action}）',
    en: 'This cannot be done ({action}) in the current status ({from})',
  },
  'listing.not_editable': {
    'zh-CN': '已关闭的信息不能再修改',
    en: 'A closed listing can no longer be edited',
  },
  'listing.version_conflict': {
    'zh-CN': '信息已被他人修改，请刷新后重试',
    en: 'Someone else changed this listing; reload and try again',
  },
  'listing.sensitive_words': {
    'zh-CN': '内容含有敏感词：{words}，请修改后再提交',
    en: 'The text contains sensitive words: {words}. Please change it and submit again',
  },
  'listing.sensitive_field.title': {
    'zh-CN': '含有敏感词：{titleWords}',
    en: 'Sensitive words: {titleWords}',
  },
  'listing.sensitive_field.summary': {
    'zh-CN': '含有敏感词：{summaryWords}',
    en: 'Sensitive words: {summaryWords}',
  },
  'listing.sensitive_field.description': {
    'zh-CN': '含有敏感词：{descriptionWords}',
    en: 'Sensitive words: {descriptionWords}',
  },
  'listing.sensitive_field.abstract': {
    'zh-CN': '含有敏感词：{abstractWords}',
    en: 'Sensitive words: {abstractWords}',
  },
  'listing.sensitive_field.keywords': {
    'zh-CN': '含有敏感词：{keywordsWords}',
    en: 'Sensitive words: {keywordsWords}',
  },
  'listing.sensitive_field.ip': { 'zh-CN': '含有敏感词：{ipWords}', en: 'Sensitive words: {ipWords}' },
  'listing.deadline_past': {
    'zh-CN': '截止日期已过，请修改截止日期后再提交',
    en: 'The deadline has passed; change it before submitting',
  },
  'listing.deadline_past_field': { 'zh-CN': '截止日期已过', en: 'The deadline has passed' },
  'listing.region_unknown': { 'zh-CN': '没有这个行政区划', en: 'No such region' },
  'listing.invalid': { 'zh-CN': '请检查标出的字段', en: 'Please check the marked fields' },
  'listing.scientist_profile_required': {
    'zh-CN': '请先创建科技工作者档案，再以个人名义发布',
    en: 'Create your scientist profile first to publish in your own name',
  },
  'listing.owner_not_found': {
    'zh-CN': '发布主体（科技工作者、团队或机构）不存在',
    en: 'The scientist, team or organization offering this does not exist',
  },
  'listing.not_owner': {
    'zh-CN': '只有发布者本人、团队负责人或机构管理员可以执行此操作',
    en: 'Only the author, the team lead or an organization administrator can do this',
  },
  'need.nda_not_required': {
    'zh-CN': '该需求不保密，无需签署保密协议',
    en: 'This need is not confidential; no agreement is needed',
  },
  'need.nda_own': { 'zh-CN': '无需为自己的需求签署保密协议', en: 'You need no agreement for your own need' },
  'review.not_submitted': {
    'zh-CN': '该信息不在待审核状态',
    en: 'This listing is not waiting for review',
  },
  'review.own_listing': {
    'zh-CN': '不能审核自己发布或管理的信息，请由其他审核人员处理',
    en: 'You cannot review a listing you published or manage; another reviewer must decide',
  },
});
