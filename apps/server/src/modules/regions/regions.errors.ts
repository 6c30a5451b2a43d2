/** Region message codes. */
import { registerMessages } from '../../i18n/messages.ts';

export const RegionErrors = registerMessages({
  'regions.not_found': { 'zh-CN': '行政区划不存在：{code}', en: 'No such region: {code}' },
});
