import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API: the location is an external store, links push entries, and
 * back/forward (popstate) re-render. Nothing else is needed for seven pages.
 */
const NAVIGATE_EVENT = 'sendbench:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export interface Location {
  pathname: string;
  search: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(href, 'http://localhost');
  return { pathname: url.pathname, search: url.search };
}

let pendingFocus = false;

/** True once after a navigation that asked to move focus to the new view's heading. */
export function takePendingFocus(): boolean {
  const pending = pendingFocus;
  pendingFocus = false;
  return pending;
}

/**
 * Goes to an address in the app; `replace` rewrites the current history entry instead of adding
 * one; `focusHeading` moves focus to the main heading once the view is drawn (after a form that
 * changes the view, as a page load would).
 */
export function navigate(href: string, options: { replace?: boolean; focusHeading?: boolean } = {}): void {
  if (href === snapshot()) return;
  pendingFocus = Boolean(options.focusHeading);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary link (works with a new tab or a copied address) that navigates in place on a plain click. */
export function Link({ href, onClick, className = 'govuk-link', ...rest }: LinkProps) {
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}
