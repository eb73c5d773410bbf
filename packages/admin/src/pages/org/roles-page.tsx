// Placeholder: replaced by the page's real implementation.
export function RolesPage() {
  return <p>RolesPage</p>;
}
