package io.streametl.common.fieldpath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;

/**
 * A path to a possibly nested field of a record key or value, written in the syntax of Kafka's
 * KIP-821 ({@code field.syntax.version=V2}), so users write the same paths here as in Kafka's own
 * transforms.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * path     = segment *( "." segment )
 * segment  = plain / quoted
 * plain    = a non-empty run of characters other than ".", not starting with "`"
 * quoted   = "`" content "`"
 * </pre>
 *
 * <p>A plain segment is taken literally, backticks and backslashes included ({@code a`b} names the
 * field {@code a`b}). A segment that starts with a backtick is quoted, and may contain dots. Its
 * closing backtick is the first later backtick that
 *
 * <ol>
 *   <li>ends the path or is followed by a dot, and
 *   <li>is not preceded by a backslash.
 * </ol>
 *
 * <p>Inside quoted content every character is literal, with one escape: a backslash before a
 * backtick that is followed by a dot ({@code \`.}) stands for the backtick alone, so the pair does
 * not close the segment. Only a backtick followed by a dot needs this escape; any other backtick
 * is already literal, and a backslash anywhere else is literal too. Examples, as in Kafka's
 * {@code SingleFieldPath}:
 *
 * <table>
 *   <caption>Paths and their segments</caption>
 *   <tr><th>path</th><th>segments</th></tr>
 *   <tr><td>{@code device.os}</td><td>{@code device}, {@code os}</td></tr>
 *   <tr><td>{@code `a.b`.c}</td><td>{@code a.b}, {@code c}</td></tr>
 *   <tr><td>{@code foo.`bar\`.baz`}</td><td>{@code foo}, {@code bar`.baz}</td></tr>
 *   <tr><td>{@code foo.`ba`r.baz`}</td><td>{@code foo}, {@code ba`r.baz}</td></tr>
 *   <tr><td>{@code ``a``.b}</td><td>{@code `a`}, {@code b}</td></tr>
 *   <tr><td>{@code foo.ba`r.baz}</td><td>{@code foo}, {@code ba`r}, {@code baz}</td></tr>
 * </table>
 *
 * <p>Two deliberate differences from Kafka's parser: an empty path and empty segments ({@code
 * a..b}, a leading or trailing dot, {@code ``}) are rejected rather than read as fields named
 * "", because they are almost always typos; and {@link #toString()} is the canonical text, which
 * parses back to an equal path. Error messages quote the path text (configuration, never record
 * data).
 *
 * <p>Limits of the syntax: a field name that needs quoting (it contains a dot or starts with a
 * backtick) and ends with a backslash cannot be written, since that backslash would escape the
 * closing backtick; {@link #of(List)} rejects such names. In list-valued configs a comma always
 * separates entries, so a field name cannot contain a comma there.
 */
public final class FieldPath {

  private final List<String> segments;
  private final String text;
  /**
   * Where this path led in the last struct read, for the next read of the same schema. Not
   * volatile: a route is immutable, so a thread sees either a whole route or an older one (or
   * none) and then takes the ordinary way. Not part of the path's value: equals ignores it.
   */
  private StructRoute route;

  private FieldPath(List<String> segments) {
    this.segments = List.copyOf(segments);
    this.text = FieldPathSyntax.format(this.segments);
  }

  /**
   * Parses KIP-821 V2 path text.
   *
   * @throws ConfigException naming the path and what is wrong with it, when the text is empty,
   *     has an empty segment or leaves a quoted segment open
   */
  public static FieldPath parse(String text) {
    return new FieldPath(FieldPathSyntax.parse(text));
  }

  /** Parses each text in order; see {@link #parse(String)}. */
  public static List<FieldPath> parseAll(Collection<String> texts) {
    List<FieldPath> paths = new ArrayList<>(texts.size());
    for (String text : texts) {
      paths.add(parse(text));
    }
    return List.copyOf(paths);
  }

  /** The path to the field with these names, outermost first. */
  public static FieldPath of(String first, String... rest) {
    List<String> segments = new ArrayList<>(1 + rest.length);
    segments.add(first);
    segments.addAll(List.of(rest));
    return of(segments);
  }

  /**
   * The path to the field with these names, outermost first.
   *
   * @throws IllegalArgumentException if there are no names, a name is empty, or a name cannot be
   *     written in the path syntax (see the class comment)
   */
  public static FieldPath of(List<String> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a field path needs at least one field name");
    }
    for (String segment : segments) {
      FieldPathSyntax.whyNotWritable(segment)
          .ifPresent(
              reason -> {
                throw new IllegalArgumentException(reason);
              });
    }
    return new FieldPath(segments);
  }

  /** The field names along the path, outermost first; never empty. */
  public List<String> segments() {
    return segments;
  }

  /** The name of the field the path ends at. */
  public String leaf() {
    return segments.get(segments.size() - 1);
  }

  /** Whether the path goes through at least one enclosing struct or map. */
  public boolean isNested() {
    return segments.size() > 1;
  }

  /** The path of the enclosing field, or empty for a top-level field. */
  public Optional<FieldPath> parent() {
    if (!isNested()) {
      return Optional.empty();
    }
    return Optional.of(new FieldPath(segments.subList(0, segments.size() - 1)));
  }

  /** The path to the field {@code name} inside this one. */
  public FieldPath child(String name) {
    List<String> longer = new ArrayList<>(segments);
    longer.add(name);
    return of(longer);
  }

  /** Whether this path equals {@code other} or leads to a field enclosing it. */
  public boolean isPrefixOf(FieldPath other) {
    return other.segments.size() >= segments.size()
        && other.segments.subList(0, segments.size()).equals(segments);
  }

  /**
   * Whether writing both paths would collide: they are equal, or one leads into the other (a
   * field cannot be both a leaf value and a struct holding another written field).
   */
  public boolean overlaps(FieldPath other) {
    return isPrefixOf(other) || other.isPrefixOf(this);
  }

  /** Reads this path in a schema'd value, through nested structs (and maps held in them). */
  public FieldValue lookup(Struct value) {
    return FieldReader.read(value, this);
  }

  /** Reads this path in a schemaless value, through nested maps (and structs held in them). */
  public FieldValue lookup(Map<?, ?> value) {
    return FieldReader.read(value, this);
  }

  StructRoute route() {
    return route;
  }

  void route(StructRoute route) {
    if (route != null) {
      this.route = route;
    }
  }

  /** The canonical KIP-821 V2 text, which {@link #parse(String)} reads back to an equal path. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath && ((FieldPath) o).segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
