package io.streametl.stack.rest;

/**
 * One entry of GET /connector-plugins?connectorsOnly=false.
 *
 * @param type source, sink, transformation, predicate, converter, header_converter
 */
public record ConnectorPlugin(String className, String type, String version) {}
