// A modal whose flow ends by showing a secret this one time (a new API key, a signing secret): once
// the secret is on screen, it closes only through the flow's "Done", never by a stray click or Escape.
import { useState, type ReactNode } from 'react';
import { Modal } from '@mantine/core';

export interface ShownOnceFlow {
  /** the flow calls this when the secret is on screen */
  onRevealed: () => void;
  /** the flow's "Done" */
  onDone: () => void;
}

export function ShownOnceModal({ opened, onClose, title, revealedTitle, children }: {
  opened: boolean;
  onClose: () => void;
  title: string;
  revealedTitle: string;
  /** the flow, mounted only while the modal is open (so nothing of a secret outlives it) */
  children: (flow: ShownOnceFlow) => ReactNode;
}) {
  const [revealed, setRevealed] = useState(false);
  const close = () => {
    setRevealed(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={revealed ? revealedTitle : title} size="lg" closeOnClickOutside={!revealed} closeOnEscape={!revealed} withCloseButton={!revealed}>
      {opened && children({ onRevealed: () => setRevealed(true), onDone: close })}
    </Modal>
  );
}
