// Placeholder: replaced by the page's real implementation.
export function SignupPage() {
  return <p>SignupPage</p>;
}
