/**
 * "Reset view" as a map control, in the corner with the zoom buttons: where a reader who has
 * zoomed away looks for the way back, and among the controls the labels already keep clear of.
 * What "the view" is belongs to the store: the current chapter's, or the event's opening view.
 */
import type { IControl } from 'maplibre-gl';

export class ResetViewControl implements IControl {
  private container: HTMLDivElement | null = null;

  constructor(
    private readonly text: string,
    private readonly description: string,
    private readonly onReset: () => void,
  ) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group reset-view-control';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reset-view-button';
    button.dataset.testid = 'reset-view';
    button.title = this.description;
    // The visible words are the accessible name (WCAG 2.5.3); the title adds what is reset.
    button.textContent = this.text;
    button.addEventListener('click', this.onReset);
    container.append(button);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.querySelector('button')?.removeEventListener('click', this.onReset);
    this.container?.remove();
    this.container = null;
  }
}
