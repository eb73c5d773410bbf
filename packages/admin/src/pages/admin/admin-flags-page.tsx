// Placeholder: replaced by the page's real implementation.
export function AdminFlagsPage() {
  return <p>AdminFlagsPage</p>;
}
