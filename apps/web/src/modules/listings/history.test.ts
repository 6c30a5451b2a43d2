import { describe, expect, it } from 'vitest';
import { CapabilityPatch, NeedPatch, ResearchResultPatch } from '@tianfu/contracts';
import { messages } from '../../i18n/messages';
import { historyFieldKey, historyReasonKey } from './history';

describe('history labels', () => {
  it('names every field an editor can change, in both languages', () => {
    const fields = new Set(
      [NeedPatch, CapabilityPatch, ResearchResultPatch].flatMap((s) => Object.keys(s.shape)),
    );
    fields.delete('version');
    for (const f of fields) {
      const key = historyFieldKey(f);
      expect(key, f).not.toBeNull();
      expect(messages['zh-CN'][key!], f).toBeTruthy();
      expect(messages.en[key!], f).toBeTruthy();
    }
  });
  it('leaves unknown fields and typed reasons as they are', () => {
    expect(historyFieldKey('ownerType')).toBeNull();
    expect(historyReasonKey('请补充验收指标')).toBeNull();
    expect(historyReasonKey('auto_publish')).toBe('history.reasonCode.auto_publish');
  });
});
