/** The one focus ring used by every interactive primitive. */
export const focusRing =
  "outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-offset-2 focus-visible:ring-offset-surface";
