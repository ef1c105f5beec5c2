import type { AgentSpec } from '../types.js';

/** The task texts (CrewAI tasks.yaml) a PR edits, adds or removes, located at the first of them. */
export function taskEdits(
  base: AgentSpec,
  head: AgentSpec,
): { file: string; line: number | null; summary: string } | undefined {
  const byTask = (spec: AgentSpec) => new Map(spec.staticLoops.filter((l) => l.task).map((l) => [l.task!, l]));
  const b = byTask(base);
  const h = byTask(head);
  const edits: { what: string; file?: string; line?: number }[] = [];
  for (const [task, loop] of h) {
    const old = b.get(task);
    if (!old) edits.push({ what: `task ${task} added`, file: loop.file, line: loop.line });
    else if (old.text !== loop.text || old.agent !== loop.agent)
      edits.push({ what: `task ${task} edited`, file: loop.file, line: loop.line });
  }
  for (const [task, loop] of b) if (!h.has(task)) edits.push({ what: `task ${task} removed`, file: loop.file });
  if (!edits.length) return undefined;
  const first = edits.find((e) => e.file) ?? edits[0];
  return {
    file: first.file ?? head.agents[0].file,
    line: first.line ?? null,
    summary: `${edits.map((e) => e.what).join(', ')} (the task text each loop is sent)`,
  };
}
