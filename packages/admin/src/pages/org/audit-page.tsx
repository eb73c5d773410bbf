// Placeholder: replaced by the page's real implementation.
export function AuditPage() {
  return <p>AuditPage</p>;
}
