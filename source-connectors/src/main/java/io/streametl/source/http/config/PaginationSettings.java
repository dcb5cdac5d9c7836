package io.streametl.source.http.config;

import io.streametl.common.config.EnumChoices;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The endpoint settings of the "Pagination" group. */
final class PaginationSettings {

  static final String GROUP = "Endpoint pagination";

  static final String MODE = "pagination.mode";
  static final String MAX_PAGES_PER_POLL = "pagination.max.pages.per.poll";
  static final String PAGE_PARAM = "pagination.page.param";
  static final String PAGE_START = "pagination.page.start";
  static final String OFFSET_PARAM = "pagination.offset.param";
  static final String SIZE_PARAM = "pagination.size.param";
  static final String SIZE = "pagination.size";
  static final String CURSOR_POINTER = "pagination.cursor.pointer";
  static final String CURSOR_PARAM = "pagination.cursor.param";
  static final String NEXT_URL_POINTER = "pagination.next.url.pointer";
  static final String HAS_MORE_POINTER = "pagination.has.more.pointer";

  private PaginationSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(MODE, Type.STRING, EnumChoices.value(PaginationMode.NONE),
        EnumChoices.validator(PaginationMode.class), Importance.HIGH,
        "How to get from one page to the next. 'none': one request per sync. 'page_number':"
            + " pagination.page.param counts up from pagination.page.start. 'offset_limit':"
            + " pagination.offset.param starts at 0 and grows by the records received."
            + " 'cursor': the token at pagination.cursor.pointer in the body is sent back as"
            + " pagination.cursor.param. 'next_url': the body holds the next page's URL at"
            + " pagination.next.url.pointer. 'link_header': the RFC 8288 Link header with"
            + " rel=\"next\". Next-page URLs must stay on the endpoint's scheme, host and port (the"
            + " credentials go with them). A chain ends at an empty page, a page shorter than"
            + " pagination.size when pagination.size.param is sent, has-more false, or no next"
            + " cursor or URL.",
        GROUP, ++order, Width.MEDIUM, "Pagination mode");
    def.define(MAX_PAGES_PER_POLL, Type.INT, 10, ConfigDef.Range.atLeast(1), Importance.LOW,
        "The most pages of one endpoint a task fetches in one poll. A longer chain goes on in"
            + " the next poll, from the position stored in the source offset, so a restart"
            + " resumes it.",
        GROUP, ++order, Width.SHORT, "Max pages per poll");
    def.define(PAGE_PARAM, Type.STRING, "page", Validators.paramName(false), Importance.MEDIUM,
        "page_number: the query parameter holding the page number.",
        GROUP, ++order, Width.SHORT, "Page parameter");
    def.define(PAGE_START, Type.LONG, 1L, Importance.LOW,
        "page_number: the number of the first page (usually 1, sometimes 0).",
        GROUP, ++order, Width.SHORT, "First page number");
    def.define(OFFSET_PARAM, Type.STRING, "offset", Validators.paramName(false), Importance.MEDIUM,
        "offset_limit: the query parameter holding the offset of the page's first record.",
        GROUP, ++order, Width.SHORT, "Offset parameter");
    def.define(SIZE_PARAM, Type.STRING, "", Validators.paramName(true), Importance.MEDIUM,
        "The query parameter holding the page size (per_page, limit, ...), sent with"
            + " pagination.size; empty to send none. When it is sent, a page with fewer records"
            + " ends the chain (page_number, offset_limit).",
        GROUP, ++order, Width.SHORT, "Page size parameter");
    def.define(SIZE, Type.INT, 100, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
        "The page size sent as pagination.size.param.",
        GROUP, ++order, Width.SHORT, "Page size");
    def.define(CURSOR_POINTER, Type.STRING, "", Validators.pointer(), Importance.MEDIUM,
        "cursor: the JSON Pointer of the next cursor in the body, e.g. /meta/next_cursor. A"
            + " missing, null or empty cursor ends the chain.",
        GROUP, ++order, Width.MEDIUM, "Cursor pointer");
    def.define(CURSOR_PARAM, Type.STRING, "cursor", Validators.paramName(false), Importance.MEDIUM,
        "cursor: the query parameter the cursor is sent back in.",
        GROUP, ++order, Width.SHORT, "Cursor parameter");
    def.define(NEXT_URL_POINTER, Type.STRING, "", Validators.pointer(), Importance.MEDIUM,
        "next_url: the JSON Pointer of the next page's URL (absolute or relative to the current"
            + " page) in the body, e.g. /links/next. Missing, null or empty ends the chain.",
        GROUP, ++order, Width.MEDIUM, "Next URL pointer");
    def.define(HAS_MORE_POINTER, Type.STRING, "", Validators.pointer(), Importance.LOW,
        "Optional: the JSON Pointer of a boolean that is false on the last page (has_more,"
            + " hasNextPage). Empty: not used.",
        GROUP, ++order, Width.MEDIUM, "Has-more pointer");
  }

  static PaginationConfig parse(AbstractConfig config) {
    return new PaginationConfig(
        EnumChoices.parse(PaginationMode.class, config.getString(MODE)),
        config.getInt(MAX_PAGES_PER_POLL),
        config.getString(PAGE_PARAM),
        config.getLong(PAGE_START),
        config.getString(OFFSET_PARAM),
        config.getString(SIZE_PARAM),
        config.getInt(SIZE),
        config.getString(CURSOR_POINTER),
        config.getString(CURSOR_PARAM),
        config.getString(NEXT_URL_POINTER),
        config.getString(HAS_MORE_POINTER));
  }

  static void check(AbstractConfig config, CheckContext context) {
    PaginationMode mode = EnumChoices.parse(PaginationMode.class, config.getString(MODE));
    if (mode == PaginationMode.CURSOR && config.getString(CURSOR_POINTER).isEmpty()) {
      context.problem(CURSOR_POINTER, "is required with pagination.mode=cursor: the JSON Pointer"
          + " of the next cursor in the body, e.g. /meta/next_cursor");
    }
    if (mode == PaginationMode.NEXT_URL && config.getString(NEXT_URL_POINTER).isEmpty()) {
      context.problem(NEXT_URL_POINTER, "is required with pagination.mode=next_url: the JSON"
          + " Pointer of the next page's URL in the body, e.g. /links/next");
    }
    if (mode == PaginationMode.NONE && !config.getString(HAS_MORE_POINTER).isEmpty()) {
      context.problem(HAS_MORE_POINTER, "is set but pagination.mode is none; choose a pagination"
          + " mode or remove it");
    }
  }
}
