// Placeholder: replaced by the page's real implementation.
export function ForgotPasswordPage() {
  return <p>ForgotPasswordPage</p>;
}
