import { hrefFor, PAGE_PATHS } from '../routing/url-state';

/**
 * Where a saved thing's link goes. A comparator set's link opens the compare page with it (the API
 * refuses it to anyone it is not shared with); a view's link opens the saved page, which looks the
 * view up by id and goes to its page.
 */
export const setHref = (id: string) => hrefFor('compare', { peers: 'saved', savedSet: id });
export const viewHref = (id: string) => `${PAGE_PATHS.saved}?view=${encodeURIComponent(id)}`;

/** The absolute address of an in-app link, for copying. */
export const absolute = (href: string) => new URL(href, window.location.origin).href;

/** Copies text to the clipboard; false when the browser refuses (the caller shows the text instead). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether the caller can save (signed in, or embedded mode's local user), from the `me` query. */
export const canSave = (me: { signedIn: boolean } | undefined | null) => Boolean(me?.signedIn);

/** The sign-in link that comes back to the current page. */
export const signInHref = () => `/auth/sign-in?returnTo=${encodeURIComponent(`${window.location.pathname}${window.location.search}`)}`;
