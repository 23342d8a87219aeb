// The server's brief thread (brief-thread.ts): cleans a story's stored inputs again and briefs
// them, the CPU-heavy part of a story page, so the server's event loop keeps answering meanwhile.
import { parentPort } from 'node:worker_threads';
import { briefOfInputs } from '../collect/story-brief.ts';
import { firstLine } from '../ingest/network-errors.ts';
import type { BriefReply, BriefTask } from './brief-thread.ts';

const port = parentPort;
if (!port) throw new Error('brief-worker runs as a worker thread (see brief-thread.ts)');

port.on('message', ({ id, inputs }: BriefTask) => {
  let reply: BriefReply;
  try {
    const brief = briefOfInputs(inputs);
    reply = { id, json: JSON.stringify(brief), facts: brief.facts.length, disagreements: brief.disagreements.length };
  } catch (error) {
    reply = { id, error: firstLine(error) };
  }
  port.postMessage(reply);
});
