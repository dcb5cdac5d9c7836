package io.streametl.source.http.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads RFC 8288 {@code Link} header values: {@code <uri>; rel="next"; title="...", <uri2>; rel=last}.
 * Relation types are compared case-insensitively, and {@code rel} may list several
 * (space-separated), as in {@code rel="next last"}.
 */
public final class LinkHeader {

  private LinkHeader() {}

  /** The target of the first link with relation {@code rel} in any of the values. */
  public static Optional<String> target(List<String> headerValues, String rel) {
    for (String value : headerValues) {
      for (Link link : parse(value)) {
        if (link.hasRel(rel)) {
          return Optional.of(link.target());
        }
      }
    }
    return Optional.empty();
  }

  record Link(String target, List<String> rels) {
    boolean hasRel(String rel) {
      return rels.contains(rel.toLowerCase(Locale.ROOT));
    }
  }

  /** The links of one header value; malformed links are skipped. */
  static List<Link> parse(String value) {
    List<Link> links = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        break;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        break;
      }
      String target = value.substring(open + 1, close).trim();
      List<String> rels = new ArrayList<>();
      i = close + 1;
      // Parameters up to the comma that ends this link (commas inside quotes do not count).
      while (i < n) {
        char c = value.charAt(i);
        if (c == ',') {
          i++;
          break;
        }
        if (c != ';') {
          i++;
          continue;
        }
        int nameStart = ++i;
        while (i < n && value.charAt(i) != '=' && value.charAt(i) != ';' && value.charAt(i) != ',') {
          i++;
        }
        String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
        String paramValue = "";
        if (i < n && value.charAt(i) == '=') {
          i++;
          while (i < n && value.charAt(i) == ' ') {
            i++;
          }
          if (i < n && value.charAt(i) == '"') {
            StringBuilder quoted = new StringBuilder();
            i++;
            while (i < n && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\' && i + 1 < n) {
                i++;
              }
              quoted.append(value.charAt(i++));
            }
            i++; // the closing quote
            paramValue = quoted.toString();
          } else {
            int start = i;
            while (i < n && value.charAt(i) != ';' && value.charAt(i) != ',') {
              i++;
            }
            paramValue = value.substring(start, i).trim();
          }
        }
        if (name.equals("rel")) {
          for (String rel : paramValue.trim().split("\\s+")) {
            if (!rel.isEmpty()) {
              rels.add(rel.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      links.add(new Link(target, List.copyOf(rels)));
    }
    return links;
  }
}
