/** Word lists the demo generator draws from. Invented names only: no real person or structure is described. */

export const PROJECT_THEMES = [
  'Le Lien',
  'Trait d’Union',
  'Passerelles',
  'Clic & Lien',
  'Les Amis du numérique',
  'Solidarité numérique',
  'Accueil et Partage',
  'Inser’Net',
  'Connexions solidaires',
  'La Clé des champs',
  'Entraide et Savoirs',
  'Le Fil d’Ariane',
  'Bien Vivre Ensemble',
  'Les Ateliers du Cœur',
  'Horizon Emploi',
  'Main dans la main',
  'Le Pont',
  'Agir ensemble',
  'Coup de pouce',
  'Numérique pour tous',
  'Génération connectée',
  'L’Arbre à palabres',
  'Pas à pas',
  'Relais des familles',
  'L’Escale',
  'La Boussole',
  'Le Phare',
  'Les Compagnons du clavier',
  'Récréa’Clic',
  'Espoir et Avenir',
] as const;

export const NEIGHBOURHOODS = [
  'Les Tilleuls',
  'Les Coteaux',
  'Le Plateau',
  'Bellevue',
  'La Roseraie',
  'Les Fontaines',
  'Le Moulin',
  'Les Hauts-de-Ville',
  'Centre-Ville',
  'Les Peupliers',
  'La Gare',
  'Saint-Jean',
  'Les Acacias',
  'Le Bourg',
  'Les Glycines',
  'La Croix-Blanche',
  'Les Érables',
  'Champ-Fleuri',
] as const;

export const NOTABLE_PEOPLE = [
  'Jean Moulin',
  'Louise Michel',
  'Simone Veil',
  'Jacques Prévert',
  'Victor Hugo',
  'Jean Jaurès',
  'Nelson Mandela',
  'Aimé Césaire',
  'Françoise Dolto',
  'Lucie Aubrac',
  'Albert Camus',
  'Germaine Tillion',
  'Olympe de Gouges',
  'Joséphine Baker',
] as const;

export const COOPERATIVE_NAMES = [
  'La Fabrique numérique',
  'Les Communs numériques',
  'Médiation & Co',
  'Coop’Num',
  'La Manufacture',
  'Ressourcerie numérique',
  'Atelier solidaire',
  'Le Bocal',
  'La Grange numérique',
  'Pôle numérique solidaire',
  'Les Liens d’Ici',
  'La Ruche des savoirs',
] as const;

export const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'place de la Mairie',
  'boulevard Victor Hugo',
  'rue Pasteur',
  'allée des Tilleuls',
  'chemin des Écoliers',
  'rue du Général de Gaulle',
  'impasse des Lilas',
  'rue de l’Église',
  'rue des Écoles',
  'avenue de la Gare',
  'rue Jules Ferry',
  'place du Marché',
  'rue du Château',
  'avenue du Maréchal Foch',
  'rue de la Paix',
  'cours Gambetta',
  'rue Émile Zola',
  'quai des Tanneurs',
] as const;

export const ADDRESS_COMPLEMENTS = [
  'Bâtiment B',
  'Résidence Les Tilleuls',
  'Maison des associations',
  '2e étage',
  'Espace Simone Veil',
  'BP 40012',
  'Local associatif n° 3',
] as const;

export const FIRST_NAMES = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Sophie', 'Céline', 'Émilie', 'Aurélie', 'Camille',
  'Julie', 'Sandrine', 'Léa', 'Inès', 'Fatou', 'Jean', 'Philippe', 'Nicolas', 'Christophe', 'Stéphane',
  'Frédéric', 'Laurent', 'Julien', 'Mathieu', 'Karim', 'Thomas', 'Hervé', 'Yannick', 'François', 'Mehdi',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Le Gall',
  'Benali', 'Nguyen', 'Diallo', 'Payet', 'Hoarau', 'Jean-Baptiste',
] as const;

export const MAIL_PROVIDERS = ['orange.fr', 'gmail.com', 'wanadoo.fr', 'laposte.net', 'free.fr', 'outlook.fr'] as const;
