"use client";

import Link from "next/link";
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { NextAnswer, RaterAssignment, SideChoice } from "@/lib/rating/contract";
import { castVote, nextAssignment, undoVote } from "./rating-api";
import { ScenePicture, SideView } from "./rater-view";
import styles from "./rating.module.css";

/** The choices, their buttons and keys (each choice has two: a number and a mnemonic). */
export const CHOICES: { choice: SideChoice; label: string; keys: string[]; hint: string }[] = [
  { choice: "left", label: "Left is better", keys: ["1", "ArrowLeft"], hint: "1 or ←" },
  { choice: "right", label: "Right is better", keys: ["2", "ArrowRight"], hint: "2 or →" },
  { choice: "tie", label: "About the same", keys: ["3", "t"], hint: "3 or T" },
  { choice: "both_bad", label: "Both are bad", keys: ["4", "b"], hint: "4 or B" },
  { choice: "skip", label: "Skip", keys: ["5", "s"], hint: "5 or S" },
];

/** A vote's name for the server: a retry of the same vote sends the same one. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

interface State {
  answer: NextAnswer | null;
  loading: boolean;
  sending: SideChoice | null;
  /** The vote being sent (kept across a failed send, so the retry carries the same key). */
  pending: { assignmentId: string; choice: SideChoice; key: string } | null;
  comment: string;
  error: string | null;
  /** What the last action did, for the status line. */
  note: string | null;
}
type Action =
  | { type: "loaded"; answer: NextAnswer }
  | { type: "loading" }
  | { type: "send"; pending: NonNullable<State["pending"]> }
  | { type: "sent"; note: string }
  | { type: "failed"; message: string }
  | { type: "comment"; text: string };

function reduce(s: State, a: Action): State {
  switch (a.type) {
    case "loading": return { ...s, loading: true, error: null };
    case "loaded": return { ...s, answer: a.answer, loading: false, error: null, comment: a.answer.assignment?.id === s.answer?.assignment?.id ? s.comment : "" };
    case "send": return { ...s, sending: a.pending.choice, pending: a.pending, error: null };
    case "sent": return { ...s, sending: null, pending: null, note: a.note };
    case "failed": return { ...s, sending: null, loading: false, error: a.message };
    case "comment": return { ...s, comment: a.text };
  }
}

const said: Record<SideChoice, string> = { left: "left better", right: "right better", tie: "about the same", both_bad: "both bad", skip: "skipped" };

/**
 * Blind A/B rating of one campaign: the scene, the two outputs as left and right (the server
 * drew the sides), the instructions; a button and keys for every choice, an optional comment,
 * progress, and undo of the last vote. A vote is sent with an Idempotency-Key, so a retry after a
 * network error or a double press stores one vote.
 */
export function RateSession({ campaignId }: { campaignId: string }) {
  const [s, dispatch] = useReducer(reduce, { answer: null, loading: true, sending: null, pending: null, comment: "", error: null, note: null });
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const busy = useRef(false);

  const load = useCallback(async () => {
    dispatch({ type: "loading" });
    try {
      dispatch({ type: "loaded", answer: await nextAssignment(campaignId) });
    } catch (err) {
      dispatch({ type: "failed", message: err instanceof Error ? err.message : String(err) });
    }
  }, [campaignId]);
  useEffect(() => { void load(); }, [load]);

  const assignment = s.answer?.assignment ?? null;

  const vote = useCallback(async (choice: SideChoice) => {
    if (!assignment || busy.current) return;
    busy.current = true;
    // The same vote again (after a failed send) keeps its key; a different choice is a new vote.
    const pending = s.pending && s.pending.assignmentId === assignment.id && s.pending.choice === choice ? s.pending : { assignmentId: assignment.id, choice, key: newKey() };
    dispatch({ type: "send", pending });
    try {
      await castVote(assignment.id, { choice, comment: s.comment.trim() }, pending.key);
      dispatch({ type: "sent", note: `Voted: ${said[choice]}.` });
      await load();
    } catch (err) {
      dispatch({ type: "failed", message: `Not saved: ${err instanceof Error ? err.message : String(err)}. Press the same choice again to retry.` });
    } finally {
      busy.current = false;
    }
  }, [assignment, s.pending, s.comment, load]);

  const undo = useCallback(async () => {
    const target = s.answer?.undo?.assignmentId;
    if (!target || busy.current) return;
    busy.current = true;
    try {
      await undoVote(target);
      dispatch({ type: "sent", note: "Your last vote was taken back; vote on it again." });
      await load();
    } catch (err) {
      dispatch({ type: "failed", message: `Cannot undo: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      busy.current = false;
    }
  }, [s.answer, load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || (e.ctrlKey && e.key !== "z")) return;
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (typing) {
        if (e.key === "Escape") (e.target as HTMLElement).blur();
        return;
      }
      if (e.key === "u" || (e.ctrlKey && e.key === "z")) { e.preventDefault(); void undo(); return; }
      if (e.key === "c") { e.preventDefault(); commentRef.current?.focus(); return; }
      const hit = CHOICES.find((c) => c.keys.includes(e.key.length === 1 ? e.key.toLowerCase() : e.key));
      if (hit) { e.preventDefault(); void vote(hit.choice); }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [vote, undo]);

  const progress = assignment?.progress ?? (s.answer && s.answer.assignment === null ? s.answer.progress : null);
  return (
    <div className={styles.session} data-testid="rate-session" aria-busy={s.loading || s.sending !== null}>
      {progress ? <Progress voted={progress.voted} remaining={progress.remaining} /> : null}
      {s.error ? <p className="fail" role="alert" data-testid="rate-error">{s.error}</p> : null}
      {s.note && !s.error ? <p className="muted" role="status" data-testid="rate-note">{s.note}</p> : null}
      {s.answer && s.answer.assignment === null ? <Finished answer={s.answer} onUndo={undo} /> : null}
      {assignment ? (
        <Assignment
          assignment={assignment} sending={s.sending} comment={s.comment} commentRef={commentRef}
          onComment={(text) => dispatch({ type: "comment", text })} onVote={vote} canUndo={Boolean(s.answer?.undo)} onUndo={undo}
        />
      ) : null}
      {!s.answer && s.loading ? <p className="muted">Loading your next pair…</p> : null}
    </div>
  );
}

function Progress({ voted, remaining }: { voted: number; remaining: number }) {
  const total = voted + remaining;
  return (
    <div className={styles.progress} data-testid="rate-progress">
      <progress max={Math.max(1, total)} value={voted} aria-label="Your progress in this campaign" />
      <span><strong>{voted}</strong> voted · {remaining} left for you</span>
    </div>
  );
}

function Finished({ answer, onUndo }: { answer: Extract<NextAnswer, { assignment: null }>; onUndo: () => void }) {
  return (
    <section className="panel" data-testid="rate-done">
      <h2>{answer.reason === "closed" ? "This campaign is closed" : "All done — thank you"}</h2>
      <p>
        {answer.reason === "closed" ? "It takes no more votes. " : "No pair is left for you in this campaign. "}
        You voted on {answer.progress.voted} pair{answer.progress.voted === 1 ? "" : "s"}.
      </p>
      <div className="toolbar">
        {answer.undo ? <button type="button" className="button" onClick={onUndo}>Undo last vote <kbd>U</kbd></button> : null}
        <Link href="/rate">Back to your campaigns</Link>
      </div>
    </section>
  );
}

interface AssignmentProps {
  assignment: RaterAssignment;
  sending: SideChoice | null;
  comment: string;
  commentRef: React.RefObject<HTMLTextAreaElement | null>;
  onComment: (text: string) => void;
  onVote: (choice: SideChoice) => void;
  canUndo: boolean;
  onUndo: () => void;
}

function Assignment({ assignment: a, sending, comment, commentRef, onComment, onVote, canUndo, onUndo }: AssignmentProps) {
  const pictures = a.left.kind !== "caption";
  return (
    <section aria-label="The pair to judge" data-testid="assignment" data-assignment={a.id}>
      {a.campaign.instructions ? <p className={`panel ${styles.instructions}`} data-testid="rate-instructions">{a.campaign.instructions}</p> : null}
      <div className={pictures ? styles.triptych : styles.captionLayout}>
        <figure className={styles.card}>
          <figcaption className="muted">{a.task === "colorization" ? "Grey input" : "Scene"}</figcaption>
          <ScenePicture scene={a.scene} />
        </figure>
        {(["left", "right"] as const).map((side) => (
          <figure key={side} className={`${styles.card} ${sending === side ? styles.chosen : ""}`} data-testid={`side-${side}`}>
            <figcaption><strong>{side === "left" ? "Left" : "Right"}</strong> <kbd>{side === "left" ? "1 / ←" : "2 / →"}</kbd></figcaption>
            <SideView side={a[side]} scene={a.scene} label={side} />
          </figure>
        ))}
      </div>
      <div className={styles.choices} role="group" aria-label="Your verdict">
        {CHOICES.map((c) => (
          <button key={c.choice} type="button" className={`button ${styles.choice}`} onClick={() => onVote(c.choice)} disabled={sending !== null} data-choice={c.choice}>
            {c.label} <kbd>{c.hint}</kbd>
          </button>
        ))}
        <button type="button" className="button" onClick={onUndo} disabled={!canUndo || sending !== null} data-testid="undo">
          Undo last vote <kbd>U</kbd>
        </button>
      </div>
      <label className={styles.comment}>
        <span>Comment (optional; <kbd>C</kbd> to type, <kbd>Esc</kbd> to leave the box)</span>
        <textarea ref={commentRef} value={comment} onChange={(e) => onComment(e.target.value)} maxLength={1000} rows={2} placeholder="What decided it?" />
      </label>
    </section>
  );
}
