import type { FakeContext } from './client';
import { FakeObject, notLoaded } from './client';

/** A collection proxy: `items` exists once loaded; each item resolves to the same model object. */
export class FakeCollection<M, P extends FakeObject<M>> extends FakeObject<readonly M[]> {
  private loadedItems: P[] | undefined;

  constructor(
    context: FakeContext,
    resolve: () => readonly M[] | null,
    private readonly makeItem: (resolve: () => M | null) => P,
  ) {
    super(context, resolve);
  }

  protected scalars(): Record<string, () => unknown> {
    return {};
  }

  get items(): P[] {
    if (this.loadedItems === undefined) throw notLoaded('items');
    return this.loadedItems;
  }

  override populate(paths: string[][]): void {
    const models = this.resolve() ?? [];
    const itemPaths = paths
      .filter((p) => p[0] === 'items')
      .map((p) => p.slice(1))
      .filter((p) => p.length > 0);
    this.loadedItems = models.map((model) => {
      const item = this.makeItem(() => model);
      item.populate(itemPaths);
      return item;
    });
  }
}
