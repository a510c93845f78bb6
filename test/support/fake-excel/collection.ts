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

  override toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((item) => item.toJSON()) };
  }

  /** A page of the collection: `load({ select, top, skip })`, as Office.js pages a collection. */
  private page: { top?: number; skip?: number } = {};

  override load(option?: unknown): this {
    if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
      const { top, skip } = option as { top?: number; skip?: number };
      this.page = { ...(top === undefined ? {} : { top }), ...(skip === undefined ? {} : { skip }) };
    }
    return super.load(option);
  }

  override populate(paths: string[][]): void {
    const all = this.resolve() ?? [];
    const skip = this.page.skip ?? 0;
    const models = all.slice(skip, this.page.top === undefined ? undefined : skip + this.page.top);
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
