// Placeholder: replaced by the page's real implementation.
export function AdminOrganizationsPage() {
  return <p>AdminOrganizationsPage</p>;
}
