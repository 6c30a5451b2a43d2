/**
 * Message codes of the auth module (sign-up, sign-in, codes, sessions, 2FA, passwords), plus the
 * field-validation codes that the shared contracts attach to zod issues.
 * @module
 */
import { registerMessages } from '../../i18n/messages.ts';

export const AuthErrors = registerMessages({
  // Field messages used by packages/contracts schemas.
  'validation.mobile': {
    'zh-CN': '请输入有效的中国大陆手机号',
    en: 'Enter a valid mainland China mobile number',
  },
  'validation.sms_code': { 'zh-CN': '验证码为 6 位数字', en: 'The code has 6 digits' },
  'validation.totp_code': { 'zh-CN': '动态口令为 6 位数字', en: 'The authenticator code has 6 digits' },

  'auth.otp_too_frequent': {
    'zh-CN': '验证码发送过于频繁，请 {seconds} 秒后再试',
    en: 'Codes are sent too often, try again in {seconds} seconds',
  },
  'auth.otp_hourly_limit': {
    'zh-CN': '该号码一小时内最多接收 5 条验证码，请 {minutes} 分钟后再试',
    en: 'At most 5 codes per hour for this number, try again in {minutes} minutes',
  },
  'auth.otp_daily_limit': {
    'zh-CN': '该号码今日验证码次数已用完（每日 10 条），请 {hours} 小时后再试',
    en: 'This number reached its 10 codes for the day, try again in {hours} hours',
  },
  'auth.code_invalid': { 'zh-CN': '验证码错误或已过期', en: 'The code is wrong or has expired' },
  'auth.sms_unavailable': {
    'zh-CN': '短信服务暂不可用，请稍后再试',
    en: 'SMS is unavailable right now, please try later',
  },
  'auth.phone_taken': { 'zh-CN': '该手机号已注册', en: 'This phone number is already registered' },
  'auth.invalid_credentials': { 'zh-CN': '手机号或密码错误', en: 'Wrong phone number or password' },
  'auth.account_locked': {
    'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins: the account is locked, try again in {minutes} minutes',
  },
  'auth.ip_locked': {
    'zh-CN': '此网络登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins from this network, try again in {minutes} minutes',
  },
  'auth.account_disabled': { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  'auth.totp_not_pending': {
    'zh-CN': '请先用密码或短信验证码登录',
    en: 'Sign in with your password or SMS code first',
  },
  'auth.totp_invalid': { 'zh-CN': '动态口令错误', en: 'Wrong authenticator code' },
  'auth.totp_not_enrolled': {
    'zh-CN': '请先开始绑定身份验证器',
    en: 'Start the authenticator setup first',
  },
  'auth.totp_already_enabled': { 'zh-CN': '已启用两步验证', en: 'Two-factor authentication is already on' },
  'auth.totp_required_for_role': {
    'zh-CN': '工作人员和管理员必须启用两步验证，不能关闭',
    en: 'Officers and administrators must keep two-factor authentication on',
  },
  'auth.totp_enrollment_required': {
    'zh-CN': '请先启用两步验证后再使用工作人员功能',
    en: 'Turn on two-factor authentication before using staff functions',
  },
  'auth.wrong_password': { 'zh-CN': '当前密码错误', en: 'The current password is wrong' },
  'auth.session_not_found': { 'zh-CN': '会话不存在', en: 'No such session' },
  'auth.not_your_phone': {
    'zh-CN': '只能验证本账号的手机号',
    en: 'You can only verify your own phone number',
  },

  'password.too_short': {
    'zh-CN': '密码至少 {min} 个字符',
    en: 'The password needs at least {min} characters',
  },
  'password.too_long': {
    'zh-CN': '密码不能超过 {max} 个字符',
    en: 'The password can have at most {max} characters',
  },
  'password.too_common': {
    'zh-CN': '这是常见密码，很容易被猜到，请换一个',
    en: 'This is a common password and easy to guess, choose another',
  },
  'password.contains_phone': {
    'zh-CN': '密码不能包含手机号',
    en: 'The password must not contain your phone number',
  },
  'password.too_simple': {
    'zh-CN': '密码需包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'Use at least 3 of: upper-case letters, lower-case letters, digits, symbols',
  },
  'password.reused': {
    'zh-CN': '不能使用最近 {count} 次用过的密码',
    en: 'You cannot reuse any of your last {count} passwords',
  },
  'password.same_as_current': {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
});
