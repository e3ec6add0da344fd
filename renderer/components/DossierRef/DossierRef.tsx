import { Anchor } from '@mantine/core';
import { useApiQuery } from '../../hooks/use-api-query';
import { routeHref } from '../../router/routes';

/** A link to another dossier named by its platform ID and name (opinions store only its row id). */
export function DossierRef({ id }: { id: number }) {
  const dossier = useApiQuery('dossiers:get', { id });
  const label = dossier.data ? `ID ${dossier.data.externalId} – ${dossier.data.name ?? 'Structure sans nom'}` : `dossier n° ${id}`;
  return (
    <Anchor href={routeHref({ name: 'dossier', id })} size="sm">
      {label}
    </Anchor>
  );
}
