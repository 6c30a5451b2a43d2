/**
 * Message codes of the profiles module (scientists, teams, organizations), plus the taxonomy and
 * catalog validation codes the shared contracts produce.
 * @module
 */
import { CATALOG_MESSAGES, TAXONOMY_MESSAGES } from '@tianfu/contracts';
import { registerMessages } from '../../i18n/messages.ts';
// org.not_found, org.uscc_taken, team.not_found and the USCC field codes live there.
import '../accounts/accounts.errors.ts';

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
});
