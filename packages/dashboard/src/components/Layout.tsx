import { lazy, type ReactNode, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { OGL_ATTRIBUTION } from '../format/csv';
import { Link } from '../routing/router';
import { hrefFor, type Page, sharedState, type UrlState } from '../routing/url-state';
import { SignInStatus } from './SignInStatus';

const NAVIGATION: readonly { page: Page; label: string }[] = [
  { page: 'start', label: 'Start' },
  { page: 'profile', label: 'Profile' },
  { page: 'compare', label: 'Compare' },
  { page: 'map', label: 'Map' },
  { page: 'trends', label: 'Trends' },
  { page: 'relationships', label: 'Relationships' },
  { page: 'evaluation', label: 'Evaluation' },
  { page: 'forecast', label: 'Forecast' },
  { page: 'metrics', label: 'Metrics' },
  { page: 'data', label: 'Data' },
  { page: 'data-quality', label: 'Data quality' },
];

// Loaded after the page: its forms are not part of the first page's budget.
const SavedViewsControl = lazy(() => import('../saved/SavedViewsControl'));

const MOBILE = '(max-width: 40.0525em)';

/** True on screens where GOV.UK's service navigation collapses behind a Menu button. */
function useIsMobile(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(MOBILE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(MOBILE).matches,
    () => false,
  );
}

/** The GOV.UK page template: skip link, service navigation, phase banner, main, footer. */
export function Layout({ page, state, children }: { page: Page | undefined; state: UrlState; children: ReactNode }) {
  const shared = sharedState(state);
  const mobile = useIsMobile();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [page]);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <section aria-label="Service information" className="govuk-service-navigation sb-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href={hrefFor('start', shared)} className="govuk-service-navigation__link">
                SENDbench
              </Link>
            </span>
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <button
                type="button"
                className="govuk-service-navigation__toggle"
                aria-controls="navigation"
                aria-expanded={menuOpen}
                hidden={!mobile}
                onClick={() => setMenuOpen((open) => !open)}
              >
                Menu
              </button>
              <ul className="govuk-service-navigation__list" id="navigation" hidden={mobile && !menuOpen}>
                {NAVIGATION.map((item) => {
                  const active = item.page === page;
                  const href = item.page === 'metrics' || item.page === 'data' ? hrefFor(item.page) : hrefFor(item.page, shared);
                  return (
                    <li key={item.page} className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
                      <Link href={href} className="govuk-service-navigation__link" aria-current={active ? 'page' : undefined}>
                        {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">Figures come from DfE and ONS publications; each chart names its source.</span>
          </p>
          <SignInStatus />
        </div>
        {page !== 'report' && (
          <Suspense fallback={null}>
            <SavedViewsControl />
          </Suspense>
        )}
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Licence and sources</h2>
              <p className="govuk-body-s govuk-!-margin-bottom-2">
                {OGL_ATTRIBUTION} Sources: DfE, Education, health and care plans (reporting years 2022, 2025 and 2026); DfE, Special educational needs in
                England; DfE Section 251 outturn and Dedicated Schools Grant allocations; ONS mid-year population estimates.
              </p>
              <span className="govuk-footer__licence-description">
                All content is available under the{' '}
                <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
                  Open Government Licence v3.0
                </a>
                , except where otherwise stated
              </span>
            </div>
            <div className="govuk-footer__meta-item">
              <Link href={hrefFor('data')} className="govuk-footer__link">
                Data and API
              </Link>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
