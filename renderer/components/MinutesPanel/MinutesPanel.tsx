import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconDownload, IconInfoCircle, IconLock, IconLockCheck } from '@tabler/icons-react';
import { Fragment, useEffect, useEffectEvent, useState } from 'react';
import type { ReactNode } from 'react';
import { MINUTES_SECTION_LABELS } from '../../../shared/domain/committee';
import type { MinutesSection, SessionDetail } from '../../../shared/domain/committee';
import { formatEuros } from '../../../shared/domain/money';
import { api } from '../../api/client';
import { downloadBytes } from '../../lib/download';
import { toApiError } from '../../lib/errors';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { useNotificationStore } from '../../stores/notification-store';
import { capabilities, quorumRuleLabel, quorumText } from '../Committee/session-view';
import { moneyLines } from '../SessionTotals/totals-view';
import { AmendmentList, AmendmentForm } from './AmendmentForm';
import { changedSections, longDate, membersWith, minutesDecisions } from './minutes-view';
import classes from './MinutesPanel.module.css';

interface MinutesPanelProps {
  session: SessionDetail;
  onChange: (session: SessionDetail) => void;
}

function SectionText({ section, editable, value, onChange }: { section: MinutesSection; editable: boolean; value: string; onChange: (value: string) => void }) {
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {MINUTES_SECTION_LABELS[section]}
      </Title>
      {editable ? (
        <Textarea
          aria-label={MINUTES_SECTION_LABELS[section]}
          autosize
          minRows={2}
          maxRows={12}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder="Texte libre du secrétariat (facultatif)"
          maxLength={10000}
        />
      ) : (
        <Text size="sm" className={classes.text} c={value ? undefined : 'dimmed'}>
          {value || 'Néant.'}
        </Text>
      )}
    </div>
  );
}

function Decisions({ session }: { session: SessionDetail }) {
  const { groups, undecided } = minutesDecisions(session);
  if (groups.length === 0 && undecided.length === 0) return <Text size="sm" c="dimmed">Aucun dossier à l’ordre du jour.</Text>;
  return (
    <Stack gap="xs">
      {groups.length > 0 && (
        <table className={classes.decisions} data-testid="minutes-decisions">
          <thead>
            <tr>
              <th style={{ width: '28%' }}>Dossier</th>
              <th style={{ width: '14%' }}>Décision</th>
              <th style={{ width: '9%' }} className={classes.num}>
                Postes
              </th>
              <th>Motifs et observations</th>
              <th style={{ width: '18%' }}>Vote · récusés</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <Fragment key={group.code}>
                <tr>
                  <td colSpan={5} className={classes.department}>
                    {departmentLabel(group.code)} – {pluralize(group.items.length, 'décision', 'décisions')}
                  </td>
                </tr>
                {group.items.map((line) => (
                  <tr key={line.dossierId}>
                    <td>{line.dossier}</td>
                    <td>{line.decision}</td>
                    <td className={classes.num}>{line.posts}</td>
                    <td>
                      {line.details.map((detail, index) => (
                        <Text key={index} size="xs" className={classes.text}>
                          {detail}
                        </Text>
                      ))}
                    </td>
                    <td>
                      <Text size="xs">{line.vote}</Text>
                      {line.recused !== '—' && <Text size="xs">Récusé(s) : {line.recused}</Text>}
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {undecided.length > 0 && (
        <Alert color="orange" variant="light" p="xs" title={`${pluralize(undecided.length, 'dossier', 'dossiers')} de l’ordre du jour sans décision`}>
          <List size="sm" spacing={0}>
            {undecided.map((line) => (
              <List.Item key={line.dossierId}>{line.dossier}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

function Totals({ session }: { session: SessionDetail }) {
  const { totals } = session;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {pluralize(totals.decided, 'dossier décidé', 'dossiers décidés')} : {pluralize(totals.approved, 'accord', 'accords')}, {pluralize(totals.refused, 'refus', 'refus')},{' '}
        {pluralize(totals.furtherReview, 'examen complémentaire', 'examens complémentaires')}.
      </Text>
      <Text size="sm">
        Postes accordés par la séance : <strong>{formatNumber(totals.postsGranted)}</strong> ; subvention engagée : <strong>{formatEuros(totals.subsidy.total)}</strong>
        {moneyLines(totals.subsidy).length > 0 ? ` (${moneyLines(totals.subsidy).map((line) => `${line.label} ${formatEuros(line.amount)}`).join(' ; ')})` : ''}.
      </Text>
      <Text size="sm">
        Au niveau national, toutes séances : {pluralize(totals.national.postsGranted, 'poste accordé', 'postes accordés')}
        {totals.national.target !== null ? ` pour un objectif de ${formatNumber(totals.national.target)}` : ''}.
      </Text>
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {title}
      </Title>
      {children}
    </div>
  );
}

/** The generated minutes with the secretariat's free-text sections, the PDF, the validation that seals them, and amendments. */
export function MinutesPanel({ session, onChange }: MinutesPanelProps) {
  const notify = useNotificationStore((state) => state.notify);
  const can = capabilities(session.status);
  const [drafts, setDrafts] = useState<Record<MinutesSection, string>>(session.sections);
  /** The stored text the drafts started from: what tells typing here from a save elsewhere. */
  const [base, setBase] = useState<Record<MinutesSection, string>>(session.sections);
  const [saving, setSaving] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [validating, setValidating] = useState(false);
  const [validateError, setValidateError] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);
  const changed = changedSections(session.sections, drafts);
  const dirty = Object.keys(changedSections(base, drafts)).length > 0;

  // What another window saved arrives while nothing is typed here: follow it. Only a new stored
  // text triggers this; `dirty` is read at that moment, not watched (typing must not reset drafts).
  const storedKey = JSON.stringify(session.sections);
  const followStored = useEffectEvent(() => {
    if (dirty) return;
    setDrafts(session.sections);
    setBase(session.sections);
  });
  useEffect(() => {
    followStored();
  }, [storedKey]);

  const section = (name: MinutesSection) => (
    <SectionText section={name} editable={can.editSections} value={drafts[name] ?? ''} onChange={(value) => setDrafts((current) => ({ ...current, [name]: value }))} />
  );

  function save(): void {
    setSaving(true);
    api['minutes:saveSections']({ sessionId: session.id, sections: changed })
      .then((next) => {
        onChange(next);
        setDrafts(next.sections);
        setBase(next.sections);
        notify({ color: 'green', title: 'Procès-verbal', message: 'Sections enregistrées.' });
      })
      .catch((error: unknown) => notify({ color: 'red', title: 'Sections non enregistrées', message: toApiError(error).message }))
      .finally(() => setSaving(false));
  }

  function download(): void {
    setDownloading(true);
    api['minutes:pdf']({ sessionId: session.id })
      .then(({ fileName, data }) => downloadBytes(fileName, data))
      .catch((error: unknown) => notify({ color: 'red', title: 'PDF non généré', message: toApiError(error).message }))
      .finally(() => setDownloading(false));
  }

  function validate(): void {
    setValidating(true);
    setValidateError(null);
    api['minutes:validate']({ sessionId: session.id })
      .then((next) => {
        setConfirming(false);
        onChange(next);
        notify({ color: 'green', title: 'Procès-verbal validé', message: `COSELEC ${next.number} est scellée.` });
      })
      .catch((error: unknown) => setValidateError(toApiError(error).message))
      .finally(() => setValidating(false));
  }

  const validateHint =
    session.status === 'VALIDATED'
      ? null
      : session.status !== 'CLOSED'
        ? 'Clore la séance avant de valider le procès-verbal.'
        : dirty
          ? 'Enregistrez les sections avant de valider.'
          : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Button leftSection={<IconDownload size={18} aria-hidden />} variant="default" loading={downloading} onClick={download}>
            Télécharger le PV (PDF)
          </Button>
          {can.editSections && (
            <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} disabled={!dirty} loading={saving} onClick={save}>
              Enregistrer les sections
            </Button>
          )}
        </Group>
        {session.status !== 'VALIDATED' && (
          <Tooltip label={validateHint} disabled={validateHint === null}>
            <span>
              <Button color="green" leftSection={<IconLockCheck size={18} aria-hidden />} disabled={!can.validate || dirty} onClick={() => setConfirming(true)}>
                Valider le PV
              </Button>
            </span>
          </Tooltip>
        )}
        {can.amend && !amending && (
          <Button variant="default" onClick={() => setAmending(true)}>
            Amender
          </Button>
        )}
      </Group>

      {validateHint && (
        <Text size="xs" c="dimmed" ta="right" mt={-8}>
          {validateHint}
        </Text>
      )}
      {session.status === 'VALIDATED' && (
        <Alert color="green" variant="light" icon={<IconLock size={18} />} p="xs">
          Procès-verbal scellé : son texte ne se modifie plus. Les corrections passent par un amendement motivé, joint au PV et repris dans les exports.
        </Alert>
      )}

      {amending && (
        <AmendmentForm
          session={session}
          onSaved={(next) => {
            setAmending(false);
            onChange(next);
            notify({ color: 'green', title: 'Amendement enregistré', message: `COSELEC ${next.number}` });
          }}
          onCancel={() => setAmending(false)}
        />
      )}
      {session.amendments.length > 0 && <AmendmentList session={session} />}

      <Paper withBorder p="lg" className={classes.document} data-testid="minutes-preview">
        <Stack gap="md">
          <div className={classes.heading}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
              Procès-verbal
            </Text>
            <Title order={3}>Comité de sélection national – COSELEC {session.number}</Title>
            <Text size="sm">
              Séance du {longDate(session.date)}
              {session.place ? ` – ${session.place}` : ''}
            </Text>
          </div>
          <Block title="Participants">
            <Stack gap={2}>
              <Text size="sm">Présidence : {session.chairName ?? 'non désignée'}</Text>
              <Text size="sm">Présents ({membersWith(session.members, 'PRESENT').length}) : {membersWith(session.members, 'PRESENT').join(', ') || 'aucun'}</Text>
              <Text size="sm">Excusés ({membersWith(session.members, 'EXCUSED').length}) : {membersWith(session.members, 'EXCUSED').join(', ') || 'aucun'}</Text>
              <Text size="sm">Absents ({membersWith(session.members, 'ABSENT').length}) : {membersWith(session.members, 'ABSENT').join(', ') || 'aucun'}</Text>
              <Text size="sm" fw={600}>
                {quorumText(session.quorum, session.members.length)} (règle : {quorumRuleLabel(session.quorumRule)}).
              </Text>
              {session.conflicts.length > 0 && (
                <Text size="sm">
                  Conflits d’intérêts déclarés : {session.conflicts.map((conflict) => `${conflict.memberName}${conflict.note ? ` (${conflict.note})` : ''}`).join(' ; ')}. Les membres concernés ne prennent part ni aux débats ni au vote sur les dossiers visés.
                </Text>
              )}
            </Stack>
          </Block>
          {section('introduction')}
          <Block title="Décisions, par département">
            <Decisions session={session} />
          </Block>
          {section('discussion')}
          <Block title="Totaux">
            <Totals session={session} />
          </Block>
          {section('miscellaneous')}
          {section('conclusion')}
          <div className={classes.signatures}>
            <div className={classes.signature}>
              <Text size="sm">Le président ou la présidente de séance</Text>
              <Text size="sm" fw={600}>
                {session.chairName ?? ''}
              </Text>
            </div>
            <div className={classes.signature}>
              <Text size="sm">Pour le secrétariat du comité (ANCT)</Text>
            </div>
          </div>
          {session.minutesHash && (
            <Text size="xs" c="dimmed" ff="monospace">
              Validé le {formatDateTime(session.validatedAt)} par {session.validatedBy} – SHA-256 {session.minutesHash}
            </Text>
          )}
        </Stack>
      </Paper>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Valider le procès-verbal ?" size="lg">
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconInfoCircle />}>
            <Text size="sm">
              La validation <strong>scelle</strong> le procès-verbal de la séance COSELEC {session.number} : son empreinte (SHA-256) est calculée, enregistrée et imprimée sur le PDF.
            </Text>
            <Text size="sm" mt={6}>
              Ensuite, la séance, ses présences, son ordre du jour et ses {pluralize(session.totals.decided, 'décision', 'décisions')} sont en <strong>lecture seule</strong>, définitivement. Une erreur ne se corrige plus que par un
              amendement motivé, joint au procès-verbal.
            </Text>
          </Alert>
          {session.totals.decided < session.agenda.length && (
            <Alert color="red" variant="light" p="xs">
              {pluralize(session.agenda.length - session.totals.decided, 'dossier de l’ordre du jour reste', 'dossiers de l’ordre du jour restent')} sans décision.
            </Alert>
          )}
          {validateError && (
            <Alert color="red" variant="light" role="alert" title="Validation refusée">
              {validateError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button color="green" loading={validating} onClick={validate} leftSection={<IconLockCheck size={18} aria-hidden />}>
              Valider et sceller le PV
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
