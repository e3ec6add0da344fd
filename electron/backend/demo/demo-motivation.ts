import { atPlace, formatThousands, ofPlace } from './demo-text';
import type { Rng } from './prng';

export interface MotivationContext {
  structureName: string;
  communeName: string;
  departmentName: string;
  postsRequested: number;
  franceServices: boolean;
}

type Fragment = (rng: Rng, ctx: MotivationContext) => string;

const OPENINGS: readonly Fragment[] = [
  (rng, ctx) =>
    `Implantée ${atPlace(ctx.communeName)} depuis ${rng.int(3, 40)} ans, notre structure accompagne chaque année plus de ${formatThousands(rng.int(2, 60) * 50)} personnes dans leurs démarches du quotidien.`,
  (_rng, ctx) => `${ctx.structureName} œuvre ${atPlace(ctx.communeName)} pour l’accès aux droits et l’inclusion sociale des habitants du territoire.`,
  (_rng, ctx) =>
    `Depuis la crise sanitaire, nous constatons une hausse très nette des demandes d’aide aux démarches en ligne dans nos permanences ${atPlace(ctx.communeName)}.`,
  (rng) => `Notre association reçoit chaque semaine près de ${rng.int(20, 200)} personnes venues chercher de l’aide pour utiliser un ordinateur ou un smartphone.`,
];

const NEEDS: readonly Fragment[] = [
  (_rng, ctx) =>
    `Le diagnostic territorial mené avec le conseil départemental (${ctx.departmentName}) montre qu’une part importante des habitants ne dispose ni d’un équipement adapté ni des compétences pour réaliser seule ses démarches administratives.`,
  (rng) =>
    `Sur notre territoire, près d’un habitant sur ${rng.int(3, 6)} déclare renoncer à des démarches en ligne ; les personnes âgées, les allocataires des minima sociaux et les jeunes en insertion sont les plus touchés.`,
  () => 'Les zones blanches et la fermeture progressive des guichets obligent les habitants à parcourir de longues distances pour être accompagnés.',
  () =>
    'La dématérialisation des services publics (CAF, Pôle emploi, ANTS, impots.gouv.fr) laisse de côté de nombreux usagers qui se présentent chaque jour à notre accueil.',
];

const APPROACHES: readonly Fragment[] = [
  () =>
    'Le conseiller numérique interviendra dans nos lieux de passage (accueil, épicerie solidaire, permanences sociales) et animera des ateliers collectifs d’initiation.',
  (rng) =>
    `Nous proposons une intervention en itinérance, avec un véhicule équipé desservant ${rng.int(6, 35)} communes rurales du secteur, en complément des permanences fixes.`,
  () =>
    'Les ateliers porteront sur la prise en main de l’ordinateur et du smartphone, la messagerie, la sécurité en ligne et l’accès aux services publics dématérialisés.',
  () =>
    'Des rendez-vous individuels seront proposés aux personnes les plus éloignées du numérique, orientées par nos travailleurs sociaux et nos partenaires.',
];

const PARTNERSHIPS: readonly Fragment[] = [
  (_rng, ctx) =>
    `Ce projet est construit en partenariat avec la commune ${ofPlace(ctx.communeName)} et l’intercommunalité, qui mettent des locaux équipés à disposition.`,
  () => 'Le centre communal d’action sociale, la médiathèque et les associations de quartier ont confirmé leur volonté de relayer les ateliers.',
  () => 'Les commerçants et artisans du centre-bourg ont également exprimé un besoin d’accompagnement pour la vente en ligne, auquel nous répondrons avec la chambre de métiers.',
  (rng) => `Nos locaux sont accessibles aux personnes à mobilité réduite et équipés de ${rng.int(3, 15)} postes informatiques en libre accès.`,
];

const FRANCE_SERVICES: Fragment = () =>
  'Labellisée France Services, notre structure orientera vers le conseiller les usagers qui ont besoin de gagner en autonomie au-delà de la démarche du jour.';
const NEAR_FRANCE_SERVICES: Fragment = () =>
  'Le projet s’articule avec l’espace France Services le plus proche, vers lequel les usagers seront orientés pour les démarches nécessitant un agent habilité.';

const COMMITMENTS: readonly Fragment[] = [
  (rng, ctx) =>
    `La structure s’engage à recruter ${ctx.postsRequested > 1 ? `${ctx.postsRequested} conseillers` : 'un conseiller'} rémunéré${ctx.postsRequested > 1 ? 's' : ''} au moins au SMIC et à compléter la rémunération grâce à un cofinancement de ${formatThousands(rng.int(4, 30) * 500)} € apporté par nos partenaires.`,
  () => 'Les publics accueillis (seniors, demandeurs d’emploi, familles monoparentales, personnes allophones) pourront ainsi gagner en autonomie.',
  () => 'Un comité de suivi réunissant la commune, la préfecture et nos partenaires se réunira chaque trimestre pour mesurer l’impact de l’action.',
];

const CLOSINGS: readonly string[] = [
  'Nous remercions le comité de l’attention portée à notre candidature.',
  'Nous restons à la disposition de la préfecture pour tout complément d’information.',
  '',
];

/** A one-paragraph French motivation such as structures typed on the platform. */
export function composeMotivation(rng: Rng, ctx: MotivationContext): string {
  const sentences = [
    rng.pick(OPENINGS)(rng, ctx),
    rng.pick(NEEDS)(rng, ctx),
    rng.pick(APPROACHES)(rng, ctx),
    rng.pick(PARTNERSHIPS)(rng, ctx),
    (ctx.franceServices ? FRANCE_SERVICES : NEAR_FRANCE_SERVICES)(rng, ctx),
    rng.pick(COMMITMENTS)(rng, ctx),
    rng.pick(CLOSINGS),
  ];
  return sentences.filter((sentence) => sentence !== '').join(' ');
}
