// Placeholder: replaced by the page's real implementation.
export function AccountPage() {
  return <p>AccountPage</p>;
}
