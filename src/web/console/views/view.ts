import type { Me } from '../api-types.js';

export interface ViewContext {
  me: Me;
  /** Decoded hash segments after the view's name: `#/lookup/TR123` → ['TR123']. */
  params: string[];
  navigate(hash: string): void;
  /** A short message in the shell's notice bar (screen readers hear it too). */
  notify(message: string, kind?: 'info' | 'error'): void;
}

export interface View {
  /** The first hash segment: `#/<name>`. */
  name: string;
  /** The navigation label, in the current language. */
  title(): string;
  /** Roles that see this view at all; the API still decides what each request may do. */
  visibleTo?(me: Me): boolean;
  /** Returns at once; data arrives into the returned element. */
  render(ctx: ViewContext): HTMLElement;
}
