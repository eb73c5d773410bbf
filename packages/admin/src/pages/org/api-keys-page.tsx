// Placeholder: replaced by the page's real implementation.
export function ApiKeysPage() {
  return <p>ApiKeysPage</p>;
}
