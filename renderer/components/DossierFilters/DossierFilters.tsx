import { Button, Grid, Group, MultiSelect, NumberInput, Paper, Select, Text } from '@mantine/core';
import type { ComboboxLikeRenderOptionInput, ComboboxItem } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import type { DossierFacets } from '../../../shared/api/contract';
import type { ContractType, DossierStatus } from '../../../shared/domain/dossier';
import type { OpinionKind } from '../../../shared/domain/review';
import { useApiQuery } from '../../hooks/use-api-query';
import { useCurrentGrid } from '../../hooks/use-current-grid';
import { PROFILE_TABLES, useProfile } from '../../hooks/use-profile';
import { formatNumber } from '../../lib/format';
import { hasActiveFilters, useDossierListStore } from '../../stores/dossier-list-store';
import type { CountedOption } from './filter-options';
import {
  contractOptions,
  departmentOptions,
  legalFormOptions,
  opinionOptions,
  REVIEWED_OPTIONS,
  regionOptions,
  reviewerOptions,
  statusOptions,
  warningOptions,
} from './filter-options';
import { SearchField } from './SearchField';
import classes from './DossierFilters.module.css';

const REGION_OPTIONS = regionOptions();
const EMPTY_REQUEST = {};

function renderCountedOption({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  const { count } = option as CountedOption;
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
      <Text size="sm">{option.label}</Text>
      {count !== undefined && (
        <Text size="xs" c="dimmed">
          {formatNumber(count)}
        </Text>
      )}
    </Group>
  );
}

const MULTI_SELECT_PROPS = {
  searchable: true,
  clearable: true,
  hidePickedOptions: true,
  nothingFoundMessage: 'Aucun résultat',
  renderOption: renderCountedOption,
  maxDropdownHeight: 320,
  size: 'sm',
  classNames: { inputField: classes.inputField },
} as const;

/**
 * Memoised, and subscribed to the filters only: six comboboxes are costly to re-render, and
 * sorting, paging or a page of rows arriving must not redraw them.
 */
export const DossierFilters = memo(function DossierFilters({ facets }: { facets: DossierFacets | undefined }) {
  const filters = useDossierListStore((state) => state.filters);
  const setFilters = useDossierListStore((state) => state.setFilters);
  const resetFilters = useDossierListStore((state) => state.resetFilters);
  const departments = useMemo(() => departmentOptions(facets), [facets]);
  const statuses = useMemo(() => statusOptions(facets), [facets]);
  const contracts = useMemo(() => contractOptions(facets), [facets]);
  const opinions = useMemo(() => opinionOptions(facets), [facets]);
  const profile = useProfile();
  const profiles = useApiQuery('profile:list', EMPTY_REQUEST, PROFILE_TABLES);
  const reviewers = useMemo(() => reviewerOptions(profiles.data, profile.id), [profiles.data, profile.id]);
  const grid = useCurrentGrid().data;
  return (
    <Paper withBorder p="sm">
      <Grid gap="sm" rowGap="xs" align="flex-end">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SearchField />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Département"
            placeholder={filters.departments.length ? undefined : 'Tous'}
            data={departments}
            value={filters.departments}
            onChange={(departments) => setFilters({ departments })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Région"
            placeholder={filters.regions.length ? undefined : 'Toutes'}
            data={REGION_OPTIONS}
            value={filters.regions}
            onChange={(regions) => setFilters({ regions })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Statut"
            placeholder={filters.statuses.length ? undefined : 'Tous'}
            data={statuses}
            value={filters.statuses}
            onChange={(statuses) => setFilters({ statuses: statuses as DossierStatus[] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Type de contrat"
            placeholder={filters.contractTypes.length ? undefined : 'Tous'}
            data={contracts}
            value={filters.contractTypes}
            onChange={(contractTypes) => setFilters({ contractTypes: contractTypes as (ContractType | 'NONE')[] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Forme juridique"
            placeholder={filters.legalForms.length ? undefined : 'Toutes'}
            data={legalFormOptions(facets, filters.legalForms)}
            value={filters.legalForms}
            onChange={(legalForms) => setFilters({ legalForms })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <Select
            label="Alertes"
            data={warningOptions(facets, filters.warning)}
            value={filters.warning}
            onChange={(warning) => setFilters({ warning: warning ?? 'all' })}
            allowDeselect={false}
            renderOption={renderCountedOption}
            maxDropdownHeight={320}
            comboboxProps={{ width: 340, position: 'bottom-end' }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <MultiSelect
            {...MULTI_SELECT_PROPS}
            label="Avis"
            placeholder={filters.opinions.length ? undefined : 'Tous'}
            data={opinions}
            value={filters.opinions}
            onChange={(values) => setFilters({ opinions: values as (OpinionKind | 'NONE')[] })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <Select
            label="Évaluateur"
            data={reviewers}
            value={filters.reviewerId === null ? '' : String(filters.reviewerId)}
            onChange={(value) => setFilters({ reviewerId: value ? Number(value) : null })}
            allowDeselect={false}
            comboboxProps={{ width: 260 }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 3, lg: 1 }}>
          <Select
            label="Avis rendu"
            data={REVIEWED_OPTIONS}
            value={filters.reviewed}
            onChange={(value) => setFilters({ reviewed: (value ?? 'all') as 'all' | 'yes' | 'no' })}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 3, lg: 1 }}>
          <NumberInput
            label="Note min."
            placeholder={grid ? `${grid.scaleMin}–${grid.scaleMax}` : undefined}
            min={grid?.scaleMin}
            max={grid?.scaleMax}
            step={0.5}
            decimalScale={2}
            decimalSeparator=","
            allowNegative={false}
            value={filters.minScore ?? ''}
            onChange={(value) => setFilters({ minScore: typeof value === 'number' ? value : null })}
            aria-label="Note agrégée minimale"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 2 }}>
          <Button
            fullWidth
            variant="default"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={resetFilters}
            disabled={!hasActiveFilters(filters)}
          >
            Réinitialiser
          </Button>
        </Grid.Col>
      </Grid>
    </Paper>
  );
});
