package io.streametl.source.http;

import io.streametl.source.http.auth.Authenticator;
import io.streametl.source.http.client.ApiResponse;
import io.streametl.source.http.client.HttpRequestSpec;
import io.streametl.source.http.client.Redaction;
import io.streametl.source.http.config.BadResponseConfig;
import io.streametl.source.http.config.BadResponsePolicy;
import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.HttpMethod;
import io.streametl.source.http.config.PaginationMode;
import io.streametl.source.http.config.Template;
import io.streametl.source.http.paging.BadPageException;
import io.streametl.source.http.paging.Page;
import io.streametl.source.http.paging.Pagination;
import io.streametl.source.http.paging.Paginations;
import io.streametl.source.http.paging.UriParams;
import io.streametl.source.http.records.PageRecords;
import io.streametl.source.http.records.RecordFactory;
import io.streametl.source.http.records.RecordLocator;
import io.streametl.source.http.records.RecordOutcome;
import io.streametl.source.http.sync.SyncState;
import io.streametl.source.http.sync.Watermark;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one endpoint: walks its page chain, a few pages per poll, and emits each page's records
 * in the poll that fetched it, so with exactly-once support a page's records and the offset after
 * it commit together.
 *
 * <p>Offsets: every record of a page but the last carries the offset from BEFORE the page (resume:
 * fetch this page again), the last the offset AFTER it (resume: the next page, with the watermark
 * moved on). With exactly-once both land in one transaction, so only the latter counts. Without
 * it, Connect may commit the offset of any acknowledged record: if a worker dies part-way through
 * a page, the page is fetched again (at least once) instead of its rest being skipped.
 */
final class EndpointRunner {

  private static final Logger log = LoggerFactory.getLogger(EndpointRunner.class);

  /** After this many unreadable pages in a row a chain ends even if the next page is known. */
  static final int MAX_BAD_PAGES_IN_A_ROW = 3;

  private final EndpointConfig config;
  private final Map<String, Object> partition;
  private final String topic;
  private final Pagination pagination;
  private final boolean urlTokens;
  private final ResponseReader reader;
  private final RecordFactory records;
  private final RequestExecutor executor;
  private final Authenticator auth;
  private final BadResponsePolicy policy;
  private final ErrorRecords errors;
  private final int maxRetries;
  private final Clock clock;
  private final SyncState sync;
  private final EndpointMetrics metrics;

  private boolean inChain;
  private String token;
  private long dueAtMs;
  private int failures;
  private int badPagesInRow;
  private int chainPages;
  private long chainRecords;
  private long chainDropped;
  /** When the current chain started, or -1 if an earlier task started it. */
  private long chainStartMs = -1;

  EndpointRunner(EndpointConfig config, String connectorName, Map<String, ?> storedOffset,
      Collaborators with) {
    this.config = config;
    this.partition = new EndpointPartition(config.name()).toMap();
    Map<String, String> names = new HashMap<>();
    names.put(Template.ENDPOINT, config.name());
    names.put(Template.CONNECTOR, connectorName);
    this.topic = config.request().topic().render(names);
    this.pagination = Paginations.create(config.pagination());
    PaginationMode mode = config.pagination().mode();
    this.urlTokens = mode == PaginationMode.NEXT_URL || mode == PaginationMode.LINK_HEADER;
    this.reader = new ResponseReader(new RecordLocator(config.records().pointer()),
        with.maxResponseBytes());
    this.records = new RecordFactory(config);
    this.executor = with.executor();
    this.auth = with.auth();
    this.policy = with.badResponses().policy();
    this.errors = new ErrorRecords(with.badResponses().topic(), config.name());
    this.maxRetries = with.maxRetries();
    this.clock = with.clock();

    EndpointOffset resume = storedOffset == null ? null : EndpointOffset.read(storedOffset, config);
    if (storedOffset != null && EndpointOffset.isPaginationModeChange(storedOffset, config)) {
      log.warn("Endpoint '{}': the stored page position belongs to another pagination mode; its"
          + " sync starts again from the stored watermark", config.name());
    }
    this.sync = resume == null ? SyncState.initial(config.watermark()) : resume.sync();
    this.inChain = resume != null && resume.inChain();
    this.token = resume == null ? null : resume.nextPage();
    this.dueAtMs = clock.millis();
    this.metrics = new EndpointMetrics(with.metrics(), with.metricsScope(), config.name(), sync,
        clock);
    log.info("Endpoint '{}' -> topic '{}': {}", config.name(), topic, resume == null ? "no stored"
        + " offset, first sync now" : inChain ? "resumes its sync at page " + describeToken()
        : "resumes from watermark " + sync.high().map(Watermark::text).orElse("(none)"));
  }

  /** The next page's position for logs: a next-page URL without its query. */
  private String describeToken() {
    if (token == null) {
      return "1 (the first)";
    }
    return urlTokens ? Redaction.withoutQuery(URI.create(token)) + "?..." : token;
  }

  /**
   * What a runner needs besides its endpoint's settings; shared by a task's runners.
   *
   * @param metrics the task's plugin metrics, or null
   * @param metricsScope names the task (connector and task index) in metric sensor names
   */
  record Collaborators(RequestExecutor executor, Authenticator auth,
      BadResponseConfig badResponses, int maxRetries, int maxResponseBytes, Clock clock,
      PluginMetrics metrics, String metricsScope) {}

  String name() {
    return config.name();
  }

  void close() {
    metrics.close();
  }

  long dueAtMs() {
    return dueAtMs;
  }

  /**
   * Fetches up to pagination.max.pages.per.poll pages, adding their records to {@code out}, and
   * stops early at the end of the chain (the next sync is then due after the poll interval) or on
   * a transient failure (a retry is then due after its backoff).
   *
   * @throws ConnectException on a permanent failure, retries exhausted, or a bad response with
   *     bad.response.policy=fail; the message names the endpoint, never a secret
   */
  void run(List<SourceRecord> out, BooleanSupplier stopping) throws InterruptedException {
    for (int page = 0; page < config.pagination().maxPagesPerPoll(); page++) {
      if (stopping.getAsBoolean()) {
        return;
      }
      if (!inChain) {
        sync.startChain();
        inChain = true;
        token = null;
        chainPages = 0;
        chainRecords = 0;
        chainDropped = 0;
        chainStartMs = clock.millis();
      }
      HttpRequestSpec request = request(pagination.pageUri(firstPageUri(), token));
      FetchOutcome outcome = executor.execute(request, failures + 1, metrics::requestLatency);
      metrics.request();
      if (outcome instanceof FetchOutcome.RetryLater) {
        scheduleRetry(request, (FetchOutcome.RetryLater) outcome);
        return;
      }
      if (outcome instanceof FetchOutcome.Failed) {
        throw new ConnectException(describe(request) + ": " + ((FetchOutcome.Failed) outcome).reason());
      }
      failures = 0;
      Optional<String> next = handle(request, ((FetchOutcome.Fetched) outcome).response(), out);
      chainPages++;
      metrics.page();
      if (next.isPresent() && next.get().equals(token)) {
        log.warn("Endpoint '{}': the next page is the page just fetched; ending the sync to avoid"
            + " a loop", config.name());
        next = Optional.empty();
      }
      if (next.isEmpty()) {
        endChain();
        return;
      }
      token = next.get();
    }
    dueAtMs = clock.millis(); // more pages to come: still due
  }

  private void scheduleRetry(HttpRequestSpec request, FetchOutcome.RetryLater retry) {
    failures++;
    metrics.retry();
    if (failures > maxRetries) {
      throw new ConnectException(describe(request) + ": gave up after " + maxRetries
          + " retries (http.retry.max.retries); last failure: " + retry.reason());
    }
    dueAtMs = clock.millis() + retry.delayMs();
    log.warn("{}: {}; retry {} of {} in {} ms", describe(request), retry.reason(), failures,
        maxRetries, retry.delayMs());
  }

  private void endChain() {
    inChain = false;
    token = null;
    badPagesInRow = 0;
    dueAtMs = clock.millis() + config.request().pollIntervalMs();
    metrics.syncDone(chainStartMs);
    chainStartMs = -1;
    log.info("Endpoint '{}': sync done: {} page(s), {} record(s) emitted, {} dropped as already"
            + " emitted; watermark {}; next sync in {} ms", config.name(), chainPages, chainRecords,
        chainDropped, sync.high().map(Watermark::text).orElse("(none)"),
        config.request().pollIntervalMs());
    if (sync.takeOverflow()) {
      log.warn("Endpoint '{}': more records than watermark.dedup.max.ids={} share the overlap"
              + " window; the oldest identities were forgotten and those records may be emitted"
              + " again by a later sync", config.name(), config.watermark().dedupMaxIds());
    }
  }

  /** Handles one 2xx response; returns the next page's token, or empty if the chain ends. */
  private Optional<String> handle(HttpRequestSpec request, ApiResponse response,
      List<SourceRecord> out) {
    Map<String, Object> before = offset(true, token);
    ResponseReader.Parsed parsed;
    try {
      parsed = reader.read(response);
    } catch (BadPageException e) {
      return badPage(request, response, e.getMessage(), out);
    }
    badPagesInRow = 0;
    Page page = new Page(request.uri(), response.headers(), parsed.body(), parsed.records().size());
    Optional<String> next;
    String linkProblem = null;
    try {
      next = pagination.next(token, page).map(this::storable);
    } catch (BadPageException e) {
      next = Optional.empty();
      linkProblem = e.getMessage();
    }
    PageRecords built = records.build(parsed.records(), sync);
    chainDropped += built.dropped();
    metrics.dropped(built.dropped());
    List<RecordOutcome> outcomes = new ArrayList<>(built.outcomes());
    if (linkProblem != null) {
      outcomes.add(new RecordOutcome.Bad(linkProblem, response.body()));
    }
    if (next.isEmpty()) {
      sync.endChain();
    }
    Map<String, Object> after = offset(next.isPresent(), next.orElse(null));
    String url = Redaction.withoutQuery(request.uri());
    int emitted = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Map<String, Object> offset = i == outcomes.size() - 1 ? after : before;
      RecordOutcome outcome = outcomes.get(i);
      if (outcome instanceof RecordOutcome.Emit) {
        RecordOutcome.Emit emit = (RecordOutcome.Emit) outcome;
        out.add(new SourceRecord(partition, offset, topic, null, emit.keySchema(), emit.key(),
            emit.valueSchema(), emit.value()));
        emitted++;
      } else {
        RecordOutcome.Bad bad = (RecordOutcome.Bad) outcome;
        if (policy == BadResponsePolicy.FAIL) {
          throw new ConnectException(describe(request) + ": bad record on the page: " + bad.reason()
              + ". Set bad.response.policy=error_topic to send such records to an error topic.");
        }
        out.add(errors.build(partition, offset, bad.reason(), bad.payload(), url, response.status(),
            response.contentType()));
      }
    }
    chainRecords += emitted;
    metrics.records(emitted);
    metrics.bad(outcomes.size() - emitted);
    return next;
  }

  private Optional<String> badPage(HttpRequestSpec request, ApiResponse response, String reason,
      List<SourceRecord> out) {
    if (policy == BadResponsePolicy.FAIL) {
      throw new ConnectException(describe(request) + ": bad response (HTTP " + response.status()
          + "): " + reason + ". Set bad.response.policy=error_topic to send bad responses to an"
          + " error topic.");
    }
    badPagesInRow++;
    Optional<String> next = Optional.empty();
    if (badPagesInRow < MAX_BAD_PAGES_IN_A_ROW) {
      try {
        next = pagination.nextWithoutBody(token, new Page(request.uri(), response.headers(), null, 0))
            .map(this::storable);
      } catch (BadPageException e) {
        next = Optional.empty();
      }
    }
    log.warn("{}: bad response (HTTP {}): {}; payload sent to the error topic; {}",
        describe(request), response.status(), reason, next.isPresent()
            ? "going on with the next page" : "the sync ends here");
    if (next.isEmpty()) {
      sync.endChain();
    }
    out.add(errors.build(partition, offset(next.isPresent(), next.orElse(null)), reason,
        response.body(), Redaction.withoutQuery(request.uri()), response.status(),
        response.contentType()));
    metrics.bad(1);
    return next;
  }

  /** Next-page URLs are stored without credentials an authenticator put in them. */
  private String storable(String next) {
    return urlTokens ? auth.strip(URI.create(next)).toString() : next;
  }

  private Map<String, Object> offset(boolean chain, String nextPage) {
    return new EndpointOffset(config.pagination().mode(), chain, nextPage, sync).toMap();
  }

  private Map<String, String> templateValues() {
    Map<String, String> values = new HashMap<>();
    values.put(Template.ENDPOINT, config.name());
    sync.requestWatermark().ifPresent(w -> values.put(Template.WATERMARK, w.text()));
    return values;
  }

  private URI firstPageUri() {
    URI uri = URI.create(config.url(templateValues()));
    String param = config.watermark().param();
    Optional<Watermark> watermark = sync.requestWatermark();
    if (!param.isEmpty() && watermark.isPresent()) {
      uri = UriParams.set(uri, param, watermark.get().text());
    }
    return uri;
  }

  private HttpRequestSpec request(URI uri) {
    Map<String, String> values = templateValues();
    HttpMethod method = config.request().method();
    byte[] body = method == HttpMethod.POST
        ? config.request().body().render(values, Template::jsonEscape).getBytes(StandardCharsets.UTF_8)
        : null;
    HttpRequestSpec request = new HttpRequestSpec(method.name(), uri, Map.of(), body)
        .withHeader("Accept", "application/json");
    if (body != null) {
      request = request.withHeader("Content-Type", "application/json");
    }
    for (Map.Entry<String, Template> header : config.request().headers().entrySet()) {
      request = request.withHeader(header.getKey(), header.getValue().render(values));
    }
    return request;
  }

  private String describe(HttpRequestSpec request) {
    return "Endpoint '" + config.name() + "' (" + request.describe() + ")";
  }
}
