/** French names of the territorial coherence checks, shared by the map and the checks export. */
import type { CheckSeverity, TerritoryCheckCode } from './territory';

export const CHECK_LABELS: Record<TerritoryCheckCode, string> = {
  GRANTED_OVER_TARGET: 'Postes accordés au-delà de l’objectif',
  GRANTED_UNDER_TARGET: 'Postes accordés en deçà de l’objectif',
  SUPPORTED_OVER_TARGET: 'Postes soutenus au-delà de l’objectif',
  SUPPORTED_UNDER_TARGET: 'Postes soutenus en deçà de l’objectif',
  DEMAND_WITHOUT_SUPPORT: 'Demande sans soutien ni accord',
  SIRET_SEVERAL_DEPARTMENTS: 'Même SIRET dans plusieurs départements',
  NETWORK_SPREAD: 'Réseau national : répartition',
  NETWORK_NARROW: 'Réseau en deçà d’un réseau national',
  CUI_OUTSIDE_OVERSEAS: 'CUI-CIE hors outre-mer',
};

export const SEVERITY_LABELS: Record<CheckSeverity, string> = {
  error: 'Erreur',
  warning: 'Alerte',
  info: 'Information',
};
