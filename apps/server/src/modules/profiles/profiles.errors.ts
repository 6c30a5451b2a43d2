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
  // Organization claims and join requests.
  'org.uscc_claimed': {
    'zh-CN': '该统一社会信用代码已由“{name}”认领。如果您是该单位的人员，请申请加入，由单位负责人审核',
    en: 'This unified social credit code has already been claimed by “{name}”. If you work there, request to join; its owner will review your request',
  },
  'org.uscc_unclaimed': {
    'zh-CN':
      '“{name}”已由科协工作人员录入平台，但还没有人代表该单位。如果您是该单位的负责人或经办人，可以申请认领：所在地区的工作人员核实（营业执照、电话回访）后，您将成为该单位的负责人',
    en: '“{name}” was entered by association staff, but nobody acts for it yet. If you represent it, claim it: once staff of its region have checked (business licence, a call back), you become its owner',
  },
  'org_claim.has_owner': {
    'zh-CN': '该单位已有负责人，请申请加入，由单位负责人审核',
    en: 'This organization already has an owner; request to join instead',
  },
  'org_claim.uscc_unknown': {
    'zh-CN': '平台上没有这个统一社会信用代码的单位，请直接登记',
    en: 'No organization with this unified social credit code is on the platform; register it instead',
  },
  'org_claim.own_organization': {
    'zh-CN': '您是该单位的成员，不能审核该单位的认领',
    en: 'You belong to this organization, so you cannot decide its claim',
  },
  'org_claim.not_pending': {
    'zh-CN': '该认领已不在待审核状态（可能已被其他专员处理），请刷新后查看',
    en: 'This claim is no longer waiting for a decision (someone may have decided it); reload to see it',
  },
  'org_claim.not_submittable': {
    'zh-CN': '该单位已通过认证或正在审核中，无需再次提交',
    en: 'This organization is already verified or waiting for review',
  },
  'org_join.already_member': {
    'zh-CN': '您已是该单位的成员',
    en: 'You are already a member of this organization',
  },
  'org_join.pending_exists': {
    'zh-CN': '您已提交过加入申请，请等待单位负责人审核',
    en: 'You already asked to join; wait for the owner to answer',
  },
  'org_join.not_found': { 'zh-CN': '加入申请不存在', en: 'No such join request' },
  'org_join.not_pending': { 'zh-CN': '该申请已处理', en: 'This request has already been answered' },
  // In-app notifications (`notification.<type>.title|body`, rendered in the reader's language).
  'notification.org_claim.verified.title': { 'zh-CN': '单位认证已通过', en: 'Organization verified' },
  'notification.org_claim.verified.body': {
    'zh-CN': '“{name}”已通过科协工作人员的认证，发布的信息将显示“已认证”。',
    en: 'Staff verified “{name}”; its listings now show it as verified.',
  },
  'notification.org_claim.rejected.title': { 'zh-CN': '单位认证未通过', en: 'Organization not verified' },
  'notification.org_claim.rejected.body': {
    'zh-CN': '“{name}”的认证未通过。审核意见：{reason}',
    en: 'The claim of “{name}” was refused. The reviewer wrote: {reason}',
  },
  'notification.org_join.requested.title': { 'zh-CN': '新的加入申请', en: 'A request to join' },
  'notification.org_join.requested.body': {
    'zh-CN': '{user} 申请加入“{name}”，请审核。',
    en: '{user} asks to join “{name}”.',
  },
  'notification.org_join.accepted.title': { 'zh-CN': '加入申请已通过', en: 'Request to join accepted' },
  'notification.org_join.accepted.body': {
    'zh-CN': '您已成为“{name}”的成员。',
    en: 'You are now a member of “{name}”.',
  },
  'notification.org_join.declined.title': { 'zh-CN': '加入申请未通过', en: 'Request to join declined' },
  'notification.org_join.declined.body': {
    'zh-CN': '“{name}”的负责人未同意您的加入申请。',
    en: 'The owner of “{name}” declined your request to join.',
  },
  'org_join.uscc_unknown': {
    'zh-CN': '没有以该统一社会信用代码登记的单位，您可以直接登记并认领',
    en: 'No organization is registered under this code; you can register and claim it',
  },
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
