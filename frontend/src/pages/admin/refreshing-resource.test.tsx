/** A refresh updates the numbers in place: the view is not rebuilt, so what a person opened stays open. */
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { Load } from '../../ui/Load';
import { createRefreshingResource } from './refreshing-resource';

describe('createRefreshingResource', () => {
  it('updates the figures after a refetch without replacing the elements around them', async () => {
    let requests = 3;
    render(() => {
      const [data, { refetch }] = createRefreshingResource(async () => ({ requests: requests, series: [requests] }));
      return (
        <>
          <button type="button" onClick={() => void refetch()}>
            Refresh
          </button>
          <Load data={data} retry={() => void refetch()}>
            {(value) => (
              <details data-testid="details">
                <summary>Numbers</summary>
                <p>Requests: {value.requests}</p>
                <p>Last: {value.series.at(-1)}</p>
              </details>
            )}
          </Load>
        </>
      );
    });
    await screen.findByText('Requests: 3');
    const details = screen.getByTestId('details') as HTMLDetailsElement;
    details.open = true;

    requests = 8;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText('Requests: 8');
    expect(screen.getByText('Last: 8')).toBeTruthy();
    expect(screen.getByTestId('details')).toBe(details);
    expect(details.open).toBe(true);
  });
});
