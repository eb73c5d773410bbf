// Placeholder: replaced by the page's real implementation.
export function FlagsPage() {
  return <p>FlagsPage</p>;
}
