// Two-factor authentication: enrol when it is off, manage it when it is on. Fresh backup codes
// (after enrolment or regeneration) take over the tab until the user says they saved them.
import { useState } from 'react';
import { Paper } from '@mantine/core';
import { useMe } from '../../session/session';
import { BackupCodesPanel } from './backup-codes-panel';
import { TwoFactorEnabled } from './two-factor-enabled';
import { TwoFactorSetup } from './two-factor-setup';

export function TwoFactorTab() {
  const me = useMe();
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  return (
    <Paper withBorder p="lg" maw={720}>
      {backupCodes ? (
        <BackupCodesPanel codes={backupCodes} email={me.email} onDone={() => setBackupCodes(null)} />
      ) : me.two_factor_enabled ? (
        <TwoFactorEnabled onNewCodes={setBackupCodes} />
      ) : (
        <TwoFactorSetup onEnabled={setBackupCodes} />
      )}
    </Paper>
  );
}
