// Downloads the log with the current filters, in the file format the API streams.
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { notifyError } from '../../../components/notify';
import type { AuditQuery } from './filters';

type Format = 'csv' | 'jsonl';
const MIME: Record<Format, string> = { csv: 'text/csv', jsonl: 'application/x-ndjson' };

export function ExportButtons({ orgId, query }: { orgId: string; query: AuditQuery }) {
  const exportLog = useMutation({
    mutationFn: async (format: Format) => ({ format, text: await client.orgs.exportAuditLogs(orgId, { ...query, format }, { as: 'text' }) }),
    onSuccess: ({ format, text }) => download(text, MIME[format], `audit-log-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${format}`),
    onError: notifyError,
  });
  const busy = (format: Format) => exportLog.isPending && exportLog.variables === format;
  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy('csv')} disabled={exportLog.isPending} onClick={() => exportLog.mutate('csv')}>
        Export CSV
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy('jsonl')} disabled={exportLog.isPending} onClick={() => exportLog.mutate('jsonl')}>
        Export JSONL
      </Button>
    </>
  );
}

function download(text: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // the click starts the download synchronously; keep the URL a moment for browsers that read it late
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
