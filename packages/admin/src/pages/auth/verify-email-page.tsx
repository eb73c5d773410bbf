// Placeholder: replaced by the page's real implementation.
export function VerifyEmailPage() {
  return <p>VerifyEmailPage</p>;
}
