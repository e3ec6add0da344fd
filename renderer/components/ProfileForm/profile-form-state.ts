/** Form state of a profile (first start and Paramètres), kept apart from the view so it can be unit-tested. */
import { validateProfile } from '../../../shared/domain/review-rules';
import type { Role, UserProfile } from '../../../shared/domain/review';

export interface ProfileFormValues {
  name: string;
  role: Role | null;
  departments: string[];
}

export const EMPTY_PROFILE_FORM: ProfileFormValues = { name: '', role: null, departments: [] };

export function profileFormValues(profile: UserProfile | null): ProfileFormValues {
  return profile ? { name: profile.name, role: profile.role, departments: [...profile.departments] } : EMPTY_PROFILE_FORM;
}

/** The request for 'profile:save'; departments only travel with a prefecture role. */
export function toProfileRequest(values: ProfileFormValues, id?: number) {
  const role = values.role ?? 'PREFECTURE';
  return {
    ...(id === undefined ? {} : { id }),
    name: values.name.trim(),
    role,
    departments: role === 'PREFECTURE' ? values.departments : [],
  };
}

/** French messages for what is missing; the role is checked here because the shared rule needs one. */
export function profileFormErrors(values: ProfileFormValues): string[] {
  if (values.role === null) {
    const errors = validateProfile({ name: values.name, role: 'COMMITTEE', departments: [] });
    return [...errors, 'Choisissez votre rôle.'];
  }
  return validateProfile(toProfileRequest(values));
}
