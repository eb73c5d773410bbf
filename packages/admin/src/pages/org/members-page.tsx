// Placeholder: replaced by the page's real implementation.
export function MembersPage() {
  return <p>MembersPage</p>;
}
