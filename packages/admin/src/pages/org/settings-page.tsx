// Placeholder: replaced by the page's real implementation.
export function OrgSettingsPage() {
  return <p>OrgSettingsPage</p>;
}
