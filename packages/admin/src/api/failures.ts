// Every query and mutation failure passes through here (main.tsx wires the query cache to it), so a
// session that ended anywhere — another tab, "log out everywhere", an administrator — is noticed by
// whichever call meets it first, not by each page separately.
type Listener = (error: unknown) => void;

const listeners = new Set<Listener>();

export function reportFailure(error: unknown): void {
  for (const listener of listeners) listener(error);
}

export function onFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
