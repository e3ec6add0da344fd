import type { ContractType } from '../../../shared/domain/dossier';
import type { Rng } from './prng';
import { weightedPicker } from './prng';

export interface DemoContract {
  contractType: ContractType | null;
  contractMonths: number | null;
  branchAgreement: boolean | null;
}

const pickMainlandContract = weightedPicker<ContractType | null>([
  ['CDD', 47], ['CDI', 31], ['CONTRAT_PROJET', 18.5], ['CUI', 0.5], [null, 3],
]);
// CUI-CIE/PEC is only open to companies overseas, so most subsidised contracts are found there.
const pickOverseasContract = weightedPicker<ContractType | null>([
  ['CDD', 30], ['CDI', 18], ['CONTRAT_PROJET', 10], ['CUI', 38], [null, 4],
]);

export function pickContract(rng: Rng, overseas: boolean): DemoContract {
  const contractType = (overseas ? pickOverseasContract : pickMainlandContract)(rng);
  switch (contractType) {
    case 'CDD':
      // A few CDD exceed the 18-month legal maximum so the eligibility check has something to flag.
      return { contractType, contractMonths: rng.chance(0.04) ? 24 : rng.pick([12, 12, 12, 15, 18, 18]), branchAgreement: null };
    case 'CONTRAT_PROJET':
      return { contractType, contractMonths: rng.pick([18, 24, 24, 24, 30, 36]), branchAgreement: rng.chance(0.85) };
    case 'CUI':
      return { contractType, contractMonths: rng.pick([12, 12, 18, 24]), branchAgreement: null };
    case 'CDI':
    case null:
      return { contractType, contractMonths: null, branchAgreement: null };
  }
}
