/**
 * Options of the filter selects. Fixed lists (departments, statuses, contracts) are always
 * complete so a choice never disappears; facet counts from the backend are attached when known.
 */
import type { ComboboxItem } from '@mantine/core';
import type { DossierFacets, FacetCount } from '../../../shared/api/contract';
import { CONTRACT_LABELS, CONTRACT_TYPES, DOSSIER_STATUSES, STATUS_LABELS } from '../../../shared/domain/dossier';
import { DEPARTMENTS, REGIONS } from '../../../shared/domain/geography';
import { OPINION_KINDS, OPINION_LABELS } from '../../../shared/domain/review';
import type { UserProfile } from '../../../shared/domain/review';

export type CountedOption = ComboboxItem & { count?: number };

function countsOf(facets: FacetCount[] | undefined): Map<string, FacetCount> {
  return new Map((facets ?? []).map((facet) => [facet.value, facet]));
}

function withCounts(options: ComboboxItem[], facets: FacetCount[] | undefined): CountedOption[] {
  const counts = countsOf(facets);
  const known = new Set(options.map((option) => option.value));
  const extra = (facets ?? []).filter((facet) => !known.has(facet.value)).map((facet) => ({ value: facet.value, label: facet.label }));
  return [...options, ...extra].map((option) => ({ ...option, count: counts.get(option.value)?.count }));
}

/** Free-valued facets (legal forms): keep the selected values listed even when the facet no longer returns them. */
function facetOptions(facets: FacetCount[] | undefined, selected: string[]): CountedOption[] {
  const options: CountedOption[] = (facets ?? []).map((facet) => ({ value: facet.value, label: facet.label, count: facet.count }));
  const listed = new Set(options.map((option) => option.value));
  return [...options, ...selected.filter((value) => !listed.has(value)).map((value) => ({ value, label: value }))];
}

export function departmentOptions(facets: DossierFacets | undefined): CountedOption[] {
  return withCounts(
    DEPARTMENTS.map((department) => ({ value: department.code, label: `${department.code} – ${department.name}` })),
    facets?.departments,
  );
}

export function regionOptions(): CountedOption[] {
  return [...REGIONS].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((region) => ({ value: region.code, label: region.name }));
}

export function statusOptions(facets: DossierFacets | undefined): CountedOption[] {
  return withCounts(
    DOSSIER_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
    facets?.statuses,
  );
}

export function contractOptions(facets: DossierFacets | undefined): CountedOption[] {
  return withCounts(
    [...CONTRACT_TYPES.map((type) => ({ value: type, label: CONTRACT_LABELS[type] })), { value: 'NONE', label: 'Non renseigné' }],
    facets?.contractTypes,
  );
}

export function legalFormOptions(facets: DossierFacets | undefined, selected: string[]): CountedOption[] {
  return facetOptions(facets?.legalForms, selected);
}

export function warningOptions(facets: DossierFacets | undefined, selected: string) {
  const byCode = facetOptions(facets?.warnings, ['all', 'any', 'none'].includes(selected) ? [] : [selected]);
  return [
    {
      group: 'Présence',
      items: [
        { value: 'all', label: 'Toutes' },
        { value: 'any', label: 'Avec alertes' },
        { value: 'none', label: 'Sans alerte' },
      ],
    },
    ...(byCode.length > 0 ? [{ group: 'Par type d’alerte', items: byCode }] : []),
  ];
}

export const NO_OPINION_FILTER_LABEL = 'Pas encore d’avis';

export function opinionOptions(facets: DossierFacets | undefined): CountedOption[] {
  return withCounts(
    [...OPINION_KINDS.map((kind) => ({ value: kind, label: OPINION_LABELS[kind] })), { value: 'NONE', label: NO_OPINION_FILTER_LABEL }],
    facets?.opinions,
  );
}

/** The current user first (« Moi »), then the others by name. */
export function reviewerOptions(profiles: readonly UserProfile[] | undefined, currentId: number): ComboboxItem[] {
  const sorted = [...(profiles ?? [])].sort((a, b) => (a.id === currentId ? -1 : b.id === currentId ? 1 : a.name.localeCompare(b.name, 'fr')));
  return [
    { value: '', label: 'Tous' },
    ...sorted.map((profile) => ({ value: String(profile.id), label: profile.id === currentId ? `Moi (${profile.name})` : profile.name })),
  ];
}

export const REVIEWED_OPTIONS: ComboboxItem[] = [
  { value: 'all', label: 'Tous' },
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];
