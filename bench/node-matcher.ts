/**
 * The matcher alone, in Node: how long building the Aho–Corasick automaton over the whole term list
 * takes (paid at build time, and by the background for the reader's own glossaries), how long
 * loading it prebuilt takes (paid once per page load by the content script), and how fast it scans.
 */
import type { MatchIndex } from '../src/core/matcher/match-index';
import { TermMatcher, withCompiledForms } from '../src/core/matcher/matcher';
import { summarize, type Summary } from './stats';

export interface NodeMatcherResult {
  patterns: number;
  /** Building the automaton from the glossary's forms (what the build and the background do). */
  buildMs: Summary;
  /** Loading it prebuilt (what a page does; see AutomatonTables). */
  loadMs: Summary;
  scanMs: Summary;
  textUtf8Bytes: number;
  textChars: number;
  matches: number;
  /** UTF-8 megabytes (10^6 bytes) per second, at the median scan time. */
  mbPerSecond: number;
  /** Millions of UTF-16 characters per second, at the median scan time. */
  mcharsPerSecond: number;
}

export function benchNodeMatcher(index: MatchIndex, text: string, runs = 9): NodeMatcherResult {
  const fromForms: MatchIndex = { ...index, compiled: undefined };
  const prebuilt = withCompiledForms(index);
  const builds: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    new TermMatcher(fromForms);
    builds.push(performance.now() - start);
    start = performance.now();
    new TermMatcher(prebuilt);
    loads.push(performance.now() - start);
  }
  const matcher = new TermMatcher(prebuilt);
  // Warm up the scan (JIT) before timing it.
  let matches = matcher.find(text).length;
  const scans: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    matches = matcher.find(text).length;
    scans.push(performance.now() - start);
  }
  const scanMs = summarize(scans);
  const textUtf8Bytes = Buffer.byteLength(text, 'utf8');
  return {
    patterns: matcher.patternCount,
    buildMs: summarize(builds),
    loadMs: summarize(loads),
    scanMs,
    textUtf8Bytes,
    textChars: text.length,
    matches,
    mbPerSecond: textUtf8Bytes / 1e6 / (scanMs.median / 1000),
    mcharsPerSecond: text.length / 1e6 / (scanMs.median / 1000),
  };
}
