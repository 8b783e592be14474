/**
 * "More …" under a list read a page at a time (an infinite query): asks for the next page, says how
 * many are shown of how many, and is gone on the last page.
 */
interface MorePagesProps {
  readonly pages: { readonly hasNextPage: boolean; readonly isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** The button's words, and while the next page loads. */
  readonly label: string;
  readonly loadingLabel: string;
  readonly className: string;
  readonly testId: string;
}

export function MorePages({ pages, label, loadingLabel, className, testId }: MorePagesProps) {
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className={`button button--quiet ${className}`}
      data-testid={testId}
      disabled={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {pages.isFetchingNextPage ? loadingLabel : label}
    </button>
  );
}
