import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { enApp } from './en';
import { raChineseMessages } from './raChinese';
import { zhApp } from './zh-CN';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['react-admin base (ra.*)', englishMessages, raChineseMessages],
  ['application', enApp, zhApp],
])('%s messages', (_name, en, zh) => {
  const enLeaves = leaves(en);
  const zhLeaves = leaves(zh);

  it('have the same key tree in English and Chinese', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('keep every interpolation placeholder', () => {
    for (const [key, text] of enLeaves) {
      // Chinese has one plural form: it must keep the placeholders of English's plural (last) form.
      const english = placeholders(text.split('||||').at(-1) ?? '');
      const chinese = new Set(placeholders(zhLeaves.get(key) ?? ''));
      for (const p of english) if (p !== 'smart_count' && p !== 'name') expect(chinese, key).toContain(p);
    }
  });

  it('Chinese strings are translated (contain CJK) except codes, placeholders and symbols', () => {
    const untranslated = [...zhLeaves].filter(
      ([key, v]) =>
        v.trim() &&
        /[A-Za-z]{4,}/.test(v.replace(/%\{\w+\}/g, '')) &&
        !/[\u4e00-\u9fff]/.test(v) &&
        !key.endsWith('.null'),
    );
    expect(untranslated).toEqual([]);
  });
});
