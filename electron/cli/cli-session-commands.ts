/**
 * CLI commands that prepare and hold a committee session with no UI: the members, a session's
 * creation, its members' presence, its agenda and its status, all through the API, so every rule
 * of the app applies (quorum, transitions, agenda skips, sealed sessions).
 */
import { ApiError } from '../../shared/api/contract';
import { DECISION_LABELS, PRESENCES, PRESENCE_LABELS, SESSION_STATUSES, SESSION_STATUS_LABELS, type Presence, type QuorumRule, type SessionDetail, type SessionStatus } from '../../shared/domain/committee';
import { defineCommand, write } from './cli-command';
import { runSessions } from './cli-committee-commands';
import { dossierNamed, dossiersNamed, frDate, memberNamed, sessionNamed } from './cli-lookup';

/** The statuses one sets by hand: VALIDATED comes only from « minutes validate ». */
const SETTABLE_STATUSES = SESSION_STATUSES.filter((s): s is Exclude<SessionStatus, 'VALIDATED'> => s !== 'VALIDATED');

function sessionLine(s: SessionDetail): string {
  const quorum = `quorum ${s.quorum.present}/${s.quorum.required}${s.quorum.reached ? ' atteint' : ' non atteint'}`;
  return `Séance ${s.number} du ${frDate(s.date)} (${SESSION_STATUS_LABELS[s.status]}) : ${s.memberCount} membre(s), ${s.presentCount} présent(s), ${quorum}, ${s.agendaCount} dossier(s) à l’ordre du jour, ${s.decidedCount} décision(s)\n`;
}

/** `--json`: the session's detail, as sessions:get gives it; otherwise one line. */
function printSession(session: SessionDetail, json: boolean, prefix = ''): number {
  write(json ? `${JSON.stringify(session)}\n` : `${prefix}${sessionLine(session)}`);
  return 0;
}

const sessionOption = { type: 'string', value: 'NUMÉRO', required: true, help: 'numéro de la séance' } as const;

export const memberAddCommand = defineCommand({
  name: 'member add',
  summary: 'ajoute un membre au comité (il pourra siéger aux nouvelles séances)',
  options: {
    name: { type: 'string', value: 'NOM', required: true, help: 'nom du membre' },
    organisation: { type: 'string', value: 'ORGANISME', required: true, help: 'organisme représenté (ANCT, Banque des Territoires…)' },
  },
  run: async (backend, { options, json }) => {
    const member = await backend.call('members:save', { name: options.name, organisation: options.organisation, active: true });
    write(json ? `${JSON.stringify(member)}\n` : `Membre ajouté : ${member.name} (${member.organisation}), n° ${member.id}\n`);
    return 0;
  },
});

export const memberListCommand = defineCommand({
  name: 'member list',
  summary: 'membres du comité (actifs et inactifs)',
  options: {},
  run: async (backend, { json }) => {
    const members = await backend.call('members:list', {});
    if (json) write(`${JSON.stringify(members)}\n`);
    else {
      for (const m of members) write(`${m.id}\t${m.name}\t${m.organisation}${m.active ? '' : '\tinactif'}\n`);
      write(`${members.length} membre(s)\n`);
    }
    return 0;
  },
});

/** `MAJORITE` (more than half of the members present, the default) or a minimum number of members. */
function quorumRule(text: string): QuorumRule | null {
  const value = text.trim().toUpperCase();
  if (value === 'MAJORITE' || value === 'MAJORITÉ' || value === 'MAJORITY') return { kind: 'MAJORITY' };
  return /^\d+$/.test(value) ? { kind: 'MINIMUM', count: Number(value) } : null;
}

export const sessionCreateCommand = defineCommand({
  name: 'session create',
  summary: 'crée une séance planifiée (les dossiers renvoyés en examen complémentaire y sont reportés d’office)',
  options: {
    number: { type: 'string', value: 'NUMÉRO', required: true, help: 'numéro unique de la séance (« 12 », « 62BIS »)' },
    date: { type: 'string', value: 'AAAA-MM-JJ', required: true, help: 'date de la séance' },
    place: { type: 'string', value: 'LIEU', help: 'lieu ou lien de visioconférence' },
    member: { type: 'string', value: 'MEMBRE', multiple: true, help: 'membre qui siège, par nom ou numéro (défaut : tous les membres actifs)' },
    chair: { type: 'string', value: 'MEMBRE', help: 'présidence de séance, par nom ou numéro' },
    quorum: { type: 'string', value: 'MAJORITE|N', help: 'quorum : la majorité des membres (défaut) ou un nombre minimal de présents' },
  },
  check: ({ options }) => (options.quorum === undefined || quorumRule(options.quorum) ? null : `session create : --quorum attend MAJORITE ou un nombre entier (« ${options.quorum} »).`),
  run: async (backend, { options, json }) => {
    const members = options.member ? await Promise.all(options.member.map((m) => memberNamed(backend, m))) : (await backend.call('members:list', {})).filter((m) => m.active);
    const chair = options.chair === undefined ? null : await memberNamed(backend, options.chair);
    const session = await backend.call('sessions:save', {
      number: options.number,
      date: options.date,
      place: options.place ?? '',
      chairId: chair?.id ?? null,
      memberIds: members.map((m) => m.id),
      ...(options.quorum === undefined ? {} : { quorumRule: quorumRule(options.quorum)! }),
    });
    return printSession(session, json, 'Créée : ');
  },
});

export const sessionListCommand = defineCommand({
  name: 'session list',
  summary: 'séances du comité, les plus récentes d’abord (comme « sessions »)',
  options: {},
  run: (backend, { json }) => runSessions(backend, { json }),
});

export const sessionShowCommand = defineCommand({
  name: 'session show',
  summary: 'une séance : ses membres et leur présence, le quorum, l’ordre du jour et ses décisions',
  options: { session: sessionOption },
  run: async (backend, { options, json }) => {
    const session = await backend.call('sessions:get', { id: (await sessionNamed(backend, options.session)).id });
    if (json) return printSession(session, json);
    write(sessionLine(session));
    for (const m of session.members) write(`  ${m.memberId}\t${m.name}\t${m.organisation}\t${PRESENCE_LABELS[m.presence]}\n`);
    for (const item of session.agenda) write(`  ${item.position}.\t${item.externalId}\t${item.departmentCode}\t${item.name ?? ''}\t${item.opinion ?? 'sans avis'}\t${item.decision ? DECISION_LABELS[item.decision.decision] : 'à décider'}\n`);
    return 0;
  },
});

export const sessionPresenceCommand = defineCommand({
  name: 'session presence',
  summary: 'note la présence d’un membre de la séance',
  options: {
    session: sessionOption,
    member: { type: 'string', value: 'MEMBRE', required: true, help: 'membre, par nom ou numéro' },
    presence: { type: 'string', value: 'PRÉSENCE', required: true, help: `présence parmi ${PRESENCES.join(', ')}` },
  },
  check: ({ options }) => ((PRESENCES as readonly string[]).includes(options.presence.toUpperCase()) ? null : `session presence : --presence attend ${PRESENCES.join(', ')} (« ${options.presence} »).`),
  run: async (backend, { options, json }) => {
    const session = await sessionNamed(backend, options.session);
    const member = await memberNamed(backend, options.member);
    // Checked here too, so that the refusal names the member rather than their number.
    const { members } = await backend.call('sessions:get', { id: session.id });
    if (!members.some((m) => m.memberId === member.id)) throw new ApiError('NOT_FOUND', `${member.name} ne siège pas à la séance COSELEC ${session.number}.`);
    const presence = options.presence.toUpperCase() as Presence;
    const detail = await backend.call('sessions:setPresence', { sessionId: session.id, memberId: member.id, presence });
    return printSession(detail, json, `${member.name} : ${PRESENCE_LABELS[presence]}. `);
  },
});

export const sessionStatusCommand = defineCommand({
  name: 'session status',
  summary: 'ouvre, clôt ou rouvre une séance (planifiée → en cours → close ; close → en cours)',
  options: {
    session: sessionOption,
    status: { type: 'string', value: 'STATUT', required: true, help: `statut parmi ${SETTABLE_STATUSES.join(', ')} (la validation passe par « minutes validate »)` },
  },
  check: ({ options }) =>
    (SETTABLE_STATUSES as readonly string[]).includes(options.status.toUpperCase()) ? null : `session status : --status attend ${SETTABLE_STATUSES.join(', ')} (« ${options.status} ») ; le PV se valide par « minutes validate ».`,
  run: async (backend, { options, json }) => {
    const session = await sessionNamed(backend, options.session);
    const detail = await backend.call('sessions:setStatus', { sessionId: session.id, status: options.status.toUpperCase() as Exclude<SessionStatus, 'VALIDATED'> });
    return printSession(detail, json);
  },
});

const AGENDA_ACTIONS = ['add', 'ready', 'remove', 'order'] as const;

export const sessionAgendaCommand = defineCommand({
  name: 'session agenda',
  summary: 'construit l’ordre du jour : une seule action parmi --add, --ready, --remove, --order',
  options: {
    session: sessionOption,
    add: { type: 'string', value: 'ID', multiple: true, help: 'ajoute ces dossiers à la fin' },
    ready: { type: 'boolean', help: 'ajoute les dossiers prêts à décider (avis en cours, pas de décision finale), par département puis nom' },
    department: { type: 'string', value: 'CODE', multiple: true, help: 'avec --ready : seulement ces départements' },
    remove: { type: 'string', value: 'ID', help: 'retire ce dossier' },
    order: { type: 'string', value: 'ID,ID…', help: 'l’ordre complet des dossiers, séparés par des virgules' },
  },
  check: ({ options }) => {
    const given = AGENDA_ACTIONS.filter((a) => (a === 'ready' ? options.ready : options[a] !== undefined));
    if (given.length !== 1) return `session agenda : indiquez une seule action parmi --add, --ready, --remove, --order (${given.length === 0 ? 'aucune' : given.map((a) => `--${a}`).join(', ')}).`;
    if (options.department && !options.ready) return 'session agenda : --department ne s’emploie qu’avec --ready.';
    return null;
  },
  run: async (backend, { options, json }) => {
    const session = await sessionNamed(backend, options.session);
    const sessionId = session.id;
    if (options.remove !== undefined) {
      const dossier = await dossierNamed(backend, options.remove);
      // Checked here too, so that the refusal names the dossier by its external id.
      const { agenda } = await backend.call('sessions:get', { id: sessionId });
      if (!agenda.some((item) => item.dossierId === dossier.id)) throw new ApiError('NOT_FOUND', `Le dossier ${dossier.externalId} n’est pas à l’ordre du jour de la séance COSELEC ${session.number}.`);
      return printSession(await backend.call('agenda:remove', { sessionId, dossierId: dossier.id }), json, `Dossier ${dossier.externalId} retiré. `);
    }
    if (options.order !== undefined) {
      const dossiers = await dossiersNamed(backend, options.order.split(',').filter((id) => id.trim() !== ''));
      return printSession(await backend.call('agenda:reorder', { sessionId, order: dossiers.map((d) => d.id) }), json, 'Ordre du jour réordonné. ');
    }
    const result = options.add
      ? await backend.call('agenda:add', { sessionId, dossierIds: (await dossiersNamed(backend, options.add)).map((d) => d.id) })
      : await backend.call('agenda:addByFilter', { sessionId, filter: options.department ? { departments: options.department } : {}, readyForDecision: true });
    if (json) write(`${JSON.stringify(result)}\n`);
    else write(`${result.added} dossier(s) ajouté(s), ${result.skipped} écarté(s) (déjà à cet ordre du jour, attendus à une autre séance ou déjà décidés). ${sessionLine(result.session)}`);
    return 0;
  },
});
