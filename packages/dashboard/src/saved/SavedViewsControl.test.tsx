import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, test } from 'vitest';
import { fakeClient, SIGNED_IN, SIGNED_OUT } from './saved-test-client';
import SavedViewsControl from './SavedViewsControl';

const VIEW = { id: 'Ab3_-Zz9Ab3_-Zz9', name: 'Kent on the map', path: '/map', search: '?la=886', shared: false, mine: true };

function renderWith(me: unknown, mutations: Record<string, unknown> = {}) {
  const fake = fakeClient({ SignedInUser: me, SavedViews: { savedViews: [VIEW] } }, mutations);
  render(
    <Provider value={fake.client}>
      <SavedViewsControl />
    </Provider>,
  );
  return fake;
}

describe('SavedViewsControl', () => {
  test('tells a signed-out user that saving needs sign-in', () => {
    renderWith(SIGNED_OUT);
    fireEvent.click(screen.getByText('Saved views'));
    expect(screen.getByTestId('saved-sign-in-note').textContent).toBe('Saving views needs sign-in. Sign in to save and share them.');
    expect(screen.queryByRole('button', { name: 'Save this view' })).toBeNull();
  });

  test('saves the current address with its name', async () => {
    window.history.replaceState(null, '', '/compare?la=886&peers=region');
    const fake = renderWith(SIGNED_IN, { SaveView: { saveView: { ...VIEW, name: 'Kent in its region', path: '/compare', search: '?la=886&peers=region' } } });
    fireEvent.change(screen.getByLabelText('Save this view as'), { target: { value: ' Kent in its region ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save this view' }));
    expect(await screen.findByText('Saved “Kent in its region”.')).toBeTruthy();
    expect(fake.sent()).toEqual([['SaveView', { view: { name: 'Kent in its region', path: '/compare', search: '?la=886&peers=region' } }]]);
  });

  test('asks for a name before saving', () => {
    const fake = renderWith(SIGNED_IN);
    fireEvent.click(screen.getByRole('button', { name: 'Save this view' }));
    expect(screen.getByText('Enter a name for this view')).toBeTruthy();
    expect(fake.sent()).toEqual([]);
  });

  test('renames a saved view from the list', async () => {
    const fake = renderWith(SIGNED_IN, { UpdateSavedView: { updateSavedView: { id: VIEW.id } } });
    const details = screen.getByText('Saved views').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    fireEvent.click(await screen.findByRole('button', { name: /^Rename\s*Kent on the map$/ }));
    fireEvent.change(screen.getByLabelText('New name for “Kent on the map”'), { target: { value: 'Kent mapped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Renamed “Kent on the map” to “Kent mapped”.')).toBeTruthy();
    expect(fake.sent()).toEqual([['UpdateSavedView', { id: VIEW.id, changes: { name: 'Kent mapped' } }]]);
  });

  test('lists saved views once opened, and deletes one', async () => {
    const fake = renderWith(SIGNED_IN, { DeleteSavedView: { deleteSavedView: true } });
    const details = screen.getByText('Saved views').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect((await screen.findByRole('link', { name: 'Kent on the map' })).getAttribute('href')).toBe('/map?la=886');
    fireEvent.click(screen.getByRole('button', { name: /^Delete\s*Kent on the map$/ }));
    await waitFor(() => expect(fake.sent()).toEqual([['DeleteSavedView', { id: VIEW.id }]]));
    expect(await screen.findByText('Deleted “Kent on the map”.')).toBeTruthy();
  });
});
