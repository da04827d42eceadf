import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, test, vi } from 'vitest';
import { parseState } from '../routing/url-state';
import { fakeClient, SIGNED_IN, SIGNED_OUT } from './saved-test-client';
import SavedSetPicker from './SavedSetPicker';

const SETS = [
  { id: 'Ab3_-Zz9Ab3_-Zz9', name: 'Kent and friends', codes: ['886', '887', '888'], shared: false, mine: true, version: 1 },
  { id: 'Zz9_-Ab3Zz9_-Ab3', name: 'Shire counties', codes: ['888', '921'], shared: true, mine: true, version: 3 },
];

function renderAt(search: string, me: unknown, mutations: Record<string, unknown> = {}) {
  const fake = fakeClient({ SignedInUser: me, ComparatorSets: { comparatorSets: SETS } }, mutations);
  const onChoose = vi.fn();
  render(
    <Provider value={fake.client}>
      <SavedSetPicker state={parseState(search)} onChoose={onChoose} />
    </Provider>,
  );
  return { ...fake, onChoose };
}

describe('SavedSetPicker', () => {
  test('lists the saved sets and chooses one', () => {
    const { onChoose } = renderAt('?la=886&peers=saved', SIGNED_IN);
    const select = screen.getByLabelText('Saved comparator set') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a set', 'Kent and friends (3 authorities)', 'Shire counties (2 authorities)']);
    fireEvent.change(select, { target: { value: SETS[1].id } });
    expect(onChoose).toHaveBeenCalledWith(SETS[1].id);
  });

  test('keeps a set shared with the user chosen though it is not theirs', () => {
    renderAt('?peers=saved&set=Shared_by_link00', SIGNED_IN);
    expect((screen.getByLabelText('Saved comparator set') as HTMLSelectElement).selectedOptions[0].textContent).toBe('A set shared with you');
  });

  test('saves the custom list with a name and uses it', async () => {
    const { sent, onChoose } = renderAt('?la=886&peers=custom&custom=887,888', SIGNED_IN, { CreateComparatorSet: { createComparatorSet: { ...SETS[0], id: 'New_set_00000000' } } });
    fireEvent.change(screen.getByLabelText('Save this set as'), { target: { value: 'My pair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save set' }));
    await waitFor(() => expect(onChoose).toHaveBeenCalledWith('New_set_00000000'));
    expect(sent()).toEqual([['CreateComparatorSet', { set: { name: 'My pair', codes: ['887', '888'], shared: false } }]]);
  });

  test('tells a signed-out user that saving sets needs sign-in', () => {
    renderAt('?peers=saved', SIGNED_OUT);
    expect(screen.getByTestId('saved-sign-in-note').textContent).toBe('Saving comparator sets needs sign-in. Sign in to save and share them.');
    expect(screen.queryByLabelText('Saved comparator set')).toBeNull();
  });
});
