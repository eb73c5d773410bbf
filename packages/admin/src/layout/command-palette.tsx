// Ctrl/Cmd-K: jump to a page, one of your organizations, or — for superusers — any user or
// organization of the instance (found with the superuser search, opened in its listing). Arrow keys
// move, Enter goes, Escape closes.
import { useMemo, useState } from 'react';
import { Kbd, Modal, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconBuilding, IconFileText, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { client } from '../api/client';
import { useMe } from '../session/session';

export interface PaletteItem {
  kind: 'page' | 'organization' | 'user';
  label: string;
  hint?: string;
  to: string;
}

const ICONS = { page: IconFileText, organization: IconBuilding, user: IconUser };

export function CommandPalette({ pages, opened, onOpen, onClose }: { pages: PaletteItem[]; opened: boolean; onOpen: () => void; onClose: () => void }) {
  useHotkeys([['mod+K', () => (opened ? onClose() : onOpen())]], []);
  return (
    <Modal opened={opened} onClose={onClose} title="Go to" size="lg" yOffset="10vh">
      {opened && <Palette pages={pages} onDone={onClose} />}
    </Modal>
  );
}

function Palette({ pages, onDone }: { pages: PaletteItem[]; onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [search] = useDebouncedValue(text.trim(), 250);
  const needle = text.trim().toLowerCase();

  const instance = useQuery({
    queryKey: ['palette', search],
    queryFn: async () => {
      const [users, orgs] = await Promise.all([client.admin.listUsers({ search, limit: 5 }), client.admin.listOrganizations({ search, limit: 5 })]);
      return [
        ...[...users].map((u): PaletteItem => ({ kind: 'user', label: u.full_name || u.email, hint: u.email, to: `/admin/users/${u.id}` })),
        ...[...orgs].map((o): PaletteItem => ({ kind: 'organization', label: o.name, hint: `${o.slug} · all organizations`, to: `/admin/organizations/${o.id}` })),
      ];
    },
    enabled: me.is_superuser && search.length >= 2,
    staleTime: 30_000,
  });

  const items = useMemo(() => {
    const mine: PaletteItem[] = me.memberships
      .filter((m) => m.status === 'active')
      .map((m) => ({ kind: 'organization', label: m.organization_name, hint: `your role: ${m.role_name}`, to: `/orgs/${m.organization_id}/members` }));
    const matches = (item: PaletteItem) => !needle || `${item.label} ${item.hint ?? ''}`.toLowerCase().includes(needle);
    const local = [...pages, ...mine].filter(matches);
    const seen = new Set(local.map((i) => i.to));
    return [...local, ...(instance.data ?? []).filter((i) => !seen.has(i.to))].slice(0, 20);
  }, [pages, me.memberships, needle, instance.data]);

  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    navigate(item.to);
    onDone();
  };

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        aria-label="Search pages, organizations and people"
        placeholder={me.is_superuser ? 'A page, an organization, a person…' : 'A page or one of your organizations…'}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        rightSectionWidth={48}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') go(items[active]);
          else return;
          e.preventDefault();
        }}
        role="combobox"
        aria-expanded
        aria-controls="palette-results"
        aria-activedescendant={items[active] ? `palette-${active}` : undefined}
      />
      <ScrollArea.Autosize mah="50vh">
        <div id="palette-results" role="listbox" aria-label="Results">
          {items.map((item, index) => {
            const Icon = ICONS[item.kind];
            return (
              <NavLink
                key={`${item.kind}:${item.to}`}
                id={`palette-${index}`}
                role="option"
                aria-selected={index === active}
                active={index === active}
                label={item.label}
                description={item.hint}
                leftSection={<Icon size={16} />}
                onMouseEnter={() => setActive(index)}
                onClick={() => go(item)}
              />
            );
          })}
          {items.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              {instance.isFetching ? 'Searching…' : 'Nothing matches.'}
            </Text>
          )}
        </div>
      </ScrollArea.Autosize>
    </Stack>
  );
}
