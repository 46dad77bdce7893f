/**
 * The tutor team's status across every learner (GET /api/admin/agents): calls, average
 * latency, errors and the last error per agent, as summed in Redis by every LearnerAgent.
 */
import { For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Load } from '../../ui/Load';
import { formatCount, formatDateTime, formatMs, formatPercent } from './format';
import { createRefreshingResource } from './refreshing-resource';

const loadAgents = () => ok(api.GET('/api/admin/agents'));

const AGENT_NAMES: Record<string, string> = {
  orchestrator: 'Orchestrator',
  'content-curator': 'Content curator',
  'quiz-master': 'Quiz master',
  evaluator: 'Evaluator',
  'progress-tracker': 'Progress tracker',
  motivator: 'Motivator',
};

export function AgentsTab(): JSX.Element {
  const [agents, { refetch }] = createRefreshingResource(loadAgents);
  return (
    <section class="stack" aria-labelledby="agents-heading">
      <div class="row spread">
        <h2 id="agents-heading">Tutor agents</h2>
        <button type="button" onClick={() => void refetch()} disabled={agents.loading}>
          {agents.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p class="muted">Counted since the counters began, across every learner.</p>
      <Load
        data={agents}
        retry={() => void refetch()}
        loading="Loading the agents’ status…"
        isEmpty={(value) => value.agents.length === 0}
        empty={<p>No agents report yet.</p>}
      >
        {(value) => (
          <>
            <Show when={value.agents.every((agent) => agent.calls === 0)}>
              <p class="notice">No agent has been called yet: the numbers start with the first learner’s question.</p>
            </Show>
            <div class="table-wrap">
              <table class="table agents-table">
                <caption class="visually-hidden">Tutor agents’ status</caption>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col" class="number">
                      Calls
                    </th>
                    <th scope="col" class="number">
                      Average latency
                    </th>
                    <th scope="col" class="number">
                      Errors
                    </th>
                    <th scope="col" class="number">
                      Error rate
                    </th>
                    <th scope="col">Last error</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={value.agents}>
                    {(agent) => (
                      <tr>
                        <th scope="row">{AGENT_NAMES[agent.agent] ?? agent.agent}</th>
                        <td class="number">{formatCount(agent.calls)}</td>
                        <td class="number">{agent.calls ? formatMs(agent.averageMs) : '—'}</td>
                        <td class="number">
                          <Show when={agent.errors > 0} fallback="0">
                            <span class="badge down">{formatCount(agent.errors)}</span>
                          </Show>
                        </td>
                        <td class="number">{agent.calls ? formatPercent(agent.errors / agent.calls) : '—'}</td>
                        <td class="last-error">
                          <Show when={agent.lastError} fallback={<span class="muted">None</span>}>
                            <span>{agent.lastError}</span>
                            <Show when={agent.lastErrorAt}>
                              {(at) => (
                                <time class="muted" datetime={at()}>
                                  {formatDateTime(at())}
                                </time>
                              )}
                            </Show>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </>
        )}
      </Load>
    </section>
  );
}
