import polyglotI18nProvider from 'ra-i18n-polyglot';
import { englishAppMessages } from './en';
import { chineseMessages } from './zh-CN';

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? englishAppMessages : chineseMessages),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);
