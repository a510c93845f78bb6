import { useState } from 'react';
import type { Lang } from '../core/report/finding';

/** Where the pane keeps the reader's language between openings (Excel's pane and the sidebar alike). */
export const langStorageKey = 'soat.lang';

/** The page's local storage, or undefined where the browser refuses it (a sandboxed frame). */
export function paneStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function storedLang(storage: Pick<Storage, 'getItem'> | undefined): Lang | undefined {
  try {
    const value = storage?.getItem(langStorageKey);
    return value === 'vi' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(langStorageKey, lang);
  } catch {
    // A full or refused storage only costs the reader one switch next time.
  }
}

/** The language the reader chose last time, else `initial`; a new choice is remembered. */
export function useRememberedLang(initial: Lang): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(() => storedLang(paneStorage()) ?? initial);
  const choose = (next: Lang): void => {
    rememberLang(paneStorage(), next);
    setLang(next);
  };
  return [lang, choose];
}
