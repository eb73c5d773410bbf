// Placeholder: replaced by the page's real implementation.
export function ResetPasswordPage() {
  return <p>ResetPasswordPage</p>;
}
