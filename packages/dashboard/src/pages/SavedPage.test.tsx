import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, test } from 'vitest';
import { fakeClient, SIGNED_IN, SIGNED_OUT } from '../saved/saved-test-client';
import SavedPage from './SavedPage';

const SET = { id: 'Ab3_-Zz9Ab3_-Zz9', name: 'Kent and friends', codes: ['886', '887'], shared: false, mine: true, version: 2 };
const VIEW = { id: 'View_id_00000000', name: 'Kent on the map', path: '/map', search: '?la=886', shared: true, mine: false };

function renderAt(search: string, me: unknown, mutations: Record<string, unknown> = {}) {
  const fake = fakeClient({ SignedInUser: me, ComparatorSets: { comparatorSets: [SET] }, SavedViews: { savedViews: [] }, SavedView: { savedView: VIEW } }, mutations);
  render(
    <Provider value={fake.client}>
      <SavedPage search={search} />
    </Provider>,
  );
  return fake;
}

describe('SavedPage', () => {
  test('tells a signed-out user that saving needs sign-in', () => {
    renderAt('', SIGNED_OUT);
    expect(screen.getByTestId('saved-sign-in-note').textContent).toBe('Saving views and comparator sets needs sign-in. Sign in to save and share them.');
  });

  test('lists comparator sets with a link that compares with each', () => {
    renderAt('', SIGNED_IN);
    expect(screen.getByRole('link', { name: 'Kent and friends' }).getAttribute('href')).toBe(`/compare?peers=saved&set=${SET.id}`);
    expect(screen.getByText('You have no saved views yet.')).toBeTruthy();
  });

  test('shares a private set before giving its link', async () => {
    const fake = renderAt('', SIGNED_IN, { UpdateComparatorSet: { updateComparatorSet: { ...SET, shared: true } } });
    fireEvent.click(screen.getByRole('button', { name: /^Copy share link\s*for Kent and friends$/ }));
    expect(await screen.findByText(`Share link for “Kent and friends”: http://localhost:3000/compare?peers=saved&set=${SET.id} (anyone signed in who has it can use the set).`)).toBeTruthy();
    expect(fake.sent()).toEqual([['UpdateComparatorSet', { id: SET.id, changes: { shared: true } }]]);
  });

  test('renames a set in its row, asking for a name when the field is emptied', async () => {
    const fake = renderAt('', SIGNED_IN, { UpdateComparatorSet: { updateComparatorSet: { ...SET, name: 'Kent and neighbours' } } });
    fireEvent.click(screen.getByRole('button', { name: /^Rename\s*Kent and friends$/ }));
    const field = screen.getByLabelText('New name for “Kent and friends”') as HTMLInputElement;
    expect(field.value).toBe('Kent and friends');
    fireEvent.change(field, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    fireEvent.change(field, { target: { value: ' Kent and neighbours ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Renamed “Kent and friends” to “Kent and neighbours”.')).toBeTruthy();
    expect(fake.sent()).toEqual([['UpdateComparatorSet', { id: SET.id, changes: { name: 'Kent and neighbours' } }]]);
    expect(screen.queryByRole('button', { name: 'Save name' })).toBeNull();
  });

  test('refuses a new set without codes, saying what to enter', () => {
    const fake = renderAt('', SIGNED_IN);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Empty' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    expect(screen.getByText('Enter at least one authority code')).toBeTruthy();
    expect(fake.sent()).toEqual([]);
  });

  test("opens a shared view's link at the view's address", async () => {
    renderAt(`?view=${VIEW.id}`, SIGNED_IN);
    await waitFor(() => expect(`${window.location.pathname}${window.location.search}`).toBe('/map?la=886'));
  });
});
