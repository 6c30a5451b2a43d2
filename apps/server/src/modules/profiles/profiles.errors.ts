/**
 * Message codes of the profiles module (scientists, teams, organizations), plus the taxonomy and
 * catalog validation codes the shared contracts produce.
 * @module
 */
import { CATALOG_MESSAGES, TAXONOMY_MESSAGES } from '@tianfu/contracts';
import { registerMessages } from '../../i18n/messages.ts';
// org.not_found, org.uscc_taken, team.not_found and the USCC field codes live there.
import '../accounts/accounts.errors.ts';
// listing.sensitive_words and the listing fields' texts.
import '../listings/listings.errors.ts';

registerMessages(TAXONOMY_MESSAGES);
registerMessages(CATALOG_MESSAGES);

export const ProfilesErrors = registerMessages({
  'scientist.not_found': { 'zh-CN': '科技工作者档案不存在', en: 'No such scientist profile' },
  'scientist.no_profile': {
    'zh-CN': '您还没有创建科技工作者档案',
    en: 'You have not created a scientist profile yet',
  },
  'scientist.profile_exists': {
    'zh-CN': '您已经有科技工作者档案，请直接修改',
    en: 'You already have a scientist profile; edit it instead',
  },
  'scientist.org_unknown': { 'zh-CN': '所选机构不存在', en: 'The chosen organization does not exist' },
  'profiles.region_unknown': { 'zh-CN': '没有这个行政区划', en: 'No such region' },
  // Per-field texts of the sensitive-word check on profiles (listings register title, description…).
  'listing.sensitive_field.name': { 'zh-CN': '含有敏感词：{nameWords}', en: 'Sensitive words: {nameWords}' },
  'listing.sensitive_field.affiliation': {
    'zh-CN': '含有敏感词：{affiliationWords}',
    en: 'Sensitive words: {affiliationWords}',
  },
  'listing.sensitive_field.bio': { 'zh-CN': '含有敏感词：{bioWords}', en: 'Sensitive words: {bioWords}' },
  'listing.sensitive_field.skills': {
    'zh-CN': '含有敏感词：{skillsWords}',
    en: 'Sensitive words: {skillsWords}',
  },
  'listing.sensitive_field.experience': {
    'zh-CN': '含有敏感词：{experienceWords}',
    en: 'Sensitive words: {experienceWords}',
  },
  'listing.sensitive_field.papers': {
    'zh-CN': '含有敏感词：{papersWords}',
    en: 'Sensitive words: {papersWords}',
  },
  'listing.sensitive_field.patents': {
    'zh-CN': '含有敏感词：{patentsWords}',
    en: 'Sensitive words: {patentsWords}',
  },
  'listing.sensitive_field.projects': {
    'zh-CN': '含有敏感词：{projectsWords}',
    en: 'Sensitive words: {projectsWords}',
  },
  'listing.sensitive_field.deliveredServices': {
    'zh-CN': '含有敏感词：{deliveredServicesWords}',
    en: 'Sensitive words: {deliveredServicesWords}',
  },
  'listing.sensitive_field.capabilities': {
    'zh-CN': '含有敏感词：{capabilitiesWords}',
    en: 'Sensitive words: {capabilitiesWords}',
  },
});
