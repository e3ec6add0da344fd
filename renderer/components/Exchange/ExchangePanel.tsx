import { isNational, useProfile } from '../../hooks/use-profile';
import { NationalExchange } from './NationalExchange';
import { PrefectureExchange } from './PrefectureExchange';

/** Tab « Échanges avec les préfectures »: what the current profile sends and receives. */
export function ExchangePanel() {
  const profile = useProfile();
  return isNational(profile) ? <NationalExchange /> : <PrefectureExchange profile={profile} />;
}
