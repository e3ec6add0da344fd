import { createContext, useContext } from 'react';
import type { UserProfile } from '../../shared/domain/review';

/** Tables whose changes may change who the current profile is or what it looks like. */
export const PROFILE_TABLES: readonly string[] = ['profiles', 'settings'];

/** The current profile, provided by the App once the user has said who they are. */
export const ProfileContext = createContext<UserProfile | null>(null);

/** Pages render only once a profile exists, so they can rely on it. */
export function useProfile(): UserProfile {
  const profile = useContext(ProfileContext);
  if (!profile) throw new Error('useProfile() hors du ProfileContext : la page s’affiche avant le choix du profil.');
  return profile;
}

export function isNational(profile: UserProfile): boolean {
  return profile.role === 'COMMITTEE' || profile.role === 'ADMIN';
}
