package io.streametl.stack.cli;

/**
 * One option a command accepts.
 *
 * @param name the option with its dashes, e.g. {@code --data-dir}
 * @param valueName how the value is shown in the usage (null for a flag without value)
 * @param description one line for the usage, including the default
 */
record OptionSpec(String name, String valueName, String description) {

  static OptionSpec flag(String name, String description) {
    return new OptionSpec(name, null, description);
  }

  static OptionSpec value(String name, String valueName, String description) {
    return new OptionSpec(name, valueName, description);
  }

  boolean takesValue() {
    return valueName != null;
  }

  String usage() {
    return takesValue() ? name + " " + valueName : name;
  }
}
