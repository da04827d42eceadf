import { useEffect } from 'react';

/** Sets the document title in the GOV.UK pattern: "Page – SENDbench". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – SENDbench`;
  }, [title]);
}
