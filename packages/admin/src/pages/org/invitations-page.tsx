// Placeholder: replaced by the page's real implementation.
export function InvitationsPage() {
  return <p>InvitationsPage</p>;
}
