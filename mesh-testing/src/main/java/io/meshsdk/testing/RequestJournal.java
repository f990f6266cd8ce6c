package io.meshsdk.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests the test API server received, in arrival order, so tests can assert how many
 * requests a run made, that it retried, and that it only read. Thread-safe; {@link #entries()}
 * returns a snapshot.
 */
public final class RequestJournal {
  private final List<JournalEntry> entries = new ArrayList<>();

  RequestJournal() {}

  synchronized void record(JournalEntry entry) {
    entries.add(entry);
  }

  /**
   * Every request so far.
   *
   * @return an immutable snapshot, oldest first
   */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /**
   * The number of requests so far.
   *
   * @return the count
   */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * The requests with a method and a path matching a glob ({@code *} within a segment, {@code **}
   * across segments).
   *
   * @param method e.g. {@code GET}
   * @param pathGlob e.g. {@code /api/v1/pods} or {@code /apis/apps/v1/**}
   * @return the matching requests, oldest first
   */
  public List<JournalEntry> requests(String method, String pathGlob) {
    Fault matcher = Fault.serverError().on(pathGlob).onMethod(method);
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries()) {
      if (matcher.matches(e.method(), e.path())) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * How many requests have a method and a path matching a glob.
   *
   * @param method e.g. {@code GET}
   * @param pathGlob the path glob
   * @return the count
   */
  public int count(String method, String pathGlob) {
    return requests(method, pathGlob).size();
  }

  /**
   * The requests that could change stored state (see {@link JournalEntry#mutating()}).
   *
   * @return the writes, oldest first; empty when the run only read
   */
  public List<JournalEntry> mutations() {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries()) {
      if (e.mutating()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Forgets every request (e.g. after seeding or between phases of a test). */
  public synchronized void clear() {
    entries.clear();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RequestJournal[");
    for (JournalEntry e : entries()) {
      sb.append("\n  ").append(e);
    }
    return sb.append(entries.isEmpty() ? "]" : "\n]").toString();
  }
}
