/**
 * Platform-wide message codes: generic HTTP failures and validation messages.
 * Feature codes live in their own `<feature>.errors.ts`.
 * @module
 */
import { registerMessages } from '../i18n/messages.ts';

export const CoreErrors = registerMessages({
  'error.internal': {
    'zh-CN': '服务器内部错误，请稍后再试',
    en: 'Internal server error, please try again later',
  },
  'error.not_found': { 'zh-CN': '请求的资源不存在', en: 'The requested resource was not found' },
  'error.route_not_found': { 'zh-CN': '接口不存在：{method} {url}', en: 'No such API route: {method} {url}' },
  'error.validation': {
    'zh-CN': '请求参数有误，请检查标出的字段',
    en: 'Some fields are invalid, please check them',
  },
  'error.malformed_json': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'error.payload_too_large': { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  'error.unsupported_media_type': { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  'error.rate_limited': {
    'zh-CN': '请求过于频繁，请 {seconds} 秒后再试',
    en: 'Too many requests, try again in {seconds} seconds',
  },
  'error.unauthorized': { 'zh-CN': '请先登录', en: 'Please sign in first' },
  'error.forbidden': { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  'error.forbidden_region': { 'zh-CN': '超出您的管辖区域', en: 'This is outside your region' },
  'error.method_not_allowed': { 'zh-CN': '不支持的请求方法', en: 'Method not allowed' },
  'error.bad_request': { 'zh-CN': '请求无效', en: 'Bad request' },
  'error.csrf': {
    'zh-CN': '安全令牌无效，请刷新页面后重试',
    en: 'Invalid security token, please reload the page and try again',
  },
  'error.service_unavailable': { 'zh-CN': '服务暂不可用', en: 'Service temporarily unavailable' },

  // Field messages derived from zod issues (see src/http/validation.ts).
  'validation.required': { 'zh-CN': '必填', en: 'Required' },
  'validation.invalid_type': { 'zh-CN': '类型错误，应为{expected}', en: 'Wrong type, expected {expected}' },
  'validation.too_short': { 'zh-CN': '长度至少为 {minimum}', en: 'Must be at least {minimum} characters' },
  'validation.too_long': { 'zh-CN': '长度不能超过 {maximum}', en: 'Must be at most {maximum} characters' },
  'validation.too_few_items': { 'zh-CN': '至少需要 {minimum} 项', en: 'Needs at least {minimum} items' },
  'validation.too_many_items': { 'zh-CN': '最多 {maximum} 项', en: 'At most {maximum} items' },
  'validation.too_small': { 'zh-CN': '不能小于 {minimum}', en: 'Must be at least {minimum}' },
  'validation.too_big': { 'zh-CN': '不能大于 {maximum}', en: 'Must be at most {maximum}' },
  'validation.invalid_format': { 'zh-CN': '格式不正确', en: 'Invalid format' },
  'validation.invalid_value': {
    'zh-CN': '取值无效，可选：{values}',
    en: 'Invalid value, expected one of: {values}',
  },
  'validation.unrecognized_keys': { 'zh-CN': '包含未知字段：{keys}', en: 'Unknown fields: {keys}' },
  'validation.not_multiple_of': { 'zh-CN': '必须是 {divisor} 的倍数', en: 'Must be a multiple of {divisor}' },
  'validation.invalid': { 'zh-CN': '取值无效', en: 'Invalid value' },
  'validation.region_code': { 'zh-CN': '行政区划代码无效', en: 'Invalid region code' },
});
