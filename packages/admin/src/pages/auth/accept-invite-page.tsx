// Placeholder: replaced by the page's real implementation.
export function AcceptInvitePage() {
  return <p>AcceptInvitePage</p>;
}
