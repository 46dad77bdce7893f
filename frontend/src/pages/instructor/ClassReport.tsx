/**
 * One class's report: the learner × concept mastery heatmap, the concepts the class
 * struggles with, and the CSV download. A class nobody has joined yet shows its join code.
 */
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, fetchText, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { FormError } from '../../ui/Form';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { CopyButton } from './parts/CopyButton';
import { saveTextFile } from '../../ui/download';
import { classTotals, percent, reportFileName, type ClassReport as Report } from './parts/heatmap';
import { MasteryHeatmap } from './parts/MasteryHeatmap';
import './parts/instructor.css';

async function loadReport(id: string) {
  // The report has no join code; the class list has, for the empty state.
  const [report, classes] = await Promise.all([
    ok(api.GET('/api/classes/{id}/report', { params: { path: { id } } })),
    ok(api.GET('/api/classes')),
  ]);
  return { report, info: classes.teaching.find((entry) => entry.id === id) };
}

export default function ClassReport(): JSX.Element {
  const params = useParams<{ id: string }>();
  const [data, { refetch }] = createResource(() => params.id, loadReport);
  usePageTitle(() => (data.latest ? `${data.latest.report.class.name} · Class report` : 'Class report'));

  return (
    <div class="stack instructor">
      <p>
        <A href="/instructor">← Teach</A>
      </p>
      <h1>{data.latest?.report.class.name ?? 'Class report'}</h1>
      <Load data={data} retry={refetch} loading="Loading the report…">
        {({ report, info }) => (
          <Show
            when={report.learners.length > 0}
            fallback={
              <div class="empty" role="status">
                <p>Nobody has joined this class yet.</p>
                <Show when={info}>
                  {(entry) => (
                    <div class="row join-code">
                      <span>
                        Learners join at <strong>Classes</strong> with the code{' '}
                        <code class="code-chip big">{entry().joinCode}</code>
                      </span>
                      <CopyButton text={entry().joinCode} label="Copy the join code" />
                    </div>
                  )}
                </Show>
              </div>
            }
          >
            <ReportBody id={params.id} report={report} joinCode={info?.joinCode} />
          </Show>
        )}
      </Load>
    </div>
  );
}

function ReportBody(props: { id: string; report: Report; joinCode: string | undefined }): JSX.Element {
  const totals = () => classTotals(props.report.learners);
  const [downloading, setDownloading] = createSignal(false);
  const [downloadError, setDownloadError] = createSignal<string>();

  async function download() {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const csv = await fetchText(`/api/classes/${encodeURIComponent(props.id)}/report.csv`);
      saveTextFile(reportFileName(props.report.class.name), csv);
    } catch (error) {
      setDownloadError(messageOf(error));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div class="stack">
      <div class="row spread">
        <dl class="row stats">
          <div class="stat">
            <dt class="label">Learners</dt>
            <dd class="value">{props.report.learners.length}</dd>
          </div>
          <div class="stat">
            <dt class="label">Answers</dt>
            <dd class="value">{totals().answers}</dd>
          </div>
          <div class="stat">
            <dt class="label">Accuracy</dt>
            <dd class="value">{totals().accuracy === null ? '—' : percent(totals().accuracy ?? 0)}</dd>
          </div>
        </dl>
        <div class="stack download">
          <button type="button" onClick={() => void download()} disabled={downloading()} aria-busy={downloading()}>
            {downloading() ? 'Preparing CSV…' : 'Download CSV'}
          </button>
          <Show when={props.joinCode}>
            {(code) => (
              <p class="muted">
                Join code <code class="code-chip">{code()}</code>
              </p>
            )}
          </Show>
        </div>
      </div>
      <FormError message={downloadError()} />

      <section aria-labelledby="mastery-heading" class="stack">
        <h2 id="mastery-heading">Mastery</h2>
        <MasteryHeatmap report={props.report} />
      </section>

      <section aria-labelledby="struggling-heading" class="stack">
        <h2 id="struggling-heading">Struggling concepts</h2>
        <Show
          when={props.report.struggling.length > 0}
          fallback={
            <p class="empty">
              No concept is holding the class back: wherever learners have practised, at least half are Familiar.
            </p>
          }
        >
          <ol class="struggling">
            <For each={props.report.struggling}>
              {(entry) => (
                <li class="card">
                  <strong>{entry.title}</strong>
                  <span>
                    mean mastery {percent(entry.meanProbability)} · {entry.belowFamiliar} of {entry.learners}{' '}
                    {entry.learners === 1 ? 'learner who practised it is' : 'learners who practised it are'} below
                    Familiar
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
    </div>
  );
}
