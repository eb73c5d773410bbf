// Placeholder: replaced by the page's real implementation.
export function MailboxPage() {
  return <p>MailboxPage</p>;
}
